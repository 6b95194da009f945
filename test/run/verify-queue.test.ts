/**
 * The verify stage's queue: memory is bounded by its limit, not by the input, and a failure
 * to hand a finding on is never lost.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { verifyQueue } from '../../src/run/verify.js';
import type { Verifier } from '../../src/verify/verifier.js';
import { findingOf } from '../report/findings.js';
import { keyFactory } from '../helpers/keys.js';

const keys = keyFactory(0x71756575);

/** A verifier whose answers are released by the test, counting how many checks are open at once. */
function gated(): Verifier & { open: () => number; most: () => number; release: (n?: number) => void } {
  const waiting: (() => void)[] = [];
  let open = 0;
  let most = 0;
  return {
    open: () => open,
    most: () => most,
    release(n = Infinity) {
      for (let i = 0; i < n && waiting.length > 0; i++) waiting.shift()?.();
    },
    async verify() {
      open++;
      most = Math.max(most, open);
      await new Promise<void>((resolve) => waiting.push(resolve));
      open--;
      return { verification: { status: 'invalid', detail: {} } };
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('verifyQueue', () => {
  it.each([true, false])('never holds more than its limit of findings (ordered: %s)', async (ordered) => {
    const verifier = gated();
    const delivered: Finding[] = [];
    const queue = verifyQueue(verifier, (finding) => void delivered.push(finding), { ordered, limit: 4 });
    let added = 0;
    const adding = (async () => {
      for (let i = 0; i < 20; i++) {
        await queue.add(findingOf(keys.openrouter()));
        added++;
      }
    })();
    await tick();
    expect(added).toBe(3);
    expect(verifier.most()).toBe(4);
    while (added < 20) {
      verifier.release(1);
      await tick();
      await tick();
    }
    verifier.release();
    await adding;
    await queue.drain();
    expect(delivered).toHaveLength(20);
    expect(verifier.most()).toBeLessThanOrEqual(4);
  });

  it('a failure to hand a finding on surfaces from drain', async () => {
    const verifier = gated();
    const queue = verifyQueue(verifier, () => {
      throw new Error('stdout closed');
    });
    await queue.add(findingOf(keys.openrouter()));
    verifier.release();
    await expect(queue.drain()).rejects.toThrow('stdout closed');
  });

  it('keeps an answer a finding already carries, asking nothing', async () => {
    const verifier = gated();
    const delivered: Finding[] = [];
    const queue = verifyQueue(verifier, (finding) => void delivered.push(finding));
    await queue.add(findingOf(keys.openrouter(), { verification: { status: 'skipped', detail: {}, reason: 'not recovered' } }));
    await queue.drain();
    expect(verifier.most()).toBe(0);
    expect(delivered[0]?.verification?.reason).toBe('not recovered');
  });
});
