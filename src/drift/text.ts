import { z } from 'zod';
import { FrequentItems } from '../profile/frequent.ts';
import type { ColumnProfile } from '../profile/schema.ts';
import { TextProfiler, looksLikeText, type LengthState, type TextState } from '../profile/text.ts';
import { compareColumn, type ColumnDrift } from './compare.ts';
import { jensenShannonDistance } from './jensen-shannon.ts';
import { METHOD_CHOICES, type DriftMethod } from './methods.ts';

/** drift.yml `text:` — the thresholds of the text tests (docs/drift.md, "Text columns"). */
export const TextDriftConfigSchema = z
  .object({
    /** Method for the two length distributions (default auto, chosen as for a numeric column). */
    length_method: z.enum(METHOD_CHOICES).optional(),
    /** One threshold for both length tests, replacing the method's default. */
    length_threshold: z.number().positive().optional(),
    /** Drift when the share of tokens outside the reference vocabulary rises by this much. */
    oov_share: z.number().positive().max(1).optional(),
    /** Drift when the share of empty rows (missing, blank or without a token) rises by this much. */
    empty_share: z.number().positive().max(1).optional(),
    /** Drift when the Jensen–Shannon distance between the top-K token distributions reaches this. */
    tokens_js: z.number().positive().max(1).optional(),
    /** How many of each side's most frequent tokens the token distribution compares. */
    top_k: z.number().int().min(2).max(1000).optional(),
  })
  .strict();
export type TextDriftConfig = z.infer<typeof TextDriftConfigSchema>;

export const TEXT_DRIFT_DEFAULTS = { oov_share: 0.1, empty_share: 0.05, tokens_js: 0.1, top_k: 100 } as const;

/** Tokens named as new in the result (the current side's most frequent out-of-vocabulary ones). */
const NEW_TOKENS_SHOWN = 10;

export interface ShareTest {
  reference: number;
  current: number;
  /** current − reference: the statistic compared with the threshold. */
  statistic: number;
  threshold: number;
  drifted: boolean;
}

export interface TextColumnDrift {
  type: 'text';
  drifted: boolean;
  /** Names of the tests that drifted. */
  drifted_tests: string[];
  weight: number;
  reference_rows: number;
  current_rows: number;
  char_length: ColumnDrift & { reference_mean: number; current_mean: number };
  token_length: ColumnDrift & { reference_mean: number; current_mean: number };
  /** Share of the current tokens outside the reference's vocabulary (its counted tokens). */
  oov_share: ShareTest & { exact: boolean; new_tokens: string[] };
  empty_share: ShareTest;
  tokens: { method: 'js'; statistic: number; threshold: number; drifted: boolean; top_k: number };
}

/**
 * A column the text tests apply to: free text on the reference side (a string column averaging
 * ≥ 3 tokens per row, the rule training uses), not an identifier, whose tokens are all new.
 */
export function isTextColumn(column: ColumnProfile): boolean {
  return looksLikeText(column);
}

/** Why a text column cannot be compared; null when it can. */
export function textSkipReason(current: ColumnProfile | undefined): string | null {
  if (!current) return 'missing from the current data';
  if (!current.state.text) return 'the current data has no text statistics for it';
  return null;
}

/** A length distribution dressed as an integer column, so the numeric tests apply unchanged. */
function lengthColumn(name: string, s: LengthState): ColumnProfile {
  return {
    name,
    type: 'integer',
    nullable: false,
    count: s.moments.n,
    nulls: 0,
    distinct: { value: s.counts.items.length, exact: s.counts.error === 0 },
    state: {
      all_numeric: true,
      all_integer: true,
      all_boolean: false,
      all_datetime: false,
      moments: s.moments,
      sketch: s.sketch,
      frequent: s.counts,
      hll: null,
      lengths: null,
    },
  };
}

function emptyText(): TextState {
  return new TextProfiler().toState();
}

/**
 * The text tests of one column: the character-length and token-length distributions (numeric
 * drift tests), the out-of-vocabulary share of the current tokens against the reference's
 * vocabulary, the empty-row share, and Jensen–Shannon over the top-K token distribution
 * (tokens outside both sides' top K pooled into one bucket). The column drifts when any does.
 */
