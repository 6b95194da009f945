import { detectKeys, type Engine, type KeyMatch } from '../detect/detect.js';
import { maskEncodedKey, maskKey, type MaskStyle } from '../detect/mask.js';

/**
 * `keywarden redact` as a pure unit: bytes in, the same bytes out with every key masked.
 *
 * Bytes are held back only while more input could still change how they are written, and
 * released as soon as it cannot. The rules that decide this:
 *
 * 1. A key never holds a newline, nor does the base64 text that may encode one. So when a
 *    read brings a newline, everything up to the last newline is scanned and released at once;
 *    only the partial line after it is held. This is the common path: one scan per read.
 * 2. A partial line that grows past `holdLimit` (a minified file, a 2 GB single line) is
 *    released but for its last `holdTail` bytes. The window scanned owns only the keys that
 *    start before that tail; a key starting in the tail is left to the next window, which sees
 *    it whole. A key that starts before the cut but ends after it moves the cut to its end.
 * 3. When input stops for a moment (`idle`), the partial line is released up to and including
 *    its last byte outside `[A-Za-z0-9+/=_-]`. Keys (and base64 text) are runs of those bytes, and
 *    every byte a key's match looks at after the key is in the run or is the byte ending it,
 *    so nothing read later can create, end or extend a key before that byte. Only the run
 *    after it (a prompt's last word, a key being written) waits for more input. This holds for
 *    every built-in rule; a user rule whose keys contain other bytes may be cut at an idle moment.
 * 4. At the end of input everything left is scanned and released.
 *
 * Every window is scanned together with up to `contextLength` bytes already released before
 * it, so look-behinds and escapes (`\x1b[1m`, `%3D`, `\n`) that end right before a key are seen
 * exactly as in one scan of the whole stream; those bytes are owned by an earlier window.
 *
 * Keys are masked wherever a scan finds them (SPEC §1), on lines with `keywarden:allow` too:
 * the marker keeps a known key out of reports, not out of logs. Placeholders are not keys and
 * stay. A key inside base64 text has the characters that encode it replaced by a marker
 * (`[base64:sk-or-v1-e2e4…ecbe]`); when fewer than four characters (padding included) are left
 * on a side, they are replaced too, so a Kubernetes Secret's value becomes just the marker.
 */

/** Raw bytes already released that each window is scanned with (look-behind, escapes). */
const contextLength = 512;
/** A partial line longer than this is released in part (rule 2). */
export const defaultHoldLimit = 1024 * 1024;
/** What rule 2 keeps back: far more than the longest key (~140 bytes) or its base64 form (~190). */
const holdTail = 4096;
/** Fewer base64 characters than this left beside an encoded key are masked with it. */
const base64Remnant = 4;

