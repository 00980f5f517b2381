import { MlopsError } from '../util/errors.ts';
import type { RunRecord } from './schema.ts';

/**
 * The run filter and sort language of `mlops runs list --where/--sort`: MLflow's `search_runs`
 * `filter_string` and `order_by`, plus `or` and parentheses.
 *
 *   metrics.roc_auc > 0.8 and params.model.type = 'mlp'
 *   (status = 'failed' or metrics.`val-loss` >= 0.5) and started_at >= '2026-01-01'
 *   params.optimizer IN ('adam', 'sgd') and tags.team ILIKE 'fraud%'
 *
 * Keys: `metrics.NAME`, `params.NAME`, `tags.NAME` (NAME may contain dots; names with other
 * characters go in backticks or double quotes), and the run's own fields: status, model, id,
 * error, started_at, duration_ms, data_fingerprint, registered_as, source.commit, source.ref,
 * source.pr, source.workflow_run_url, environment.runner, environment.backend, environment.gpu,
 * sweep.id, sweep.trial, artifact.name, artifact.path (MLflow's `attributes.status`,
 * `attributes.run_id` and `attributes.start_time` are accepted too).
 * Operators: = != < <= > >=, LIKE and ILIKE (`%` any run of characters, `_` one), IN and NOT IN
 * with a parenthesised list; `and` binds tighter than `or`; keywords in any case.
 * Values: numbers, 'strings' or "strings" (a doubled quote inside is one quote), true, false.
 * A run lacking the key never matches, whatever the operator (as MLflow's join drops it).
 * Numbers compare numerically (a numeric string param too), strings lexically, started_at as
 * a date ('2026-01-01' or a full ISO time).
 */

export type Scope = 'metrics' | 'params' | 'tags' | 'field';
export interface Key {
  scope: Scope;
  name: string;
}
type Literal = string | number | boolean;
type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

export type Expr = { kind: 'and' | 'or'; left: Expr; right: Expr } | { kind: 'cmp'; key: Key; op: Op; values: Literal[] };

/** A bad filter or sort: one line with the 1-based column where it went wrong. */
export class FilterError extends MlopsError {
  constructor(
    readonly text: string,
    readonly column: number,
    detail: string,
  ) {
    super(`column ${column}: ${detail} (in "${text}")`);
    this.name = 'FilterError';
  }
}

type FieldType = 'string' | 'number' | 'date';
/** The run's own fields a filter or sort can name, with how they compare. */
const FIELDS: Record<string, { type: FieldType; get: (r: RunRecord) => unknown }> = {
  id: { type: 'string', get: (r) => r.id },
  model: { type: 'string', get: (r) => r.model },
  status: { type: 'string', get: (r) => r.status },
  error: { type: 'string', get: (r) => r.error },
  started_at: { type: 'date', get: (r) => r.started_at },
  duration_ms: { type: 'number', get: (r) => r.duration_ms },
  data_fingerprint: { type: 'string', get: (r) => r.data_fingerprint },
  registered_as: { type: 'string', get: (r) => r.registered_as },
  'source.commit': { type: 'string', get: (r) => r.source.commit },
  'source.ref': { type: 'string', get: (r) => r.source.ref },
  'source.pr': { type: 'number', get: (r) => r.source.pr },
  'source.workflow_run_url': { type: 'string', get: (r) => r.source.workflow_run_url },
  'environment.runner': { type: 'string', get: (r) => r.environment.runner },
  'environment.backend': { type: 'string', get: (r) => r.environment.backend },
  'environment.gpu': { type: 'string', get: (r) => r.environment.gpu },
  'sweep.id': { type: 'string', get: (r) => r.sweep?.id },
  'sweep.trial': { type: 'number', get: (r) => r.sweep?.trial },
  'artifact.name': { type: 'string', get: (r) => r.artifact?.name },
  'artifact.path': { type: 'string', get: (r) => r.artifact?.path },
};
/** MLflow's attribute names for the same fields. */
const MLFLOW_ALIASES: Record<string, string> = { run_id: 'id', start_time: 'started_at', run_name: 'id' };

export const FIELD_NAMES = Object.keys(FIELDS);

