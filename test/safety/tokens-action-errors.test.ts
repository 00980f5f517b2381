import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startGitHubServer, type Route } from '../github-server.ts';
import { tempFile } from '../helpers.ts';
import { runAction } from '../helpers/action.ts';
import { modelFile } from '../registry/fixtures.ts';

const TOKEN = 'ghs_echoedSecret9876543210zyxwvuTSRQ';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

// A proxy or API that echoes the request's auth header into its error body, in both forms.
const echo: Route = (req) => ({
  status: 401,
  body: {
    message: `Bad credentials (sent Authorization: ${req.headers.authorization}; basic ${BASIC})`,
    request_headers: req.headers,
    documentation_url: 'https://docs.github.com/rest',
  },
});

test('actions mask every token they read and never print one an API error body echoes', { timeout: 180_000 }, async () => {
  const server = await startGitHubServer({ 'GET /*': echo, 'POST /*': echo, 'PATCH /*': echo });
  try {
    const env = { GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'acme/churn', GITHUB_ACTOR: 'bot' };
    const model = modelFile('echo');
    const runs = {
      comment: await runAction('comment', { report: tempFile('r.md', '## report'), pr: '4', 'github-token': TOKEN }, { env }),
      register: await runAction('register', { name: 'churn', model: model.file, backend: 'github', branch: 'mlops-registry', token: TOKEN }, { env }),
      promote: await runAction(
        'promote',
        { name: 'churn', version: 'v1', stage: 'production', backend: 'github', branch: 'mlops-registry', token: TOKEN },
        { env },
      ),
      drift: await runAction('drift', { reference: 'templates/example/data/train.csv', current: 'templates/example/data/current.csv', token: TOKEN }, { env }),
      // The token from the environment (no input), as the registry falls back to GITHUB_TOKEN.
      'register (GITHUB_TOKEN)': await runAction(
        'register',
        { name: 'churn', model: model.file, backend: 'github', branch: 'mlops-registry' },
        { env: { ...env, GITHUB_TOKEN: TOKEN } },
      ),
    };
    assert.ok(server.requests.length >= 5, 'the actions reached the API');
    assert.ok(
      server.requests.every((r) => r.headers.authorization === `token ${TOKEN}`),
      'with the token',
    );
    for (const [name, r] of Object.entries(runs)) {
      const output = r.stdout + r.stderr;
      assert.notEqual(r.code, 0, `${name} failed on the 401`);
      assert.match(output, /::error::.*Bad credentials/, `${name} reports the API error`);
      const masks = output
        .split('\n')
        .filter((l) => l.startsWith('::add-mask::'))
        .map((l) => l.slice('::add-mask::'.length));
      assert.ok(masks.includes(TOKEN) && masks.includes(BASIC), `${name} masks the token and its basic-auth form`);
      // The runner swallows ::add-mask:: lines; everything else it prints as is.
      const printed = output
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      assert.ok(!printed.includes(TOKEN), `${name} printed the raw token:\n${printed}`);
      assert.ok(!printed.includes(BASIC), `${name} printed the basic-auth credential:\n${printed}`);
    }
  } finally {
    await server.close();
  }
});
