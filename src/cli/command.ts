import type { Writable } from 'node:stream';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/**
 * One CLI verb (listed with its summary in commands/index.ts). `run` returns the exit code: 0 success, 1 "the check ran and failed"
 * (validation errors, gate failure, drift found), 2 usage or input errors (thrown as MlopsError).
 */
export interface Command {
  name: string;
  /** Full --help text: usage, options, examples. */
  help: string;
  run(argv: string[], io: CliIO): Promise<number>;
}
