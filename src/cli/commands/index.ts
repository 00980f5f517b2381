import type { Command } from '../command.ts';
import { profileCommand } from './profile.ts';
import { trainCommand } from './train.ts';


/** Every verb of `mlops`, in the order `mlops --help` lists them. One line per command module. */
export const commands: Command[] = [
  profileCommand,
  trainCommand,

];
