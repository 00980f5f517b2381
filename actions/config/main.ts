import * as core from '@actions/core';
import { flattenConfig, parseProjectConfig } from '../../src/project/config.ts';
import { readText } from '../../src/util/fs.ts';
import { input, runAction } from '../../src/github/action.ts';

await runAction(async () => {
  const file = input('config', 'mlops.yml');
  const config = parseProjectConfig(await readText(file), file);
  for (const [key, value] of Object.entries(flattenConfig(config))) core.setOutput(key, value);
  core.info(`${file}: model ${config.model.name} (${config.model.task}, target ${config.model.target})`);
});
