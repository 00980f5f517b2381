import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServiceRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

/**
 * A local stand-in for the Actions runtime services that @actions/cache (cache service v1:
 * `_apis/artifactcache/*`, selected by ACTIONS_CACHE_URL) and @actions/artifact (Twirp
 * ArtifactService plus a blob store reached through the signed upload URL) talk to. It keeps
 * uploads in memory, binary-safe, and records every request.
 */
export async function startActionsServices(options: { artifactId?: string } = {}) {
  const requests: ServiceRequest[] = [];
  const caches = new Map<string, Buffer>();
  const pending = new Map<number, { key: string; chunks: { start: number; bytes: Buffer }[] }>();
  const blobs = new Map<string, Map<string, Buffer>>();
  const committed = new Map<string, Buffer>();
  let nextId = 1;
  let base = '';

  const json = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const r: ServiceRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body };
    requests.push(r);
    const p = url.pathname;

    if (r.method === 'GET' && p === '/_apis/artifactcache/cache') {
      const key = (url.searchParams.get('keys') ?? '').split(',')[0];
      if (!caches.has(key)) return json(res, 204);
      return json(res, 200, { cacheKey: key, scope: 'refs/heads/main', archiveLocation: `${base}/cache-archive/${encodeURIComponent(key)}` });
    }
    if ((r.method === 'GET' || r.method === 'HEAD') && p.startsWith('/cache-archive/')) {
      const data = caches.get(decodeURIComponent(p.slice('/cache-archive/'.length)));
      // Like a blob store: @actions/cache sizes the archive with HEAD, then fetches 4 MiB ranges in parallel.
      const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
      if (data && range) {
        const [start, end] = [Number(range[1]), Math.min(Number(range[2]), data.length - 1)];
        res.writeHead(206, {
          'content-type': 'application/octet-stream',
          'content-length': String(end - start + 1),
          'content-range': `bytes ${start}-${end}/${data.length}`,
        });
        return res.end(data.subarray(start, end + 1));
      }
      res.writeHead(data ? 200 : 404, { 'content-type': 'application/octet-stream', 'content-length': String(data?.length ?? 0) });
      return res.end(r.method === 'HEAD' ? undefined : (data ?? ''));
    }
    if (r.method === 'POST' && p === '/_apis/artifactcache/caches') {
      const { key } = JSON.parse(body.toString()) as { key: string };
      if (caches.has(key)) return json(res, 409, { message: 'cache already exists' });
      const id = nextId++;
      pending.set(id, { key, chunks: [] });
      return json(res, 201, { cacheId: id });
    }
    const cacheId = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(p);
    if (cacheId) {
      const entry = pending.get(Number(cacheId[1]));
      if (!entry) return json(res, 404, { message: 'no such cache' });
      if (r.method === 'PATCH') {
        // Chunks of a large archive are uploaded in parallel: place each at its Content-Range offset.
        const start = Number(/bytes (\d+)-/.exec(String(req.headers['content-range'] ?? ''))?.[1] ?? 0);
        entry.chunks.push({ start, bytes: body });
        return json(res, 204);
      }
      caches.set(entry.key, Buffer.concat(entry.chunks.sort((a, b) => a.start - b.start).map((c) => c.bytes)));
      pending.delete(Number(cacheId[1]));
      return json(res, 204);
    }
    if (r.method === 'POST' && p.endsWith('ArtifactService/CreateArtifact')) {
      const { name } = JSON.parse(body.toString()) as { name: string };
      return json(res, 200, { ok: true, signed_upload_url: `${base}/blob/${encodeURIComponent(name)}?sig=test` });
    }
    if (r.method === 'POST' && p.endsWith('ArtifactService/FinalizeArtifact')) {
      return json(res, 200, { ok: true, artifact_id: options.artifactId ?? '4242' });
    }
    if (r.method === 'PUT' && p.startsWith('/blob/')) {
      const name = decodeURIComponent(p.slice('/blob/'.length));
      const staged = blobs.get(name) ?? new Map<string, Buffer>();
      blobs.set(name, staged);
      const comp = url.searchParams.get('comp');
      if (comp === 'block') staged.set(url.searchParams.get('blockid') ?? '', body);
      else if (comp === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]);
        committed.set(name, Buffer.concat(ids.map((id) => staged.get(id) ?? Buffer.alloc(0))));
      } else committed.set(name, body);
      res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date(0).toUTCString(), 'x-ms-request-server-encrypted': 'true' });
      return res.end();
    }
    json(res, 404, { message: 'Not Found', method: r.method, path: p });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    caches,
    /** Uploaded artifact contents (the zip) by artifact name. */
    artifacts: committed,
    /** Environment that points @actions/cache and @actions/artifact at this server. */
    env: {
      ACTIONS_CACHE_URL: base + '/',
      ACTIONS_RESULTS_URL: base + '/',
      ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An unsigned JWT with the Actions.Results scope @actions/artifact reads its run/job ids from. */
function fakeRuntimeToken(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: 'Actions.GenericRead Actions.Results:11111111-1111-1111-1111-111111111111:22222222-2222-2222-2222-222222222222' })}.sig`;
}
