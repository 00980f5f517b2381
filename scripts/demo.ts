// `npm run demo`: the whole ML loop on the embedded example with the bundled CLI (dist/cli.js).
import { runLoop } from './demo/loop.ts';

const dir = process.argv[2] ?? 'out/demo';
try {
  const results = await runLoop({ dir, cli: 'dist/cli.js', log: (line) => console.log(line) });
  console.log(`\ndemo finished: ${results.length} steps; the project repo and its registry are in ${dir}/`);
} catch (err) {
  console.error(`\ndemo stopped: ${(err as Error).message}`);
  process.exitCode = 1;
}