export function compareText(
  reference: ColumnProfile,
  current: ColumnProfile,
  options: { weight: number; config?: TextDriftConfig; thresholds?: Partial<Record<DriftMethod, number>>; bins?: number },
): TextColumnDrift {
  const config = options.config ?? {};
  const ref = reference.state.text ?? emptyText();
  const cur = current.state.text ?? emptyText();
  const lengths = (key: 'chars' | 'tokens') => {
    const r = ref[key];
    const c = cur[key];
    const drift = compareColumn(lengthColumn(`${reference.name}:${key}`, r), lengthColumn(`${reference.name}:${key}`, c), {
      method: config.length_method ?? 'auto',
      threshold: config.length_threshold,
      thresholds: options.thresholds,
      weight: 1,
      bins: options.bins,
    });
    return { ...drift, reference_mean: r.moments.mean, current_mean: c.moments.mean };
  };
  const charLength = lengths('chars');
  const tokenLength = lengths('tokens');

  const refTokens = FrequentItems.fromState(ref.top_tokens);
  const curTokens = FrequentItems.fromState(cur.top_tokens);
  const oovOf = (tokens: FrequentItems, total: number) => {
    if (total === 0) return 0;
    let known = 0;
    for (const [t, c] of tokens.counts) if (refTokens.counts.has(t)) known += c;
    return Math.max(0, 1 - known / total);
  };
  const oovThreshold = config.oov_share ?? TEXT_DRIFT_DEFAULTS.oov_share;
  const oovRef = oovOf(refTokens, ref.token_total);
  const oovCur = oovOf(curTokens, cur.token_total);
  const newTokens = curTokens
    .top(curTokens.counts.size)
    .filter(([t]) => !refTokens.counts.has(t))
    .slice(0, NEW_TOKENS_SHOWN)
    .map(([t]) => t);
  const oov = {
    reference: oovRef,
    current: oovCur,
    statistic: oovCur - oovRef,
    threshold: oovThreshold,
    drifted: oovCur - oovRef >= oovThreshold,
    exact: refTokens.exact && curTokens.exact,
    new_tokens: newTokens,
  };

  const emptyShare = (column: ColumnProfile, s: TextState) => (column.count === 0 ? 0 : (column.nulls + s.no_tokens) / column.count);
  const emptyThreshold = config.empty_share ?? TEXT_DRIFT_DEFAULTS.empty_share;
  const emptyRef = emptyShare(reference, ref);
  const emptyCur = emptyShare(current, cur);
  const empty = {
    reference: emptyRef,
    current: emptyCur,
    statistic: emptyCur - emptyRef,
    threshold: emptyThreshold,
    drifted: emptyCur - emptyRef >= emptyThreshold,
  };

  const k = config.top_k ?? TEXT_DRIFT_DEFAULTS.top_k;
  const labels = [...new Set([...refTokens.top(k), ...curTokens.top(k)].map(([t]) => t))];
  const shares = (tokens: FrequentItems, total: number) => {
    const p = labels.map((t) => tokens.counts.get(t) ?? 0);
    const named = p.reduce((s, x) => s + x, 0);
    return [...p, Math.max(0, total - named)];
  };
  const jsThreshold = config.tokens_js ?? TEXT_DRIFT_DEFAULTS.tokens_js;
  const js = ref.token_total === 0 || cur.token_total === 0 ? 0 : jensenShannonDistance(shares(refTokens, ref.token_total), shares(curTokens, cur.token_total));
  const tokens = { method: 'js' as const, statistic: js, threshold: jsThreshold, drifted: js >= jsThreshold, top_k: k };

  const tests = { char_length: charLength, token_length: tokenLength, oov_share: oov, empty_share: empty, tokens };
  const driftedTests = Object.entries(tests)
    .filter(([, t]) => t.drifted)
    .map(([name]) => name);
  return {
    type: 'text',
    drifted: driftedTests.length > 0,
    drifted_tests: driftedTests,
    weight: options.weight,
    reference_rows: reference.count - reference.nulls,
    current_rows: current.count - current.nulls,
    ...tests,
  };
}

/** A markdown section for the drift report: one line per text column and test. */
export function textDriftMarkdown(text: Record<string, TextColumnDrift>): string {
  const entries = Object.entries(text);
  if (entries.length === 0) return '';
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : String(x));
  const mark = (d: boolean) => (d ? '⚠️ drift' : 'ok');
  const lines = ['', '### Text columns', '', '| column | test | reference | current | statistic | threshold | result |', '|---|---|---|---|---|---|---|'];
  const notes: string[] = [];
  for (const [name, t] of entries) {
    const len = (label: string, d: TextColumnDrift['char_length']) =>
      `| ${name} | ${label} (${d.method}) | mean ${f(d.reference_mean)} | mean ${f(d.current_mean)} | ${f(d.p_value ?? d.statistic)}${d.p_value !== undefined ? ' (p)' : ''} | ${f(d.threshold)} | ${mark(d.drifted)} |`;
    lines.push(len('length in characters', t.char_length));
    lines.push(len('length in tokens', t.token_length));
    lines.push(
      `| ${name} | out-of-vocabulary share | ${f(t.oov_share.reference)} | ${f(t.oov_share.current)} | +${f(t.oov_share.statistic)} | ${f(t.oov_share.threshold)} | ${mark(t.oov_share.drifted)} |`,
    );
    lines.push(
      `| ${name} | empty share | ${f(t.empty_share.reference)} | ${f(t.empty_share.current)} | ${f(t.empty_share.statistic)} | ${f(t.empty_share.threshold)} | ${mark(t.empty_share.drifted)} |`,
    );
    lines.push(
      `| ${name} | top-${t.tokens.top_k} tokens (Jensen–Shannon) | | | ${f(t.tokens.statistic)} | ${f(t.tokens.threshold)} | ${mark(t.tokens.drifted)} |`,
    );
    if (t.oov_share.new_tokens.length > 0) notes.push(`New tokens in \`${name}\`: ${t.oov_share.new_tokens.map((x) => `\`${x}\``).join(', ')}`);
  }
  return [...lines, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n') + '\n';
}
