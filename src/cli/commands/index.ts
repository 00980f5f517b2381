import type { Command } from '../command.ts';
import { evaluateCommand } from './evaluate.ts';
import { profileCommand } from './profile.ts';
import { reportCommand } from './report.ts';
import { validateCommand } from './validate.ts';

/** Every verb of `mlops`, in the order `mlops --help` lists them. One line per command module. */
export const commands: Command[] = [
  profileCommand,
  validateCommand,
  evaluateCommand,
  reportCommand,
];
