/**
 * A restart finds a token already checked (and revoked) but not yet told: it is only told, never
 * checked or revoked again. The checked state is made by the real check of a batch (check.ts
 * through the run layer) against the OpenRouter stand-in, as a server stopped right after it would
 * have left it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTokens } from '../../src/serve/check.js';
import { seal, storeKeyFrom } from '../../src/serve/sealed.js';
import { Store } from '../../src/serve/store.js';
import { keyFactory } from '../helpers/keys.js';
import { startStandIn } from '../helpers/providers.js';
import { leakUrl, serveEnv, startOpenRouter, startTestServe } from '../helpers/serve.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(2026120519);
const managementKey = keys.openrouter();

describe('serve: resuming a token that was checked but not told', () => {
  it('tells it once and sends the provider nothing', async () => {
    const key = keys.openrouter();
    const hash = createHash('sha256').update(key).digest('hex');
    const { standIn: before, account } = await startOpenRouter({ managementKey, account: { keys: [{ key }] } });
    const env = serveEnv(before, 'http://127.0.0.1:9', managementKey);
    const storeFile = join(makeTmpDir('serve'), 'serve.db');
    const outcomes = await checkTokens([{ hash, token: key, url: leakUrl }], { env, ruleDirs: [], verify: { longRunning: true }, revoke: { execute: true, action: 'disable', command: 'serve' }, failOn: 'any' }, () => undefined);
    const outcome = outcomes.get(hash);
    expect(outcome).toMatchObject({ verification: 'live', revocation: 'revoked' });
    expect(account.stateOf(key)?.disabled).toBe(true);
    const store = Store.open(storeFile);
    store.accept({ discloser: 'github', receivedAt: Date.now(), bodySha256: 'x', tokens: [{ hash, type: 'openrouter_api_key', url: leakUrl, source: 'content', ruleId: 'openrouter.api-key', sealed: seal(storeKeyFrom(env), key, hash) }] });
    store.markLive(hash);
    store.markChecked(hash, { verification: 'live', revocation: 'revoked', told: JSON.stringify(outcome?.told) });
    store.close();

    const hook = await startStandIn(() => ({ status: 200, body: 'ok' }));
    const serve = await startTestServe({ managementKey, account: { keys: [] }, storeFile, webhook: `${hook.origin}/hook` });
    while (hook.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await serve.close();
    expect(serve.openRouter.requests).toEqual([]);
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]?.body).toContain('revoked');
    expect(hook.requests[0]?.body.includes(key)).toBe(false);
    const after = Store.open(storeFile);
    expect(after.statuses([hash]).get(hash)).toMatchObject({ state: 'done', wasLive: true, revocation: 'revoked' });
    after.close();
  });
});
