import { spawn, type ChildProcess } from 'node:child_process';
import { KeywardenError } from '../core/errors.js';
import { gitEnv, gitError, spawnWith, stableConfig, watchGit } from './git.js';
import { childOutput, poisoner, type ChildOutput } from './lent-output.js';

/** What `git cat-file --batch` answered for one requested object id (hex). */
export type CatFileReply =
  /** `data` is lent: valid only during the `readReplies` call that hands it over. */
  | { kind: 'object'; oid: string; type: string; size: number; data: Buffer }
  /** Larger than `maxSize`: read past, not kept. */
  | { kind: 'too-large'; oid: string; type: string; size: number }
  /** Not in the repository (a partial or shallow clone, or a broken one). */
  | { kind: 'missing'; oid: string };

export interface CatFileOptions {
  /** Objects larger than this many bytes are skipped without being held in memory. */
  maxSize: number;
  /** Requests that may wait for their reply before `full` is true; bounds what is queued. Default 8192. */
  maxInFlight?: number;
}

interface Body {
  oid: string;
  type: string;
  size: number;
  /** Where the content is copied; undefined when it is read past. */
  data: Buffer | undefined;
  /** Bytes of content plus the closing newline consumed so far. */
  consumed: number;
}

const header = /^(\S+) (\S+) (\d+)$/;
/** Objects up to this size that span reads are put together in one reused buffer; larger ones get their own. */
const assemblyLimit = 4 << 20;
/** 4096 × ~48 bytes of headers is far more than any stdio buffer, which `--buffer` relies on. */
const defaultMaxInFlight = 8192;

/**
 * One long-lived `git cat-file --batch`: object ids go in on stdin, one a line; replies
 * (`<oid> <type> <size>\n<content>\n` or `<oid> missing\n`) are parsed from the binary
 * stdout stream in request order. Content is handed on as it is completed, so memory is
 * bounded by one object (up to `maxSize`) plus the read buffer. Git's output is read into one
 * reused buffer where it can be (`lent-output.ts`), so an object that fits in a read is handed
 * on as a view of that buffer: the consumer scans it during the call, and copies what it keeps.
 *
 * In a partial clone git dies instead of answering "missing" when it may not fetch an
 * object, so callers there must request only objects known to be present (see
 * `presentBlobs` in history.ts).
 */
export class CatFileBatch {
  readonly #child: ChildProcess;
  readonly #output: ChildOutput;
  readonly #maxSize: number;
  readonly #maxInFlight: number;
  /** Rejections are read by `readReplies()`. */
  readonly #exited: Promise<number | null>;
  readonly #stderr: () => string;
  #inFlight = 0;
  #ended = false;
  #stopped = false;
  #waiters: (() => void)[] = [];
  #queued: string[] = [];

  /** Start `git cat-file --batch` in `repo`, its output read into a reused buffer where that can be set up. */
  static async open(repo: string, options: CatFileOptions): Promise<CatFileBatch> {
    return new CatFileBatch(repo, options, await childOutput());
  }

