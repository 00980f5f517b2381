import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_MAX_CELL_LENGTH, DEFAULT_MAX_COLUMNS } from '../data/batch.ts';
import { MlopsError } from '../util/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with errors a user can act on: unknown flags and missing values become
 * MlopsError naming the command, and `--help` is always accepted.
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new MlopsError(`${message} (see mlops ${command} --help)`);
  }
}

export function requireOption(command: string, value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new MlopsError(`${flag} is required (see mlops ${command} --help)`);
  return value;
}

export function oneOf<T extends string>(command: string, flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new MlopsError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** Accepts repeated flags and comma-separated lists alike: --data a.csv --data b.csv or --data a.csv,b.csv */
export function listOption(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new MlopsError(`${flag} must be a positive integer (got "${value}")`);
  return n;
}

/**
 * --max-columns and --max-cell-length, declared once for every command that reads data files
 * (the reader's bounds against hostile files, see DEFAULT_MAX_COLUMNS).
 */
export const READ_LIMIT_OPTIONS = {
  'max-columns': { type: 'string' },
  'max-cell-length': { type: 'string' },
} as const;

export const READ_LIMIT_HELP = `  --max-columns N  refuse files with more columns (default ${DEFAULT_MAX_COLUMNS.toLocaleString('en-US')}; bounds memory)
  --max-cell-length N
                   refuse cells longer than N characters (default ${DEFAULT_MAX_CELL_LENGTH.toLocaleString('en-US')})`;

export function readLimits(values: { 'max-columns'?: string; 'max-cell-length'?: string }): { maxColumns?: number; maxCellLength?: number } {
  return {
    ...(values['max-columns'] === undefined ? {} : { maxColumns: positiveInteger('--max-columns', values['max-columns']) }),
    ...(values['max-cell-length'] === undefined ? {} : { maxCellLength: positiveInteger('--max-cell-length', values['max-cell-length']) }),
  };
}
