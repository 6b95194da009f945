/**
 * The answer cache a long-running process keeps: bounded in entries (least recently used
 * dropped first) and in time (each answer's own time-to-live), one in-flight ask per key.
 * The clock is a variable the tests move.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerCache } from '../../src/net/cache.js';

interface Answer {
  status: 'live' | 'unknown';
  asked: number;
}

/** A cache over a fake clock, with an ask that counts itself. */
function setup(maxEntries = 3, ttl = { live: 1_000, unknown: 100 }) {
  const clock = { now: 0 };
  const cache = createAnswerCache<Answer>({ maxEntries, ttlMs: (answer) => ttl[answer.status], now: () => clock.now });
  const asks: string[] = [];
  const ask = (key: string, status: Answer['status'] = 'live') =>
    cache.getOrAsk(key, () => {
      asks.push(key);
      return Promise.resolve({ status, asked: asks.length });
    });
  return { cache, clock, asks, ask };
}

describe('createAnswerCache: time', () => {
  it.each([
    ['a live answer just before its 1 s runs out', 'live', 999, 1],
    ['a live answer at 1 s', 'live', 1_000, 2],
    ['an unknown answer just before its 100 ms run out', 'unknown', 99, 1],
    ['an unknown answer at 100 ms', 'unknown', 100, 2],
    ['an unknown answer after 1 s', 'unknown', 1_000, 2],
  ] as const)('%s → asks %i time(s) in all', async (_name, status, later, asks) => {
    const t = setup();
    await t.ask('k', status);
    t.clock.now = later;
    await t.ask('k', status);
    expect(t.asks).toHaveLength(asks);
  });

  it('keeps an answer whose time-to-live is 0 not at all', async () => {
    const t = setup(3, { live: 0, unknown: 0 });
    await t.ask('k');
    await t.ask('k');
    expect(t.asks).toEqual(['k', 'k']);
    expect(t.cache.size).toBe(0);
  });

  it('counts time from the answer, not from the ask', async () => {
    const clock = { now: 0 };
    const cache = createAnswerCache<string>({ maxEntries: 3, ttlMs: () => 1_000, now: () => clock.now });
    let release: (value: string) => void = () => undefined;
    const first = cache.getOrAsk('k', () => new Promise((resolve) => (release = resolve)));
    clock.now = 5_000; // a slow provider
    release('answer');
    await first;
    clock.now = 5_999;
    await expect(cache.getOrAsk('k', () => Promise.resolve('again'))).resolves.toBe('answer');
  });
});

describe('createAnswerCache: size', () => {
  it('holds at most maxEntries, dropping the least recently used', async () => {
    const t = setup(3);
    for (const key of ['a', 'b', 'c']) await t.ask(key);
    await t.ask('a'); // a is now the most recently used; b the least
    await t.ask('d'); // drops b
    expect(t.cache.size).toBe(3);
    for (const key of ['a', 'c', 'd']) await t.ask(key);
    expect(t.asks).toEqual(['a', 'b', 'c', 'd']);
    await t.ask('b');
    expect(t.asks).toEqual(['a', 'b', 'c', 'd', 'b']);
    expect(t.cache.size).toBe(3);
  });

  it('stays at its bound however many keys pass through', async () => {
    const t = setup(100);
    for (let i = 0; i < 10_000; i++) await t.ask(`key ${i}`);
    expect(t.cache.size).toBe(100);
  });

  it('keeps nothing with maxEntries 0, but still shares the ask in flight', async () => {
    const t = setup(0);
    const [one, two] = await Promise.all([t.ask('k'), t.ask('k')]);
    expect(one).toBe(two);
    await t.ask('k');
    expect(t.asks).toEqual(['k', 'k']);
    expect(t.cache.size).toBe(0);
  });

  it('drops a stale answer when it is looked at', async () => {
    const t = setup();
    await t.ask('k', 'unknown');
    t.clock.now = 100;
    await t.ask('other');
    expect(t.cache.size).toBe(2);
    await t.ask('k', 'live');
    expect(t.cache.size).toBe(2);
    expect(t.asks).toEqual(['k', 'other', 'k']);
  });
});

describe('createAnswerCache: in flight', () => {
  it('gives every concurrent caller of one key the one ask', async () => {
    const t = setup();
    const answers = await Promise.all(Array.from({ length: 25 }, () => t.ask('k')));
    expect(t.asks).toEqual(['k']);
    expect(new Set(answers).size).toBe(1);
  });

  it('asks each key once when several are in flight', async () => {
    const t = setup(10);
    await Promise.all(['a', 'b', 'a', 'c', 'b', 'a'].map((key) => t.ask(key)));
    expect(t.asks.sort()).toEqual(['a', 'b', 'c']);
  });

  it('does not keep a rejected ask: the next call asks again', async () => {
    const clock = { now: 0 };
    const cache = createAnswerCache<string>({ maxEntries: 3, ttlMs: () => 1_000, now: () => clock.now });
    const failing = () => Promise.reject(new Error('boom'));
    await expect(Promise.all([cache.getOrAsk('k', failing), cache.getOrAsk('k', failing)])).rejects.toThrow('boom');
    await expect(cache.getOrAsk('k', () => Promise.resolve('fine'))).resolves.toBe('fine');
    expect(cache.size).toBe(1);
  });

  it('turns an ask that throws at once into a rejection', async () => {
    const cache = createAnswerCache<string>({ maxEntries: 3, ttlMs: () => 1_000, now: () => 0 });
    await expect(
      cache.getOrAsk('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(cache.getOrAsk('k', () => Promise.resolve('fine'))).resolves.toBe('fine');
  });
});
