import { stringify } from 'yaml';
import type { Profile } from '../profile/schema.ts';
import { RULES_SCHEMA_VERSION, type ColumnRules, type Rules } from './rules.ts';

/**
 * A starting rules file from a profile: the observed types, null behaviour, ranges, category
 * lists and keys. Meant to be reviewed and loosened by a person, not trusted blindly.
 */
export function inferRules(profile: Profile, referencePath?: string): Rules {
  const columns: Record<string, ColumnRules> = {};
  for (const c of profile.columns) {
    const rules: ColumnRules = { type: c.type };
    if (c.nulls === 0) rules.nullable = false;
    else rules.max_null_fraction = Math.min(1, Number(((2 * c.nulls) / Math.max(1, c.count)).toPrecision(2)));
    if (c.numeric && (c.type === 'number' || c.type === 'integer')) {
      rules.min = c.numeric.min;
      rules.max = c.numeric.max;
      if (referencePath) rules.reference_range = { value: { tolerance: 0.1 }, severity: 'warning' };
    }
    if (c.type === 'category' && c.top_categories?.exact) {
      rules.allowed = c.state.frequent.items.map(([k]) => k).sort();
    }
    if (c.distinct.exact && c.distinct.value === c.count && c.count > 1 && c.type !== 'number') rules.unique = true;
    // An estimated distinct count cannot prove a key: suggest it, as a warning.
    else if (c.type === 'string' && !c.distinct.exact && c.distinct.value >= 0.97 * (c.count - c.nulls)) {
      rules.unique = { value: true, severity: 'warning' };
    }
    columns[c.name] = rules;
  }
  return {
    version: RULES_SCHEMA_VERSION,
    dataset: { row_count: { min: 1 } },
    ...(referencePath ? { reference: { profile: referencePath } } : {}),
    max_examples: 5,
    columns,
  };
}

export function rulesToYaml(rules: Rules, header: string): string {
  return header + stringify(rules, { lineWidth: 120 });
}
