import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { defaultThreads, threadsForTrees } from '../../src/run/pool.js';

describe('threads for a large tree', () => {
  it('by default one per core from four cores up, none below (they cost CPU and gained no time on two)', () => {
    expect(threadsForTrees({})).toBe(availableParallelism() >= 4 ? defaultThreads : 0);
    expect(threadsForTrees({ KEYWARDEN_THREADS: '' })).toBe(threadsForTrees({}));
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['6', 6],
  ])('KEYWARDEN_THREADS=%s sets %i', (given, count) => {
    expect(threadsForTrees({ KEYWARDEN_THREADS: given })).toBe(count);
  });

  it.each(['two', '-1', '1.5', '65'])('KEYWARDEN_THREADS=%s is a usage error naming the variable', (given) => {
    expect(() => threadsForTrees({ KEYWARDEN_THREADS: given })).toThrow(UsageError);
    expect(() => threadsForTrees({ KEYWARDEN_THREADS: given })).toThrow(/^KEYWARDEN_THREADS=.*: not a whole number from 0 to 64$/);
  });
});
