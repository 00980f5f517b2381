// The README's first command: runs the loop on the embedded churn example with the bundled
// CLI, step by step, in a scratch folder (out/demo), printing each step's report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

const out = 'out/demo';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const data = 'templates/example/data';

/** Each step: a title, the mlops arguments, and the exit codes that count as expected. */
const steps = [
  ['Profile the training data', ['profile', '--data', `${data}/train.csv`, '--out', `${out}/train-profile.json`, '--format', 'markdown'], [0]],
  ['Validate the training data against the rules', ['validate', '--data', `${data}/train.csv`, '--rules', 'templates/example/rules.yml'], [0]],
];

let failed = false;
for (const [title, args, expected] of steps) {
  console.log(`\n━━ ${title}\n$ mlops ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  if (!expected.includes(r.status)) {
    console.error(`\nstep failed with exit code ${r.status}`);
    failed = true;
    break;
  }
}
console.log(failed ? '\ndemo stopped on a failing step' : `\ndemo finished: outputs in ${out}/`);
process.exit(failed ? 1 : 0);