  constructor(repo: string, options: CatFileOptions, output: ChildOutput) {
    this.#output = output;
    this.#maxSize = options.maxSize;
    this.#maxInFlight = options.maxInFlight ?? defaultMaxInFlight;
    // `--buffer` lets git write replies in blocks instead of one write per object (measured:
    // 40% less time for small blobs). Git then holds the last few replies until its stdio
    // buffer fills, so it is safe only when waiting for half the requests to be answered
    // can never wait on replies git is holding: true when half of maxInFlight replies
    // (headers alone are ~48 bytes) cannot fit in a stdio buffer.
    const buffer = this.#maxInFlight >= defaultMaxInFlight ? ['--buffer'] : [];
    this.#child = spawnWith(output, () => spawn('git', [...stableConfig, 'cat-file', '--batch', ...buffer], { cwd: repo, env: gitEnv(), stdio: ['pipe', output.stdio, 'pipe'] }));
    ({ exited: this.#exited, stderr: this.#stderr } = watchGit(this.#child));
    // A write after git has died fails with EPIPE; the replies report why git died.
    this.#child.stdin?.on('error', () => undefined);
  }

  /**
   * Queue a request for one object by its full hex id. Requests are sent in batches, by
   * `flush()`, `whenReady()` and `end()`.
   */
  request(oid: string): void {
    if (this.#stopped || this.#ended) throw new KeywardenError('git cat-file stopped before every object was read');
    this.#inFlight++;
    this.#queued.push(oid);
  }

  /** Send the queued requests. */
  flush(): void {
    if (this.#queued.length === 0 || this.#stopped) return;
    this.#child.stdin?.write(`${this.#queued.join('\n')}\n`);
    this.#queued = [];
  }

  /** Too many replies are outstanding: wait for `whenReady()` before requesting more. */
  get full(): boolean {
    return this.#inFlight >= this.#maxInFlight;
  }

  /** Send what is queued, then wait until at most half of `maxInFlight` replies are outstanding (or git stopped). */
  async whenReady(): Promise<void> {
    this.flush();
    // Wait until half are answered, so requests go out in batches rather than one by one.
    while (this.#inFlight > this.#maxInFlight / 2 && !this.#stopped) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  /** No more requests: git answers what is queued and exits. */
  end(): void {
    if (this.#ended) return;
    this.flush();
    this.#ended = true;
    this.#child.stdin?.end();
  }

  /**
   * Hand the replies to `onBatch` in request order, in batches (those completed by one chunk of
   * git's output), until `end()` was called and everything was answered. Throws if git fails.
   * Call it once; an object's `data` is valid only during the call that hands it over, so
   * `onBatch` is synchronous (its type refuses an async function).
   */
  async readReplies(onBatch: (replies: CatFileReply[]) => undefined): Promise<void> {
    let partialHeader: Buffer | undefined;
    let body: Body | undefined;
    /**
     * Where an object that spans reads is put together (a quarter of them do: git writes 4 KiB
     * at a time), reused: a fresh buffer each cost a page fault per 4 KiB copied.
     */
    let assembly = Buffer.alloc(0);
    const poison = poisoner();
    const handOn = (batch: CatFileReply[]) => {
      if (batch.length === 0) return;
      onBatch(batch);
      if (poison) for (const reply of batch) if (reply.kind === 'object') poison(reply.data);
    };
    try {
      await this.#output.read(this.#child, (chunk) => {
        let batch: CatFileReply[] = [];
        let at = 0;
        while (at < chunk.length) {
          if (body) {
            const take = Math.min(body.size + 1 - body.consumed, chunk.length - at);
            const copy = Math.min(take, body.size - body.consumed);
            if (body.data && copy > 0) chunk.copy(body.data, body.consumed, at, at + copy);
            body.consumed += take;
            at += take;
            if (body.consumed === body.size + 1) {
              batch.push(
                this.#answered(body.data ? { kind: 'object', oid: body.oid, type: body.type, size: body.size, data: body.data } : { kind: 'too-large', oid: body.oid, type: body.type, size: body.size }),
              );
              body = undefined;
            }
            continue;
          }
          const newline = chunk.indexOf(10, at);
          if (newline === -1) {
            // Copied (concat), since the chunk is lent.
            partialHeader = Buffer.concat([partialHeader ?? Buffer.alloc(0), chunk.subarray(at)]);
            break;
          }
          // A header split across two chunks is joined; the usual whole one is read in place.
          const line = partialHeader ? Buffer.concat([partialHeader, chunk.subarray(at, newline)]).toString('latin1') : chunk.toString('latin1', at, newline);
          partialHeader = undefined;
          at = newline + 1;
          if (line.endsWith(' missing')) {
            batch.push(this.#answered({ kind: 'missing', oid: line.slice(0, -' missing'.length) }));
            continue;
          }
          const parsed = header.exec(line);
          if (!parsed) throw new KeywardenError(`unexpected output from git cat-file: ${line.slice(0, 100)}`);
          const [, oid = '', type = '', sizeText = ''] = parsed;
          const size = Number(sizeText);
          const keep = size <= this.#maxSize;
          if (keep && chunk.length - at > size) {
            // The whole object is in this chunk: hand on a view instead of copying.
            const data = chunk.subarray(at, at + size);
            at += size + 1;
            batch.push(this.#answered({ kind: 'object', oid, type, size, data }));
            continue;
          }
          if (keep && size <= assemblyLimit) {
            // The object goes on in the next read: it is put together in the one assembly
            // buffer, so what this read completed (an object in it, maybe) is handed on first.
            handOn(batch);
            batch = [];
            if (assembly.length < size) assembly = Buffer.allocUnsafe(Math.min(assemblyLimit, Math.max(size, 2 * assembly.length, 64 * 1024)));
          }
          const data = !keep ? undefined : size <= assemblyLimit ? assembly.subarray(0, size) : Buffer.allocUnsafe(size);
          body = { oid, type, size, data, consumed: 0 };
        }
        handOn(batch);
      });
      const code = await this.#exited;
      if (code !== 0) throw gitError(['cat-file', '--batch'], this.#stderr(), code);
      if (this.#inFlight > 0 || body) throw new KeywardenError('git cat-file ended before answering every request');
    } finally {
      this.#stop();
    }
  }

  #answered(reply: CatFileReply): CatFileReply {
    this.#inFlight--;
    if (this.#inFlight <= this.#maxInFlight / 2) for (const wake of this.#waiters.splice(0)) wake();
    return reply;
  }

  #stop(): void {
    this.#stopped = true;
    for (const wake of this.#waiters.splice(0)) wake();
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill();
  }
}
