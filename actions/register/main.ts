import * as core from '@actions/core';
import { input, optionalInput, runAction, writeOutputs } from '../../src/github/action.ts';
import { versionLabel } from '../../src/registry/format.ts';
import { registerFromFiles } from '../../src/registry/inputs.ts';
import { openRegistryFromSettings, readRegistrySettings } from '../../src/github/registry-inputs.ts';

/** Every input, read and checked before the registry is opened. */
function readRegisterSettings() {
  return {
    registry: readRegistrySettings(),
    version: {
      name: input('name'),
      model: input('model'),
      lineage: optionalInput('lineage'),
      metrics: optionalInput('metrics'),
      params: optionalInput('params'),
      profile: optionalInput('profile'),
      stage: optionalInput('stage'),
      reason: optionalInput('reason'),
      description: optionalInput('description'),
      features: optionalInput('features'),
    },
  };
}

await runAction(
  async () => {
    const settings = readRegisterSettings();
    const ctx = await openRegistryFromSettings(settings.registry);
    try {
      const done = await registerFromFiles(ctx, settings.version, { cwd: process.cwd(), env: process.env });
      const r = done.result;
      const version = versionLabel(r.version);
      writeOutputs({ version, 'commit-sha': done.commit });
      await core.summary
        .addHeading(`Registered ${r.name} ${version}`, 3)
        .addTable([
          [
            { data: 'model', header: true },
            { data: 'version', header: true },
            { data: 'stage', header: true },
            { data: 'sha256', header: true },
            { data: 'registry commit', header: true },
          ],
          [r.name, version, r.stage ?? '', r.sha256.slice(0, 12), done.commit.slice(0, 12)],
        ])
        .addRaw(`\nShow it with \`mlops registry show ${r.name}@${version}\`.\n`)
        .write();
    } finally {
      await ctx.store.close();
    }
  },
  { withoutInputs: ['model-url', 'repo'] },
);
