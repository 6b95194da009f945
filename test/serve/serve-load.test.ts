/**
 * A bounded load on `serve` in this process: 30 signed alerts of 5 tokens each from 8 clients
 * at once, a fifth of the tokens repeated from earlier alerts (GitHub's duplicates). Every alert
 * is answered 200, every token ends done, each live key is revoked once, the provider sees no
 * more requests than the flow needs per distinct key, and it all ends within a generous bound
 * (a limit on hanging, not a speed test: bench/ measures speed).
 */
import { describe, expect, it } from 'vitest';
import { keyFactory } from '../helpers/keys.js';
import { startTestServe } from '../helpers/serve.js';
import { cleanTmpDirs } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(2026120518);
const managementKey = keys.openrouter();

describe('serve under load', () => {
  it('answers 30 alerts from 8 clients and acts once per distinct key', async () => {
    const live = Array.from({ length: 60 }, () => keys.openrouter());
    const dead = Array.from({ length: 60 }, () => keys.openrouter());
    const fresh = [...live, ...dead].sort(() => 0.5 - Math.random());
    const serve = await startTestServe({ managementKey, account: { keys: live.map((key) => ({ key })) }, settings: { answerWithinMs: 20_000, worker: { batchSize: 32, concurrency: 4, maxAttempts: 3, backoffMs: () => 50 } } });
    // 150 tokens: the 120 distinct ones, then 30 repeats spread over the alerts (batches of 32 still run 4 at once).
    const tokens = [...fresh, ...fresh.slice(0, 30)];
    const alerts = Array.from({ length: 30 }, (_, i) => tokens.filter((_token, j) => j % 30 === i));
    const started = performance.now();
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < alerts.length; i = next++) statuses.push((await serve.send((alerts[i] ?? []).map((token) => ({ token })))).status);
      }),
    );
    while ((await (await fetch(`${serve.serve.origin}/healthz`)).json() as { tokens: { done: number } }).tokens.done < fresh.length) await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (performance.now() - started) / 1000;
    expect(statuses).toEqual(Array(30).fill(200));
    expect(serve.revocations()).toHaveLength(live.length);
    expect(new Set(serve.revocations().map((request) => request.url)).size).toBe(live.length);
    // Per live key: check, direct look-up, PATCH, re-check; per dead key: one check.
    expect(serve.openRouter.requests.length).toBeLessThanOrEqual(4 * live.length + dead.length);
    expect(seconds).toBeLessThan(120);
    await serve.close();
  });
});
