// Preloaded into a child process (node --import): prints the peak resident set size on exit, so a
// test can bound a command's memory without /usr/bin/time.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nmax_rss_kb=${process.resourceUsage().maxRSS}\n`));
