import type { Writable } from 'node:stream';
import type { DefinedCommand } from './define.ts';

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
  /** A verb with sub-commands answers `mlops VERB SUB --help` with the sub-command's help. */
  helpFor?(argv: string[]): string;
  /** The declared commands a verb dispatches to, when it is not one itself (for the --help checks). */
  subcommands?: DefinedCommand[];
  run(argv: string[], io: CliIO): Promise<number>;
}
