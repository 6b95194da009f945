import type { Transform } from 'node:stream';
import zlib, { createInflateRaw } from 'node:zlib';

/**
 * gzip read member by member (RFC 1952), as a stream: headers parsed here, each member's
 * deflate data inflated by zlib, its CRC and length checked. Node's own gunzip reads
 * concatenated members too, but bytes after the last member that are not gzip (a log
 * appended to in plain text after it was compressed) make it fail, dropping the output of
 * its last step, so the keys at the end of the compressed part were lost. Here what the
 * members held is handed on first, then the error says what came after.
 */

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Bytes after the gzip data that are neither another member nor zero padding. */
export class GzipTrailingData extends Error {
  readonly code = 'GZIP_TRAILING_DATA';

  constructor() {
    super('bytes after the gzip data are not gzip');
  }
}

/** An error shaped as zlib's own (its `code`), so readers tell truncated from corrupt data alike. */
function zlibError(code: 'Z_BUF_ERROR' | 'Z_DATA_ERROR', message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Pulls chunks from a byte stream, with push-back: the bytes zlib did not use belong to what follows. */
class ChunkReader {
  readonly #iterator: AsyncIterator<Buffer>;
  readonly #stash: Buffer[] = [];

  constructor(input: AsyncIterable<Buffer>) {
    this.#iterator = input[Symbol.asyncIterator]();
  }

  async next(): Promise<Buffer | undefined> {
    const stashed = this.#stash.pop();
    if (stashed) return stashed;
    for (;;) {
      const next = await this.#iterator.next();
      if (next.done) return undefined;
      if (next.value.length > 0) return next.value;
    }
  }

  unshift(chunk: Buffer): void {
    if (chunk.length > 0) this.#stash.push(chunk);
  }

  /** Exactly `length` bytes; fewer only at the end of input. */
  async take(length: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let have = 0;
    while (have < length) {
      const chunk = await this.next();
      if (!chunk) break;
      const used = chunk.subarray(0, length - have);
      this.unshift(chunk.subarray(used.length));
      parts.push(used);
      have += used.length;
    }
    return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  }

  async close(): Promise<void> {
    await this.#iterator.return?.();
  }
}

/** The next member's first bytes, past any zero padding; undefined at the end of input. */
async function nextMemberStart(reader: ChunkReader): Promise<Buffer | undefined> {
  for (;;) {
    const chunk = await reader.next();
    if (!chunk) return undefined;
    let start = 0;
    while (start < chunk.length && chunk[start] === 0) start++;
    if (start < chunk.length) return chunk.subarray(start);
  }
}

/** Longest file name or comment read from a header: far more than any real one, so a header cannot hold memory. */
const maxHeaderText = 64 * 1024;

/** Skip a header field ended by a zero byte. */
async function skipZeroTerminated(reader: ChunkReader): Promise<void> {
  for (let skipped = 0; skipped <= maxHeaderText; ) {
    const chunk = await reader.next();
    if (!chunk) throw zlibError('Z_BUF_ERROR', 'unexpected end of file');
    const zero = chunk.indexOf(0);
    if (zero !== -1) {
      reader.unshift(chunk.subarray(zero + 1));
      return;
    }
    skipped += chunk.length;
  }
  throw zlibError('Z_DATA_ERROR', 'incorrect header check');
}

/** Read a member's header (the reader stands at its magic bytes), leaving the reader at its deflate data. */
async function readHeader(reader: ChunkReader): Promise<void> {
  const fixed = await reader.take(10);
  if (fixed.length < 10) throw zlibError('Z_BUF_ERROR', 'unexpected end of file');
  const flags = fixed[3] ?? 0;
  if (!isGzip(fixed) || fixed[2] !== 8 || (flags & 0xe0) !== 0) throw zlibError('Z_DATA_ERROR', 'incorrect header check');
  if (flags & 4) {
    const length = await reader.take(2);
    if (length.length < 2 || (await reader.take(length.readUInt16LE(0))).length < length.readUInt16LE(0)) throw zlibError('Z_BUF_ERROR', 'unexpected end of file');
  }
  if (flags & 8) await skipZeroTerminated(reader);
  if (flags & 16) await skipZeroTerminated(reader);
  if (flags & 2 && (await reader.take(2)).length < 2) throw zlibError('Z_BUF_ERROR', 'unexpected end of file');
}

/** Decompressed bytes queued at most before zlib is paused: back-pressure, since one compressed MiB can inflate to a GiB. */
const queueLimit = 4 * 1024 * 1024;

/**
 * A transform's output as it comes, while `feed` writes its input: output is queued from
 * `data` events (paused past `queueLimit`) rather than read through the stream's async
 * iterator, which drops what it had buffered when the stream fails. So everything produced
 * before an error is handed on, then the error (the transform's, or `feed`'s) is thrown.
 */
export async function* transformed(stream: Transform, feed: () => Promise<void>): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let queued = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  stream.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    queued += chunk.length;
    if (queued >= queueLimit) stream.pause();
    wake?.();
  });
  stream.on('end', () => {
    ended = true;
    wake?.();
  });
  const fail = (error: unknown) => {
    failure ??= { error };
    wake?.();
  };
  stream.on('error', fail);
  feed().catch(fail);
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        queued -= chunk.length;
        if (queued < queueLimit) stream.resume();
        yield chunk;
        continue;
      }
      if (failure) throw failure.error;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    // Stopping early (an abort, a size cap) stops the work and the reading behind it.
    stream.destroy();
  }
}

