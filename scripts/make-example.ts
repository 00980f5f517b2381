// Regenerates the embedded example dataset (seeded, so the committed files are reproducible).
import { mkdirSync, writeFileSync } from 'node:fs';
import { CHURN_COLUMNS, churnRows, toCsv } from './example-data.ts';

const dir = 'templates/example/data';
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/train.csv`, toCsv(CHURN_COLUMNS, churnRows({ rows: 4000, seed: 1 })));
writeFileSync(`${dir}/holdout.csv`, toCsv(CHURN_COLUMNS, churnRows({ rows: 1000, seed: 2, idOffset: 4000 })));
writeFileSync(`${dir}/current.csv`, toCsv(CHURN_COLUMNS, churnRows({ rows: 1500, seed: 3, shift: 1, idOffset: 5000 })));
// Fresh labelled data from the shifted population: what a retrain after drift learns from.
writeFileSync(`${dir}/recent.csv`, toCsv(CHURN_COLUMNS, churnRows({ rows: 3000, seed: 4, shift: 1, idOffset: 6500 })));
console.log(`wrote ${dir}/train.csv (4000 rows), holdout.csv (1000), current.csv (1500, drifted), recent.csv (3000, drifted)`);
