import assert from 'node:assert/strict';
import { test } from 'node:test';
import { artifactUrl } from '../../src/github/artifacts.ts';
import { withHtmlLink } from '../../src/alerts/drift-issue.ts';

test('the drift report links its uploaded HTML artifact under the heading', () => {
  const env = { GITHUB_REPOSITORY: 'acme/churn', GITHUB_RUN_ID: '42', GITHUB_SERVER_URL: 'https://ghe.example' };
  const url = artifactUrl(env, 7);
  assert.equal(url, 'https://ghe.example/acme/churn/actions/runs/42/artifacts/7');
  assert.equal(artifactUrl({}, 7), null);
  const md = '## Data drift — churn: ⚠️ drift detected\n\n2 of 5 columns drifted.\n';
  assert.equal(
    withHtmlLink(md, url, 'drift-report'),
    '## Data drift — churn: ⚠️ drift detected\n\n📊 [Interactive HTML report](https://ghe.example/acme/churn/actions/runs/42/artifacts/7) (artifact `drift-report`: sortable table, distributions per column).\n\n2 of 5 columns drifted.\n',
  );
  assert.equal(withHtmlLink(md, null, 'drift-report'), md);
});
