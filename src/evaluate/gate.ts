import { parseConfigFile } from '../util/config-file.ts';
import { z } from 'zod';
import { METRIC_NAMES, aliasWarning, canonicalMetric, isOperational } from '../metrics/names.ts';

/**
 * The gate file (gate.yml). Rules are one-line comparisons so they read like the policy they
 * encode: `accuracy >= 0.85`, `f1 >= champion - 0.01`, `p99_latency_ms <= 5`.
 */
export type Comparison = '>=' | '<=' | '>' | '<';

export interface Rule {
  text: string;
  metric: string;
  op: Comparison;
  /** `absolute`: compare with `value`; `champion`: with champion × factor + offset. */
  threshold: { kind: 'absolute'; value: number } | { kind: 'champion'; factor: number; offset: number };
  /** The deprecated name the rule was written with (`auc`); `metric` and `text` use the current one. */
  alias?: string;
}

const RULE = /^\s*([a-z0-9_]+)\s*(>=|<=|>|<)\s*(.+?)\s*$/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const CHAMPION = /^champion(?:\s*([-+*])\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?))?$/;

/** Parses one rule; the error says what is wrong so the message can name the rule. */
export function parseRule(text: string): Rule {
  const m = RULE.exec(text);
  if (!m) throw new Error('expected METRIC OP VALUE, e.g. "accuracy >= 0.85" or "f1 >= champion - 0.01" (OP is >=, <=, > or <)');
  const [, written, op, rhs] = m;
  const metric = canonicalMetric(written);
  if (!METRIC_NAMES.includes(metric)) throw new Error(`unknown metric "${written}" (known: ${METRIC_NAMES.join(', ')})`);
  // Reports show the rule in the current vocabulary, whatever name it was written with.
  const named = metric === written ? {} : { alias: written };
  const ruleText = text.trim().replace(written, metric);
  if (NUMBER.test(rhs)) return { text: ruleText, metric, op: op as Comparison, threshold: { kind: 'absolute', value: Number(rhs) }, ...named };
  const c = CHAMPION.exec(rhs);
  if (!c) throw new Error(`cannot read "${rhs}": use a number, "champion", "champion - 0.01" or "champion * 1.1"`);
  const amount = c[2] === undefined ? 0 : Number(c[2]);
  const threshold =
    c[1] === '*' ? { kind: 'champion' as const, factor: amount, offset: 0 } : { kind: 'champion' as const, factor: 1, offset: c[1] === '-' ? -amount : amount };
  return { text: ruleText, metric, op: op as Comparison, threshold, ...named };
}

const ruleList = (check?: (r: Rule) => string | undefined) =>
  z
    .array(z.string())
    .default([])
    .transform((texts, ctx) => {
      const rules: Rule[] = [];
      texts.forEach((text, i) => {
        try {
          const rule = parseRule(text);
          const problem = check?.(rule);
          if (problem) throw new Error(problem);
          rules.push(rule);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: `rule "${text}": ${(err as Error).message}`, path: [i] });
        }
      });
      return rules;
    });

const significanceSchema = z
  .object({
    metric: z.string().refine((m) => METRIC_NAMES.includes(canonicalMetric(m)) && !isOperational(canonicalMetric(m)), {
      message: 'must be a quality metric such as accuracy, f1, roc_auc or rmse',
    }),
    confidence: z.number().gt(0.5).lt(1).default(0.95),
    resamples: z.number().int().min(100).max(100000).default(1000),
    seed: z.number().int().default(0),
    /** Classifiers: also require McNemar's test on per-row correctness at 1 − confidence. */
    mcnemar: z.boolean().default(true),
  })
  .strict()
  .transform((s) => (canonicalMetric(s.metric) === s.metric ? s : { ...s, metric: canonicalMetric(s.metric), alias: s.metric }));

export const gateSchema = z
  .object({
    schema_version: z.literal(1, { error: 'schema_version must be 1 (add "schema_version: 1" at the top)' }),
    rules: ruleList((r) => (isOperational(r.metric) ? `${r.metric} is operational: put it under budgets` : undefined)),
    budgets: ruleList((r) => (isOperational(r.metric) ? undefined : `${r.metric} is not operational: put it under rules`)),
    slices: z
      .object({
        columns: z.array(z.string().min(1)).default([]),
        /** Numeric columns: a number of equal-frequency bins, or explicit edges. */
        bins: z.record(z.string(), z.union([z.number().int().min(2).max(100), z.array(z.number()).min(1)])).default({}),
        min_rows: z.number().int().min(1).default(30),
        rules: ruleList((r) => (isOperational(r.metric) ? `${r.metric} cannot be measured per slice` : undefined)),
      })
      .strict()
      .optional(),
    require_significant_improvement: significanceSchema.optional(),
  })
  .strict();

export type GateConfig = z.output<typeof gateSchema>;
export type SignificanceConfig = z.output<typeof significanceSchema>;

/** Deprecation warnings for metrics the gate names by an old alias (`auc` for `roc_auc`). */
export function gateWarnings(gate: GateConfig, file: string): string[] {
  const rules = [...gate.rules, ...gate.budgets, ...(gate.slices?.rules ?? [])];
  const written = rules.filter((r) => r.alias).map((r) => aliasWarning(r.alias!, `${file}, rule "${r.text}"`));
  const sig = gate.require_significant_improvement;
  if (sig && 'alias' in sig && sig.alias) written.push(aliasWarning(sig.alias, `${file}, require_significant_improvement`));
  return written;
}

/** Parses gate.yml text; every problem names the file and the rule or field at fault. */
export function parseGate(text: string, file: string): GateConfig {
  return parseConfigFile(text, file, gateSchema, { expect: 'a gate file must be a YAML mapping with schema_version: 1 and rules:' });
}
