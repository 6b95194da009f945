import { createReadStream, statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { UsageError } from '../core/errors.js';
import { borrowKernelReadBuffers } from '../core/simd/instantiate.js';
import type { ScanWarning } from '../core/types.js';
import { isUtf16, SniffingDecoder } from './text-encoding.js';
import { openTextStream } from './text-stream.js';

/**
 * Log sources (`keywarden logs`): files plain or gzip-compressed (told apart by content),
 * UTF-8 or UTF-16, globs of rotated sets, stdin, and files followed as they grow and rotate. Everything is
 * read as a stream of chunks, never whole, so memory does not depend on the input's size.
 */

/** Bytes read at once from a file; also gunzip's output size. Large enough to amortise each read. */
const chunkSize = 1024 * 1024;
/** How a stream read from stdin is named in findings. */
export const stdinPath = '<stdin>';
/** How often a followed file is checked when no file-system event wakes the reader. */
export const defaultPollMs = 250;

export type LogInput =
  | { kind: 'stdin'; path: string }
  /** `regular` false: a FIFO or device, read as a stream (no positions, no rotation). */
  | { kind: 'file'; path: string; absolute: string; regular: boolean };

/**
 * What reading a log yields: `start` before its first byte, and again when a followed file
 * is truncated or replaced (its content then starts over at `line`), and the bytes between.
 */
export type LogEvent =
  | { kind: 'start'; line: number; reason: 'opened' | 'truncated' | 'replaced' }
  | { kind: 'data'; data: Buffer };

/** Version order, so a rotated set reads `app.log`, `app.log.1`, `app.log.2.gz`, … `app.log.10.gz`. */
const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

/** Relative to `cwd` when inside it, else absolute: what a person can open from where they ran the command. */
function displayPath(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? absolute : path.split(sep).join('/');
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export interface ResolveOptions {
  /** Whether stdin is a terminal: then no FILE means a usage error rather than waiting for typing. */
  stdinIsTTY: boolean;
  /** Paths (as reported) not to read: `.keywardenignore` globs and config excludes. */
  excluded?: (path: string) => boolean;
  cwd?: string;
}

/** Whether `arg` is a glob: no glob character, no need to load fast-glob to say it is not one. */
async function isGlob(arg: string): Promise<boolean> {
  return /[*?[\]{}()!+@]/.test(arg) && (await import('./glob.js')).isGlobPattern(arg);
}

/**
 * The command line's FILE.. as inputs: `-` is stdin (and no FILE at all, when stdin is not
 * a terminal); an existing path is read as it is, even one that looks like a glob; any other
 * glob is expanded in version order, and one matching nothing is a warning; any other path
 * that does not exist, or a directory, is a UsageError. Each file is read once. fast-glob is
 * loaded only for a glob (~30 ms of start-up otherwise).
 */
export async function resolveLogInputs(args: readonly string[], options: ResolveOptions): Promise<{ inputs: LogInput[]; warnings: ScanWarning[] }> {
  const cwd = options.cwd ?? process.cwd();
  if (args.length === 0) {
    if (options.stdinIsTTY) throw new UsageError('name a log file (a quoted glob such as "app.log*", or - for stdin), or pipe a log in');
    return { inputs: [{ kind: 'stdin', path: stdinPath }], warnings: [] };
  }
  const inputs: LogInput[] = [];
  const warnings: ScanWarning[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, stats: Stats) => {
    const path = displayPath(absolute, cwd);
    if (seen.has(absolute) || options.excluded?.(path)) return;
    seen.add(absolute);
    inputs.push({ kind: 'file', path, absolute, regular: stats.isFile() });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('-')) inputs.push({ kind: 'stdin', path: stdinPath });
      seen.add('-');
      continue;
    }
    const absolute = resolve(cwd, arg);
    const stats = statOrUndefined(absolute);
    if (stats?.isDirectory()) throw new UsageError(`${arg} is a directory: name its files, or a quoted glob such as "${arg.replace(/\/+$/, '')}/*.log"`);
    if (stats) {
      add(absolute, stats);
    } else if (await isGlob(arg)) {
      const { globFiles } = await import('./glob.js');
      const matched = globFiles(arg, cwd).sort(naturalOrder);
      if (matched.length === 0) warnings.push({ path: arg, message: 'no file matches this pattern' });
      for (const file of matched) {
        const found = statOrUndefined(file);
        if (found) add(file, found);
      }
    } else {
      throw new UsageError(`no such file: ${arg}`);
    }
  }
  return { inputs, warnings };
}

/**
 * A file's bytes from `position` on, read ahead by one chunk so the disk works while the caller scans.
 * Each chunk is a fresh buffer unless `reuse()` says the caller is done with a chunk once it asks for
 * the next: then two buffers take turns (the one handed on, the one being read into), the SIMD
 * kernels' own when free (core/simd/instantiate.ts), so the line count and the prefilter read the
 * bytes where they are. On a 1 GB log, a fresh megabyte per read cost a third of `logs`' CPU in page
 * faults and garbage collection.
 */
