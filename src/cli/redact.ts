import { readSync, writeSync } from 'node:fs';
import { ExitCode } from '../core/errors.js';
import { createEngine } from '../detect/detect.js';
import { redactStream } from '../run/redact-stream.js';
import { compileRules } from '../rules/compile.js';
import { loadRuleSet } from '../rules/rule-set.js';
import type { RedactOptions } from './options.js';


/** Bytes asked for per read; a pipe gives what it holds (64 KiB at most, usually). */
const readSize = 1024 * 1024;

/** The reader went away (`| head`): a filter then stops quietly, as `cat` would. */
class OutputClosed extends Error {}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Stdin, read with blocking reads straight from file descriptor 0: a file, a pipe or a
 * terminal. A read returns as soon as some input is there, and the redactor releases all it
 * can of each read, so output stays as prompt as input; and it is about twice as fast as
 * `process.stdin`'s stream. The redactor copies what it keeps, so one buffer serves every read.
 * Should stdin be a non-blocking descriptor (EAGAIN), the rest is read through `process.stdin`.
 */
async function* stdinReads(): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(readSize);
  for (;;) {
    let length: number;
    try {
      length = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if (errorCode(error) !== 'EAGAIN') throw error;
      yield* process.stdin as AsyncIterable<Buffer>;
      return;
    }
    if (length === 0) return;
    yield buffer.subarray(0, length);
  }
}

/** Writes to a stream, waiting for `drain` when it is full; a failed write throws on the next call. */
function streamWriter(stream: NodeJS.WritableStream): (chunk: Buffer) => void | Promise<void> {
  let failure: unknown;
  // Listening also keeps an EPIPE from becoming an uncaught exception.
  stream.on('error', (error: unknown) => {
    failure ??= errorCode(error) === 'EPIPE' ? new OutputClosed() : error;
  });
  return (chunk) => {
    if (failure !== undefined) throw failure;
    // A stream queues what it cannot write at once, and the redactor reuses its buffers.
    if (stream.write(Buffer.from(chunk))) return;
    return new Promise<void>((resolve, reject) => {
      const settle = () => {
        stream.off('drain', settle);
        stream.off('error', settle);
        if (failure !== undefined) reject(failure as Error);
        else resolve();
      };
      stream.on('drain', settle);
      stream.on('error', settle);
    });
  };
}

/**
 * Writes straight to file descriptor 1: a blocking write is the backpressure a filter wants
 * (`cat` and ripgrep do the same), and it keeps no output queued in memory. Should stdout be
 * a non-blocking descriptor (EAGAIN), this and every later write go through `process.stdout`.
 */
function stdoutWriter(): (chunk: Buffer) => void | Promise<void> {
  let fallback: ((chunk: Buffer) => void | Promise<void>) | undefined;
  return (chunk) => {
    if (fallback) return fallback(chunk);
    for (let at = 0; at < chunk.length; ) {
      try {
        at += writeSync(1, chunk, at, chunk.length - at);
      } catch (error) {
        if (errorCode(error) === 'EPIPE') throw new OutputClosed();
        if (errorCode(error) !== 'EAGAIN') throw error;
        fallback = streamWriter(process.stdout);
        return fallback(chunk.subarray(at));
      }
    }
  };
}

/**
 * `keywarden redact`: stdin to stdout with every key masked, byte for byte otherwise.
 * A filter: exit 0 whether or not anything was masked; 2 only when it cannot run
 * (bad rules, a read or write error other than the reader going away).
 */
export async function runRedact(args: RedactOptions): Promise<number> {
  const engine = createEngine(compileRules(await loadRuleSet(args.rules)));
  let masked: number;
  try {
    ({ masked } = await redactStream(stdinReads(), stdoutWriter(), { engine, mask: args.mask }));
  } catch (error) {
    if (error instanceof OutputClosed) return ExitCode.clean;
    throw error;
  }
  if (args.count) process.stderr.write(`keywarden: masked ${masked} ${masked === 1 ? 'key' : 'keys'}\n`);
  return ExitCode.clean;
}
