/**
 * `npm run bench -- verify`: live-checking 1,000 distinct keys against a local stand-in for
 * the three providers that answers every request after 50 ms. Each key is planted twice,
 * in different files, so the run also proves that a key is asked about once: exactly 1,000
 * requests. The target is wall time within 1.3× of the ideal, keys ÷ concurrency × latency,
 * for `scan --verify` (start-up and scan included) and for `verify` reading keys on stdin.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeys, secretHash, type GeneratedKey } from './keys.js';
import { HarnessError, ensureDir, formatMs, keywardenCli, log, median, printTable, standInEnv, verdict, workDir } from './lib.js';

const seed = 20261124;
const keyCount = 1_000;
const latencyMs = 50;
const concurrency = 8;
const runs = 3;
const target = 1.3;

/** One server for all three providers' key-info routes, counting requests per key. */
interface StandIn {
  origin: string;
  requestsByKey: Map<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

const routes = new Set(['/api/v1/key', '/models', '/v1/models']);

async function startStandIn(live: ReadonlySet<string>): Promise<StandIn> {
  const requestsByKey = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const key = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    requestsByKey.set(key, (requestsByKey.get(key) ?? 0) + 1);
    setTimeout(() => {
      if (!routes.has(req.url ?? '')) {
        res.writeHead(404).end();
      } else if (live.has(key)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: req.url === '/api/v1/key' ? { label: 'x', usage: 1, limit: null } : [{ id: 'm' }] }));
      } else {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":401}}');
      }
    }, latencyMs);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requestsByKey,
    total: () => [...requestsByKey.values()].reduce((sum, n) => sum + n, 0),
    reset: () => requestsByKey.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Two files of 500 lines each, both holding every key once. */
function plantTree(dir: string, keys: readonly GeneratedKey[]): void {
  rmSync(dir, { recursive: true, force: true });
  ensureDir(dir);
  const half = Math.ceil(keys.length / 2);
  for (const [name, order] of [['a', keys], ['b', [...keys.slice(half), ...keys.slice(0, half)]]] as const) {
    writeFileSync(join(dir, `${name}.env`), order.map((k, i) => `KEY_${i}=${k.key}\n`).join(''));
  }
}

interface Run {
  ms: number;
  code: number | null;
  stdout: string;
}

/** Run the CLI with the stand-in as every provider's base URL. Stdout is the json report (no raw keys). */
function runCli(args: readonly string[], cwd: string, origin: string, input?: string): Promise<Run> {
  const env = standInEnv(origin, concurrency);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [keywardenCli(), ...args], { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout }));
    child.stdin.end(input ?? '');
  });
}

/** Every key reported once per planted copy, with the status the stand-in gave it. */
function checkReport(run: Run, keys: readonly GeneratedKey[], live: ReadonlySet<string>, copies: number): string | undefined {
  const report = JSON.parse(run.stdout) as { findings: { secretHash: string; verification?: { status: string; reason?: string } }[] };
  const want = new Map(keys.map((k) => [secretHash(k.key), live.has(k.key) ? 'live' : 'invalid']));
  if (report.findings.length !== keys.length * copies) return `${report.findings.length} findings, expected ${keys.length * copies}`;
  const wrong = report.findings.filter((f) => f.verification?.status !== want.get(f.secretHash));
  return wrong.length > 0 ? `${wrong.length} findings with the wrong status (e.g. ${JSON.stringify(wrong[0]?.verification)})` : undefined;
}

export async function runVerifyBenchmark(): Promise<void> {
  const keys = generateKeys(seed, keyCount);
  if (new Set(keys.map((k) => k.key)).size !== keyCount) throw new HarnessError('generated keys are not distinct');
  const live = new Set(keys.filter((_, i) => i % 2 === 0).map((k) => k.key));
  const dir = join(workDir, 'verify-tree');
  plantTree(dir, keys);
  const standIn = await startStandIn(live);
  const ideal = (keyCount / concurrency) * latencyMs;
  log(`${keyCount} distinct keys (each in 2 files), stand-in latency ${latencyMs} ms, concurrency ${concurrency}: ideal ${formatMs(ideal)}`);
  const cases = [
    { label: 'keywarden scan --verify', args: ['scan', '.', '--no-gitignore', '--verify', '--format', 'json', '--quiet'], copies: 2, input: undefined },
    { label: 'keywarden verify (stdin)', args: ['verify', '--format', 'json', '--quiet'], copies: 1, input: keys.map((k) => k.key).join('\n') },
  ];
  const rows: string[][] = [['command', 'median', 'runs', 'requests', '× ideal']];
  const verdicts: { line: string; pass: boolean }[] = [];
  try {
    for (const c of cases) {
      const times: number[] = [];
      let requests = 0;
      let perKeyOk = true;
      for (let i = 0; i < runs; i++) {
        standIn.reset();
        const run = await runCli(c.args, dir, standIn.origin, c.input);
        if (run.code !== 1) throw new HarnessError(`${c.label} exited ${String(run.code)} (expected 1: live keys were reported)`);
        const problem = checkReport(run, keys, live, c.copies);
        if (problem) throw new HarnessError(`${c.label}: ${problem}`);
        times.push(run.ms);
        requests = standIn.total();
        perKeyOk &&= keys.every((k) => standIn.requestsByKey.get(k.key) === 1);
      }
      const ms = median(times);
      rows.push([c.label, formatMs(ms), times.map((t) => formatMs(t)).join(', '), String(requests), (ms / ideal).toFixed(2)]);
      const exact = perKeyOk && requests === keyCount;
      verdicts.push({ line: `${exact ? 'PASS' : 'FAIL'}  ${c.label}: ${requests} requests for ${keyCount} distinct keys (target: exactly one per key)`, pass: exact });
      verdicts.push(verdict(`${c.label}: time / ideal`, ms / ideal, '<=', target));
    }
  } finally {
    await standIn.close();
  }
  printTable(rows);
  for (const v of verdicts) console.log(v.line);
}
