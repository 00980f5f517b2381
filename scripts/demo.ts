// `npm run demo`: the whole ML loop on the embedded example with the bundled CLI (dist/cli.js).
// `npm run demo -- sentiment [dir]`: the seeds' example, movie-review sentiment with a text feature.
import { runLoop } from './demo/loop.ts';
import { runSentiment } from './demo/sentiment.ts';

const sentiment = process.argv[2] === 'sentiment';
const dir = (sentiment ? process.argv[3] : process.argv[2]) ?? (sentiment ? 'out/demo-sentiment' : 'out/demo');
try {
  const log = (line: string) => console.log(line);
  const results = sentiment ? await runSentiment({ dir, cli: ['dist/cli.js'], log }) : await runLoop({ dir, cli: 'dist/cli.js', log });
  console.log(`\ndemo finished: ${results.length} steps; the project repo and its registry are in ${dir}/`);
} catch (err) {
  console.error(`\ndemo stopped: ${(err as Error).message}`);
  process.exitCode = 1;
}
