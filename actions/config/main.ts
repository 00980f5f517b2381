import * as core from '@actions/core';
import { flattenConfig, parseProjectConfig } from '../../src/project/config.ts';
import { readText } from '../../src/util/fs.ts';
import { input, runAction, writeOutputs } from '../../src/github/action.ts';

await runAction(async () => {
  // The one input: the config file; every value it holds becomes an output.
  const file = input('config', 'mlops.yml');
  const config = parseProjectConfig(await readText(file), file);
  writeOutputs(flattenConfig(config));
  core.info(`${file}: model ${config.model.name} (${config.model.task}, target ${config.model.target})`);
});
