import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import type { Origin } from '../core/types.js';
import { gitChunks } from './git.js';
import { readLogBytes } from './logs.js';
import { openTextStream } from './text-stream.js';

/**
 * Reading a reported key's line again (`keywarden verify --report`): the only I/O that key
 * recovery needs. Every failure (a file gone, a commit not in the repository, git missing)
 * is `undefined`: a key that cannot be found again is an outcome, not an error.
 */

/** Longest line kept; a key on a longer line (a huge minified file) is not recovered, so memory stays bounded. */
const maxLineBytes = 64 * 1024 * 1024;
/** Most bytes read to reach a line: a report naming line 10⁹ of an endless stream must not hang the run. */
const maxScanBytes = 4 * 1024 * 1024 * 1024;

/**
 * Line `line` (1-based) of a byte stream, without its `\n`; undefined when the stream has
 * fewer lines or the line is longer than the limit. Stops reading at the end of that line.
 */
export async function lineOfStream(chunks: AsyncIterable<Buffer>, line: number): Promise<Buffer | undefined> {
  let current = 1;
  const parts: Buffer[] = [];
  let kept = 0;
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    if (read > maxScanBytes) return undefined;
    let start = 0;
    while (current < line) {
      const newline = chunk.indexOf(10, start);
      if (newline === -1) break;
      current++;
      start = newline + 1;
    }
    if (current < line) continue;
    const end = chunk.indexOf(10, start);
    const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
    kept += piece.length;
    if (kept > maxLineBytes) return undefined;
    parts.push(piece);
    if (end !== -1) break;
  }
  return current === line ? Buffer.concat(parts) : undefined;
}

async function lineOrUndefined(open: () => AsyncIterable<Buffer>, line: number): Promise<Buffer | undefined> {
  try {
    return await lineOfStream(open(), line);
  } catch {
    return undefined;
  }
}

/** A blob's text as history scanned it (UTF-16 decoded; never decompressed). */
async function* blobText(raw: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* (await openTextStream(raw, { gzip: false })).chunks;
}

/** Line `line` of a file, of its content as `scan` and `logs` read it (gzip by content whatever the name, UTF-16 decoded). */
export function readFileLine(path: string, line: number): Promise<Buffer | undefined> {
  return lineOrUndefined(() => readLogBytes(path), line);
}

/** A commit id as reports hold it; anything else never reaches git's command line. */
const commitShape = /^[0-9a-f]{7,64}$/;

/** Line `line` of the blob at `commit:path` in the repository at `repo` (`git cat-file blob`). */
export function readBlobLine(repo: string, commit: string, path: string, line: number): Promise<Buffer | undefined> {
  if (!commitShape.test(commit) || path === '') return Promise.resolve(undefined);
  return lineOrUndefined(() => blobText(gitChunks(repo, ['cat-file', 'blob', `${commit}:${path}`])), line);
}

/** Line `line` of a blob's bytes held in memory (one fetched from GitHub), decoded as history reads blobs. */
export function readLineOfBlob(bytes: Buffer, line: number): Promise<Buffer | undefined> {
  return lineOrUndefined(() => blobText((async function* () {
    yield bytes;
  })()), line);
}

/**
 * A report's path as a regular file inside `root`, or undefined. A report may come from an
 * untrusted run: it must not make keywarden read `/etc/…`, `../elsewhere`, a file a symlink
 * leads out to, or a FIFO or device that never ends.
 */
export function fileInside(root: string, path: string): string | undefined {
  if (path === '' || isAbsolute(path) || path.includes('\0') || path.split(/[\\/]/).includes('..')) return undefined;
  try {
    const top = realpathSync(root);
    const real = realpathSync(resolve(top, path));
    if (!real.startsWith(top.endsWith(sep) ? top : `${top}${sep}`)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The line where a report says a key was: a file, staged or log path relative to `root`,
 * or the blob a history finding names, read from the repository at `root`. Keys handed
 * over directly (`input`) have no place to read again.
 */
export function readReportedLine(root: string, origin: Origin, line: number): Promise<Buffer | undefined> {
  switch (origin.kind) {
    case 'file':
    case 'staged':
    case 'log': {
      const file = fileInside(root, origin.path);
      if (file === undefined) return Promise.resolve(undefined);
      return readFileLine(file, line);
    }
    case 'history':
      return readBlobLine(root, origin.commit, origin.path, line);
    case 'input':
      return Promise.resolve(undefined);
  }
}
