import { countByte } from '../core/count-byte.js';
import { containsInlineAllow, isBase64Byte, utf16Length } from '../core/text.js';
import type { ChunkWindow } from '../core/types.js';

/** Bytes scanned at once; larger data is scanned in overlapping windows of this size. */
export const defaultWindowSize = 16 * 1024 * 1024;
/** Overlap between windows cut inside a line: more than the longest key plus the context a rule may look at. */
export const windowOverlap = 4096;

/** A window of bytes, with what detection needs to report each key once and at the right place. */
export interface FileWindow extends ChunkWindow {
  data: Buffer;
  /** 1-based line of `data[0]`. */
  startLine: number;
}

export function checkWindowSize(windowSize: number): void {
  if (windowSize < 4 * windowOverlap) throw new RangeError(`window size must be at least ${4 * windowOverlap} bytes`);
}

function countNewlines(data: Buffer, end: number): { lines: number; lastNewline: number } {
  return { lines: countByte(data, 10, end), lastNewline: end > 0 ? data.lastIndexOf(10, end - 1) : -1 };
}

/**
 * Where the base64 text that runs across `edge` began, if any: the next window starts
 * inside it and must report a key encoded there at the text's real start. Base64 runs
 * hold no newline, so it began on the line the next window starts on.
 */
function base64RunInto(
  data: Buffer,
  edge: number,
  nextStartLine: number,
  nextColumnOffset: number,
  continued: { line: number; column: number } | undefined,
): { line: number; column: number } | undefined {
  if (!isBase64Byte(data[edge]) || !isBase64Byte(data[edge - 1])) return undefined;
  let start = edge;
  while (start > 0 && isBase64Byte(data[start - 1])) start--;
  if (start === 0 && continued) return continued;
  return { line: nextStartLine, column: nextColumnOffset - (edge - start) + 1 };
}

/**
 * What one window hands the next: the line, column, inline-allow marker and base64 run
 * that the next window's first byte sits in, and how much of the overlap is already owned.
 * Every source that cuts bytes into windows (files read in place, streams) goes through it.
 */
export class WindowCarry {
  #startLine: number;
  #columnOffset = 0;
  #lineAllowed = false;
  #continuedBase64: { line: number; column: number } | undefined;
  /** Bytes at the start of the next window that an earlier window already owned. */
  #ownedFrom = 0;
  /** The last window handed out and where it was cut, not yet carried over. */
  #previous: { data: Buffer; cut: number } | undefined;

  /** @param startLine 1-based line of the first window's first byte. */
  constructor(startLine = 1) {
    this.#startLine = startLine;
  }

