/**
 * `npm run bench -- verify-stream`: 60,000 distinct keys piped into `keywarden verify`, against
 * a local stand-in for the three providers that answers each request after 2 ms. What it
 * measures is streaming: peak RSS (GNU time) must not grow with the input (target: under
 * 150 MiB, where holding every key until EOF once cost ~780 MB), nor the heap still live at
 * exit after a full collection (target: 40 MB), the first answer must come
 * long before the input ends (target: within 10% of the run's wall time), and the wall time
 * is compared with the ideal, keys ÷ concurrency × latency. KEYWARDEN_CLI points it at
 * another build, to compare two.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeys } from './keys.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, ensureDir, ensureGnuTime, formatMb, formatMs, formatRss, keywardenCli, log, printTable, standInEnv, verdict, workDir } from './lib.js';

const seed = 20261205;
const keyCount = 60_000;
const latencyMs = 2;
const concurrency = 8;
const rssTargetMiB = 150;
/** What the run still holds at its end, garbage collected: bounded by the queue, not by the 60,000 keys. */
const liveHeapTargetMb = 40;

async function startStandIn(): Promise<{ origin: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    setTimeout(() => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":401}}'), latencyMs);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface StreamRun {
  ms: number;
  firstAnswerMs: number | undefined;
  rssKiB: number;
  liveHeapBytes: number;
  lines: number;
  code: number | null;
}

/** A preload that prints the heap still in use after a full collection as the process exits. */
function liveHeapPreload(): string {
  const path = join(ensureDir(workDir), 'live-heap.cjs');
  writeFileSync(path, "process.on('exit', () => { global.gc(); process.stderr.write(`live-heap-bytes=${process.memoryUsage().heapUsed}\\n`); });\n");
  return path;
}

/** Run `verify` under GNU time with the keys on stdin, and note when the first answer line arrives. */
function runVerify(format: string, origin: string, input: string): Promise<StreamRun> {
  const env = standInEnv(origin, concurrency);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // The preload prints the live heap (after a full collection) at exit: what the run still holds, garbage aside.
    const args = ['-f', 'RSS=%M', process.execPath, '--expose-gc', '--require', liveHeapPreload(), keywardenCli(), 'verify', '--format', format, '--quiet'];
    const child = spawn('/usr/bin/time', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let firstAnswerMs: number | undefined;
    let lines = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      firstAnswerMs ??= performance.now() - started;
      lines += chunk.split('\n').length - 1;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /RSS=(\d+)/.exec(stderr);
      const heap = /live-heap-bytes=(\d+)/.exec(stderr);
      if (!rss || !heap) return reject(new HarnessError(`no RSS or live heap: ${stderr.slice(-300)}`));
      resolve({ ms: performance.now() - started, firstAnswerMs, rssKiB: Number(rss[1]), liveHeapBytes: Number(heap[1]), lines, code });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

export async function runVerifyStreamBenchmark(): Promise<void> {
  ensureGnuTime();
  const keys = generateKeys(seed, keyCount);
  if (new Set(keys.map((k) => k.key)).size !== keyCount) throw new HarnessError('generated keys are not distinct');
  const input = `${keys.map((k) => k.key).join('\n')}\n`;
  const standIn = await startStandIn();
  const ideal = (keyCount / concurrency) * latencyMs;
  log(`${keyCount} distinct keys on stdin, stand-in latency ${latencyMs} ms, concurrency ${concurrency}: ideal ${formatMs(ideal)}; CLI ${keywardenCli()}`);
  const rows: string[][] = [['format', 'wall', 'first answer', 'peak RSS', 'live heap at exit', 'requests', 'lines out', '× ideal']];
  const verdicts: { line: string; pass: boolean }[] = [];
  try {
    for (const format of ['jsonl', 'human']) {
      const before = standIn.requests();
      const run = await runVerify(format, standIn.origin, input);
      const requests = standIn.requests() - before;
      if (run.code !== 0) throw new HarnessError(`verify --format ${format} exited ${String(run.code)} (expected 0: every key is invalid)`);
      rows.push([format, formatMs(run.ms), run.firstAnswerMs === undefined ? '-' : formatMs(run.firstAnswerMs), formatRss(run.rssKiB), formatMb(run.liveHeapBytes), String(requests), String(run.lines), (run.ms / ideal).toFixed(2)]);
      verdicts.push(verdict(`verify --format ${format}: peak RSS MiB`, run.rssKiB / 1024, '<=', rssTargetMiB));
      verdicts.push(verdict(`verify --format ${format}: live heap at exit MB`, run.liveHeapBytes / 1e6, '<=', liveHeapTargetMb));
      verdicts.push(verdict(`verify --format ${format}: first answer / wall time`, (run.firstAnswerMs ?? run.ms) / run.ms, '<=', 0.1));
      verdicts.push({ line: `${requests === keyCount ? 'PASS' : 'FAIL'}  verify --format ${format}: ${requests} requests for ${keyCount} distinct keys (target: exactly one per key)`, pass: requests === keyCount });
    }
  } finally {
    await standIn.close();
  }
  printTable(rows);
  for (const v of verdicts) console.log(v.line);
}