function written(stream: Transform, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())));
}

/** One member's deflate data, inflated; the reader is left just past it (at the member's trailer). */
function inflateMember(reader: ChunkReader, onOutput: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  const feed = async () => {
    let fed = 0;
    for (;;) {
      const chunk = await reader.next();
      if (!chunk) {
        // Ends with zlib's "unexpected end of file" unless the deflate data was complete.
        inflate.end();
        return;
      }
      fed += chunk.length;
      await written(inflate, chunk);
      // zlib stops taking input where the deflate data ends: what it left is the trailer and what follows.
      const unused = fed - inflate.bytesWritten;
      if (unused > 0) {
        reader.unshift(chunk.subarray(chunk.length - unused));
        inflate.end();
        return;
      }
    }
  };
  return (async function* () {
    for await (const chunk of transformed(inflate, feed)) {
      onOutput(chunk);
      yield chunk;
    }
  })();
}

/** CRC-32 as gzip's trailer holds it; zlib.crc32 is in Node from 20.15, and without it the length alone is checked. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * The decompressed content of gzip data: every member in turn (as `cat a.gz b.gz` or
 * logrotate may leave them), zero padding after them allowed. Truncated or corrupt data
 * throws a zlib-coded error, and bytes after the last member that are not gzip throw
 * `GzipTrailingData`; in both cases after everything decompressed before them.
 */
export async function* gunzipped(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const reader = new ChunkReader(input);
  try {
    for (let members = 0; ; members++) {
      const start = members === 0 ? await reader.next() : await nextMemberStart(reader);
      if (!start) {
        if (members === 0) throw zlibError('Z_BUF_ERROR', 'unexpected end of file');
        return;
      }
      reader.unshift(start);
      if (members > 0) {
        const magic = await reader.take(2);
        reader.unshift(magic);
        if (!isGzip(magic)) throw new GzipTrailingData();
      }
      await readHeader(reader);
      let crc = 0;
      let size = 0;
      yield* inflateMember(reader, (chunk) => {
        if (crc32) crc = crc32(chunk, crc);
        size = (size + chunk.length) % 2 ** 32;
      });
      const trailer = await reader.take(8);
      if (trailer.length < 8) throw zlibError('Z_BUF_ERROR', 'unexpected end of file');
      if ((crc32 && trailer.readUInt32LE(0) !== crc >>> 0) || trailer.readUInt32LE(4) !== size) throw zlibError('Z_DATA_ERROR', 'incorrect data check');
    }
  } finally {
    await reader.close();
  }
}
