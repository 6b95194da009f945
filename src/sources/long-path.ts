import { closeSync, constants, existsSync, openSync } from 'node:fs';

/**
 * Paths as the file system has them, not as strings happen to spell them: a name that is
 * not valid UTF-8 is kept as its bytes (a string would turn it into U+FFFD and name another
 * file), and a path longer than PATH_MAX is opened a piece at a time, each piece relative to
 * the directory before it. Node has no `openat`, so "relative to a directory" goes through
 * `/proc/self/fd/N/…` (Linux); without it, such a path fails with ENAMETOOLONG, as before.
 */

/** A path for fs calls: a string, or bytes when a name in it is not valid UTF-8. */
export type FsPath = string | Buffer;

/** A path that crossed a thread boundary (a Buffer arrives as a plain Uint8Array) as one fs calls take. */
export function fsPath(path: string | Uint8Array): FsPath {
  return typeof path === 'string' || Buffer.isBuffer(path) ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
}

/** Most bytes handed to the kernel in one path: PATH_MAX is 4096 with its NUL; some room is kept. */
export const maxPathBytes = 4000;
/** Bytes of a path walked at once from an open directory: short enough that `/proc/self/fd/N/` plus a name still fits. */
export const hopBytes = 3000;
const procFd = '/proc/self/fd';
let procFdPresent: boolean | undefined;

/** Whether directories can be opened relative to an open one (`/proc/self/fd`, Linux). */
export function canOpenRelative(): boolean {
  return (procFdPresent ??= existsSync(procFd));
}

/** The path through an open directory's descriptor. */
export function throughDescriptor(fd: number, rest?: FsPath): FsPath {
  const base = `${procFd}/${fd}`;
  return rest === undefined ? base : joinPath(base, rest);
}

function bytesOf(path: FsPath): Buffer {
  return typeof path === 'string' ? Buffer.from(path, 'utf8') : path;
}

/** Length in bytes, as the kernel counts it. */
export function pathLength(path: FsPath): number {
  return typeof path === 'string' ? Buffer.byteLength(path) : path.byteLength;
}

/** `dir/name`: a string while both are, bytes once either is. */
export function joinPath(dir: FsPath, name: FsPath): FsPath {
  if (typeof dir === 'string' && typeof name === 'string') return `${dir}/${name}`;
  return Buffer.concat([bytesOf(dir), Buffer.from('/'), bytesOf(name)]);
}

/** A name as a string when that string names the same bytes, else the bytes themselves. */
export function nameOf(bytes: Buffer): { text: string; path: FsPath } {
  const text = bytes.toString('utf8');
  return { text, path: !text.includes('\ufffd') || Buffer.from(text, 'utf8').equals(bytes) ? text : Buffer.from(bytes) };
}

function tooLong(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENAMETOOLONG: name too long'), { code: 'ENAMETOOLONG' });
}

/**
 * `openSync(path, flags)` for a path of any length: one longer than PATH_MAX is walked in
 * pieces of at most `hopBytes`, each directory opened relative to the one before, so the
 * kernel never resolves more than one piece at a time.
 */
export function openLong(path: FsPath, flags: number = constants.O_RDONLY): number {
  if (pathLength(path) <= maxPathBytes) return openSync(path, flags);
  if (!canOpenRelative()) throw tooLong();
  const bytes = bytesOf(path);
  let dir: number | undefined;
  try {
    for (let at = 0; ; ) {
      const rest = bytes.subarray(at);
      const base = dir === undefined ? rest : throughDescriptor(dir, rest);
      if (pathLength(base) <= maxPathBytes) return openSync(base, flags);
      const cut = bytes.lastIndexOf(0x2f, at + hopBytes);
      if (cut <= at) throw tooLong();
      const piece = bytes.subarray(at, cut);
      const next = openSync(dir === undefined ? piece : throughDescriptor(dir, piece), constants.O_RDONLY | constants.O_DIRECTORY);
      if (dir !== undefined) closeSync(dir);
      dir = next;
      at = cut + 1;
    }
  } finally {
    if (dir !== undefined) closeSync(dir);
  }
}
