import { blankEscapes, decodeEscapes, isEscapeIntroducer } from './normalize.js';

/**
 * Text the rules run on, cut from the data around the hits, and where each of its characters
 * lies in the data: offsets in reports are always offsets in the data as it was read.
 */
export interface View {
  readonly text: string;
  /** Data offset where `text[index]` starts. */
  startOf(index: number): number;
  /** Data offset just past `text[index]`. */
  endOf(index: number): number;
  /** Index in `text` of the first character that starts at or after data offset `offset`. */
  indexAt(offset: number): number;
  /** The view ends before the data does: a match touching its end might go on. */
  readonly cutShort: boolean;
}

/** How far before a keyword a rule may look (look-behind, context in user rules). */
export const contextBefore = 64;
/** How far after a keyword a match may reach: keys are at most ~140 characters, escaped up to ~13 bytes each. */
export const contextAfter = 2048;
/** A window of text is cut once and reused for every hit it covers, so a flood of keywords costs linear time. */
const windowLength = 16 * 1024;

/** Latin1 text of part of the data (one character per byte, so offsets carry over), escapes blanked. */
export class RawWindow implements View {
  start = 0;
  end = 0;
  text = '';
  constructor(private readonly data: Buffer) {}

  get cutShort(): boolean {
    return this.end < this.data.length;
  }

  /** Make sure [offset - contextBefore, offset + contextAfter) is inside the window. */
  cover(offset: number): void {
    const wantEnd = Math.min(this.data.length, offset + contextAfter);
    if (Math.max(0, offset - contextBefore) >= this.start && wantEnd <= this.end && this.text !== '') return;
    this.start = Math.max(0, offset - contextBefore);
    this.end = Math.min(this.data.length, Math.max(wantEnd, this.start + windowLength));
    this.text = blankEscapes(this.data.toString('latin1', this.start, this.end));
  }

  startOf(index: number): number {
    return this.start + index;
  }

  endOf(index: number): number {
    return this.start + index + 1;
  }

  indexAt(offset: number): number {
    return offset - this.start;
  }
}

/** Part of the data with its escapes decoded (see `decodeEscapes`), decoded again only when a hit falls outside it. */
export class DecodedWindow implements View {
  start = 0;
  end = 0;
  text = '';
  #starts: Int32Array = new Int32Array(0);
  #ends: Int32Array = new Int32Array(0);
  constructor(private readonly data: Buffer) {}

  get cutShort(): boolean {
    return this.end < this.data.length;
  }

  /**
   * Make sure [offset - before, offset + after) is decoded. A new stretch reaches well past what
   * was asked, so hits close together share one decoding and the work stays linear.
   */
  cover(offset: number, before: number, after: number): void {
    const from = Math.max(0, offset - before);
    const to = Math.min(this.data.length, offset + after);
    if (from >= this.start && to <= this.end && this.text !== '') return;
    this.start = from;
    this.end = Math.min(this.data.length, to + 4 * (before + after));
    const decoded = decodeEscapes(this.data.toString('latin1', this.start, this.end));
    this.text = decoded.text;
    this.#starts = decoded.starts;
    this.#ends = decoded.ends;
  }

  startOf(index: number): number {
    return this.start + (this.#starts[index] ?? this.end - this.start);
  }

  endOf(index: number): number {
    return this.start + (this.#ends[index] ?? this.end - this.start);
  }

  indexAt(offset: number): number {
    const target = offset - this.start;
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#starts[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Tells whether escapes lie near increasing offsets, looking at each byte of the data about once. */
export class EscapeScanner {
  /** No escape introducer lies in [clearFrom, clearTo). */
  #clearFrom = 0;
  #clearTo = 0;
  /** An introducer found at this offset (or -1). */
  #found = -1;
  constructor(private readonly data: Buffer) {}

  /** Whether an escape introducer (ESC, `\`, `%`, `&`) lies in [from, to). */
  any(from: number, to: number): boolean {
    from = Math.max(0, from);
    to = Math.min(this.data.length, to);
    if (this.#found >= from && this.#found < to) return true;
    let at = from >= this.#clearFrom && from < this.#clearTo ? this.#clearTo : from;
    while (at < to && !isEscapeIntroducer(this.data[at])) at++;
    this.#clearFrom = from;
    this.#clearTo = at;
    if (at >= to) return false;
    this.#found = at;
    return true;
  }
}
