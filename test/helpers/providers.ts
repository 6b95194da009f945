import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Real HTTP servers on 127.0.0.1 standing in for OpenRouter, AgentRouter and TokenRouter.
 * Each records every request it gets, so tests can count them and see what was sent.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The key from `Authorization: Bearer KEY`, when there is one. */
  key?: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: string | object;
  /** Answer after this many ms. */
  delayMs?: number;
  /** Never answer (until the server closes). */
  hang?: boolean;
}

export type Handler = (request: RecordedRequest, server: StandIn) => Reply | Promise<Reply>;

export interface StandIn {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  requests: RecordedRequest[];
  /** Requests carrying this key so far. */
  requestsFor(key: string): RecordedRequest[];
  close(): Promise<void>;
}

const open = new Set<StandIn>();

/** Close every provider stand-ins still open: test/helpers/setup.ts calls it after each test. */
export async function closeStandIns(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

/** Start a stand-in on 127.0.0.1 (a free port); it is closed after the test. */
export async function startStandIn(handler: Handler): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer();
  const standIn: StandIn = {
    origin: '',
    requests,
    requestsFor: (key) => requests.filter((request) => request.key === key),
    close: () =>
      new Promise<void>((resolve) => {
        open.delete(standIn);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('request', (req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const auth = req.headers.authorization;
      const key = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(parts).toString('utf8'), ...(key ? { key } : {}) };
      requests.push(recorded);
      void Promise.resolve(handler(recorded, standIn)).then((reply) => {
        if (reply.hang) return;
        const send = () => {
          const json = typeof reply.body === 'object';
          res.writeHead(reply.status, { ...(json ? { 'content-type': 'application/json' } : {}), ...reply.headers });
          res.end(json ? JSON.stringify(reply.body) : (reply.body ?? ''));
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  open.add(standIn);
  return standIn;
}

/** What `GET /key` returns for a live OpenRouter key (SPEC §5), with the masked label OpenRouter uses. */
export function openRouterKeyInfo(key: string, overrides: Record<string, unknown> = {}): object {
  const body = key.slice('sk-or-v1-'.length);
  return {
    data: {
      label: `sk-or-v1-${body.slice(0, 3)}...${body.slice(-3)}`,
      usage: 12.5,
      limit: 100,
      limit_remaining: 87.5,
      is_free_tier: false,
      is_management_key: false,
      expires_at: null,
      rate_limit: { requests: 10, interval: '10s' },
      ...overrides,
    },
  };
}

/** OpenRouter's 401 for a bad key: its error body `{ error: { code, message } }`, the code being the HTTP status. */
export const unauthorized: Reply = { status: 401, body: { error: { message: 'User not found.', code: 401 } } };

/** AgentRouter's 401 for a bad key: a new-api deployment's error body `{ error: { message, type } }`. */
export const agentRouterInvalid: Reply = { status: 401, body: { error: { message: 'invalid token (request id: 20260101000000000000000)', type: 'new_api_error' } } };

/** TokenRouter's error body (SPEC §5). */
export const tokenRouterInvalid: Reply = { status: 401, body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'Invalid API key' } } };

/** An OpenAI-compatible model list: AgentRouter's `/models`, TokenRouter's `/v1/models`. */
export const modelList: Reply = { status: 200, body: { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }] } };

/**
 * A provider that answers per key: `live` keys get `liveReply(key)`, keys with a script get
 * its replies in turn (the last one repeating), everything else `otherwise`.
 */
export function perKey(options: { path: string; live?: Iterable<string>; liveReply: (key: string) => Reply; scripts?: Map<string, Reply[]>; otherwise: Reply }): Handler {
  const live = new Set(options.live ?? []);
  const served = new Map<string, number>();
  return (request) => {
    if (request.method !== 'GET' || request.url !== options.path) return { status: 404, body: { error: 'no such route' } };
    const key = request.key ?? '';
    const script = options.scripts?.get(key);
    if (script && script.length > 0) {
      const n = served.get(key) ?? 0;
      served.set(key, n + 1);
      return script[Math.min(n, script.length - 1)] as Reply;
    }
    return live.has(key) ? options.liveReply(key) : options.otherwise;
  };
}

/** OpenRouter: `GET /api/v1/key`. Set `OPENROUTER_BASE_URL` to `${origin}/api/v1`. */
export function openRouterLike(options: { live?: Iterable<string>; management?: Iterable<string>; scripts?: Map<string, Reply[]> } = {}): Handler {
  const management = new Set(options.management ?? []);
  return perKey({
    path: '/api/v1/key',
    live: [...(options.live ?? []), ...management],
    liveReply: (key) => ({ status: 200, body: openRouterKeyInfo(key, management.has(key) ? { is_management_key: true, limit: null, limit_remaining: null } : {}) }),
    ...(options.scripts ? { scripts: options.scripts } : {}),
    otherwise: unauthorized,
  });
}

/** AgentRouter: `GET /models` under `AGENTROUTER_BASE_URL` (= origin). */
export function agentRouterLike(options: { live?: Iterable<string>; scripts?: Map<string, Reply[]> } = {}): Handler {
  return perKey({ path: '/models', liveReply: () => modelList, otherwise: agentRouterInvalid, ...options });
}

/** TokenRouter: `GET /v1/models` under `TOKENROUTER_BASE_URL` (= origin). */
export function tokenRouterLike(options: { live?: Iterable<string>; scripts?: Map<string, Reply[]> } = {}): Handler {
  return perKey({ path: '/v1/models', liveReply: () => modelList, otherwise: tokenRouterInvalid, ...options });
}
