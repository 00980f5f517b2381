/**
 * The number parsers every surface shares: the CLI's declared options (src/cli/define.ts) and the
 * actions' inputs (src/github/action.ts). A parser never words an error itself: it returns what
 * it expected, and the surface names the value its own way (`--sample must be …`, `input
 * "sample" must be …`), so a flag and an input with the same rule fail with the same sentence.
 */
export type Parsed = { ok: true; value: number } | { ok: false; expected: string };

export interface NumberRange {
  min?: number;
  max?: number;
  /** The value must be strictly above this (thresholds: 0 is no threshold at all). */
  above?: number;
}

const ok = (value: number): Parsed => ({ ok: true, value });
const expected = (text: string): Parsed => ({ ok: false, expected: text });

/** Whole numbers written as digits (an optional sign only when negatives are allowed). */
export function parseInteger(text: string, range: NumberRange = {}): Parsed {
  const wanted = integerExpected(range);
  const t = text.trim();
  const signed = range.min === undefined || range.min < 0;
  if (!(signed ? /^[+-]?\d+$/ : /^\+?\d+$/).test(t)) return expected(wanted);
  const n = Number(t);
  if (!Number.isSafeInteger(n) || !inRange(n, range)) return expected(wanted);
  return ok(n);
}

function integerExpected({ min, max }: NumberRange): string {
  if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
  if (min === 1) return 'a positive integer';
  if (min === 0) return 'a whole number';
  if (min !== undefined) return `an integer ≥ ${min}`;
  return 'an integer';
}

/** Any finite decimal number within the range. */
export function parseNumber(text: string, range: NumberRange = {}): Parsed {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !inRange(n, range)) return expected(numberExpected(range));
  return ok(n);
}

function numberExpected({ min, max, above }: NumberRange): string {
  if (min === 0 && max === 1 && above === undefined) return 'a number from 0 to 1';
  return min === undefined && max === undefined && above === undefined ? 'a number' : 'a number in range';
}

/** A share of something, 0..1 (a sample rate, a drift share). */
export function parseFraction(text: string): Parsed {
  return parseNumber(text, { min: 0, max: 1 });
}

/** A percentage, 0..100. */
export function parsePercent(text: string): Parsed {
  const n = Number(text);
  if (text.trim() === '' || !(n >= 0 && n <= 100)) return expected('a percentage from 0 to 100');
  return ok(n);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2 };

/** A byte count with an optional unit: 65536, 512kb, 4mb (powers of 1024; zero is refused). */
export function parseByteSize(text: string): Parsed {
  const m = /^(\d+)\s*(b|kb?|mb?)?$/i.exec(text.trim());
  if (!m || Number(m[1]) === 0) return expected('a size like 65536, 512kb or 4mb');
  return ok(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
}

function inRange(n: number, { min, max, above }: NumberRange): boolean {
  return (min === undefined || n >= min) && (max === undefined || n <= max) && (above === undefined || n > above);
}

/** The one sentence for a value that does not parse: `--port must be a whole number from 1 to 65535 (got "x")`. */
export function mustBe(subject: string, expectedText: string, text: string): string {
  return `${subject} must be ${expectedText} (got "${text}")`;
}
