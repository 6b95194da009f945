import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * What a reader does with one chunk of a child's output. The chunk is lent: its bytes are
 * valid only until the handler returns, so whatever is kept must be copied. A promise returned
 * pauses reading until it settles (back-pressure); a throw or a rejection ends the read.
 */
export type ChunkHandler = (chunk: Buffer) => void | Promise<void>;

/** Where a child's stdout goes (an entry of spawn's `stdio`), and how it is read once spawned. */
export interface ChildOutput {
  stdio: 'pipe' | Socket;
  /** Hand every chunk of the child's stdout to `onChunk`; resolves after the last one. Call it once. */
  read(child: { stdout: Readable | null }, onChunk: ChunkHandler): Promise<void>;
  /** Close both ends (an open socket keeps node running): for a child that could not be spawned. */
  discard(): void;
}

/**
 * Under the tests (`KEYWARDEN_TEST_POISON_LENT=1`, set by test/helpers/setup.ts) lent memory is
 * overwritten as soon as its borrower is done with it, so a consumer that keeps a lent chunk (or
 * a view of one) reads garbage at once instead of only when a later read lands. Undefined
 * outside the tests; other lenders (cat-file's assembly buffer) use it too.
 */
export function poisoner(): ((lent: Buffer) => void) | undefined {
  return process.env['KEYWARDEN_TEST_POISON_LENT'] === '1' ? (lent) => void lent.fill(0x5a) : undefined;
}

/** `onChunk`, with each chunk poisoned once the handler is done with it (tests only). */
function poisonAfterUse(onChunk: ChunkHandler): ChunkHandler {
  const poison = poisoner();
  if (!poison) return onChunk;
  return (chunk) => {
    const pending = onChunk(chunk);
    if (!pending) return poison(chunk);
    return pending.then(() => poison(chunk));
  };
}

/** One read's worth: large enough that a read takes all git has written meanwhile. */
const readSize = 1 << 20;
/**
 * A socket's path must fit in `sun_path` (108 bytes on Linux, 104 on macOS). libuv does not
 * refuse a longer one: it cuts it, which would put the socket outside the private directory.
 */
const longestSocketPath = 100;

/**
 * A child's stdout read into one reused buffer. Node reads a spawned child's pipe into a fresh
 * 64 KiB buffer per read and shrinks it to what was read (malloc, realloc and page faults per
 * read, and garbage): `history` reads ~9,000 small chunks of `git log --raw` and 80 MB of
 * `cat-file` replies per run of the bench's repository, and node spent 0.26 and 0.41 CPU-s on
 * just that. A socket's `onread` reads into a buffer of the caller's instead (0.13 and 0.27
 * CPU-s), and a spawned child can write to a socket as to a pipe: a server in a fresh private
 * directory (mode 0700: no other user can connect) accepts our one connection, the child gets
 * the accepted end as its stdout, and the directory is removed once connected. Where that
 * cannot be set up (Windows, a temporary directory whose path is too long for a socket's), the child's
 * own pipe is read, with the same contract.
 */
export async function childOutput(lend = process.platform !== 'win32'): Promise<ChildOutput> {
  if (lend) {
    const lent = await lentSocket().catch(() => undefined);
    if (lent) return lent;
  }
  return { stdio: 'pipe', read: (child, onChunk) => readStream(child.stdout, poisonAfterUse(onChunk)), discard: () => undefined };
}

/** Listen on `path`; rejects if the server cannot. */
function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Connect to `server` at `path` and resolve with both ends once it accepted: ours (reading
 * into `onread`, paused until resumed) and theirs. Errors before then reject, with both ends
 * closed; the listeners stay, so an error between this and the first read is never uncaught.
 */
function connectPair(server: Server, path: string, onread: { buffer: Buffer; callback: (bytes: number) => boolean }): Promise<[Socket, Socket]> {
  return new Promise((resolve, reject) => {
    const ours = connect({ path, onread });
    // Not read before the caller resumes it: what arrived would have nowhere to go.
    ours.pause();
    const fail = (error: unknown) => {
      ours.destroy();
      reject(error);
    };
    ours.once('error', fail);
    ours.once('close', () => fail(new Error('the socket closed before it was accepted')));
    server.once('error', fail);
    server.once('connection', (theirs: Socket) => resolve([ours, theirs]));
  });
}

async function lentSocket(): Promise<ChildOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'keywarden-'));
  const server = createServer();
  const buffer = Buffer.allocUnsafe(readSize);
  let reading: { socket: Socket; onChunk: ChunkHandler; failed: (error: unknown) => void } | undefined;
  const callback = (bytes: number): boolean => {
    if (!reading) return false;
    const { socket, onChunk, failed } = reading;
    try {
      const pending = onChunk(buffer.subarray(0, bytes));
      if (!pending) return true;
      pending.then(() => socket.resume(), failed);
      return false;
    } catch (error) {
      failed(error);
      return false;
    }
  };
  let pair: [Socket, Socket];
  try {
    const path = join(dir, 'out');
    if (Buffer.byteLength(path) > longestSocketPath) throw new Error(`socket path too long: ${path}`);
    await listen(server, path);
    pair = await connectPair(server, path, { buffer, callback });
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
  const [ours, theirs] = pair;
  return {
    stdio: theirs,
    discard: () => {
      theirs.destroy();
      ours.destroy();
    },
    read: (_child, onChunk) => {
      // The child holds its own copy of the writing end: the read ends when the child closes it.
      theirs.destroy();
      return new Promise<void>((resolve, reject) => {
        const failed = (error: unknown) => {
          ours.destroy();
          reject(error);
        };
        reading = { socket: ours, onChunk: poisonAfterUse(onChunk), failed };
        ours.once('end', resolve);
        ours.once('close', () => resolve());
        ours.once('error', reject);
        ours.resume();
      });
    },
  };
}

/**
 * The fallback: the child's pipe as node reads it, under the same contract. A paused stream
 * may still emit what it had already read, so chunks that arrive while a handler's promise is
 * pending wait in a queue (their buffers are the stream's own, not lent).
 */
function readStream(stream: Readable | null, onChunk: ChunkHandler): Promise<void> {
  if (!stream) return Promise.reject(new Error('the child has no stdout to read'));
  return new Promise<void>((resolve, reject) => {
    const queued: Buffer[] = [];
    let waiting = false;
    let ended = false;
    const fail = (error: unknown) => {
      stream.destroy();
      reject(error);
    };
    const drain = () => {
      waiting = false;
      try {
        for (let chunk = queued.shift(); chunk; chunk = waiting ? undefined : queued.shift()) {
          const pending = onChunk(chunk);
          if (!pending) continue;
          waiting = true;
          stream.pause();
          pending.then(drain, fail);
        }
      } catch (error) {
        fail(error);
        return;
      }
      if (waiting) return;
      if (ended) resolve();
      else stream.resume();
    };
    stream.on('data', (chunk: Buffer) => {
      queued.push(chunk);
      if (!waiting) drain();
    });
    stream.once('end', () => {
      ended = true;
      if (!waiting) drain();
    });
    stream.once('error', reject);
  });
}
