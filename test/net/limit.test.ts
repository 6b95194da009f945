/** The concurrency limiter behind --verify-concurrency: a bound, arrival order, no leaks on failure. */
import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../src/net/limit.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('concurrencyLimit', () => {
  it.each([1, 2, 5])('runs at most %i tasks at once, and all of them', async (bound) => {
    const limit = concurrencyLimit(bound);
    let running = 0;
    let max = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_v, i) =>
        limit(async () => {
          running++;
          max = Math.max(max, running);
          await tick();
          running--;
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_v, i) => i));
    expect(max).toBe(bound);
  });

  it('starts waiting tasks in arrival order', async () => {
    const limit = concurrencyLimit(1);
    const started: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => limit(async () => void started.push(i))));
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = concurrencyLimit(1);
    const failed = limit(() => Promise.reject(new Error('boom')));
    await expect(failed).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
