import { createEngine, type Engine } from './detect.js';

/** Input bytes counted before the prefilter's anchors are chosen again (they decide speed only). */
export const tuningSample = 1024 * 1024;

/**
 * Counts the first MiB of a stream's bytes, then builds an engine whose prefilter anchors
 * are the bytes rare in *this* stream: a log is full of digits and capitals that source code
 * (the default ranking) is not, and a rare anchor means fewer false hits to confirm.
 */
export class AnchorTuner {
  #counts: Float64Array | undefined = new Float64Array(256);
  #counted = 0;

  /** Feed bytes; returns the tuned engine once the sample is complete (once), else undefined. */
  feed(data: Uint8Array, engine: Engine): Engine | undefined {
    const counts = this.#counts;
    if (!counts) return undefined;
    const end = Math.min(data.length, tuningSample - this.#counted);
    for (let i = 0; i < end; i++) {
      const byte = data[i] ?? 0;
      counts[byte] = (counts[byte] ?? 0) + 1;
    }
    this.#counted += end;
    if (this.#counted < tuningSample) return undefined;
    this.#counts = undefined;
    return createEngine(engine.rules, counts);
  }
}
