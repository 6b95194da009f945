import { isBase64Byte } from '../core/text.js';
import { minWrapWidth } from '../detect/base64.js';
import { detectKeys, type Engine, type KeyMatch } from '../detect/detect.js';
import { AnchorTuner } from '../detect/tuning.js';
import { maskEncodedKey, maskKey, type MaskStyle } from '../detect/mask.js';
import { isUtf16, sniffText, Utf16Decoder, Utf16Encoder } from '../sources/text-encoding.js';

/**
 * `keywarden redact` as a pure unit: bytes in, the same bytes out with every key masked.
 *
 * Bytes are held back only while more input could still change how they are written, and
 * released as soon as it cannot, so `app | keywarden redact >> app.log` stays live. The rules:
 *
 * 1. Each read is released up to and including its last separator byte: whitespace, a control
 *    byte but ESC and BEL, or one of ``"'`,|<>{}``. No key holds one, even written with escapes
 *    inside it (`ESC[01;31m`, `\u002d`, `&#45;`: hence not `\ ; [ ] ( )`), nor does the base64
 *    text that may encode one, and whatever a key's match looks at after the key is the
 *    separator that ends it or comes before; so nothing read later can create, end or extend a
 *    key that starts before that byte. A line break is no separator when the line before may
 *    be wrapped base64 going on over the next (at least 48 base64 characters to its end), since
 *    an encoded key may cross it. Only the word after it (a key being written, a prompt's last
 *    word) waits for the next read. One scan per read, and a pause in input needs no timer.
 *    The separator is looked for in the last 4 KiB of a read, then the last newline.
 * 2. A run without separators that grows past `holdLimit` (a minified file, a 2 GB base64
 *    line) is released but for its last `holdTail` bytes. The window scanned owns only the keys
 *    that start before that tail; a key starting in the tail is left to the next window, which
 *    sees it whole. A key that starts before the cut but ends after it moves the cut to its end.
 * 3. At the end of input everything left is scanned and released.
 *
 * Every window is scanned together with up to `contextLength` bytes already released before
 * it, so look-behinds and escapes (`\x1b[1m`, `%3D`, `\n`) that end right before a key are seen
 * exactly as in one scan of the whole stream; those bytes are owned by an earlier window.
 * This holds for every built-in rule; a user rule that matches a key containing a separator,
 * or looks past the separator after a key, may miss a key cut at a read's edge.
 *
 * Keys are masked wherever a scan finds them (SPEC §1), on lines with `keywarden:allow` too
 * (the marker keeps a known key out of reports, not out of logs), and glued to other characters
 * too (`x<key>`, `<key>g`): a filter masks every key-shaped run. A key written with escapes
 * inside it is replaced whole, escapes included. Placeholders stay, but only
 * by their shape (`sk-ar-xxxxxxxxxxxxxxxx`, `…1234567890abcdef`, low entropy), not by a word in
 * them: about one random 32-character body in 9,000 spells `fake`, `here` or `your` somewhere,
 * and such a key must not leak. Text that merely mentions a prefix (`sk-or-v1-your_key_here`)
 * is no match at all. A key inside base64 text has
 * the characters that encode it replaced by a marker (`[base64:sk-or-v1-e2e4…ecbe]`); when
 * fewer than four characters (padding included) are left on a side, they are replaced too,
 * so a Kubernetes Secret's value becomes just the marker. In wrapped base64 the marker takes the
 * place of the key's characters on its first line, and the line breaks stay.
 */

/** Raw bytes already released that each window is scanned with (look-behind, escapes). */
const contextLength = 512;
/** A run without separators longer than this is released in part (rule 2). */
export const defaultHoldLimit = 1024 * 1024;
/** What rule 2 keeps back: far more than the longest key (~140 bytes) or its base64 form (~190). */
const holdTail = 4096;
/** How far back from the end of a read a separator is looked for byte by byte (rule 1). */
const separatorSearch = 4096;
/** Fewer base64 characters than this left beside an encoded key are masked with it. */
const base64Remnant = 4;

/**
 * Bytes no key contains (rule 1): controls, space, DEL, quotes, ``,|<>{}`` and backtick. Not those
 * that may be part of an escape written inside a key, which would let a read be cut in the middle
 * of that key: ESC and BEL (terminal sequences), `[ ] ( ) ;` (their parameters, HTML character
 * references), and `\` (backslash escapes).
 */
const separator = new Uint8Array(256);
for (let byte = 0; byte <= 0x20; byte++) separator[byte] = 1;
separator[0x7f] = 1;
separator[0x1b] = 0;
separator[0x07] = 0;
for (const byte of Buffer.from('"\'`,|<>{}', 'latin1')) separator[byte] = 1;

