import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from './command.ts';
import { commands } from './commands/index.ts';
import { MlopsError, boundedMessage, errorMessage, messageFor } from '../util/errors.ts';
import { cliFlag } from './flag-names.ts';
import { missingRuntimeMessage } from '../util/runtime-packages.ts';
import { VERSION } from '../version.ts';

export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'mlops: the machine-learning loop (validate, profile, train, evaluate, register, serve, drift) on a laptop or in GitHub Actions.',
    '',
    'Usage: mlops <command> [options]',
    '       mlops help <command>    mlops --version (-v)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `mlops <command> --help` (or `mlops help <command>`) for a command's options and examples.",
    'Exit codes: 0 ok, 1 the check ran and failed (validation, gate, drift), 2 bad usage or input.',
  ].join('\n');
}

/** Dispatches to a command; turns expected errors into one line on stderr and an exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, ...afterFirst] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && afterFirst.length === 0)) {
    io.stdout.write(mainHelp() + '\n');
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout.write(VERSION + '\n');
    return 0;
  }
  // `mlops help VERB [SUB]` is `mlops VERB [SUB] --help`.
  const [name, ...rest] = first === 'help' ? [...afterFirst, '--help'] : argv;
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`mlops: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write((command.helpFor?.(rest) ?? command.help).trimEnd() + '\n');
      return 0;
    }
    // A bare bundle (no node_modules beside it) says so before any work, not as a late import error.
    const missing = missingRuntimeMessage(name, dirname(fileURLToPath(import.meta.url)), io.env);
    if (missing) throw new MlopsError(missing);
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof MlopsError) {
      io.stderr.write(`mlops ${name}: error: ${boundedMessage(messageFor(err, cliFlag))}\n`);
      return err.exitCode;
    }
    if (io.env.MLOPS_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? err}\n`);
    io.stderr.write(`mlops ${name}: internal error: ${boundedMessage(errorMessage(err))} (set MLOPS_DEBUG=1 for a stack trace)\n`);
    return 2;
  }
}
