import type { Command } from '../command.ts';
import { configCommand } from './config.ts';
import { driftCommand } from './drift.ts';
import { evaluateCommand } from './evaluate.ts';
import { initCommand } from './init.ts';
import { predictCommand } from './predict.ts';
import { profileCommand } from './profile.ts';
import { registryCommand } from './registry.ts';
import { reportCommand } from './report.ts';
import { runtimeCommand } from './runtime.ts';
import { trainCommand } from './train.ts';
import { validateCommand } from './validate.ts';
import { serveCommand } from './serve.ts';
import { buildContextCommand } from './build-context.ts';
import { compareLogsCommand } from './compare-logs.ts';

/** Every verb of `mlops`, in the order `mlops --help` lists them. One line per command module. */
export const commands: Command[] = [
  profileCommand,
  validateCommand,
  trainCommand,
  evaluateCommand,
  reportCommand,
  registryCommand,
  driftCommand,
  predictCommand,
  serveCommand,
  compareLogsCommand,
  buildContextCommand,
  configCommand,
  initCommand,
  runtimeCommand,
];
