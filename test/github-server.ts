import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Route = (req: RecordedRequest, params: Record<string, string>) => { status?: number; body?: unknown; headers?: Record<string, string> };

/**
 * A local HTTP server that answers like the GitHub REST API for the routes a test declares,
 * and records every request so tests assert what was sent. Unknown routes answer 404 like GitHub.
 */
export async function startGitHubServer(routes: Record<string, Route>) {
  const requests: RecordedRequest[] = [];
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ');
    const names: string[] = [];
    const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_m, n) => (names.push(n), '([^/]+)')).replace(/\*$/, '(.*)') + '$');
    return { method, regex, names, handler };
  });
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
    requests.push(recorded);
    for (const r of compiled) {
      const m = r.method === recorded.method ? r.regex.exec(url.pathname) : null;
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      const out = r.handler(recorded, params);
      res.writeHead(out.status ?? 200, { 'content-type': 'application/json', ...out.headers });
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface FakeIssue {
  number: number;
  body: string;
  labels?: string[];
  pull_request?: object;
}

/**
 * The acme/churn repository with issues kept in memory, answered like GitHub's REST API:
 * list (by state and label), create, comment, patch, and both kinds of dispatch. New issues
 * are numbered from 100.
 */
export async function startIssueRepo(seed: FakeIssue[] = []) {
  const issues = seed.map((i) => ({ state: 'open', labels: i.labels ?? ['drift'], ...i }));
  const comments: { issue: number; body: string }[] = [];
  let next = 100;
  const server = await startGitHubServer({
    'GET /repos/acme/churn/issues': (req) => ({
      body: issues
        .filter((i) => i.state === req.query.get('state') && i.labels.includes(req.query.get('labels') ?? ''))
        .map((i) => ({
          number: i.number,
          body: i.body,
          state: i.state,
          labels: i.labels.map((name) => ({ name })),
          ...(i.pull_request ? { pull_request: i.pull_request } : {}),
        })),
    }),
    'POST /repos/acme/churn/issues': (req) => {
      const b = req.body as { body: string; labels: string[] };
      const issue = { number: next++, body: b.body, labels: b.labels, state: 'open' };
      issues.push(issue);
      return { status: 201, body: { number: issue.number } };
    },
    'POST /repos/acme/churn/issues/:n/comments': (req, p) => {
      comments.push({ issue: Number(p.n), body: (req.body as { body: string }).body });
      return { status: 201, body: { id: comments.length } };
    },
    'PATCH /repos/acme/churn/issues/:n': (req, p) => {
      const issue = issues.find((i) => i.number === Number(p.n))!;
      Object.assign(issue, req.body);
      return { body: { number: issue.number } };
    },
    'POST /repos/acme/churn/dispatches': () => ({ status: 204 }),
    'POST /repos/acme/churn/actions/workflows/:w/dispatches': () => ({ status: 204 }),
  });
  return { server, issues, comments };
}
