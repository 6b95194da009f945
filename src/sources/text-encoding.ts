/**
 * Telling text from binary, and UTF-16 text from both: the one decoding step every source
 * shares (files of a tree, staged and history blobs, logs and stdin, `redact`).
 *
 * Detection works on UTF-8 bytes, so UTF-16 text (a `.env` written by Windows PowerShell 5's
 * `>`, with or without a byte order mark) is transcoded to UTF-8 first; lines and columns
 * are then those of the decoded text, as an editor shows them. The transcoding is lossless
 * both ways (a lone surrogate becomes its 3-byte generalized UTF-8 form, "WTF-8", instead
 * of U+FFFD), so `redact` can turn the masked text back into the very bytes it read.
 */

/** Bytes looked at to tell what a text is: git's own length for its NUL check. */
export const sniffLength = 8000;

export type TextKind = 'utf8' | 'utf16le' | 'utf16be' | 'binary';

/** A 16-bit unit that plain text is made of: printable ASCII, tab, line feed, carriage return. */
function isAsciiTextUnit(unit: number): boolean {
  return (unit >= 0x20 && unit < 0x7f) || unit === 9 || unit === 10 || unit === 13;
}

/**
 * Whether `sample` reads as UTF-16 text in the given byte order: no U+0000 (a NUL character
 * is what makes a file binary, in any encoding), and, unless a byte order mark already said
 * so, at least half its units plain ASCII text (the NUL-every-other-byte pattern).
 */
function readsAsUtf16(sample: Uint8Array, littleEndian: boolean, marked: boolean): boolean {
  const units = sample.length >> 1;
  let ascii = 0;
  for (let i = 0; i < units; i++) {
    const low = sample[2 * i + (littleEndian ? 0 : 1)] ?? 0;
    const high = sample[2 * i + (littleEndian ? 1 : 0)] ?? 0;
    const unit = (high << 8) | low;
    if (unit === 0) return false;
    if (isAsciiTextUnit(unit)) ascii++;
  }
  return marked || (units > 0 && 2 * ascii >= units);
}

/**
 * What the first bytes of a text say it is. A byte order mark (`FF FE`, `FE FF`; neither can
 * start UTF-8 text) makes it UTF-16; so does the NUL-every-other-byte pattern of mostly ASCII
 * UTF-16. Any other NUL in the first `sniffLength` bytes makes it binary (git's heuristic).
 */
export function sniffText(head: Uint8Array): TextKind {
  const sample = head.subarray(0, sniffLength);
  const first = sample[0];
  const second = sample[1];
  if (first === 0xff && second === 0xfe) return readsAsUtf16(sample.subarray(2), true, true) ? 'utf16le' : 'binary';
  if (first === 0xfe && second === 0xff) return readsAsUtf16(sample.subarray(2), false, true) ? 'utf16be' : 'binary';
  if (sample.indexOf(0) === -1) return 'utf8';
  if (readsAsUtf16(sample, true, false)) return 'utf16le';
  if (readsAsUtf16(sample, false, false)) return 'utf16be';
  return 'binary';
}

export function isUtf16(kind: TextKind): kind is 'utf16le' | 'utf16be' {
  return kind === 'utf16le' || kind === 'utf16be';
}

const anySurrogate = /[\uD800-\uDFFF]/;

/** A string as generalized UTF-8: like UTF-8, but a lone surrogate keeps its own 3-byte form. */
function wtf8(text: string): Buffer {
  if (!anySurrogate.test(text)) return Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(text.length * 3);
  let at = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    if (point < 0x80) {
      out[at++] = point;
    } else if (point < 0x800) {
      out[at++] = 0xc0 | (point >> 6);
      out[at++] = 0x80 | (point & 0x3f);
    } else if (point < 0x10000) {
      out[at++] = 0xe0 | (point >> 12);
      out[at++] = 0x80 | ((point >> 6) & 0x3f);
      out[at++] = 0x80 | (point & 0x3f);
    } else {
      out[at++] = 0xf0 | (point >> 18);
      out[at++] = 0x80 | ((point >> 12) & 0x3f);
      out[at++] = 0x80 | ((point >> 6) & 0x3f);
      out[at++] = 0x80 | (point & 0x3f);
    }
  }
  return out.subarray(0, at);
}

/** Little-endian UTF-16 of a big-endian one, or the other way round: a swapped copy. */
function swapped(data: Uint8Array): Buffer {
  return Buffer.from(data).swap16();
}

/**
 * UTF-16 to generalized UTF-8, as the bytes arrive: a character cut between reads (an odd
 * byte, the high half of a surrogate pair) waits for the next read. A byte order mark at the
 * start is dropped (columns are counted as an editor shows them); `bom` says whether there was one.
 */
export class Utf16Decoder {
  readonly #littleEndian: boolean;
  #pending: Buffer = Buffer.alloc(0);
  #started = false;
  bom = false;

  constructor(kind: 'utf16le' | 'utf16be') {
    this.#littleEndian = kind === 'utf16le';
  }

