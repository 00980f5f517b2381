// Preloaded into each process the startup bench times: writes the process's own CPU time
// (user + system, µs) to MLOPS_BENCH_CPU_FILE at exit, a figure that holds on a busy machine.
import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  if (process.env.MLOPS_BENCH_CPU_FILE) writeFileSync(process.env.MLOPS_BENCH_CPU_FILE, String(user + system));
});
