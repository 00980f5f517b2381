import type { Command } from '../command.ts';
import { resolveRegistryRef } from '../../registry/resolve.ts';
import { serveFromArgv, SERVE_HELP } from '../serve-args.ts';

export const serveCommand: Command = {
  name: 'serve',
  help: SERVE_HELP,
  run: (argv, io) => serveFromArgv(argv, io, process, resolveRegistryRef),
};
