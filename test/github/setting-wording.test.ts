import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliFlag } from '../../src/cli/flag-names.ts';
import { actionInputNamer } from '../../src/github/action.ts';
import { messageFor, MlopsError, prefixedError, SettingError } from '../../src/util/errors.ts';

describe('SettingError: the core names settings, each surface words them', () => {
  const err = new SettingError(['rejects', 'out'], (name) => `${name('rejects')} r.jsonl is the ${name('out')} file; give them different paths`);

  test('the CLI says the flag, an action the input, and the bare message the key', () => {
    assert.equal(messageFor(err, cliFlag), '--rejects r.jsonl is the --out file; give them different paths');
    assert.equal(messageFor(err, actionInputNamer()), 'input "rejects" r.jsonl is the input "out" file; give them different paths');
    assert.equal(err.message, 'rejects r.jsonl is the out file; give them different paths');
    assert.deepEqual(err.settings, ['rejects', 'out']);
    assert.equal(err.exitCode, 2);
  });

  test('an action without an input for the setting says it is a CLI option', () => {
    const big = new SettingError('model-url', (name) => `m.onnx is 80 MB: pass its URL with ${name('model-url')}`);
    assert.equal(
      messageFor(big, actionInputNamer(['model-url'])),
      'm.onnx is 80 MB: pass its URL with --model-url (a CLI option: this action has no model-url input)',
    );
  });

  test('prefixedError keeps the settings for the surface to word; other errors keep their message', () => {
    assert.equal(
      messageFor(prefixedError('registry:churn#production', err), cliFlag),
      'registry:churn#production: --rejects r.jsonl is the --out file; give them different paths',
    );
    assert.equal(messageFor(prefixedError('a.csv', new MlopsError('no such file')), cliFlag), 'a.csv: no such file');
  });
});
