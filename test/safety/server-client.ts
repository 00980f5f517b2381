// A raw HTTP/1.1 client over one TCP socket, for the server-safety tests that need to see what
// node's http client hides: which socket a request went out on, whether its bytes were written
// before the server closed, and resets versus clean closes. Loopback only.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One keep-alive connection; requests go one at a time (no pipelining). */
export interface RawConnection {
  socket: Socket;
  /** Writes the request; resolves with the response, rejects with the socket error or 'closed'. */
  send(request: string | Buffer): { written: Promise<void>; response: Promise<RawResponse> };
  /** The response after the last one asked for, for a second request pipelined in one write. */
  receive(): Promise<RawResponse>;
  close(): void;
}

export function openConnection(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(wrap(socket));
    });
  });
}

function wrap(socket: Socket): RawConnection {
  let buffer = Buffer.alloc(0);
  const waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  const tryParse = () => {
    if (waiting.length === 0) return;
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = buffer.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(head[0].split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    buffer = buffer.subarray(end + 4 + length);
    waiting.shift()!.resolve({ status, headers, body });
    tryParse();
  };
  const receive = () =>
    new Promise<RawResponse>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.push({ resolve, reject });
      tryParse();
    });
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    tryParse();
  });
  socket.on('error', (err) => fail(err));
  socket.on('close', () => fail(new Error('closed')));
  return {
    socket,
    send(request) {
      const response = receive();
      // Callers that hang up on purpose never await it.
      response.catch(() => {});
      const written = new Promise<void>((resolve, reject) => socket.write(request, (err) => (err ? reject(err) : resolve())));
      written.catch(() => {});
      return { written, response };
    },
    receive,
    close: () => socket.destroy(),
  };
}

export function httpRequest(method: string, path: string, body = '', headers: Record<string, string> = {}): string {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'host: 127.0.0.1',
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export const ROW = { age: 40, monthly_charges: 70, plan: 'basic', has_partner: true };
export const PREDICT = httpRequest('POST', '/predict', JSON.stringify({ instances: [ROW] }), { 'content-type': 'application/json' });

/** Every (name, labels) pair that appears more than once in a Prometheus text page. */
export function duplicateSeries(samples: { name: string; labels: Record<string, string> }[]): string[] {
  const seen = new Map<string, number>();
  for (const s of samples) {
    const key = `${s.name}{${Object.entries(s.labels)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
}