  /**
   * The window over `data`, which begins where the carry stands, and the carry moved to
   * `data[cut]`, where the next window begins. `cut === data.length` for the last window
   * and for one cut at a line end; otherwise `[cut, data.length)` is an overlap the next
   * window reads again, and each side owns half of it, so every owned key has context on
   * both sides.
   */
  next(data: Buffer, cut: number): FileWindow {
    this.settle();
    const ownedTo = Math.max(this.#ownedFrom, cut + ((data.length - cut) >> 1));
    const window: FileWindow = {
      data,
      startLine: this.#startLine,
      firstLineColumnOffset: this.#columnOffset,
      firstLineAllowed: this.#lineAllowed,
      ...(this.#continuedBase64 ? { continuedBase64: this.#continuedBase64 } : {}),
      ownedFrom: this.#ownedFrom,
      ownedTo,
    };
    this.#ownedFrom = ownedTo - cut;
    // Carried over only when a next window comes (or a stream's push ends, see StreamWindows): most files are one
    // window, and counting their lines would be waste.
    this.#previous = { data, cut };
    return window;
  }

  /** Carries the last window over now, so the carry no longer holds its bytes (their buffer may be reused). */
  settle(): void {
    if (this.#previous) this.#advance(this.#previous.data, this.#previous.cut);
    this.#previous = undefined;
  }

  #advance(data: Buffer, cut: number): void {
    const { lines, lastNewline } = countNewlines(data, cut);
    this.#startLine += lines;
    const carried = data.subarray(lastNewline + 1, cut);
    this.#columnOffset = (lastNewline === -1 ? this.#columnOffset : 0) + utf16Length(carried, 0, carried.length);
    this.#lineAllowed = (lastNewline === -1 && this.#lineAllowed) || containsInlineAllow(carried);
    this.#continuedBase64 = base64RunInto(data, cut, this.#startLine, this.#columnOffset, this.#continuedBase64);
  }
}

/**
 * Cuts a byte stream (a decompressing gzip, stdin, a followed file) into windows as it
 * arrives. Complete lines are handed on at once, so a slow stream's findings appear
 * promptly (keys never contain a newline, so a cut after one needs no overlap); a line
 * longer than a window is cut in overlapping windows. Holds at most one window's worth of
 * bytes, whatever the input: a 2 GB line costs a window's worth of memory.
 *
 * A chunk is borrowed only while its `push` runs: what is still pending when it ends (the
 * start of an unfinished line) is copied, and the carry settled, so the reader may read the
 * next chunk into the same buffer (`readLog`'s `reuseBuffers`). The copy is a line's start
 * for ordinary logs; a line longer than a chunk is copied once more than before (it was joined
 * anyway), and a stream's last window has its lines counted even when no window follows.
 */
export class StreamWindows {
  readonly #carry: WindowCarry;
  readonly #windowSize: number;
  #parts: Buffer[] = [];
  /** How many of `#parts`, from the front, are this object's own copies rather than views of a pushed chunk. */
  #owned = 0;
  #length = 0;
  /** Offset just past the last newline among the pending bytes; 0 when they hold none. */
  #lineEnd = 0;

  constructor(windowSize = defaultWindowSize, startLine = 1) {
    checkWindowSize(windowSize);
    this.#windowSize = windowSize;
    this.#carry = new WindowCarry(startLine);
  }

  /**
   * The windows ready once `chunk` has arrived; scan each before asking for the next. A chunk
   * that ends a pending partial line is taken in two: up to its first newline (the line's end,
   * joined to what was pending, a small copy), then the rest, whose complete lines become a
   * window over the chunk itself. Taken whole, the whole chunk was copied to join that line
   * (a third of `logs`' time on a 1 GB log); windows are the same whatever the chunking.
   */
  *push(chunk: Buffer): Generator<FileWindow> {
    if (this.#length > 0 && this.#lineEnd === 0) {
      const lineEnd = chunk.indexOf(10) + 1;
      if (lineEnd > 0 && lineEnd < chunk.length) {
        yield* this.#take(chunk.subarray(0, lineEnd));
        chunk = chunk.subarray(lineEnd);
      }
    }
    yield* this.#take(chunk);
    this.#release();
  }

  /** Stops borrowing the pushed chunk: the pending bytes still in it copied, the last window carried over. */
  #release(): void {
    for (let i = this.#owned; i < this.#parts.length; i++) this.#parts[i] = Buffer.from(this.#parts[i] as Buffer);
    this.#owned = this.#parts.length;
    this.#carry.settle();
  }

  *#take(chunk: Buffer): Generator<FileWindow> {
    if (chunk.length === 0) return;
    const newline = chunk.lastIndexOf(10);
    if (newline !== -1) this.#lineEnd = this.#length + newline + 1;
    this.#parts.push(chunk);
    this.#length += chunk.length;
    while (this.#length >= this.#windowSize) {
      // Cut after the window's last newline when it has one, else inside the line, with an overlap.
      const lineEnd = this.#lineEnd <= this.#windowSize ? this.#lineEnd : this.#head(this.#windowSize).lastIndexOf(10) + 1;
      yield lineEnd > 0 ? this.#cut(lineEnd, lineEnd) : this.#cut(this.#windowSize, this.#windowSize - windowOverlap);
    }
    if (this.#lineEnd > 0) yield this.#cut(this.#lineEnd, this.#lineEnd);
  }

  /** Whatever is left: the last line, when it has no newline. */
  *end(): Generator<FileWindow> {
    if (this.#length > 0) yield this.#cut(this.#length, this.#length);
  }

  /** The first `length` pending bytes as one buffer, joining chunks only when a window spans several. */
  #head(length: number): Buffer {
    const first = this.#parts[0];
    if (first && first.length >= length) return first.subarray(0, length);
    let count = 0;
    for (let joined = 0; joined < length; count++) joined += this.#parts[count]?.length ?? 0;
    const merged = Buffer.concat(this.#parts.slice(0, count));
    this.#parts.splice(0, count, merged);
    this.#owned = 1 + Math.max(0, this.#owned - count);
    return merged.subarray(0, length);
  }

  /** The window over the first `length` bytes; the next one starts at `cut`. */
  #cut(length: number, cut: number): FileWindow {
    const window = this.#carry.next(this.#head(length), cut);
    let dropped = cut;
    while (dropped > 0) {
      const first = this.#parts[0];
      if (!first) break;
      if (first.length <= dropped) {
        dropped -= first.length;
        this.#parts.shift();
        this.#owned = Math.max(0, this.#owned - 1);
      } else {
        this.#parts[0] = first.subarray(dropped);
        dropped = 0;
      }
    }
    this.#length -= cut;
    this.#lineEnd = Math.max(0, this.#lineEnd - cut);
    return window;
  }
}
