import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { containsInlineAllow, isBase64Byte, utf16Length } from '../core/text.js';

/** Bytes read at once; a larger file is scanned in overlapping windows of this size. */
export const defaultWindowSize = 16 * 1024 * 1024;
/** Overlap between windows: more than the longest key plus the context a rule may look at. */
export const windowOverlap = 4096;
/**
 * One reusable buffer per thread for files that fit in it: most source files do, and
 * allocating a fresh buffer per file made garbage collection a tenth of the scan time.
 * Safe because detection copies what it keeps out of the buffer before the next read.
 */
const scratch = Buffer.allocUnsafe(1024 * 1024);
/** A NUL byte in this many leading bytes marks a file as binary (git's own heuristic). */
const binarySniffLength = 8000;

/** A window of a file, with what detection needs to report each key once and at the right place. */
export interface FileWindow {
  data: Buffer;
  /** 1-based line of `data[0]`. */
  startLine: number;
  /** UTF-16 units of `data[0]`'s line that lie before `data`. */
  firstLineColumnOffset: number;
  /** The part of `data[0]`'s line before `data` holds an inline-allow marker. */
  firstLineAllowed: boolean;
  /** `data` begins inside base64 text that began in an earlier window, here. */
  continuedBase64?: { line: number; column: number };
  /** Report only keys starting in [ownedFrom, ownedTo): the overlap belongs to one window only. */
  ownedFrom: number;
  ownedTo: number;
}

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

function countNewlines(data: Buffer, end: number): { lines: number; lastNewline: number } {
  let lines = 0;
  let lastNewline = -1;
  for (let at = data.indexOf(10); at !== -1 && at < end; at = data.indexOf(10, at + 1)) {
    lines++;
    lastNewline = at;
  }
  return { lines, lastNewline };
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

/** Windows of a large file, read lazily; each owns the keys starting in its non-overlapping part. */
function* windowsOf(fd: number, size: number, first: Buffer, windowSize: number): Generator<FileWindow> {
  let data = first;
  let position = 0;
  let startLine = 1;
  let columnOffset = 0;
  let lineAllowed = false;
  let continuedBase64: { line: number; column: number } | undefined;
  for (;;) {
    const isLast = position + data.length >= size;
    const step = data.length - windowOverlap;
    yield {
      data,
      startLine,
      firstLineColumnOffset: columnOffset,
      firstLineAllowed: lineAllowed,
      ...(continuedBase64 ? { continuedBase64 } : {}),
      // Each side of an overlap owns half of it, so every owned key has context on both sides.
      ownedFrom: position === 0 ? 0 : windowOverlap / 2,
      ownedTo: isLast ? data.length : data.length - windowOverlap / 2,
    };
    if (isLast) return;
    // Carry the line count, the column and any inline-allow marker to the next window's first byte.
    const { lines, lastNewline } = countNewlines(data, step);
    startLine += lines;
    const carried = data.subarray(lastNewline + 1, step);
    columnOffset = (lastNewline === -1 ? columnOffset : 0) + utf16Length(carried, 0, carried.length);
    lineAllowed = (lastNewline === -1 && lineAllowed) || containsInlineAllow(carried);
    continuedBase64 = base64RunInto(data, step, startLine, columnOffset, continuedBase64);
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
  if (windowSize < 4 * windowOverlap) throw new RangeError(`window size must be at least ${4 * windowOverlap} bytes`);
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
