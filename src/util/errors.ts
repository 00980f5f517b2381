/**
 * An error a user can act on. The CLI prints its message on one line with no stack trace
 * and exits with `exitCode` (2 unless a command says otherwise: 1 is reserved for
 * "the check ran and failed").
 */
export class MlopsError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MlopsError';
    this.exitCode = options.exitCode ?? 2;
  }
}

/** How a surface names a setting: `--model-url` on the CLI, `input "model-url"` in an action. */
export type SettingNamer = (setting: string) => string;

/**
 * A user error about settings (options, inputs), carrying their keys rather than one surface's
 * name for them: the core cannot know whether a flag, an action input or mlops.yml set a value,
 * so `wordedAs` lets the caller word the message (`--since must…`, `input "since" must…`).
 * `message` names the bare keys, for callers that word nothing.
 */
export class SettingError extends MlopsError {
  readonly settings: readonly string[];
  readonly #text: (name: SettingNamer) => string;
  constructor(settings: string | readonly string[], text: (name: SettingNamer) => string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(
      text((s) => s),
      options,
    );
    this.name = 'SettingError';
    this.settings = typeof settings === 'string' ? [settings] : settings;
    this.#text = text;
  }

  /** The message with every setting named the surface's way. */
  wordedAs(name: SettingNamer): string {
    return this.#text(name);
  }
}

/** An error's one-line message, with settings worded by `name` when it is a SettingError. */
export function messageFor(err: MlopsError, name: SettingNamer): string {
  return err instanceof SettingError ? err.wordedAs(name) : err.message;
}

/** `prefix: ` and the error's message, keeping a SettingError's settings for the surface to word. */
export function prefixedError(prefix: string, err: MlopsError): MlopsError {
  if (err instanceof SettingError) return new SettingError(err.settings, (name) => `${prefix}: ${err.wordedAs(name)}`, { cause: err });
  return new MlopsError(`${prefix}: ${err.message}`, { cause: err });
}

/** Malformed input data: names the file and, where known, the line, row and column. */
export class DataError extends MlopsError {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly where: { line?: number; row?: number; column?: string } = {},
  ) {
    super(formatLocation(file, where) + ': ' + detail);
    this.name = 'DataError';
  }
}

/** A wrong config file (rules, gate, mlops.yml): names the file and, where known, the line. */
export class ConfigError extends MlopsError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The file and line an error points at, for a GitHub annotation (`::error file=…,line=…::`). */
export function errorLocation(err: unknown): { file: string; line?: number } | undefined {
  if (err instanceof ConfigError) return { file: err.file, line: err.line };
  if (err instanceof DataError) return { file: err.file, line: err.where.line };
  return undefined;
}

function formatLocation(file: string, where: { line?: number; row?: number; column?: string }): string {
  const parts = [file];
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column "${where.column}"`);
  return parts.join(', ');
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A data-derived list for a one-line message: the first `max` items, each cut to 60 characters,
 * then how many more. A file with a million columns must not make a megabyte-long error.
 */
export function listPreview(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).map((x) => (x.length > 60 ? x.slice(0, 60) + '…' : x));
  return shown.join(', ') + (items.length > max ? `, … (${(items.length - max).toLocaleString('en-US')} more)` : '');
}

/** Longest error line the CLI prints; what is beyond is data echoed back, not information. */
export const MAX_ERROR_LENGTH = 2000;

export function boundedMessage(message: string): string {
  return message.length <= MAX_ERROR_LENGTH
    ? message
    : `${message.slice(0, MAX_ERROR_LENGTH)}… (${(message.length - MAX_ERROR_LENGTH).toLocaleString('en-US')} more characters)`;
}

/** A failed read or write of `file` as one line naming it, for the errno codes a user can act on. */
export function fileError(file: string, err: unknown): MlopsError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new MlopsError(`${file}: no such file`);
  if (code === 'EISDIR') return new MlopsError(`${file}: is a directory, expected a data file`);
  if (code === 'EACCES') return new MlopsError(`${file}: permission denied`);
  if (code === 'Z_DATA_ERROR') return new MlopsError(`${file}: not a valid gzip file`);
  return new MlopsError(`${file}: ${(err as Error)?.message ?? String(err)}`);
}
