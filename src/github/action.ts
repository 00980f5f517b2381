import * as core from '@actions/core';
import { dirname } from 'node:path';
import { errorLocation, messageFor, MlopsError, type SettingNamer } from '../util/errors.ts';
import { repoPath } from './annotations.ts';
import { ensureRuntimePackages, RUNTIME_NEEDS } from '../util/runtime-packages.ts';
import { tokenForms } from '../util/secrets.ts';
import { actionsRuntimeCache } from './artifacts.ts';
import { mustBe, parseInteger, parseNumber, type NumberRange, type Parsed } from '../util/parse-number.ts';

/**
 * An action's name for a setting the core reports in a SettingError: its input, since the
 * actions' inputs share the CLI's names. `withoutInputs` lists settings the action has no input
 * for; those are named as the CLI option, saying so, so the message stays one a user can follow.
 */
export function actionInputNamer(withoutInputs: readonly string[] = []): SettingNamer {
  return (setting) => (withoutInputs.includes(setting) ? `--${setting} (a CLI option: this action has no ${setting} input)` : `input "${setting}"`);
}

/**
 * Runs an action's body: an MlopsError becomes a one-line failure annotation (on the file and
 * line it names, when it names one), anything else
 * an "internal error" with the stack in the debug log, never an unhandled rejection.
 */
export async function runAction(main: () => Promise<void>, options: { withoutInputs?: readonly string[] } = {}): Promise<void> {
  // Tokens an action may pick up from its environment (the registry and comment code fall back to them).
  maskToken(process.env.GITHUB_TOKEN);
  maskToken(process.env.GH_TOKEN);
  try {
    await main();
  } catch (err) {
    if (err instanceof MlopsError) {
      // A wrong config or data file is annotated on its line, so the PR diff shows where.
      const at = errorLocation(err);
      const message = messageFor(err, actionInputNamer(options.withoutInputs));
      if (!at) core.setFailed(message);
      else {
        process.exitCode = 1;
        core.error(message, { file: repoPath(at.file), ...(at.line === undefined ? {} : { startLine: at.line }) });
      }
    } else {
      core.debug((err as Error)?.stack ?? String(err));
      core.setFailed(`internal error: ${(err as Error)?.message ?? String(err)}`);
    }
  }
}

export function input(name: string, fallback?: string): string {
  const value = core.getInput(name);
  if (value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new MlopsError(`input "${name}" is required`);
}

export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

/**
 * Asks the runner to mask a token, in every form it can take in a header, wherever it would
 * appear in the log. Only actions call this: outside a runner `::add-mask::` would print it.
 */
export function maskToken(token: string | undefined): void {
  for (const form of tokenForms(token)) core.setSecret(form);
}

/** A token input, masked in the log before anything can print it. */
export function secretInput(name: string, fallback?: string): string {
  const value = input(name, fallback);
  maskToken(value);
  return value;
}

export function optionalSecretInput(name: string): string | undefined {
  const value = optionalInput(name);
  maskToken(value);
  return value;
}

/** Newline- or comma-separated list input. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new MlopsError(`input "${name}" must be true or false (got "${value}")`);
}

export function choiceInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new MlopsError(`input "${name}" must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** The step's outputs, all set in one place at the end of an action (names as in its action.yml). */
export function writeOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/** A number input read with the parsers the CLI's flags use (src/util/parse-number.ts); unset is `fallback`. */
function parsedInput(name: string, parse: (text: string) => Parsed, expected?: string): number | undefined {
  const text = optionalInput(name);
  if (text === undefined) return undefined;
  const parsed = parse(text);
  if (!parsed.ok) throw new MlopsError(mustBe(`input "${name}"`, expected ?? parsed.expected, text));
  return parsed.value;
}

/** `expected` rewords the error ("a pull request number"), as OptionSpec.expected does for a flag. */
export function integerInput(name: string, range: NumberRange = {}, expected?: string): number | undefined {
  return parsedInput(name, (text) => parseInteger(text, range), expected);
}

export function numberInput(name: string, range: NumberRange = {}): number | undefined {
  return parsedInput(name, (text) => parseNumber(text, range));
}

/**
 * Makes the native packages a verb needs resolvable from an action's bundle (a fresh runner has
 * no node_modules next to dist/): restored from the Actions cache when a job with the same
 * pinned versions, platform, Node ABI and GPU flag saved them, else installed with npm and saved.
 * Bundles sit in dist/actions/, so packages go to dist/node_modules, shared with dist/cli.js and
 * the other actions.
 */
export async function ensureActionRuntime(
  verb: keyof typeof RUNTIME_NEEDS,
  bundleDir: string,
  options: { install?: boolean; gpu?: boolean } = {},
): Promise<void> {
  const gpu = options.gpu ?? process.env.MLOPS_GPU === '1';
  await core.group(`Runtime packages for ${verb}`, () =>
    ensureRuntimePackages(RUNTIME_NEEDS[verb], bundleDir, dirname(bundleDir), {
      gpu,
      verb,
      install: options.install,
      env: process.env,
      log: core.info,
      cache: actionsRuntimeCache,
    }),
  );
}
