import type { Command } from '../command.ts';
import { profileCommand } from './profile.ts';
import { registryCommand } from './registry.ts';


/** Every verb of `mlops`, in the order `mlops --help` lists them. One line per command module. */
export const commands: Command[] = [
  profileCommand,
  registryCommand,

];
