import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../helpers.ts';

export const REAL_GIT = execFileSync('sh', ['-c', 'command -v git']).toString().trim();

/**
 * A git smart-HTTP server over TLS (git http-backend as CGI) for the repositories under `root`,
 * answering 401 unless the request carries `Authorization: Basic <basicCredential>`: a fetch or push that lands
 * proves the credential reached git, whatever way it was passed.
 */
export async function startGitHttpServer(root: string, basicCredential: string) {
  const dir = tempDir('mlops-tls-');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1'], {
    stdio: 'ignore',
  });
  const denied: string[] = [];
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    // The scheme is case-insensitive (actions/checkout writes "basic"), the credential is not.
    const [scheme, credential] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'basic' || credential !== basicCredential) {
      denied.push(`${req.method} ${url.pathname}`);
      req.resume();
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' });
      res.end();
      return;
    }
    const child = spawn(REAL_GIT, ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: (req.headers['content-encoding'] as string | undefined) ?? '',
        GIT_PROTOCOL: (req.headers['git-protocol'] as string | undefined) ?? '',
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(child.stdin);
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.on('close', () => {
      const all = Buffer.concat(out);
      const split = all.indexOf('\r\n\r\n');
      const headers = all.subarray(0, split).toString().split('\r\n');
      let status = 200;
      const sent: Record<string, string> = {};
      for (const h of headers) {
        const colon = h.indexOf(':');
        const name = h.slice(0, colon).trim().toLowerCase();
        const value = h.slice(colon + 1).trim();
        if (name === 'status') status = Number(value.split(' ')[0]);
        else if (name) sent[name] = value;
      }
      res.writeHead(status, sent);
      res.end(all.subarray(split + 4));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    denied,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A folder holding a `git` that records its argv (NUL-separated, one record per run) and
 * then runs the real git: put it first on PATH to see every git a process spawns.
 */
export function argvRecordingGit(): { bin: string; log: string; runs: () => string[][] } {
  const bin = join(tempDir('mlops-git-wrapper-'), 'bin');
  mkdirSync(bin);
  const log = join(bin, '..', 'argv.log');
  writeFileSync(log, '');
  const script = join(bin, 'git');
  writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a" >> '${log}'; done\nprintf '\\n\\0' >> '${log}'\nexec '${REAL_GIT}' "$@"\n`);
  chmodSync(script, 0o755);
  const runs = () =>
    readFileSync(log, 'utf8')
      .split('\n\0')
      .filter((r) => r !== '')
      .map((r) => r.split('\0').filter((a) => a !== ''));
  return { bin, log, runs };
}
