import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP side of `serve` on node:http (SPEC §6): routes and status codes, the raw body kept
 * for the signature, a body limit (413, checked on Content-Length and again while reading), the
 * header, body and idle timeouts, and a cap on requests in flight (503 with Retry-After).
 * node:http rather than a framework: these few things written once are less than a framework's
 * surface, and the raw-body and timeout behaviour stay in plain sight (docs/DESIGN.md).
 */

export interface HttpSettings {
  host: string;
  port: number;
  /** Where alerts are POSTed. */
  path: string;
  maxBodyBytes: number;
  /** Requests handled at once; more are answered 503. */
  maxInFlight: number;
  /** ms to receive the request headers (a slow client gets 408 and is dropped). */
  headersTimeoutMs: number;
  /** ms to receive the whole request, body included. */
  requestTimeoutMs: number;
  /** ms a kept-alive connection may sit idle. */
  keepAliveTimeoutMs: number;
  /** Believe X-Forwarded-For for the client address in logs (only behind a proxy you run). */
  trustProxy: boolean;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Routes {
  /** A POST to `path`, its body read whole (never over the limit). */
  alert(body: Buffer, headers: IncomingMessage['headers']): Promise<Answer>;
  health(): Answer;
  metrics(): Promise<{ contentType: string; body: string }>;
  /** Each answer, for the logs and metrics. `route`: `alert`, `healthz`, `metrics`, `other`. */
  answered(event: { route: string; status: number; ms: number; client: string; why?: string }): void;
}

class BodyTooLarge extends Error {}

/** The body, whole, or BodyTooLarge as soon as it passes `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    request.on('data', (part: Buffer) => {
      size += part.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.pause();
        reject(new BodyTooLarge());
        return;
      }
      parts.push(part);
    });
    request.on('end', () => resolve(Buffer.concat(parts)));
    request.on('error', reject);
    request.on('aborted', () => reject(new Error('aborted')));
  });
}

function send(response: ServerResponse, answer: Answer, close = false): void {
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  response.writeHead(answer.status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...(close ? { connection: 'close' } : {}), ...answer.headers });
  response.end(text);
}

const problem = (status: number, message: string, headers?: Record<string, string>): Answer => ({ status, body: { error: message }, ...(headers ? { headers } : {}) });

/** Where a request came from, for logs: the socket's address, or X-Forwarded-For's first hop when the proxy is trusted. */
export function clientOf(request: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : (request.socket.remoteAddress ?? 'unknown');
}

export interface RunningServer {
  server: Server;
  /** `http://HOST:PORT`. */
  origin: string;
  /** Stop accepting; resolves once every request in flight is answered. */
  close(): Promise<void>;
}

export async function startHttp(settings: HttpSettings, routes: Routes): Promise<RunningServer> {
  let inFlight = 0;
  /** Once closing, every answer closes its connection: a kept-alive one would hold close() open for keepAliveTimeout. */
  let closing = false;
  // node checks the header and request timeouts every connectionsCheckingInterval (30 s by default): often enough to honour them.
  const checkEvery = Math.max(50, Math.min(1000, Math.floor(Math.min(settings.headersTimeoutMs, settings.requestTimeoutMs) / 2)));
  const server = createServer({ headersTimeout: settings.headersTimeoutMs, requestTimeout: settings.requestTimeoutMs, keepAliveTimeout: settings.keepAliveTimeoutMs, connectionsCheckingInterval: checkEvery });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<{ route: string; status: number; why?: string }> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = url.pathname === settings.path ? 'alert' : url.pathname === '/healthz' ? 'healthz' : url.pathname === '/metrics' ? 'metrics' : 'other';
    const reply = (answer: Answer, why?: string, close = false) => {
      send(response, answer, close || closing);
      return { route, status: answer.status, ...(why !== undefined ? { why } : {}) };
    };
    if (route === 'other') return reply(problem(404, 'not found'));
    const allowed = route === 'alert' ? 'POST' : 'GET';
    if (request.method !== allowed) return reply(problem(405, `use ${allowed}`, { allow: allowed }));
    if (route === 'healthz') return reply(routes.health());
    if (route === 'metrics') {
      const metrics = await routes.metrics();
      response.writeHead(200, { 'content-type': metrics.contentType, ...(closing ? { connection: 'close' } : {}) });
      response.end(metrics.body);
      return { route, status: 200 };
    }
    const declared = Number(request.headers['content-length'] ?? NaN);
    // Refused before a byte of it is read; the connection is closed, as the rest of the body is not wanted.
    if (declared > settings.maxBodyBytes) return reply(problem(413, `the body is over ${settings.maxBodyBytes} bytes`), 'body over the limit', true);
    let body: Buffer;
    try {
      body = await readBody(request, settings.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return reply(problem(413, `the body is over ${settings.maxBodyBytes} bytes`), 'body over the limit', true);
      throw error;
    }
    return reply(await routes.alert(body, request.headers));
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const client = clientOf(request, settings.trustProxy);
    if (inFlight >= settings.maxInFlight) {
      send(response, problem(503, 'too many requests at once', { 'retry-after': '1' }));
      routes.answered({ route: 'busy', status: 503, ms: performance.now() - started, client });
      request.resume();
      return;
    }
    inFlight++;
    handle(request, response)
      .then(
        (done) => routes.answered({ ...done, ms: performance.now() - started, client }),
        (error: unknown) => {
          if (!response.headersSent) send(response, problem(500, 'internal error'), true);
          else response.destroy();
          routes.answered({ route: 'error', status: 500, ms: performance.now() - started, client, why: error instanceof Error ? error.name : 'error' });
        },
      )
      .finally(() => inFlight--);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    origin: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        // Idle kept-alive connections would hold close() open; those in flight finish first.
        server.closeIdleConnections();
      }),
  };
}
