/**
 * `audit --clone-timeout`: a clone that hangs (a server that takes the connection and never
 * answers) is stopped after the limit, reported as a short safe reason, and leaves nothing half
 * made in the cache; the next repository is still audited.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { updateMirror } from '../../src/sources/mirror.js';
import { makeTmpDir } from '../helpers/tmp.js';

let server: Server | undefined;
const held: Socket[] = [];
afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A TCP server on 127.0.0.1 that accepts every connection and never says a word. */
async function silentServer(): Promise<string> {
  server = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/acme/hangs.git`;
}

describe('a clone that takes too long', () => {
  it('is stopped after the limit, with a reason that names the limit, and leaves nothing in the cache', async () => {
    const cloneUrl = await silentServer();
    const cache = makeTmpDir('mirror-timeout');
    const started = Date.now();
    await expect(updateMirror({ cache, fullName: 'acme/hangs', cloneUrl, timeoutMs: 500 })).rejects.toThrow(/^git clone took longer than 1 s, and was stopped$/);
    // Stopped by the limit, not by git giving up on its own (its own HTTP timeouts are minutes).
    expect(Date.now() - started).toBeLessThan(30_000);
    const left = existsSync(cache) ? readdirSync(cache, { recursive: true }).filter((name) => String(name).includes('partial')) : [];
    expect(left).toEqual([]);
  });
});
