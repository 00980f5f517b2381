import { createServeCommand } from '../serve-args.ts';
import { resolveRegistryRef } from '../../registry/resolve.ts';

export const serveCommand = createServeCommand(process, resolveRegistryRef);
