import * as core from '@actions/core';
import { booleanInput, input, optionalInput, runAction } from '../../src/github/action.ts';
import { MlopsError } from '../../src/util/errors.ts';
import { versionLabel } from '../../src/registry/format.ts';
import { registryFromInputs } from '../../src/github/registry-inputs.ts';
import { promote, rollback } from '../../src/registry/operations.ts';
import { parseVersion } from '../../src/registry/refs.ts';

await runAction(async () => {
  const ctx = await registryFromInputs();
  try {
    const name = input('name');
    const stage = input('stage', 'production');
    const reason = optionalInput('reason');
    const isRollback = booleanInput('rollback', false);
    const versionText = optionalInput('version');
    if (!isRollback && versionText === undefined) throw new MlopsError('input "version" is required to promote (or set rollback: true)');
    const done = isRollback ? await rollback(ctx, name, stage, reason) : await promote(ctx, { name, version: parseVersion(versionText!) }, stage, reason);
    const r = done.result;
    core.setOutput('version', versionLabel(r.version));
    core.setOutput('previous-version', r.previous ? versionLabel(r.previous) : '');
    core.setOutput('commit-sha', done.commit);
    const verb = isRollback ? 'Rolled back' : 'Promoted';
    await core.summary
      .addHeading(`${verb} ${r.name} ${r.stage}: ${r.previous ? versionLabel(r.previous) : 'none'} → ${versionLabel(r.version)}`, 3)
      .addRaw(`${reason ? `Reason: ${reason}\n\n` : ''}Registry commit \`${done.commit.slice(0, 12)}\` by ${ctx.actor}.\n`)
      .write();
  } finally {
    await ctx.store.close();
  }
}, { withoutInputs: ['repo'] });