async function* fileChunks(handle: FileHandle, position: number, signal: AbortSignal | undefined, reuse?: () => boolean): AsyncGenerator<Buffer> {
  let turns: { buffers: [Buffer, Buffer]; release: () => void } | undefined;
  let turn = 0;
  const readAt = async (at: number) => {
    if (reuse?.()) turns ??= borrowKernelReadBuffers() ?? { buffers: [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)], release: () => undefined };
    const buffer = turns ? turns.buffers[turn++ & 1 ? 1 : 0] : Buffer.allocUnsafe(chunkSize);
    const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkSize, buffer.length), at);
    return buffer.subarray(0, bytesRead);
  };
  let next = readAt(position);
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0 || signal?.aborted) return;
      position += chunk.length;
      next = readAt(position);
      yield chunk;
    }
  } finally {
    // A read still in flight when the caller stops must not become an unhandled rejection, nor land in buffers lent to another reader.
    void next.catch(() => undefined).finally(() => turns?.release());
  }
}

async function* wholeFile(path: string, signal: AbortSignal | undefined, reuse?: () => boolean): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    yield* fileChunks(handle, 0, signal, reuse);
  } finally {
    await handle.close();
  }
}

/** A stream's chunks until it ends or `signal` aborts (stdin that never ends, a FIFO). */
async function* streamChunks(stream: Readable, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  if (signal?.aborted) return;
  const stop = () => stream.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
  } catch (error) {
    if (!signal?.aborted) throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** A byte stream's content as `keywarden logs` reads it: gzip decompressed, UTF-16 decoded (see `openTextStream`). */
async function* logContent(raw: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* (await openTextStream(raw)).chunks;
}

/** The content of a file as `keywarden logs` and `scan` read it, as chunks (for reading a reported line again). */
export function readLogBytes(path: string, signal?: AbortSignal): AsyncIterable<Buffer> {
  return logContent(wholeFile(path, signal));
}

export interface ReadOptions {
  /** Where `-` is read from: the process's stdin, passed in by the CLI. */
  stdin?: Readable;
  /** Stops reading (the bytes read so far are still handed on). */
  signal?: AbortSignal;
  /**
   * The caller is done with each `data` event's bytes once it asks for the next event (it copies
   * what it keeps, as `StreamWindows` does): a plain file's chunks may then take turns in two buffers.
   */
  reuseBuffers?: boolean;
}

/** A log read once from start to end (or until `signal` aborts): a file, gzip or not, or stdin. */
export async function* readLog(input: LogInput, options: ReadOptions = {}): AsyncGenerator<LogEvent> {
  const { signal } = options;
  // Buffers are reused only once the content is known to be plain: the gzip member reader unshifts views of its input
  // (gzip.ts), and nothing proves it is done with them before the read after next (no test has caught it keeping one).
  let plain = false;
  let raw: AsyncIterable<Buffer>;
  if (input.kind === 'stdin') raw = streamChunks(options.stdin ?? Readable.from([]), signal);
  else if (input.regular) raw = wholeFile(input.absolute, signal, options.reuseBuffers ? () => plain : undefined);
  else raw = streamChunks(createReadStream(input.absolute, { highWaterMark: chunkSize }), signal);
  yield { kind: 'start', line: 1, reason: 'opened' };
  const text = await openTextStream(raw);
  plain = !text.gzip && !isUtf16(text.kind);
  for await (const data of text.chunks) yield { kind: 'data', data };
}

export interface FollowOptions {
  /** Begin at the start of the file's last line instead of its first (like `tail -f`); lines are still numbered from the top. */
  fromEnd: boolean;
  /** Stops following; what was read is handed on first. */
  signal?: AbortSignal;
  pollMs?: number;
}

/** An open followed file: its identity, and a wake-up on change (file-system events, or the poll when they fail). */
class Followed {
  #dirty = false;
  #wake: (() => void) | undefined;
  readonly #watcher: FSWatcher | undefined;

  private constructor(
    readonly handle: FileHandle,
    readonly identity: Stats,
    path: string,
  ) {
    try {
      this.#watcher = watch(path, { persistent: false }, () => {
        this.#dirty = true;
        this.#wake?.();
      });
      this.#watcher.on('error', () => this.#watcher?.close());
    } catch {
      this.#watcher = undefined;
    }
  }

  static async open(path: string): Promise<Followed> {
    const handle = await open(path, 'r');
    try {
      return new Followed(handle, await handle.stat(), path);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  isSameFile(other: Stats): boolean {
    return other.ino === this.identity.ino && other.dev === this.identity.dev;
  }

  /** Resolves on the next change event, after `ms`, or on abort, whichever is first. */
  changed(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.#dirty || signal?.aborted) {
      this.#dirty = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.#wake = undefined;
        this.#dirty = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async close(): Promise<void> {
    this.#watcher?.close();
    await this.handle.close();
  }
}

/** Where following from the end begins: the start of the file's last (maybe unfinished) line, and its number. */
async function lastLineStart(handle: FileHandle, signal: AbortSignal | undefined): Promise<{ position: number; line: number }> {
  let lines = 0;
  let lineStart = 0;
  let offset = 0;
  const { size } = await handle.stat();
  for await (const chunk of fileChunks(handle, 0, signal)) {
    const usable = Math.min(chunk.length, size - offset);
    for (let at = chunk.indexOf(10); at !== -1 && at < usable; at = chunk.indexOf(10, at + 1)) {
      lines++;
      lineStart = offset + at + 1;
    }
    offset += usable;
    if (offset >= size) break;
  }
  return { position: lineStart, line: lines + 1 };
}

/** How many of a followed file's first bytes are remembered to notice it was rewritten. */
const headLength = 64;

/** Up to `length` bytes from the start of a file (fewer when it is shorter). */
async function firstBytes(handle: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

async function statIfAny(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Follow a file as it grows (`--follow`), until `signal` aborts. Survives rotation: a file
 * truncated in place (copytruncate) is read again from its start; a file replaced at the
 * path (renamed away and created anew) is read to its end, then the new one from its start.
 * While the path names no file, the old one is still read. Each restart is a `start` event.
 */
export async function* followLog(path: string, options: FollowOptions): AsyncGenerator<LogEvent> {
  yield* decodedEvents(followRaw(path, options));
}

/** A followed file's bytes decoded (UTF-16 to UTF-8), each restart sniffed afresh: a rotated file may be written otherwise. */
async function* decodedEvents(events: AsyncIterable<LogEvent>): AsyncGenerator<LogEvent> {
  let decoder: SniffingDecoder | undefined;
  const flush = (): LogEvent[] => {
    const rest = decoder?.end();
    return rest && rest.length > 0 ? [{ kind: 'data', data: rest }] : [];
  };
  for await (const event of events) {
    if (event.kind === 'start') {
      yield* flush();
      decoder = new SniffingDecoder();
      yield event;
      continue;
    }
    const data = (decoder ??= new SniffingDecoder()).push(event.data);
    if (data.length > 0) yield { kind: 'data', data };
  }
  yield* flush();
}

async function* followRaw(path: string, options: FollowOptions): AsyncGenerator<LogEvent> {
  const { signal } = options;
  const pollMs = options.pollMs ?? defaultPollMs;
  let file = await Followed.open(path);
  try {
    let position = 0;
    let line = 1;
    if (options.fromEnd) ({ position, line } = await lastLineStart(file.handle, signal));
    // The file's first bytes: a copytruncate followed by writes past our position before we
    // look again leaves the size no smaller, but the beginning changed.
    let head = await firstBytes(file.handle, headLength);
    yield { kind: 'start', line, reason: 'opened' };
    while (!signal?.aborted) {
      const size = (await file.handle.stat()).size;
      // One read of the beginning per look, compared and then kept: a short head topped up by a
      // second read could take in a rewrite that happened between the two, unnoticed.
      const current = await firstBytes(file.handle, headLength);
      if (size < position || !current.subarray(0, head.length).equals(head)) {
        position = 0;
        yield { kind: 'start', line: 1, reason: 'truncated' };
      }
      head = current;
      for await (const data of fileChunks(file.handle, position, signal)) {
        // A chunk read after a rewrite holds the new file's bytes at the old offset (the read
        // ahead can land after a copytruncate and the writes that follow it): the beginning is
        // checked once more before the chunk is handed on; a changed one is left to the next
        // look, which starts over (the rewrite's own change event ends the wait at once).
        if (!(await firstBytes(file.handle, headLength)).subarray(0, head.length).equals(head)) break;
        position += data.length;
        yield { kind: 'data', data };
      }
      const now = await statIfAny(path);
      if (now && !file.isSameFile(now)) {
        let next: Followed;
        try {
          next = await Followed.open(path);
        } catch {
          continue; // rotated again meanwhile: try on the next round
        }
        // What the writer appended to the old file before it moved on to the new one.
        for await (const data of fileChunks(file.handle, position, undefined)) yield { kind: 'data', data };
        await file.close();
        file = next;
        position = 0;
        head = await firstBytes(file.handle, headLength);
        yield { kind: 'start', line: 1, reason: 'replaced' };
        continue;
      }
      await file.changed(pollMs, signal);
    }
  } finally {
    await file.close();
  }
}