type Token =
  | { t: 'key'; key: Key; pos: number; end: number }
  | { t: 'value'; value: Literal; pos: number; end: number }
  | { t: 'op'; op: '=' | '!=' | '<' | '<=' | '>' | '>='; pos: number; end: number }
  | { t: 'word'; word: 'AND' | 'OR' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT'; pos: number; end: number }
  | { t: '(' | ')' | ','; pos: number; end: number }
  | { t: 'end'; pos: number; end: number };

const WORDS = new Set(['AND', 'OR', 'LIKE', 'ILIKE', 'IN', 'NOT']);
const NAME_CHAR = /[A-Za-z0-9_.:/-]/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (at: number, detail: string): never => {
    throw new FilterError(text, at + 1, detail);
  };
  /** A quoted run of characters ending at the matching quote; a doubled quote is one. */
  const quoted = (start: number): [string, number] => {
    const q = text[start];
    let out = '';
    let j = start + 1;
    for (;;) {
      if (j >= text.length) fail(start, `unterminated ${q === '`' ? 'backticked name' : 'string'} starting here`);
      if (text[j] === q) {
        if (text[j + 1] === q) {
          out += q;
          j += 2;
          continue;
        }
        return [out, j + 1];
      }
      out += text[j++];
    }
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c, pos: start, end: ++i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '<>') {
      i += 2;
      tokens.push({ t: 'op', op: two === '<>' ? '!=' : (two as '!=' | '<=' | '>='), pos: start, end: i });
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      i += text[i + 1] === '=' && c === '=' ? 2 : 1;
      tokens.push({ t: 'op', op: c, pos: start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      const [value, next] = quoted(i);
      i = next;
      tokens.push({ t: 'value', value, pos: start, end: i });
      continue;
    }
    const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i));
    if (number && (c !== '-' && c !== '+' ? true : /[\d.]/.test(text[i + 1] ?? ''))) {
      i += number[0].length;
      tokens.push({ t: 'value', value: Number(number[0]), pos: start, end: i });
      continue;
    }
    if (/[A-Za-z_`]/.test(c)) {
      // A key: a prefix word, then `.name`, `.\`name\``, `."name"` parts.
      let name = '';
      const parts: string[] = [];
      if (c === '`') {
        [name, i] = quoted(i);
        parts.push(name);
      } else {
        while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) name += text[i++];
        parts.push(name);
      }
      while (text[i] === '.') {
        const next = text[i + 1];
        if (next === '`' || next === '"') {
          const [part, after] = quoted(i + 1);
          parts.push(part);
          i = after;
        } else {
          let part = '';
          i++;
          while (i < text.length && NAME_CHAR.test(text[i]) && text[i] !== '.') part += text[i++];
          if (part === '') fail(i, 'expected a name after "."');
          parts.push(part);
        }
      }
      const upper = parts.length === 1 && c !== '`' ? name.toUpperCase() : '';
      if (WORDS.has(upper)) tokens.push({ t: 'word', word: upper as 'AND', pos: start, end: i });
      else if (upper === 'TRUE' || upper === 'FALSE') tokens.push({ t: 'value', value: upper === 'TRUE', pos: start, end: i });
      else tokens.push({ t: 'key', key: resolveKey(text, start, parts), pos: start, end: i });
      continue;
    }
    fail(i, `unexpected "${c}"`);
  }
  tokens.push({ t: 'end', pos: text.length, end: text.length });
  return tokens;
}

function resolveKey(text: string, pos: number, parts: string[]): Key {
  const [head, ...rest] = parts;
  const prefix = head.toLowerCase();
  if (prefix === 'metrics' || prefix === 'metric' || prefix === 'params' || prefix === 'param' || prefix === 'tags' || prefix === 'tag') {
    if (rest.length === 0) throw new FilterError(text, pos + 1, `"${head}" needs a name: ${prefix.replace(/s$/, '')}s.NAME`);
    return { scope: (prefix.endsWith('s') ? prefix : prefix + 's') as Scope, name: rest.join('.') };
  }
  const dotted = (prefix === 'attributes' || prefix === 'attribute' || prefix === 'attr' || prefix === 'run' ? rest : parts).join('.');
  const name = MLFLOW_ALIASES[dotted] ?? dotted;
  if (!(name in FIELDS)) {
    throw new FilterError(text, pos + 1, `unknown key "${parts.join('.')}": use metrics.NAME, params.NAME, tags.NAME or one of ${FIELD_NAMES.join(', ')}`);
  }
  return { scope: 'field', name };
}

function describeToken(t: Token): string {
  switch (t.t) {
    case 'end':
      return 'the end';
    case 'key':
      return `"${keyText(t.key)}"`;
    case 'value':
      return typeof t.value === 'string' ? `'${t.value}'` : String(t.value);
    case 'op':
      return `"${t.op}"`;
    case 'word':
      return `"${t.word.toLowerCase()}"`;
    default:
      return `"${t.t}"`;
  }
}

export function keyText(key: Key): string {
  const name = key.scope === 'field' || /^[A-Za-z0-9_.:/-]+$/.test(key.name) ? key.name : `\`${key.name.replace(/`/g, '``')}\``;
  return key.scope === 'field' ? name : `${key.scope}.${name}`;
}

