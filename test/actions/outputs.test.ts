import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOutputs } from '../helpers/action.ts';

test('parseOutputs reads the heredoc blocks @actions/core writes and plain name=value lines', () => {
  const text = ['report<<ghadelimiter_1', '## a', '', 'b=c', 'ghadelimiter_1', 'rows=600', 'empty<<EOF', 'EOF', 'url=https://x.test/?a=b', ''].join('\n');
  assert.deepEqual(parseOutputs(text), { report: '## a\n\nb=c', rows: '600', empty: '', url: 'https://x.test/?a=b' });
});