/** Bytes read earlier and kept (held, then released context), at negative offsets before a read. */
type Lookback = (offset: number) => number | undefined;

/** Widest line taken for a line of wrapped base64 (GNU base64 writes 76, PEM 64). */
const widestWrappedLine = 1024;

/** A byte of base64 as `base64`, PEM and MIME write it: not the URL alphabet's `-` and `_`, which keys and words hold. */
function isWrappedBase64Byte(byte: number | undefined): boolean {
  return byte !== undefined && byte !== 0x2d && byte !== 0x5f && isBase64Byte(byte);
}

/**
 * Whether cutting a read just after byte `at` (a line break, or indentation after one) may cut
 * base64 text that goes on over the next line: the line before is base64 from its start (after
 * indentation) to its end, at least `minWrapWidth` characters and a multiple of 4, and what
 * follows is not read yet or is base64 after indentation. A key encoded there may cross the
 * line break. A line holding anything else (a space, `-` or `_`, as a key does) is released.
 */
function insideWrappedBase64(data: Buffer, at: number, before: Lookback): boolean {
  const byteAt = (offset: number) => (offset >= 0 ? data[offset] : before(offset));
  let lineEnd = at;
  while (byteAt(lineEnd) === 0x20 || byteAt(lineEnd) === 0x09) lineEnd--;
  if (byteAt(lineEnd) === 0x0a && byteAt(lineEnd - 1) === 0x0d) lineEnd--;
  if (byteAt(lineEnd) !== 0x0a && byteAt(lineEnd) !== 0x0d) return false;
  let lineStart = lineEnd;
  while (lineEnd - lineStart <= widestWrappedLine && isWrappedBase64Byte(byteAt(lineStart - 1))) lineStart--;
  const width = lineEnd - lineStart;
  if (width < minWrapWidth || width > widestWrappedLine || width % 4 !== 0) return false;
  let indent = lineStart;
  while (byteAt(indent - 1) === 0x20 || byteAt(indent - 1) === 0x09) indent--;
  const startsLine = byteAt(indent - 1) === 0x0a || byteAt(indent - 1) === undefined;
  if (!startsLine) return false;
  let next = lineEnd;
  if (byteAt(next) === 0x0d) next++;
  if (byteAt(next) === 0x0a) next++;
  while (byteAt(next) === 0x20 || byteAt(next) === 0x09) next++;
  return next >= data.length || isWrappedBase64Byte(byteAt(next));
}

/** Where a read may be cut (rule 1): just after its last separator, or 0 when it has none near its end. */
function afterLastSeparator(data: Buffer, before: Lookback): number {
  const floor = Math.max(0, data.length - separatorSearch);
  for (let at = data.length; at > floor; at--) {
    if (separator[data[at - 1] ?? 0] === 1 && !insideWrappedBase64(data, at - 1, before)) return at;
  }
  for (let newline = data.lastIndexOf(10, floor); newline !== -1; newline = newline > 0 ? data.lastIndexOf(10, newline - 1) : -1) {
    if (!insideWrappedBase64(data, newline, before)) return newline + 1;
  }
  return 0;
}

export interface StreamRedactorOptions {
  engine: Engine;
  /** How keys are written (default `redacted`, the form reports use). */
  mask?: MaskStyle;
  /** Bytes of a run without separators held before part of it is released (rule 2; default 1 MiB, at least 16 KiB). */
  holdLimit?: number;
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The state of one redacted stream. `push` each read and `end` once; each returns the bytes
 * that may be written now, in order. Output is the input with each key's bytes replaced,
 * nothing else changed.
 *
 * Buffers are reused, because allocating a fresh one per read (and the page faults and
 * garbage that come with it) cost more than the scan: what is pushed is copied, so the caller
 * may reuse its read buffer; what is returned may be overwritten by the next call, so write
 * it (or copy it) before calling again.
 */
export class StreamRedactor {
  #engine: Engine;
  /** Re-ranks the prefilter's anchors by this stream's bytes after its first MiB. */
  readonly #tuner = new AnchorTuner();
  readonly #mask: MaskStyle;
  readonly #holdLimit: number;
  /** The last bytes released (raw input, not output): context for the next window. */
  readonly #context: Buffer = Buffer.alloc(contextLength);
  #contextUsed = 0;
  /** Bytes read but not released (a word being written, rule 1), at most `holdLimit` after a push. */
  #hold: Buffer = Buffer.allocUnsafe(64 * 1024);
  #held = 0;
  /** Where windows are put together: context, held bytes, new lines. */
  #scratch: Buffer = Buffer.allocUnsafe(0);
  /** Where output with masks in it is put together. */
  #output: Buffer = Buffer.allocUnsafe(0);
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
    if (data.length === 0) return out;
    this.#engine = this.#tuner.feed(data, this.#engine) ?? this.#engine;
    // Huge reads are taken in pieces, so no window is larger than about twice the hold limit.
    for (let at = 0; at < data.length; at += this.#holdLimit) this.#pushPiece(data.subarray(at, at + this.#holdLimit), out);
    return out;
  }

