import type { Annotation } from '../util/annotation.ts';
import { yamlLines, type YamlPath } from '../util/yaml-lines.ts';
import type { Evaluation, RuleResult } from './types.ts';

const SECTION_PATH: Record<RuleResult['section'], YamlPath> = {
  rules: ['rules'],
  budgets: ['budgets'],
  slices: ['slices', 'rules'],
  significance: ['require_significant_improvement'],
};

/** One error annotation per failed gate rule, on the rule's line in gate.yml (when there is one). */
export function gateAnnotations(ev: Evaluation, gate?: { file: string; text: string }): Annotation[] {
  const lines = yamlLines(gate?.text ?? '');
  return ev.verdict.results
    .filter((r) => r.status === 'fail')
    .map((r) => ({
      level: 'error' as const,
      title: 'evaluation gate',
      message: `${r.rule}${r.slice ? ` @ ${r.slice}` : ''}: ${r.reason}`,
      file: gate?.file,
      line:
        gate && r.section === 'significance'
          ? lines.lineOf(SECTION_PATH.significance)
          : (lines.lineOfItem(SECTION_PATH[r.section], r.rule) ?? lines.lineOf(SECTION_PATH[r.section])),
    }));
}
