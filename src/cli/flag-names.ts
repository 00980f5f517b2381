import type { SettingNamer } from '../util/errors.ts';

/** The CLI's name for a setting the core reports in a SettingError: its flag (`model-url` → `--model-url`). */
export const cliFlag: SettingNamer = (setting) => `--${setting}`;