  /** Input has ended: release everything. */
  end(): Buffer[] {
    this.#ended = true;
    if (this.#held === 0) return [];
    const window = this.#window([], []);
    return this.#release(window, window.length, window.length, []);
  }

  #pushPiece(data: Buffer, out: Buffer[]): void {
    const cut = afterLastSeparator(data, (offset) => {
      const held = this.#held + offset;
      return held >= 0 ? this.#hold[held] : this.#context[this.#contextUsed + held];
    });
    if (cut > 0) {
      // Rule 1: what was held and this read up to its last separator, scanned once.
      const window = this.#window(out, [data.subarray(0, cut)]);
      this.#release(window, window.length, window.length, out);
      data = data.subarray(cut);
    }
    this.#keep(data);
    if (this.#held > this.#holdLimit) {
      // Rule 2: a run too long to hold; keys starting in the tail belong to the next window.
      const window = this.#window(out, []);
      const cut = window.length - holdTail;
      this.#release(window, cut, cut, out);
    }
  }

  /**
   * The context, the held bytes and `more`, in one buffer: the scratch buffer, unless this call
   * has already returned output that lives there (`out`); then a new one, so that output stays intact.
   */
  #window(out: readonly Buffer[], more: readonly Buffer[]): Buffer {
    const parts = [this.#context.subarray(0, this.#contextUsed), this.#hold.subarray(0, this.#held), ...more];
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    if (out.length > 0) return Buffer.concat(parts, length);
    if (this.#scratch.length < length) this.#scratch = Buffer.allocUnsafe(Math.max(length, 2 * this.#scratch.length));
    let at = 0;
    for (const part of parts) at += part.copy(this.#scratch, at);
    return this.#scratch.subarray(0, length);
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
   * released bytes from the hold; adds the output to `out` (and returns it). Output with masks
   * is put together in a reused buffer too, unless `out` already holds output from this call.
   */
  #release(window: Buffer, ownedTo: number, cut: number, out: Buffer[]): Buffer[] {
    const from = this.#contextUsed;
    const matches = detectKeys(window, this.#engine, { ownedFrom: from, ownedTo, inlineAllow: false, placeholderWords: false, glued: true });
    this.#masked += matches.length;
    const spans = this.#spans(window, matches, from);
    const last = spans[spans.length - 1];
    if (last && last.end > cut) cut = last.end;
    if (spans.length === 0) {
      out.push(window.subarray(from, cut));
    } else {
      const pieces: Buffer[] = [];
      let at = from;
      for (const span of spans) {
        pieces.push(window.subarray(at, span.start), Buffer.from(span.text, 'utf8'));
        at = span.end;
      }
      pieces.push(window.subarray(at, cut));
      const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
      if (out.length > 0) {
        out.push(Buffer.concat(pieces, length));
      } else {
        if (this.#output.length < length) this.#output = Buffer.allocUnsafe(Math.max(length, 2 * this.#output.length));
        let written = 0;
        for (const piece of pieces) written += piece.copy(this.#output, written);
        out.push(this.#output.subarray(0, length));
      }
    }
    this.#contextUsed = window.copy(this.#context, 0, Math.max(0, cut - contextLength), cut);
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
  #spans(window: Buffer, matches: KeyMatch[], from: number): Span[] {
    const spans: Span[] = [];
    for (const match of matches) {
      let { start, end } = match;
      let text: string;
      if (match.encoded) {
        const container = match.container ?? match;
        ({ start, end } = match.encoded);
        if (start - container.start < base64Remnant) start = container.start;
        if (container.end - end < base64Remnant) end = container.end;
        // Wrapped base64: the marker takes the first line's characters, and the lines stay lines.
        text = maskEncodedKey(match.key, match.rule.prefix, this.#mask) + lineBreaksIn(window, start, end);
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

/** The redactor's part of a stream: its `push`/`end` and the count, whatever the text's encoding. */
interface Redaction {
  push(chunk: Uint8Array): Buffer[];
  end(): Buffer[];
  readonly masked: number;
}

/** The line breaks (with the indentation after each) inside `data[start, end)`, in order. */
function lineBreaksIn(data: Buffer, start: number, end: number): string {
  let breaks = '';
  for (let newline = data.indexOf(10, start); newline !== -1 && newline < end; newline = data.indexOf(10, newline + 1)) {
    let after = newline + 1;
    while (after < end && (data[after] === 0x20 || data[after] === 0x09)) after++;
    breaks += (data[newline - 1] === 0x0d && newline - 1 >= start ? '\r' : '') + data.toString('latin1', newline, after);
  }
  return breaks;
}

/**
 * Redaction of UTF-16 text: decoded to UTF-8 for the redactor, its output encoded back in the
 * same byte order, so what comes out is UTF-16 with each key masked and every other byte as
 * it was (the decoding is lossless; a byte order mark and an odd last byte are copied as they are).
 */
class Utf16Redaction implements Redaction {
  readonly #redactor: StreamRedactor;
  readonly #decoder: Utf16Decoder;
  readonly #encoder: Utf16Encoder;
  readonly #bom: Buffer;
  #started = false;

  constructor(kind: 'utf16le' | 'utf16be', options: StreamRedactorOptions) {
    this.#redactor = new StreamRedactor(options);
    this.#decoder = new Utf16Decoder(kind);
    this.#encoder = new Utf16Encoder(kind);
    this.#bom = kind === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
  }

  get masked(): number {
    return this.#redactor.masked;
  }

  push(chunk: Uint8Array): Buffer[] {
    const text = this.#decoder.push(chunk);
    const out = this.#encoded(text.length > 0 ? this.#redactor.push(text) : []);
    // The first push holds at least two bytes, so the decoder has seen whether a byte order mark starts the text.
    if (!this.#started && this.#decoder.bom) out.unshift(this.#bom);
    this.#started = true;
    return out;
  }

  end(): Buffer[] {
    const { text, oddByte } = this.#decoder.end();
    const out = this.#encoded([...(text.length > 0 ? this.#redactor.push(text) : []), ...this.#redactor.end()]);
    out.push(this.#encoder.end(), oddByte);
    return out;
  }

  #encoded(pieces: readonly Buffer[]): Buffer[] {
    return pieces.map((piece) => this.#encoder.push(piece));
  }
}

/** The redaction a stream needs, chosen by its first two bytes (held until there are two): UTF-16 or bytes as they are. */
class SniffedRedaction implements Redaction {
  #head: Buffer = Buffer.alloc(0);
  #chosen: Redaction | undefined;

  constructor(private readonly options: StreamRedactorOptions) {}

  get masked(): number {
    return this.#chosen?.masked ?? 0;
  }

  push(chunk: Uint8Array): Buffer[] {
    if (this.#chosen) return this.#chosen.push(chunk);
    // Copied: the caller may reuse its read buffer.
    this.#head = Buffer.concat([this.#head, chunk]);
    if (this.#head.length < 2) return [];
    const head = this.#head;
    this.#head = Buffer.alloc(0);
    return this.#choose(head).push(head);
  }

  end(): Buffer[] {
    if (this.#chosen) return this.#chosen.end();
    const chosen = this.#choose(this.#head);
    return [...chosen.push(this.#head), ...chosen.end()];
  }

  #choose(head: Buffer): Redaction {
    const kind = sniffText(head);
    this.#chosen = isUtf16(kind) ? new Utf16Redaction(kind, this.options) : new StreamRedactor(this.options);
    return this.#chosen;
  }
}

/**
 * Copy `input` to `write` with every key masked (see `StreamRedactor`); UTF-16 input (a byte
 * order mark, or the NUL-every-other-byte pattern in its first read) comes out UTF-16 again.
 * Each read is written as soon as it is scanned, so a pipe into a log file stays live.
 * `write` may return a promise to apply backpressure, and must be done with the chunk when
 * it returns or its promise settles: the buffer is reused (a writer that queues must copy).
 * If it throws, reading stops and the error is passed on. Returns how many keys were masked.
 */
export async function redactStream(
  input: AsyncIterable<Uint8Array>,
  write: (chunk: Buffer) => void | Promise<void>,
  options: StreamRedactorOptions,
): Promise<{ masked: number }> {
  const redaction = new SniffedRedaction(options);
  const emit = async (pieces: Buffer[]) => {
    for (const piece of pieces) if (piece.length > 0) await write(piece);
  };
  // `for await` closes the input when a write throws, instead of reading it to its end.
  for await (const chunk of input) await emit(redaction.push(chunk));
  await emit(redaction.end());
  return { masked: redaction.masked };
}
