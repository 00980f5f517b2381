import type { Command } from '../command.ts';
import { resolveRegistryRef } from '../../registry/resolve.ts';
import { runServe, SERVE_HELP } from '../../serve/serve-command.ts';

export const serveCommand: Command = {
  name: 'serve',
  help: SERVE_HELP,
  run: (argv, io) => runServe(argv, io, process, resolveRegistryRef),
};