  push(chunk: Uint8Array): Buffer {
    let data = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.#started) {
      if (data.length < 2) {
        this.#pending = Buffer.from(data);
        return Buffer.alloc(0);
      }
      this.#started = true;
      this.bom = this.#littleEndian ? data[0] === 0xff && data[1] === 0xfe : data[0] === 0xfe && data[1] === 0xff;
      if (this.bom) data = data.subarray(2);
    }
    let end = data.length & ~1;
    // The high half of a surrogate pair waits for its low half.
    const lastHigh = this.#littleEndian ? data[end - 1] : data[end - 2];
    if (end >= 2 && lastHigh !== undefined && lastHigh >= 0xd8 && lastHigh <= 0xdb) end -= 2;
    this.#pending = Buffer.from(data.subarray(end));
    return this.#decode(data.subarray(0, end));
  }

  /** The end of input: a surrogate half still waiting is decoded alone; an odd last byte is returned apart, undecoded. */
  end(): { text: Buffer; oddByte: Buffer } {
    const even = this.#pending.length & ~1;
    const text = this.#decode(this.#pending.subarray(0, even));
    const oddByte = Buffer.from(this.#pending.subarray(even));
    this.#pending = Buffer.alloc(0);
    return { text, oddByte };
  }

  #decode(units: Uint8Array): Buffer {
    if (units.length === 0) return Buffer.alloc(0);
    const little = this.#littleEndian ? Buffer.from(units.buffer, units.byteOffset, units.byteLength) : swapped(units);
    return wtf8(little.toString('utf16le'));
  }
}

/** Whether `data` holds a lone surrogate in generalized UTF-8 (`ED A0..BF xx`), which Node's UTF-8 decoder would replace. */
function holdsLoneSurrogate(data: Uint8Array): boolean {
  for (let at = data.indexOf(0xed); at !== -1 && at + 1 < data.length; at = data.indexOf(0xed, at + 1)) {
    if ((data[at + 1] ?? 0) >= 0xa0) return true;
  }
  return false;
}

/** Generalized UTF-8 to UTF-16 units, one code point at a time (the slow path, for lone surrogates). */
function unitsOf(data: Uint8Array): number[] {
  const units: number[] = [];
  for (let at = 0; at < data.length; ) {
    const lead = data[at] ?? 0;
    const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    let point = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let i = 1; i < length; i++) point = (point << 6) | ((data[at + i] ?? 0) & 0x3f);
    if (point >= 0x10000) units.push(0xd800 + ((point - 0x10000) >> 10), 0xdc00 + ((point - 0x10000) & 0x3ff));
    else units.push(point);
    at += length;
  }
  return units;
}

/** How many bytes at the end of `data` are the start of a UTF-8 sequence that continues in the next chunk. */
function incompleteTail(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte < 0x80 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Generalized UTF-8 back to UTF-16 in the given byte order, as it arrives: the inverse of
 * `Utf16Decoder`, so text decoded, masked and encoded again is byte for byte what was read
 * but for the masks. A character cut between chunks waits for the next one.
 */
export class Utf16Encoder {
  readonly #littleEndian: boolean;
  #pending: Buffer = Buffer.alloc(0);

  constructor(kind: 'utf16le' | 'utf16be') {
    this.#littleEndian = kind === 'utf16le';
  }

  push(chunk: Uint8Array): Buffer {
    const data = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = data.length - incompleteTail(data);
    this.#pending = Buffer.from(data.subarray(end));
    return this.#encode(data.subarray(0, end));
  }

  end(): Buffer {
    const rest = this.#encode(this.#pending);
    this.#pending = Buffer.alloc(0);
    return rest;
  }

  #encode(data: Buffer): Buffer {
    if (data.length === 0) return Buffer.alloc(0);
    let little: Buffer;
    if (holdsLoneSurrogate(data)) {
      const units = unitsOf(data);
      little = Buffer.allocUnsafe(units.length * 2);
      units.forEach((unit, i) => little.writeUInt16LE(unit, 2 * i));
    } else {
      little = Buffer.from(data.toString('utf8'), 'utf16le');
    }
    return this.#littleEndian ? little : little.swap16();
  }
}

/** A whole blob as detection reads it: UTF-16 text decoded, anything else (binary too) as it is. */
export function utf8Of(data: Buffer): Buffer {
  const kind = sniffText(data);
  return isUtf16(kind) ? (decodeText(data) ?? data) : data;
}

/**
 * A whole text as UTF-8 for detection, or undefined when it is binary: UTF-8 as it is,
 * UTF-16 decoded (an odd last byte dropped). For sources that hold a whole blob at once.
 */
export function decodeText(data: Buffer): Buffer | undefined {
  const kind = sniffText(data);
  if (kind === 'binary') return undefined;
  if (kind === 'utf8') return data;
  const decoder = new Utf16Decoder(kind);
  const text = decoder.push(data);
  const rest = decoder.end().text;
  return rest.length > 0 ? Buffer.concat([text, rest]) : text;
}

/**
 * A byte stream pushed chunk by chunk, decoded as `sniffText` decides on its first bytes (at
 * least two: a byte order mark, or the first unit of the NUL pattern, before any output).
 * UTF-16 comes out as UTF-8; anything else as it is. For streams read in steps (a followed
 * log) rather than through `openTextStream`.
 */
export class SniffingDecoder {
  #head: Buffer = Buffer.alloc(0);
  #utf16: Utf16Decoder | undefined;
  kind: TextKind | undefined;

  push(chunk: Uint8Array): Buffer {
    if (this.kind === undefined) {
      this.#head = Buffer.concat([this.#head, chunk]);
      if (this.#head.length < 2) return Buffer.alloc(0);
      this.kind = sniffText(this.#head);
      if (isUtf16(this.kind)) this.#utf16 = new Utf16Decoder(this.kind);
      chunk = this.#head;
      this.#head = Buffer.alloc(0);
    }
    return this.#utf16 ? this.#utf16.push(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }

  end(): Buffer {
    if (this.kind === undefined) return this.#head;
    return this.#utf16 ? this.#utf16.end().text : Buffer.alloc(0);
  }
}
