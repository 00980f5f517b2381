// Child-process worker for the data bench: runs one job on one file and prints JSON with
// rows/s and peak RSS, so each measurement starts from a fresh heap.
import { createReadStream } from 'node:fs';
import { profileFiles } from '../../src/profile/profile.ts';
import { parseRules } from '../../src/validation/rules.ts';
import { validateFiles } from '../../src/validation/validate.ts';
import { readBatches } from '../../src/data/read.ts';
import { readFileSync } from 'node:fs';

const [job, file, rulesFile] = process.argv.slice(2);
const batchSize = process.env.BATCH ? Number(process.env.BATCH) : undefined;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let rows = 0;
if (job === 'lines') {
  // Floor: read and split the file into lines, no CSV parsing at all.
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop()!;
    rows += parts.length;
  }
  rows -= 1;
} else if (job === 'read') {
  for await (const b of readBatches(file, { batchSize })) rows += b.rows.length;
} else if (job === 'profile') {
  rows = (await profileFiles([file], { batchSize })).rows;
} else if (job === 'validate') {
  rows = (await validateFiles([file], parseRules(readFileSync(rulesFile, 'utf8'), rulesFile))).rows;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
// CPU time is what one core spent; it stays meaningful when other work shares the machine.
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    job,
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    cpuSeconds,
    rowsPerCpuSecond: rows / cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