/** Bytes a key or base64 text can be made of: `[A-Za-z0-9+/=_-]` (rule 3). */
const keyByte = new Uint8Array(256);
for (const byte of Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-', 'latin1')) keyByte[byte] = 1;

const empty = Buffer.alloc(0);

export interface StreamRedactorOptions {
  engine: Engine;
  /** How keys are written (default `redacted`, the form reports use). */
  mask?: MaskStyle;
  /** Bytes of a partial line held before part of it is released (default 1 MiB; at least 16 KiB). */
  holdLimit?: number;
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The state of one redacted stream. `push` each read, `idle` when input pauses, `end` once;
 * each returns the bytes that may be written now, in order. Output is the input with each
 * key's bytes replaced, nothing else changed. Pushed buffers are not modified, and may be
 * kept (as views) until they are released.
 */
export class StreamRedactor {
  readonly #engine: Engine;
  readonly #mask: MaskStyle;
  readonly #holdLimit: number;
  /** The last bytes released (raw input, not output): context for the next window. */
  #context: Buffer = empty;
  /** Bytes read but not released: always a partial line (no newline), at most `holdLimit` after a push. */
  #hold: Buffer = Buffer.allocUnsafe(64 * 1024);
  #held = 0;
  #masked = 0;
  #ended = false;

  constructor(options: StreamRedactorOptions) {
    this.#engine = options.engine;
    this.#mask = options.mask ?? 'redacted';
    this.#holdLimit = Math.max(4 * holdTail, options.holdLimit ?? defaultHoldLimit);
  }

  /** Keys masked so far (each key once; several in one base64 text count separately). */
  get masked(): number {
    return this.#masked;
  }

  /** Bytes read and not yet released. */
  get held(): number {
    return this.#held;
  }

  /** Take one read; returns what can be written now. */
  push(chunk: Uint8Array): Buffer[] {
    if (this.#ended) throw new Error('push after end');
    const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: Buffer[] = [];
    // Huge reads are taken in pieces, so no window is larger than about twice the hold limit.
    for (let at = 0; at < data.length; at += this.#holdLimit) this.#pushPiece(data.subarray(at, at + this.#holdLimit), out);
    return out;
  }

  /** Input has paused: release the partial line up to its last byte that no key can hold (rule 3). */
  idle(): Buffer[] {
    if (this.#held === 0) return [];
    let cut = this.#held;
    while (cut > 0 && keyByte[this.#hold[cut - 1] ?? 0] === 1) cut--;
    if (cut === 0) return [];
    const window = Buffer.concat([this.#context, this.#hold.subarray(0, this.#held)]);
    const from = this.#context.length;
    return [this.#release(window, from + cut, from + cut)];
  }

  /** Input has ended: release everything. */
  end(): Buffer[] {
    this.#ended = true;
    if (this.#held === 0) return [];
    const window = Buffer.concat([this.#context, this.#hold.subarray(0, this.#held)]);
    return [this.#release(window, window.length, window.length)];
  }

  #pushPiece(data: Buffer, out: Buffer[]): void {
    const newline = data.lastIndexOf(10);
    if (newline !== -1) {
      // Rule 1: the held partial line and every whole line of this read, scanned once.
      const window = Buffer.concat([this.#context, this.#hold.subarray(0, this.#held), data.subarray(0, newline + 1)]);
      this.#held = 0;
      out.push(this.#release(window, window.length, window.length));
      data = data.subarray(newline + 1);
    }
    this.#keep(data);
    if (this.#held > this.#holdLimit) {
      // Rule 2: a line too long to hold; keys starting in the tail belong to the next window.
      const window = Buffer.concat([this.#context, this.#hold.subarray(0, this.#held)]);
      const cut = window.length - holdTail;
      out.push(this.#release(window, cut, cut));
    }
  }

  #keep(data: Buffer): void {
    if (data.length === 0) return;
    const needed = this.#held + data.length;
    if (needed > this.#hold.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.#hold.length));
      this.#hold.copy(grown, 0, 0, this.#held);
      this.#hold = grown;
    }
    data.copy(this.#hold, this.#held);
    this.#held = needed;
  }

  /**
   * Scan `window` (context, then held bytes) for the keys that start in [context end, ownedTo),
   * and release its bytes up to `cut`, or further when a masked key runs past it. Drops the
   * released bytes from the hold; returns the output.
   */
  #release(window: Buffer, ownedTo: number, cut: number): Buffer {
    const from = this.#context.length;
    const matches = detectKeys(window, this.#engine, { ownedFrom: from, ownedTo, inlineAllow: false });
    this.#masked += matches.length;
    const spans = this.#spans(matches, from);
    const last = spans[spans.length - 1];
    if (last && last.end > cut) cut = last.end;
    let out: Buffer;
    if (spans.length === 0) {
      out = window.subarray(from, cut);
    } else {
      const pieces: Buffer[] = [];
      let at = from;
      for (const span of spans) {
        pieces.push(window.subarray(at, span.start), Buffer.from(span.text, 'utf8'));
        at = span.end;
      }
      pieces.push(window.subarray(at, cut));
      out = Buffer.concat(pieces);
    }
    this.#context = window.subarray(Math.max(0, cut - contextLength), cut);
    const released = cut - from;
    if (released >= this.#held) {
      this.#held = 0;
    } else {
      this.#hold.copyWithin(0, released, this.#held);
      this.#held -= released;
    }
    return out;
  }

  /** The byte ranges to replace, in order, none before `from` (released already), overlaps merged. */
  #spans(matches: KeyMatch[], from: number): Span[] {
    const spans: Span[] = [];
    for (const match of matches) {
      let { start, end } = match;
      let text: string;
      if (match.encoded) {
        ({ start, end } = match.encoded);
        if (start - match.start < base64Remnant) start = match.start;
        if (match.end - end < base64Remnant) end = match.end;
        text = maskEncodedKey(match.key, match.rule.prefix, this.#mask);
      } else {
        text = maskKey(match.key, match.rule.prefix, this.#mask);
      }
      start = Math.max(start, from);
      if (end > start) spans.push({ start, end, text });
    }
    spans.sort((a, b) => a.start - b.start);
    const merged: Span[] = [];
    for (const span of spans) {
      const previous = merged[merged.length - 1];
      if (previous && span.start < previous.end) {
        // Overlapping matches (a plain key that is also the start of base64 text): one span, both masks.
        previous.end = Math.max(previous.end, span.end);
        previous.text += span.text;
      } else {
        merged.push({ ...span });
      }
    }
    return merged;
  }
}

export interface RedactStreamOptions extends StreamRedactorOptions {
  /** Milliseconds without input after which a held partial line is released as far as it can be (rule 3); 0: never. Default 50. */
  idleMs?: number;
}

/** How long input may pause before a held partial line is released as far as rule 3 allows. */
export const defaultIdleMs = 50;

const idle = Symbol('idle');

function orIdle<T>(next: Promise<T>, ms: number): Promise<T | typeof idle> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof idle>((resolve) => {
    timer = setTimeout(resolve, ms, idle);
  });
  return Promise.race([next, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Copy `input` to `write` with every key masked (see `StreamRedactor`). Each read is written
 * as soon as it is scanned, and a pause in input releases what rule 3 allows, so a pipe into
 * a log file stays live. `write` may return a promise to apply backpressure; if it throws,
 * reading stops and the error is passed on. Returns how many keys were masked.
 */
export async function redactStream(
  input: AsyncIterable<Uint8Array>,
  write: (chunk: Buffer) => void | Promise<void>,
  options: RedactStreamOptions,
): Promise<{ masked: number }> {
  const redactor = new StreamRedactor(options);
  const idleMs = options.idleMs ?? defaultIdleMs;
  const emit = async (pieces: Buffer[]) => {
    for (const piece of pieces) if (piece.length > 0) await write(piece);
  };
  const reads = input[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      const next = reads.next();
      let read: IteratorResult<Uint8Array> | typeof idle = redactor.held > 0 && idleMs > 0 ? await orIdle(next, idleMs) : await next;
      if (read === idle) {
        await emit(redactor.idle());
        read = await next;
      }
      if (read.done) break;
      await emit(redactor.push(read.value));
    }
    done = true;
    await emit(redactor.end());
  } finally {
    // Stopped early (a write failed): let the input go instead of reading it to its end.
    if (!done) await reads.return?.();
  }
  return { masked: redactor.masked };
}
