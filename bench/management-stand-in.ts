/**
 * OpenRouter's key info and management API (test/helpers/openrouter-management.ts's account)
 * served with a fixed latency, counting requests by step: what the `revoke` and `serve`
 * benchmarks measure keywarden against.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha256hex, type Account } from '../test/helpers/openrouter-management.js';

export interface ManagementStandIn {
  origin: string;
  /** Requests by step: check (`/key`), direct, list, PATCH. */
  counts: Map<string, number>;
  /** List offsets asked, to see each page is asked once. */
  offsets: number[];
  /** PATCHes by account key hash: a key revoked twice shows 2. */
  patchesByHash: Map<string, number>;
  /** Live checks (`GET /key`) by the SHA-256 hex of the key checked. */
  checksByKeyHash: Map<string, number>;
  /** Serve `account` from now on, the counts cleared. */
  use(account: Account): void;
  close(): Promise<void>;
}

function stepOf(method: string, url: string): string {
  if (url.endsWith('/key')) return 'check';
  if (url.includes('/keys?')) return 'list';
  return method === 'GET' ? 'direct' : method;
}

/** Every answer `latencyMs` after the request's body has arrived. */
export async function startManagementStandIn(latencyMs: number): Promise<ManagementStandIn> {
  let account: Account | undefined;
  const counts = new Map<string, number>();
  const offsets: number[] = [];
  const patchesByHash = new Map<string, number>();
  const checksByKeyHash = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const url = req.url ?? '';
      const step = stepOf(req.method ?? '', url);
      counts.set(step, (counts.get(step) ?? 0) + 1);
      if (step === 'list') offsets.push(Number(new URL(url, 'http://x').searchParams.get('offset')));
      const patched = step === 'PATCH' ? /\/keys\/([0-9a-f]{64})$/.exec(url)?.[1] : undefined;
      if (patched !== undefined) patchesByHash.set(patched, (patchesByHash.get(patched) ?? 0) + 1);
      const bearer = req.headers.authorization?.replace(/^Bearer /, '');
      if (step === 'check' && bearer !== undefined) checksByKeyHash.set(sha256hex(bearer), (checksByKeyHash.get(sha256hex(bearer)) ?? 0) + 1);
      setTimeout(() => {
        const { status, body } = account?.answer(req.method ?? '', url, bearer, Buffer.concat(parts).toString('utf8')) ?? { status: 500, body: {} };
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }, latencyMs);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    offsets,
    patchesByHash,
    checksByKeyHash,
    use(next) {
      account = next;
      counts.clear();
      offsets.length = 0;
      patchesByHash.clear();
      checksByKeyHash.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
