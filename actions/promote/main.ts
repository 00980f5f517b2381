import * as core from '@actions/core';
import { booleanInput, input, optionalInput, runAction, writeOutputs } from '../../src/github/action.ts';
import { MlopsError } from '../../src/util/errors.ts';
import { versionLabel } from '../../src/registry/format.ts';
import { openRegistryFromSettings, readRegistrySettings } from '../../src/github/registry-inputs.ts';
import { promote, rollback } from '../../src/registry/operations.ts';
import { parseVersion } from '../../src/registry/refs.ts';

/** Every input, read and checked before the registry is opened. */
function readPromoteSettings() {
  const isRollback = booleanInput('rollback', false);
  const versionText = optionalInput('version');
  if (!isRollback && versionText === undefined) throw new MlopsError('input "version" is required to promote (or set rollback: true)');
  return {
    registry: readRegistrySettings(),
    name: input('name'),
    stage: input('stage', 'production'),
    reason: optionalInput('reason'),
    isRollback,
    version: isRollback ? undefined : parseVersion(versionText!),
  };
}

await runAction(
  async () => {
    const { registry, name, stage, reason, isRollback, version } = readPromoteSettings();
    const ctx = await openRegistryFromSettings(registry);
    try {
      const done = version === undefined ? await rollback(ctx, name, stage, reason) : await promote(ctx, { name, version }, stage, reason);
      const r = done.result;
      writeOutputs({ version: versionLabel(r.version), 'previous-version': r.previous ? versionLabel(r.previous) : '', 'commit-sha': done.commit });
      const verb = isRollback ? 'Rolled back' : 'Promoted';
      await core.summary
        .addHeading(`${verb} ${r.name} ${r.stage}: ${r.previous ? versionLabel(r.previous) : 'none'} → ${versionLabel(r.version)}`, 3)
        .addRaw(`${reason ? `Reason: ${reason}\n\n` : ''}Registry commit \`${done.commit.slice(0, 12)}\` by ${ctx.actor}.\n`)
        .write();
    } finally {
      await ctx.store.close();
    }
  },
  { withoutInputs: ['repo'] },
);
