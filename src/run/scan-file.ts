import type { Origin, ScanWarning } from '../core/types.js';
import { detectKeys, type Engine } from '../detect/detect.js';
import { toWire, type WireFinding } from '../detect/finding.js';
import { openFile } from '../sources/files.js';
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

/** Read and scan one file into `into`. Never throws: an unreadable file becomes a warning. */
export function scanFile(file: TreeFile, engine: Engine, options: FileScanOptions, into: BatchResult): void {
  let opened;
  try {
    opened = openFile(file.absolute, options.maxFileSize, options.windowSize);
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
    const origin: Origin = { kind: 'file', path: file.path };
    for (const window of read.windows) {
      for (const match of detectKeys(window.data, engine, window)) into.findings.push(toWire(match, origin));
    }
    into.files++;
    into.bytes += read.size;
  } catch (error) {
    into.warnings.push({ path: file.path, message: `not fully scanned: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, kind: 'incomplete' });
  } finally {
    opened.close();
  }
}

export function scanBatch(files: readonly TreeFile[], engine: Engine, options: FileScanOptions): BatchResult {
  const result = emptyBatch();
  for (const file of files) scanFile(file, engine, options, result);
  return result;
}
