/**
 * `keywarden serve` as users run it, the built CLI: it refuses to start without a store key,
 * SIGTERM finishes what is in flight and exits 0, and a `kill -9` in the middle of a batch
 * followed by a restart on the same store ends with every accepted token done once (one
 * PATCH per live key) and no raw token in the store file or the logs.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/serve/store.js';
import { startSigningGitHub } from '../helpers/alert-signer.js';
import { runCli, startCli } from '../helpers/cli.js';
import { keyFactory } from '../helpers/keys.js';
import { alertBody, post, serveEnv, startOpenRouter } from '../helpers/serve.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(2026120517);
const managementKey = keys.openrouter();

interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  origin: string;
  /** Everything it wrote to stderr (its JSON logs) so far. */
  logs: () => string;
  exited: Promise<number | null>;
}

/** Start the bin's `serve` on a free port and wait for its `listening` line. */
async function startServeCli(args: string[], env: Record<string, string>, cwd: string): Promise<ServeProcess> {
  const child = startCli(['serve', '--port', '0', ...args], { cwd, env });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  for (;;) {
    const origin = /"event":"listening","origin":"([^"]+)"/.exec(stderr)?.[1];
    if (origin) return { child, origin, logs: () => stderr + stdout, exited };
    if (child.exitCode !== null) throw new Error(`serve exited: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function openTokens(origin: string): Promise<number> {
  const health = (await (await fetch(`${origin}/healthz`)).json()) as { tokens: { pending: number; checked: number } };
  return health.tokens.pending + health.tokens.checked;
}

describe('keywarden serve (the bin)', () => {
  it.each([
    [{}, /KEYWARDEN_STORE_KEY is not set/],
    [{ KEYWARDEN_STORE_KEY: 'not-hex' }, /KEYWARDEN_STORE_KEY: not 64 hex characters/],
  ])('refuses to start without a usable store key (%j)', async (env, message) => {
    const run = await runCli(['serve', '--port', '0'], { cwd: makeTmpDir('serve'), env: { KEYWARDEN_STORE_KEY: '', ...env } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses --audit-log without --revoke', async () => {
    const run = await runCli(['serve', '--port', '0', '--audit-log', 'a.jsonl'], { cwd: makeTmpDir('serve'), env: { KEYWARDEN_STORE_KEY: 'ab'.repeat(32) } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--audit-log needs --revoke/);
  });

  it('on SIGTERM answers the alert in flight, finishes its batch and exits 0', async () => {
    const key = keys.openrouter();
    const { api, signer } = await startSigningGitHub();
    // Every provider answer takes a while, so the batch is still running when the signal comes.
    const { standIn, account } = await startOpenRouter({ managementKey, account: { keys: [{ key }] }, delayMs: 150 });
    const dir = makeTmpDir('serve');
    const env = serveEnv(standIn, api.apiUrl, managementKey);
    const serve = await startServeCli(['--revoke', '--store', join(dir, 'serve.db')], { ...env }, dir);
    const body = alertBody([{ token: key }]);
    const answer = post(`${serve.origin}/secret-scanning`, body, { 'content-type': 'application/json', ...signer.headers(body) });
    while (!serve.logs().includes('"event":"alert accepted"')) await new Promise((resolve) => setTimeout(resolve, 10));
    serve.child.kill('SIGTERM');
    expect((await answer).status).toBe(200);
    expect(await serve.exited).toBe(0);
    expect(serve.logs()).toMatch(/"event":"stopped"/);
    expect(account.stateOf(key)?.disabled).toBe(true);
    const store = Store.open(join(dir, 'serve.db'));
    expect(store.countByState()).toMatchObject({ pending: 0, checked: 0 });
    store.close();
  });

  it('after kill -9 in the middle of a batch and a restart, every accepted token is done once and no raw token is left', async () => {
    const live = Array.from({ length: 24 }, () => keys.openrouter());
    const dead = Array.from({ length: 6 }, () => keys.openrouter());
    const { api, signer } = await startSigningGitHub();
    // 40 ms per provider answer: the batch is half-way when the process is killed.
    const { standIn, account } = await startOpenRouter({ managementKey, account: { keys: live.map((key) => ({ key })) }, delayMs: 40 });
    const dir = makeTmpDir('serve');
    const store = join(dir, 'serve.db');
    const auditLog = join(dir, 'audit.jsonl');
    const env = serveEnv(standIn, api.apiUrl, managementKey);
    const args = ['--revoke', '--store', store, '--audit-log', auditLog, '--concurrency', '2'];
    const first = await startServeCli(args, env, dir);
    const tokens = [...live, ...dead];
    const alerts = Array.from({ length: 6 }, (_, i) => alertBody(tokens.slice(i * 5, i * 5 + 5).map((token) => ({ token }))));
    // Answers are not awaited: the process dies under them. Each alert is committed before it is answered.
    const answers = alerts.map((body) => post(`${first.origin}/secret-scanning`, body, { 'content-type': 'application/json', ...signer.headers(body) }).catch(() => undefined));
    while ((first.logs().match(/"event":"alert accepted"/g) ?? []).length < alerts.length) await new Promise((resolve) => setTimeout(resolve, 10));
    while (!first.logs().includes('"event":"token checked"')) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await first.exited;
    await Promise.all(answers);
    const revokedBefore = standIn.requests.filter((request) => request.method === 'PATCH').length;
    expect(revokedBefore).toBeGreaterThan(0);
    expect(revokedBefore).toBeLessThan(live.length);

    const second = await startServeCli(args, env, dir);
    while ((await openTokens(second.origin)) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const patches = standIn.requests.filter((request) => request.method === 'PATCH').map((request) => request.url);
    expect(new Set(patches).size).toBe(live.length);
    expect(patches).toHaveLength(live.length);
    for (const key of live) expect(account.stateOf(key)?.disabled).toBe(true);
    const kept = Store.open(store);
    expect(kept.countByState()).toEqual({ pending: 0, checked: 0, done: tokens.length });
    kept.close();
    const places = { store: readFileSync(store).toString('latin1'), logs: first.logs() + second.logs(), audit: readFileSync(auditLog, 'utf8') };
    for (const token of tokens) for (const [where, text] of Object.entries(places)) expect(text.includes(token), `${where} holds a raw token`).toBe(false);
  });
});
