import { gunzipped, isGzip } from './gzip.js';
import { isUtf16, sniffText, Utf16Decoder, type TextKind } from './text-encoding.js';

/**
 * The shared decoding step for byte streams (files of a tree that need it, logs, stdin):
 * gzip by its magic bytes, then UTF-16 by its byte order mark or NUL pattern, so what
 * detection sees is UTF-8 text whatever the bytes were.
 */

/** A byte stream with its first bytes read, and all of it (those first bytes again, then the rest). */
interface Peeked {
  head: Buffer;
  all: AsyncGenerator<Buffer>;
  /** Stop the stream without reading it (`all` never started, so returning it would not reach the stream). */
  close: () => Promise<void>;
}

/** Read chunks until at least `length` bytes are in (or the stream ends), without losing them. */
async function peek(chunks: AsyncIterable<Buffer>, length: number): Promise<Peeked> {
  const iterator = chunks[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let have = 0;
  let ended = false;
  while (have < length && !ended) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else {
      parts.push(next.value);
      have += next.value.length;
    }
  }
  const head = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { head, all: all(), close: async () => void (await iterator.return?.()) };
}

async function* decodedUtf16(chunks: AsyncIterable<Buffer>, kind: 'utf16le' | 'utf16be'): AsyncGenerator<Buffer> {
  const decoder = new Utf16Decoder(kind);
  for await (const chunk of chunks) {
    const text = decoder.push(chunk);
    if (text.length > 0) yield text;
  }
  const { text } = decoder.end();
  if (text.length > 0) yield text;
}

export interface TextStream {
  /** gzip-compressed (then `kind` is what it decompressed to). */
  gzip: boolean;
  kind: TextKind;
  /** UTF-8 text (UTF-16 decoded, gzip decompressed); binary content as it is. */
  chunks: AsyncGenerator<Buffer>;
  /** Stop reading when `chunks` is not read to its end (a binary file skipped, a size cap reached). */
  close: () => Promise<void>;
}

export interface TextStreamOptions {
  /** Decompress gzip (default true): logs and files of a tree are; blobs and redact's stdin are not. */
  gzip?: boolean;
}

/**
 * What a byte stream holds, and its content as text to scan. Decompression and decoding run
 * as the chunks are read, so memory does not depend on the stream's size. Errors while
 * reading (a truncated gzip) are thrown by `chunks` after the content before them.
 */
export async function openTextStream(raw: AsyncIterable<Buffer>, options: TextStreamOptions = {}): Promise<TextStream> {
  const first = await peek(raw, 2);
  const gzip = options.gzip !== false && isGzip(first.head);
  const content = gzip ? await peek(gunzipped(first.all), 2) : first;
  const kind = sniffText(content.head);
  return { gzip, kind, chunks: isUtf16(kind) ? decodedUtf16(content.all, kind) : content.all, close: content.close };
}

/** Why a stream could not be read (to the end), for a warning: a zlib error means the gzip data, anything else the file. */
export function readFailure(error: unknown, readSome: boolean): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const what = readSome ? 'not fully scanned' : 'not scanned';
  if (code === 'Z_BUF_ERROR') return `${what}: the gzip data ends early (truncated)`;
  if (code === 'GZIP_TRAILING_DATA') return `${what}: what follows the gzip data is not gzip, and was not read`;
  if (code?.startsWith('Z_')) return `${what}: corrupt gzip data (${message})`;
  return `${what}: ${code ?? String(error)}`;
}
