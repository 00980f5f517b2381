import type { CalibrationBin, ClassScores } from '../metrics/classification.ts';
import type { Curves, ResidualHistogram } from '../metrics/curves.ts';
import type { BootstrapResult, McNemarResult } from '../metrics/significance.ts';
import type { Task } from '../model/types.ts';
import type { LabelJoinSummary } from './label-join.ts';

/** Metric name → value; null when undefined for the data (one-class AUC, empty slice). */
export type Scalars = Record<string, number | null>;

export interface ModelEvaluation {
  /** How the model was named on the command line (path or registry ref). */
  model: string;
  metrics: Scalars;
  perClass?: ClassScores[];
  confusion?: { labels: string[]; matrix: number[][] };
  calibration?: CalibrationBin[];
  /** Binary classifiers with probabilities: ROC and precision–recall on a 21-point grid. */
  curves?: Curves;
  /** Regressors: histogram of y − ŷ. */
  residuals?: ResidualHistogram;
  /** Training parameters from the model's lineage (lineage.json beside the file, or the registry version). */
  params?: Record<string, unknown>;
}

export interface SliceEvaluation {
  column: string;
  value: string;
  rows: number;
  candidate: Scalars;
  champion: Scalars | null;
  /** Candidate worse than the champion on the primary metric; null without a champion or value. */
  worse: boolean | null;
}

export interface SignificanceResult {
  metric: string;
  bootstrap: BootstrapResult;
  mcnemar: McNemarResult | null;
  significant: boolean;
  reason: string;
}

export type RuleStatus = 'pass' | 'fail' | 'skipped';

export interface RuleResult {
  rule: string;
  section: 'rules' | 'budgets' | 'slices' | 'significance';
  slice?: string;
  metric: string;
  candidate: number | null;
  champion: number | null;
  threshold: number | null;
  status: RuleStatus;
  reason: string;
}

export interface Verdict {
  verdict: 'pass' | 'fail';
  passed: boolean;
  hasChampion: boolean;
  results: RuleResult[];
  notes: string[];
}

/** The stored evaluation (`--format json`, the action's report JSON). */
export interface Evaluation {
  schema_version: 1;
  kind: 'evaluation';
  generated_at: string;
  task: Task;
  target: string;
  data: string[];
  rows: number;
  /** Rows left out because the target was empty. */
  skipped_rows: number;
  /** The metric slices are compared on and charts show. */
  primary_metric: string;
  candidate: ModelEvaluation;
  champion: ModelEvaluation | null;
  slices: SliceEvaluation[];
  significance: SignificanceResult | null;
  verdict: Verdict;
  /** Set when fewer rows than this meant the gate was not applied. */
  min_rows?: number;
  /** Set when --baseline named a registry model that does not exist yet: judged as a first model. */
  first_model?: { baseline: string; reason: string };
  /** Set when the data were logged predictions joined with late labels (`--labels`). */
  labels?: LabelJoinSummary;
}
