import { closeSync, fstatSync, readSync } from 'node:fs';
import { isGzip } from './gzip.js';
import { fsPath, openLong, type FsPath } from './long-path.js';
import { sniffText } from './text-encoding.js';
import { checkWindowSize, defaultWindowSize, windowOverlap, WindowCarry, type FileWindow } from './windows.js';

export { defaultWindowSize, windowOverlap, type FileWindow } from './windows.js';

/**
 * One reusable buffer per thread for a file's first window: allocating a fresh buffer per file
 * made garbage collection a tenth of the scan time, and a fresh buffer for each file over 1 MiB
 * (half the bytes of a node_modules tree sit in its 2% largest files: bundles, source maps) cost a
 * page fault per 4 KiB written (~26,000 of the tree bench's 29,000). It is a whole window's size
 * from the start: memory the system hands out only as pages are first written, so a scan of small
 * files holds no more of it than before, and none is faulted in twice. Safe because detection
 * copies what it keeps out of the buffer before the next read.
 */
let scratch = Buffer.allocUnsafe(defaultWindowSize);

/** The scratch buffer, grown to hold `length` bytes. */
function scratchOf(length: number): Buffer {
  if (length > scratch.length) scratch = Buffer.allocUnsafe(length);
  return scratch.subarray(0, length);
}
export type FileRead =
  | { kind: 'skipped'; reason: 'binary' | 'empty' }
  | { kind: 'too-large'; size: number }
  | { kind: 'windows'; size: number; windows: Iterable<FileWindow> }
  /** gzip or UTF-16: read through the shared decoding step (`openTextStream`) before detection. */
  | { kind: 'encoded'; size: number; chunks: AsyncIterable<Buffer> };

/** Whether the first bytes of a file are binary (a NUL, and not UTF-16 text): git's heuristic, UTF-16 aside. */
export function looksBinary(data: Uint8Array): boolean {
  return sniffText(data) === 'binary';
}

function readFully(fd: number, buffer: Buffer, position: number): number {
  let filled = 0;
  while (filled < buffer.length) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled;
}

/** Windows of a large file, read lazily; each owns the keys starting in its non-overlapping part. */
function* windowsOf(fd: number, size: number, first: Buffer, windowSize: number): Generator<FileWindow> {
  const carry = new WindowCarry();
  let data = first;
  let position = 0;
  for (;;) {
    const isLast = position + data.length >= size;
    const step = isLast ? data.length : data.length - windowOverlap;
    yield carry.next(data, step);
    if (isLast) return;
    position += step;
    data = Buffer.allocUnsafe(Math.min(windowSize, size - position));
    data = data.subarray(0, readFully(fd, data, position));
    if (data.length === 0) return;
  }
}

/** Bytes read at once from a file read as a stream (gzip, UTF-16). */
const streamChunkSize = 1024 * 1024;

/** A file's bytes in chunks, each in a buffer of its own (the stream's consumers may keep them while the next is read). */
async function* chunksOf(fd: number, size: number): AsyncGenerator<Buffer> {
  for (let position = 0; position < size; ) {
    const chunk = Buffer.allocUnsafe(Math.min(streamChunkSize, size - position));
    const n = readFully(fd, chunk, position);
    if (n === 0) return;
    position += n;
    yield chunk.subarray(0, n);
  }
}

/**
 * Open a file and describe how to scan it: skipped (binary or empty), too large for
 * `maxFileSize`, a sequence of windows (one for most files), or, for gzip and UTF-16, its
 * bytes to decode first. The caller must consume the windows or chunks before calling `close`.
 */
export function openFile(path: string | Uint8Array, maxFileSize: number, windowSize = defaultWindowSize): { read: FileRead; close: () => void } {
  checkWindowSize(windowSize);
  const fd = openLong(fsPath(path));
  const close = () => closeSync(fd);
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { read: { kind: 'skipped', reason: 'empty' }, close };
    if (size > maxFileSize) return { read: { kind: 'too-large', size }, close };
    const length = Math.min(size, windowSize);
    const first = scratchOf(length);
    const data = first.subarray(0, readFully(fd, first, 0));
    if (isGzip(data)) return { read: { kind: 'encoded', size, chunks: chunksOf(fd, size) }, close };
    const kind = sniffText(data);
    if (kind === 'binary') return { read: { kind: 'skipped', reason: 'binary' }, close };
    if (kind !== 'utf8') return { read: { kind: 'encoded', size, chunks: chunksOf(fd, size) }, close };
    return { read: { kind: 'windows', size, windows: windowsOf(fd, size, data, windowSize) }, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * A file's bytes when it holds at most `maxBytes`, else `more` (and maybe none of them): reading a
 * small file (a `.gitignore`, a baseline) in bounded memory, even when it is `/dev/zero` or a FIFO.
 * `wrong` when its first read fails `looksRight`, and then nothing more is read.
 */
export function readUpTo(path: FsPath, maxBytes: number, looksRight: (head: Buffer) => boolean = () => true): { data: Buffer; more: boolean; wrong?: true } {
  const fd = openLong(path);
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > maxBytes) return { data: Buffer.alloc(0), more: true };
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return { data: Buffer.concat(parts, total), more: false };
      // The first read can already tell what the rest cannot change (a report must start with `{`).
      if (total === 0 && !looksRight(buffer.subarray(0, n))) return { data: Buffer.alloc(0), more: false, wrong: true };
      parts.push(buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) return { data: Buffer.concat(parts, total).subarray(0, maxBytes), more: true };
    }
  } finally {
    closeSync(fd);
  }
}
