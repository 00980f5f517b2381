import type { Command } from '../command.ts';
import { resolveRegistryRef } from '../../../registry/src/resolve.ts';
import { runServe, SERVE_HELP } from '../../serve/serve-command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a model over HTTP (predict, health, ready, metadata, metrics)',
  help: SERVE_HELP,
  run: (argv, io) => runServe(argv, io, process, resolveRegistryRef),
};
