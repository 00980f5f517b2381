// Writes the sentiment example's data (seeded, deterministic) into a folder:
//   node --import tsx scripts/make-sentiment.ts [dir]     (default: out/sentiment)
// The data is generated, not committed: see templates/examples/sentiment/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sentimentFiles } from './sentiment-data.ts';

const dir = process.argv[2] ?? 'out/sentiment';
for (const [name, text] of Object.entries(sentimentFiles())) {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), text);
  console.log(`wrote ${join(dir, name)} (${text.trim().split('\n').length - 1} rows)`);
}
