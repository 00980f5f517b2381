import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakePackage {
  name: string;
  version: string;
  /** CommonJS source of index.js (default: exports its own name). */
  main?: string;
}

/** A .tgz as npm publishes it: files under package/. */
function tarball(pkg: FakePackage): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-fake-pkg-'));
  mkdirSync(join(dir, 'package'));
  writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, main: 'index.js' }));
  writeFileSync(join(dir, 'package', 'index.js'), pkg.main ?? `module.exports = { name: ${JSON.stringify(pkg.name)} };\n`);
  execFileSync('tar', ['-czf', join(dir, 'p.tgz'), '-C', dir, 'package']);
  const bytes = readFileSync(join(dir, 'p.tgz'));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}

/**
 * A local stand-in for the npm registry: the packument (GET /NAME, scoped names escaped as
 * @scope%2fname) and the tarball of each fake package, every request recorded. Real npm
 * installs from it, so pruning and --no-save behave exactly as against registry.npmjs.org.
 */
export async function startNpmRegistry(packages: FakePackage[]) {
  const requests: string[] = [];
  const tarballs = new Map<string, Buffer>();
  for (const p of packages) tarballs.set(`${p.name}@${p.version}`, tarball(p));
  let base = '';
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(`${req.method} ${path}`);
    const tgz = /^\/(.+)\/-\/[^/]+-(\d+\.\d+\.\d+)\.tgz$/.exec(path);
    if (tgz && tarballs.has(`${tgz[1]}@${tgz[2]}`)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(tarballs.get(`${tgz[1]}@${tgz[2]}`));
    }
    const name = path.slice(1);
    const versions = packages.filter((p) => p.name === name);
    if (versions.length === 0) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"error":"Not found"}');
    }
    const short = name.split('/').pop();
    const doc = {
      name,
      'dist-tags': { latest: versions.at(-1)!.version },
      versions: Object.fromEntries(
        versions.map((p) => {
          const bytes = tarballs.get(`${p.name}@${p.version}`)!;
          return [
            p.version,
            {
              name,
              version: p.version,
              main: 'index.js',
              dist: { tarball: `${base}/${name}/-/${short}-${p.version}.tgz`, integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}` },
            },
          ];
        }),
      ),
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(doc));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    /** npm pointed here, with a cache of its own so nothing leaks into ~/.npm. */
    env: (cacheDir: string): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      npm_config_registry: base + '/',
      npm_config_cache: cacheDir,
      npm_config_update_notifier: 'false',
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A TCP server that accepts connections and never answers: a registry behind a dead network. */
export async function startBlackHole() {
  const sockets = new Set<import('node:net').Socket>();
  const { createServer: tcp } = await import('node:net');
  const server = tcp((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
