import { mulberry32, normal, poisson } from '../src/util/random.ts';

export interface ChurnOptions {
  rows: number;
  seed: number;
  /** 0 for the training population; >0 shifts prices, support load and regions (drift demo). */
  shift?: number;
  idOffset?: number;
}

export const CHURN_COLUMNS = [
  'customer_id',
  'age',
  'tenure_months',
  'monthly_charges',
  'total_charges',
  'plan',
  'contract',
  'region',
  'support_calls',
  'has_partner',
  'signup_date',
  'churned',
];

const pick = <T>(rand: () => number, items: readonly T[], weights: readonly number[]): T => {
  let r = rand() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
};

/** A synthetic telecom-churn table: numeric and categorical features and a binary label. */
export function churnRows(options: ChurnOptions): string[][] {
  const rand = mulberry32(options.seed);
  const shift = options.shift ?? 0;
  const rows: string[][] = [];
  for (let i = 0; i < options.rows; i++) {
    const age = Math.max(18, Math.min(85, Math.round(45 + 14 * normal(rand))));
    const tenure = Math.min(72, Math.floor(-Math.log(1 - rand()) * 24));
    const plan = pick(rand, ['basic', 'standard', 'premium'], [0.5, 0.35, 0.15]);
    const base = plan === 'basic' ? 35 : plan === 'standard' ? 65 : 95;
    const monthly = Math.max(15, base + 8 * normal(rand) + 15 * shift);
    const total = tenure === 0 && rand() < 0.5 ? '' : (monthly * tenure * (0.95 + 0.1 * rand())).toFixed(2);
    const contract = pick(rand, ['month-to-month', 'one-year', 'two-year'], [0.55 + 0.2 * shift, 0.25, 0.2]);
    const region = pick(rand, ['north', 'south', 'east', 'west'], [0.3, 0.25 + 0.3 * shift, 0.25, 0.2]);
    const calls = poisson(rand, 1.5 + 1.5 * shift);
    const partner = rand() < 0.48;
    const signup = new Date(Date.UTC(2026, 0, 1) - tenure * 30.4 * 86400000 - Math.floor(rand() * 28) * 86400000);
    const logit =
      -1.2 +
      0.035 * (monthly - 60) -
      0.045 * tenure +
      0.4 * calls +
      (contract === 'month-to-month' ? 1.3 : contract === 'one-year' ? 0 : -1.2) -
      0.35 * (partner ? 1 : 0) -
      0.01 * (age - 45);
    const churned = rand() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push([
      `C${String(i + 1 + (options.idOffset ?? 0)).padStart(6, '0')}`,
      String(age),
      String(tenure),
      monthly.toFixed(2),
      total,
      plan,
      contract,
      region,
      String(calls),
      String(partner),
      signup.toISOString().slice(0, 10),
      String(churned),
    ]);
  }
  return rows;
}

export function toCsv(header: readonly string[], rows: readonly string[][]): string {
  return header.join(',') + '\n' + rows.map((r) => r.join(',')).join('\n') + '\n';
}
