/**
 * `spawnSync` for the test helpers' many short git runs, done by a small helper process rather
 * than by the test worker itself. Node starts a child by fork(): in a worker holding hundreds of
 * MB (every module of the suite, isolate: false), each fork copies its page tables, the child's
 * exec tears them down again, and every page the worker then writes takes a copy-on-write fault.
 * Measured on this machine: ~20 ms of CPU per spawn from a 300 MB process, against a few ms from
 * a process of 30 MB. The helper is that small process: it reads a request (file, args, cwd, env,
 * input) from a FIFO, runs it with spawnSync and writes the result back; the worker blocks on the
 * answer exactly as spawnSync blocks. One helper per worker, started on first use, gone with it.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SyncRequest {
  file: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  input?: string | Buffer;
}

/** The helper's own code: run with `node -e`, so it is plain JavaScript without imports (the FIFOs' paths are its arguments). */
function helperMain(require: (id: string) => unknown, requests: string, answers: string): void {
  const fs = require('node:fs') as typeof import('node:fs');
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const input = fs.openSync(requests, 'r');
  const output = fs.openSync(answers, 'w');
  const readExact = (length: number): Buffer | undefined => {
    const buffer = Buffer.alloc(length);
    for (let at = 0; at < length; ) {
      const read = fs.readSync(input, buffer, at, length - at, null);
      if (read === 0) return undefined;
      at += read;
    }
    return buffer;
  };
  for (;;) {
    const head = readExact(4);
    const body = head && readExact(head.readUInt32LE(0));
    if (!body) process.exit(0);
    const request = JSON.parse(body.toString('utf8')) as { file: string; args: string[]; cwd: string; env: Record<string, string>; input: string };
    const ran = spawnSync(request.file, request.args, { cwd: request.cwd, env: request.env, input: Buffer.from(request.input, 'base64'), maxBuffer: 1 << 30 });
    const error = ran.error ? { code: (ran.error as NodeJS.ErrnoException).code ?? '', message: ran.error.message } : null;
    const answer = Buffer.from(JSON.stringify({ status: ran.status, signal: ran.signal, stdout: (ran.stdout ?? Buffer.alloc(0)).toString('base64'), stderr: (ran.stderr ?? Buffer.alloc(0)).toString('base64'), error }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(answer.length);
    fs.writeSync(output, Buffer.concat([length, answer]));
  }
}

let channel: { requests: number; answers: number } | undefined;

function open(): { requests: number; answers: number } {
  if (channel) return channel;
  const dir = mkdtempSync(join(tmpdir(), 'keywarden-spawn-'));
  const [requests, answers] = [join(dir, 'requests'), join(dir, 'answers')];
  execFileSync('mkfifo', [requests, answers]);
  const helper = spawn(process.execPath, ['--max-old-space-size=64', '-e', `(${helperMain.toString()})(require, process.argv[1], process.argv[2])`, requests, answers], { stdio: 'inherit' });
  helper.unref();
  channel = { requests: openWhenRead(requests, helper), answers: openSync(answers, 'r') };
  rmSync(dir, { recursive: true, force: true });
  process.once('exit', () => {
    if (channel) closeSync(channel.requests);
  });
  return channel;
}

/**
 * The write end of `fifo`, once the helper has opened its read end: a non-blocking open fails
 * (ENXIO) until then, so a helper that never starts is an error here, not a test that hangs.
 * Then opened again blocking, for writes of any size.
 */
function openWhenRead(fifo: string, helper: ChildProcess): number {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      return openSync(fifo, 'w');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw error;
      if (helper.exitCode !== null || Date.now() > deadline) throw new Error('the spawn helper did not start', { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function readExact(fd: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  for (let at = 0; at < length; ) {
    const read = readSync(fd, buffer, at, length - at, null);
    if (read === 0) throw new Error('the spawn helper went away');
    at += read;
  }
  return buffer;
}

/** Run `file` to its end through the helper; the result as spawnSync gives it (Buffers). */
export function spawnSyncSmall(request: SyncRequest): Pick<SpawnSyncReturns<Buffer>, 'status' | 'signal' | 'stdout' | 'stderr' | 'error'> {
  const { requests, answers } = open();
  const body = Buffer.from(JSON.stringify({ file: request.file, args: request.args, cwd: request.cwd, env: request.env, input: Buffer.from(request.input ?? '').toString('base64') }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  writeSync(requests, Buffer.concat([length, body]));
  const answer = JSON.parse(readExact(answers, readExact(answers, 4).readUInt32LE(0)).toString('utf8')) as {
    status: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    error: { code: string; message: string } | null;
  };
  const error = answer.error ? Object.assign(new Error(answer.error.message), { code: answer.error.code }) : undefined;
  return { status: answer.status, signal: answer.signal, stdout: Buffer.from(answer.stdout, 'base64'), stderr: Buffer.from(answer.stderr, 'base64'), ...(error ? { error } : {}) };
}

/** As execFileSync with `encoding: 'utf8'`: stdout as text, or an Error carrying `status` and `stderr` when the command fails. */
export function execFileSyncSmall(request: SyncRequest): string {
  const ran = spawnSyncSmall(request);
  if (ran.error) throw ran.error;
  if (ran.status !== 0) {
    const stderr = ran.stderr.toString('utf8');
    throw Object.assign(new Error(`Command failed: ${request.file} ${request.args.join(' ')}\n${stderr}`), { status: ran.status, signal: ran.signal, stdout: ran.stdout.toString('utf8'), stderr });
  }
  return ran.stdout.toString('utf8');
}