/** Parses a `--where` expression; errors name the column. */
export function parseFilter(text: string): Expr {
  const tokens = tokenize(text);
  let p = 0;
  const peek = () => tokens[p];
  const fail = (t: Token, detail: string): never => {
    throw new FilterError(text, t.pos + 1, detail);
  };
  const isWord = (t: Token, word: string) => t.t === 'word' && t.word === word;

  function or(): Expr {
    let left = and();
    while (isWord(peek(), 'OR')) {
      p++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }
  function and(): Expr {
    let left = primary();
    while (isWord(peek(), 'AND')) {
      p++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }
  function primary(): Expr {
    const t = peek();
    if (t.t === '(') {
      p++;
      const inner = or();
      const close = peek();
      if (close.t !== ')') fail(close, `expected ")" to close the "(" at column ${t.pos + 1}, got ${describeToken(close)}`);
      p++;
      return inner;
    }
    if (t.t !== 'key') return fail(t, `expected a key such as metrics.NAME, params.NAME or status, got ${describeToken(t)}`);
    p++;
    return comparison(t);
  }
  function comparison(keyToken: Extract<Token, { t: 'key' }>): Expr {
    const key = keyToken.key;
    const opToken = peek();
    let op: Op;
    if (opToken.t === 'op') op = opToken.op;
    else if (isWord(opToken, 'LIKE') || isWord(opToken, 'ILIKE') || isWord(opToken, 'IN')) op = (opToken as { word: Op }).word;
    else if (isWord(opToken, 'NOT') && isWord(tokens[p + 1], 'IN')) {
      op = 'NOT IN';
      p++;
    } else return fail(opToken, `expected an operator (= != < <= > >= LIKE ILIKE IN) after "${keyText(key)}", got ${describeToken(opToken)}`);
    p++;
    const values: Literal[] = [];
    const valueTokens: Extract<Token, { t: 'value' }>[] = [];
    if (op === 'IN' || op === 'NOT IN') {
      const open = peek();
      if (open.t !== '(') fail(open, `expected "(" after ${op}, e.g. ${keyText(key)} IN ('a', 'b')`);
      p++;
      for (;;) {
        const v = peek();
        if (v.t !== 'value') fail(v, `expected a value in the ${op} list, got ${describeToken(v)}`);
        valueTokens.push(v as Extract<Token, { t: 'value' }>);
        p++;
        const sep = peek();
        if (sep.t === ')') break;
        if (sep.t !== ',') fail(sep, `expected "," or ")" in the ${op} list, got ${describeToken(sep)}`);
        p++;
      }
      p++;
    } else {
      const v = peek();
      if (v.t !== 'value') fail(v, `expected a value after "${keyText(key)} ${op}", got ${describeToken(v)}`);
      valueTokens.push(v as Extract<Token, { t: 'value' }>);
      p++;
    }
    for (const v of valueTokens) values.push(checkValue(text, key, op, v));
    return { kind: 'cmp', key, op, values };
  }

  const expr = or();
  const rest = peek();
  if (rest.t !== 'end') fail(rest, `expected "and", "or" or the end, got ${describeToken(rest)}`);
  return expr;
}

/** Type rules that catch a mistake at parse time: LIKE wants a string, metrics a number, dates a date. */
function checkValue(text: string, key: Key, op: Op, token: Extract<Token, { t: 'value' }>): Literal {
  const at = (detail: string): never => {
    throw new FilterError(text, token.pos + 1, detail);
  };
  const value = token.value;
  if ((op === 'LIKE' || op === 'ILIKE') && typeof value !== 'string') at(`${op} needs a quoted pattern, e.g. ${keyText(key)} ${op} 'adam%'`);
  const type = key.scope === 'metrics' ? 'number' : key.scope === 'field' ? FIELDS[key.name].type : 'any';
  if (type === 'number' && typeof value !== 'number') at(`${keyText(key)} is a number: compare it with a number, not ${describeToken(token)}`);
  if (type === 'number' && (op === 'LIKE' || op === 'ILIKE')) at(`${op} is for strings, and ${keyText(key)} is a number`);
  if (type === 'date' && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
    at(`${keyText(key)} is a date: compare it with one such as '2026-01-31' or '2026-01-31T12:00:00Z'`);
  if (type === 'string' && typeof value !== 'string') at(`${keyText(key)} is a string: quote the value, e.g. '${String(value)}'`);
  return value;
}

type Value = string | number | boolean;

/** The value a key has on a run; undefined when the run lacks it (a null param counts as lacking). */
export function keyValue(run: RunRecord, key: Key): Value | undefined {
  const raw = key.scope === 'field' ? FIELDS[key.name].get(run) : run[key.scope][key.name];
  if (raw === undefined || raw === null) return undefined;
  if (key.scope === 'field' && FIELDS[key.name].type === 'date') return Date.parse(raw as string);
  return raw as Value;
}

function likeRegex(pattern: string, ignoreCase: boolean): RegExp {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
}

/** Orders two values of one key: numbers numerically, else as strings; null when they cannot meet. */
function order(actual: Value, literal: Literal): number | null {
  if (typeof literal === 'number') {
    const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
    return Number.isNaN(n) ? null : n - literal;
  }
  if (typeof literal === 'boolean') return String(actual) === String(literal) ? 0 : null;
  const s = String(actual);
  return s < literal ? -1 : s > literal ? 1 : 0;
}

function compare(actual: Value, op: Op, literal: Literal, dateKey: boolean): boolean {
  if (op === 'LIKE' || op === 'ILIKE') return likeRegex(literal as string, op === 'ILIKE').test(String(actual));
  const lit = dateKey ? Date.parse(literal as string) : literal;
  const o = order(actual, lit);
  if (o === null) return op === '!=' && typeof literal === 'boolean';
  switch (op) {
    case '=':
      return o === 0;
    case '!=':
      return o !== 0;
    case '<':
      return o < 0;
    case '<=':
      return o <= 0;
    case '>':
      return o > 0;
    default:
      return o >= 0;
  }
}

export function matches(expr: Expr, run: RunRecord): boolean {
  if (expr.kind !== 'cmp')
    return expr.kind === 'and' ? matches(expr.left, run) && matches(expr.right, run) : matches(expr.left, run) || matches(expr.right, run);
  const actual = keyValue(run, expr.key);
  if (actual === undefined) return false;
  const dateKey = expr.key.scope === 'field' && FIELDS[expr.key.name].type === 'date';
  if (expr.op === 'IN') return expr.values.some((v) => compare(actual, '=', v, dateKey));
  if (expr.op === 'NOT IN') return expr.values.every((v) => compare(actual, '!=', v, dateKey));
  return compare(actual, expr.op, expr.values[0], dateKey);
}

export interface SortKey {
  key: Key;
  descending: boolean;
}

/**
 * `order_by` terms: `metrics.roc_auc DESC`, `-metrics.roc_auc` (descending), `params.lr ASC`,
 * `started_at` (ascending); several are given as a list or comma-separated.
 */
export function parseSort(terms: readonly string[]): SortKey[] {
  return terms.flatMap(splitTerms).map((raw) => {
    const term = raw.trim();
    const sign = /^[-+]/.test(term) ? term[0] : '';
    const direction = /\s+(ASC|DESC)$/i.exec(term);
    const text = term.slice(sign.length, direction ? direction.index : term.length);
    const offset = sign.length;
    let tokens: Token[];
    try {
      tokens = tokenize(text);
    } catch (err) {
      if (err instanceof FilterError) throw new FilterError(term, err.column + offset, err.message.replace(/^column \d+: /, '').replace(/ \(in ".*"\)$/s, ''));
      throw err;
    }
    if (tokens[0].t !== 'key' || tokens[1].t !== 'end') {
      const bad = tokens[0].t !== 'key' ? tokens[0] : tokens[1];
      throw new FilterError(term, bad.pos + 1 + offset, `expected one key with an optional ASC or DESC (or a leading -), got ${describeToken(bad)}`);
    }
    return { key: tokens[0].key, descending: direction ? direction[1].toUpperCase() === 'DESC' : sign === '-' };
  });
}

/** Commas split terms except inside backticks or quotes. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '`' || ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.filter((t) => t.trim() !== '');
}

/** MLflow's default order: newest first. */
export const DEFAULT_SORT: SortKey[] = [{ key: { scope: 'field', name: 'started_at' }, descending: true }];

/**
 * Sorts by the keys in turn; a run lacking a key sorts after every run that has it, in either
 * direction (as MLflow puts NULLs last). Ties fall back to the newest id first.
 */
export function sortRuns(runs: readonly RunRecord[], keys: readonly SortKey[]): RunRecord[] {
  const decorated = runs.map((run) => ({ run, values: keys.map((k) => keyValue(run, k.key)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === undefined || y === undefined) {
        if (x === undefined && y === undefined) continue;
        return x === undefined ? 1 : -1;
      }
      const c = compareValues(x, y);
      if (c !== 0) return keys[i].descending ? -c : c;
    }
    return a.run.id < b.run.id ? 1 : a.run.id > b.run.id ? -1 : 0;
  });
  return decorated.map((d) => d.run);
}

/** Numbers before strings before booleans; within a type, the natural order. */
function compareValues(x: Value, y: Value): number {
  const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'number') return x - (y as number);
  const [s, t] = [String(x), String(y)];
  return s < t ? -1 : s > t ? 1 : 0;
}
