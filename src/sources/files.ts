import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { checkWindowSize, defaultWindowSize, windowOverlap, WindowCarry, type FileWindow } from './windows.js';

export { defaultWindowSize, windowOverlap, type FileWindow } from './windows.js';

/**
 * One reusable buffer per thread for files that fit in it: most source files do, and
 * allocating a fresh buffer per file made garbage collection a tenth of the scan time.
 * Safe because detection copies what it keeps out of the buffer before the next read.
 */
const scratch = Buffer.allocUnsafe(1024 * 1024);
/** A NUL byte in this many leading bytes marks a file as binary (git's own heuristic). */
const binarySniffLength = 8000;

export type FileRead =
  | { kind: 'skipped'; reason: 'binary' | 'empty' }
  | { kind: 'too-large'; size: number }
  | { kind: 'windows'; size: number; windows: Iterable<FileWindow> };

export function looksBinary(data: Uint8Array): boolean {
  return data.subarray(0, binarySniffLength).indexOf(0) !== -1;
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

/**
 * Open a file and describe how to scan it: skipped (binary or empty), too large for
 * `maxFileSize`, or a sequence of windows (one for most files). The caller must
 * consume the windows before calling `close`.
 */
export function openFile(path: string, maxFileSize: number, windowSize = defaultWindowSize): { read: FileRead; close: () => void } {
  checkWindowSize(windowSize);
  const fd = openSync(path, 'r');
  const close = () => closeSync(fd);
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { read: { kind: 'skipped', reason: 'empty' }, close };
    if (size > maxFileSize) return { read: { kind: 'too-large', size }, close };
    const length = Math.min(size, windowSize);
    const first = length <= scratch.length ? scratch.subarray(0, length) : Buffer.allocUnsafe(length);
    const data = first.subarray(0, readFully(fd, first, 0));
    if (looksBinary(data)) return { read: { kind: 'skipped', reason: 'binary' }, close };
    return { read: { kind: 'windows', size, windows: windowsOf(fd, size, data, windowSize) }, close };
  } catch (error) {
    close();
    throw error;
  }
}
