import type { Origin, ScanWarning } from '../core/types.js';
import { detectKeys, type Engine } from '../detect/detect.js';
import { toWire, type WireFinding } from '../detect/finding.js';
import { openFile, type FileWindow } from '../sources/files.js';
import { openTextStream, readFailure } from '../sources/text-stream.js';
import { defaultWindowSize, StreamWindows } from '../sources/windows.js';
import type { TreeFile } from '../sources/worktree.js';

export interface FileScanOptions {
  maxFileSize: number;
  windowSize?: number;
}

/** What scanning a batch of files gave; plain data so it can cross a worker boundary. */
export interface BatchResult {
  findings: WireFinding[];
  warnings: ScanWarning[];
  files: number;
  bytes: number;
}

export function emptyBatch(): BatchResult {
  return { findings: [], warnings: [], files: 0, bytes: 0 };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

function detectWindows(windows: Iterable<FileWindow>, engine: Engine, origin: Origin, into: BatchResult): void {
  for (const window of windows) {
    for (const match of detectKeys(window.data, engine, window)) into.findings.push(toWire(match, origin));
  }
}

/**
 * A gzip or UTF-16 file, through the decoding step logs use: gzip decompressed (at most
 * `maxFileSize` bytes of it: one compressed MiB can inflate to a GiB), UTF-16 decoded, then
 * cut into windows as it comes. Content that turns out binary is skipped as a binary file is.
 */
async function scanEncoded(file: TreeFile, chunks: AsyncIterable<Buffer>, engine: Engine, options: FileScanOptions, into: BatchResult): Promise<boolean> {
  let text;
  try {
    text = await openTextStream(chunks);
  } catch (error) {
    into.warnings.push({ path: file.path, message: readFailure(error, false), kind: 'incomplete' });
    return false;
  }
  if (text.kind === 'binary') {
    await text.close();
    if (file.explicit) into.warnings.push({ path: file.path, message: 'not scanned: a gzip file of binary content' });
    return false;
  }
  const origin: Origin = { kind: 'file', path: file.path };
  const windows = new StreamWindows(options.windowSize ?? defaultWindowSize);
  let decoded = 0;
  try {
    for await (const chunk of text.chunks) {
      decoded += chunk.length;
      if (text.gzip && decoded > options.maxFileSize) {
        detectWindows(windows.push(chunk.subarray(0, chunk.length - (decoded - options.maxFileSize))), engine, origin, into);
        into.warnings.push({ path: file.path, message: `not fully scanned: decompresses to more than --max-file-size ${formatSize(options.maxFileSize)}`, kind: 'incomplete' });
        break;
      }
      detectWindows(windows.push(chunk), engine, origin, into);
    }
  } catch (error) {
    into.warnings.push({ path: file.path, message: readFailure(error, decoded > 0), kind: 'incomplete' });
  } finally {
    await text.close();
  }
  detectWindows(windows.end(), engine, origin, into);
  return true;
}

/** Read and scan one file into `into`. Never throws: an unreadable file becomes a warning. */
export async function scanFile(file: TreeFile, engine: Engine, options: FileScanOptions, into: BatchResult): Promise<void> {
  let opened;
  try {
    opened = openFile(file.bytes ?? file.absolute, options.maxFileSize, options.windowSize);
  } catch (error) {
    into.warnings.push({ path: file.path, message: `not scanned: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, kind: 'incomplete' });
    return;
  }
  try {
    const { read } = opened;
    if (read.kind === 'too-large') {
      into.warnings.push({ path: file.path, message: `not scanned: ${formatSize(read.size)} is over --max-file-size ${formatSize(options.maxFileSize)}` });
      return;
    }
    if (read.kind === 'skipped') {
      // A binary file found by a walk is skipped quietly; one named on the command line was asked for, so say why it was not read.
      if (read.reason === 'binary' && file.explicit) into.warnings.push({ path: file.path, message: 'not scanned: a binary file (a NUL byte in its first 8000 bytes)' });
      return;
    }
    if (read.kind === 'encoded') {
      if (!(await scanEncoded(file, read.chunks, engine, options, into))) return;
    } else {
      detectWindows(read.windows, engine, { kind: 'file', path: file.path }, into);
    }
    into.files++;
    into.bytes += read.size;
  } catch (error) {
    into.warnings.push({ path: file.path, message: `not fully scanned: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, kind: 'incomplete' });
  } finally {
    opened.close();
  }
}

/** Scan files one after another (a gzip or UTF-16 file is read as a stream, so this is async). */
export async function scanBatch(files: readonly TreeFile[], engine: Engine, options: FileScanOptions): Promise<BatchResult> {
  const result = emptyBatch();
  for (const file of files) await scanFile(file, engine, options, result);
  return result;
}
