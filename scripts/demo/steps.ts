import type { SpawnSyncReturns } from 'node:child_process';

export interface StepResult {
  title: string;
  command: string;
  code: number;
  summary: string;
}

/**
 * The demos' one step: run an mlops command, check its exit code, log a one-line summary and
 * keep it in `results`; an unexpected exit code stops the demo with the command's last lines.
 */
export function stepRunner(run: (args: string[]) => SpawnSyncReturns<string>, log: (line: string) => void, results: StepResult[]) {
  return (title: string, args: string[], expect: number, summarize: (out: string, err: string) => string): string => {
    log(`\n━━ ${title}\n$ mlops ${args.join(' ')}`);
    const r = run(args);
    const code = r.status ?? -1;
    const summary =
      code === expect
        ? summarize(r.stdout, r.stderr)
        : `unexpected exit code ${code} (expected ${expect})\n${r.stderr.trim().split('\n').slice(-5).join('\n')}`;
    log(
      summary
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
    results.push({ title, command: `mlops ${args.join(' ')}`, code, summary });
    if (code !== expect) throw new Error(`step "${title}" exited ${code}, expected ${expect}`);
    return r.stdout;
  };
}
