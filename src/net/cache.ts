/**
 * A bounded memo of answers fetched over the network, for processes that run for hours
 * (`serve`, `logs --follow`): at most `maxEntries` answers, each kept for the time-to-live
 * its value earns, least recently used dropped first. Concurrent asks for one key share a
 * single in-flight request. Pure apart from the clock, which is passed in.
 */

export interface AnswerCacheOptions<V> {
  /** Answers kept at most; 0 keeps none (in-flight asks are still shared). */
  maxEntries: number;
  /** How long an answer stays fresh, in ms, chosen per answer (say, shorter for a provider outage); ≤ 0 keeps it not at all. */
  ttlMs: (value: V) => number;
  /** Epoch ms. */
  now: () => number;
}

export interface AnswerCache<V> {
  /**
   * The fresh answer for `key`, else the in-flight ask's, else `ask()`'s, which is then
   * kept. A rejected ask is not kept: the next call asks again.
   */
  getOrAsk(key: string, ask: () => Promise<V>): Promise<V>;
  /** Answers kept now, stale ones not yet dropped included. */
  readonly size: number;
}

interface Entry<V> {
  value: V;
  /** Epoch ms, exclusive. */
  expiresAt: number;
}

export function createAnswerCache<V>(options: AnswerCacheOptions<V>): AnswerCache<V> {
  // A Map iterates in insertion order: re-inserting on each hit makes the first key the least recently used.
  const entries = new Map<string, Entry<V>>();
  const inFlight = new Map<string, Promise<V>>();

  function fresh(key: string): Entry<V> | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (options.now() >= entry.expiresAt) return undefined;
    entries.set(key, entry);
    return entry;
  }

  function keep(key: string, value: V): void {
    const ttl = options.ttlMs(value);
    if (ttl <= 0 || options.maxEntries <= 0) return;
    entries.delete(key);
    entries.set(key, { value, expiresAt: options.now() + ttl });
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries) break;
      entries.delete(oldest);
    }
  }

  return {
    getOrAsk(key, ask) {
      const entry = fresh(key);
      if (entry) return Promise.resolve(entry.value);
      const pending = inFlight.get(key);
      if (pending) return pending;
      // Async, so that an ask that throws at once is a rejection like any other.
      const asked = (async () => ask())();
      inFlight.set(key, asked);
      void asked.then(
        (value) => {
          inFlight.delete(key);
          keep(key, value);
        },
        () => inFlight.delete(key),
      );
      return asked;
    },
    get size() {
      return entries.size;
    },
  };
}
