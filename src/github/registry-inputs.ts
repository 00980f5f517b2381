import { openRegistryContext } from '../registry/open.ts';
import type { RegistryContext } from '../registry/operations.ts';
import { booleanInput, choiceInput, input, optionalSecretInput, optionalInput } from './action.ts';

/** The register and promote actions' shared registry inputs, read before the store is opened. */
export function readRegistrySettings() {
  return {
    backend: choiceInput('backend', ['git', 'github'] as const, 'git'),
    remote: optionalInput('remote'),
    branch: input('branch', 'mlops-registry'),
    token: optionalSecretInput('token'),
    tags: booleanInput('tags', false),
  };
}

/** The registry the register and promote actions write to. */
export async function openRegistryFromSettings(settings: ReturnType<typeof readRegistrySettings>): Promise<RegistryContext> {
  return openRegistryContext({ ...settings, cwd: process.cwd(), env: process.env, now: () => new Date() });
}
