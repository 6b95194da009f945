/**
 * `npm run bench -- serve`: the partner endpoint under GitHub's load (issue 15, item 8).
 * `keywarden serve --revoke` receives 2,000 signed alerts of 5 live OpenRouter keys each from
 * 32 concurrent clients; the key info and management API stand-in answers every request after
 * 50 ms, and GitHub's key list comes from the GitHub stand-in. Figures: alerts per second
 * (answered), p50/p99 answer latency, peak RSS of the server (VmHWM), and, once the worker has
 * drained, tokens lost (accepted, never revoked) and processed twice (revoked more than once).
 * Then the same with a `kill -9` once half the alerts are accepted, a restart on the same store,
 * and the alerts that got no answer sent again, as GitHub redelivers them. Targets: 0 lost,
 * 0 twice, every answer within 30 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createAlertSigner, type AlertSigner } from '../test/helpers/alert-signer.js';
import { startGitHubApi } from '../test/helpers/github-api.js';
import { keyFactory } from '../test/helpers/keys.js';
import { createAccount, sha256hex, type Account } from '../test/helpers/openrouter-management.js';
import { HarnessError, ensureDir, formatMs, keywardenCli, log, printTable, standInEnv, verdict, workDir } from './lib.js';
import { startManagementStandIn, type ManagementStandIn } from './management-stand-in.js';

const seed = 20261205;
const alertCount = 2_000;
const tokensPerAlert = 5;
const clients = 32;
const latencyMs = 50;
const alertPath = '/secret-scanning';
const answerDeadlineMs = 30_000;
/** The worker is given up on when no token is revoked for this long. */
const stallMs = 60_000;

interface Alert {
  tokens: string[];
  body: string;
}

interface Sent {
  /** Alerts answered 200, by index. */
  accepted: Set<number>;
  /** Alerts that got no answer (connection refused or reset): to send again. */
  unanswered: number[];
  /** Other statuses, by status. */
  refused: Map<number, number>;
  latenciesMs: number[];
  /** Feedback entries that were not `true_positive` (every token here is live). */
  otherLabels: number;
  ms: number;
}

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function makeAlerts(tokens: readonly string[]): Alert[] {
  return Array.from({ length: alertCount }, (_, i) => {
    const mine = tokens.slice(i * tokensPerAlert, (i + 1) * tokensPerAlert);
    const items = mine.map((token, j) => ({ token, type: 'openrouter_api_key', url: `https://github.com/acme/repo-${i}/blob/${'0'.repeat(40)}/config-${j}.env`, source: 'content' }));
    return { tokens: mine, body: JSON.stringify(items) };
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new HarnessError('no free port');
  return address.port;
}

/** `keywarden serve --revoke` on `store`; resolves once `/healthz` answers 200. Its logs are discarded (they hold no token, but the bench prints none). */
async function startServe(env: NodeJS.ProcessEnv, store: string, auditLog: string): Promise<Server> {
  const port = await freePort();
  const args = ['serve', '--host', '127.0.0.1', '--port', String(port), '--path', alertPath, '--store', store, '--revoke', '--audit-log', auditLog];
  const child = spawn(process.execPath, [keywardenCli(), ...args], { cwd: ensureDir(workDir), env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    if (child.exitCode !== null) throw new HarnessError(`keywarden serve exited ${child.exitCode} at start: ${lastLine(stderr)}`);
    const healthy = await fetch(`${url}/healthz`).then((response) => response.status === 200, () => false);
    if (healthy) return { child, url, exited };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new HarnessError(`keywarden serve did not answer /healthz within 30 s: ${lastLine(stderr)}`);
}

/** The last line of the server's stderr, for a harness error; its logs are JSON without tokens (SPEC §6). */
const lastLine = (text: string) => text.trim().split('\n').pop()?.slice(0, 300) ?? '';

/**
 * Send `indices` from `clients` concurrent clients; `stopWhen` is asked after each 200 (it may
 * kill the server there and then, with the other clients' alerts in flight) and, once it says
 * true, no client takes another alert; the ones not sent count as unanswered.
 */
async function send(serverUrl: string, alerts: readonly Alert[], indices: readonly number[], signer: AlertSigner, stopWhen: (acceptedSoFar: number) => boolean = () => false): Promise<Sent> {
  const sent: Sent = { accepted: new Set(), unanswered: [], refused: new Map(), latenciesMs: [], otherLabels: 0, ms: 0 };
  const queue = [...indices];
  let stopped = false;
  const started = performance.now();
  const client = async () => {
    // `stopped` is asked before an alert is taken: one taken and then dropped would be neither sent nor left to send again.
    for (let index = stopped ? undefined : queue.shift(); index !== undefined; index = stopped ? undefined : queue.shift()) {
      const alert = alerts[index] as Alert;
      const began = performance.now();
      try {
        const response = await fetch(`${serverUrl}${alertPath}`, { method: 'POST', body: alert.body, headers: { 'content-type': 'application/json', ...signer.headers(alert.body) } });
        const text = await response.text();
        sent.latenciesMs.push(performance.now() - began);
        if (response.status !== 200) {
          sent.refused.set(response.status, (sent.refused.get(response.status) ?? 0) + 1);
          continue;
        }
        sent.accepted.add(index);
        const feedback = JSON.parse(text) as Array<{ label?: string }>;
        sent.otherLabels += feedback.filter((entry) => entry.label !== 'true_positive').length + Math.max(0, alert.tokens.length - feedback.length);
        if (stopWhen(sent.accepted.size)) stopped = true;
      } catch {
        sent.unanswered.push(index);
      }
    }
    if (stopped) sent.unanswered.push(...queue.splice(0));
  };
  await Promise.all(Array.from({ length: clients }, client));
  sent.ms = performance.now() - started;
  return sent;
}

/** Wait until every accepted token is disabled in the account, or no progress for `stallMs`; the tokens still live are lost. */
async function drained(account: Account, tokens: readonly string[]): Promise<{ lost: number; ms: number }> {
  const started = performance.now();
  let last = -1;
  let lastProgress = performance.now();
  for (;;) {
    const done = tokens.filter((token) => account.stateOf(token)?.disabled === true).length;
    if (done === tokens.length) return { lost: 0, ms: performance.now() - started };
    if (done !== last) [last, lastProgress] = [done, performance.now()];
    if (performance.now() - lastProgress > stallMs) return { lost: tokens.length - done, ms: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Peak resident set of a process, in KiB, from /proc (Linux). */
function peakRssKb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

/** Ask the server to stop (SIGTERM drains); its exit code. */
async function stop(server: Server): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};

interface PhaseResult {
  label: string;
  sent: Sent[];
  peakRssKb: number;
  lost: number;
  twice: number;
  drainMs: number;
  exitCode: number | null;
  restartMs?: number;
}

/** A fresh account holding `alertCount × tokensPerAlert` live keys, served by the stand-in; the tokens and their alerts. */
function freshAccount(keys: ReturnType<typeof keyFactory>, managementKey: string, standIn: ManagementStandIn) {
  const tokens = Array.from({ length: alertCount * tokensPerAlert }, () => keys.openrouter());
  // Account ids are the keys' SHA-256 (as a router operator's own API may do): revocation finds each directly.
  const account = createAccount({ managementKey, keys: tokens.map((key) => ({ key })), hashes: 'sha256' });
  standIn.use(account);
  return { tokens, account, alerts: makeAlerts(tokens) };
}

const acceptedTokens = (alerts: readonly Alert[], sent: readonly Sent[]) => [...new Set(sent.flatMap((s) => [...s.accepted]))].flatMap((index) => (alerts[index] as Alert).tokens);
const twiceRevoked = (standIn: ManagementStandIn) => [...standIn.patchesByHash.values()].filter((n) => n > 1).length;

export async function runServeBenchmark(): Promise<void> {
  const keys = keyFactory(seed);
  const managementKey = keys.openrouter();
  const github = await startGitHubApi();
  const signer = createAlertSigner();
  github.publishSecretScanningKeys([signer.entry()]);
  const standIn = await startManagementStandIn(latencyMs);
  // Stores, their lock and owner files and audit logs of an earlier run go: each run starts empty.
  const dir = join(workDir, 'serve');
  rmSync(dir, { recursive: true, force: true });
  ensureDir(dir);
  const env: NodeJS.ProcessEnv = {
    ...standInEnv(standIn.origin, clients),
    GITHUB_API_URL: github.apiUrl,
    OPENROUTER_MANAGEMENT_KEY: managementKey,
    KEYWARDEN_STORE_KEY: randomBytes(32).toString('hex'),
  };
  const results: PhaseResult[] = [];
  log(`${alertCount} alerts × ${tokensPerAlert} live keys, ${clients} clients, stand-in latency ${latencyMs} ms`);
  try {
    for (const crash of [false, true]) {
      const store = join(dir, crash ? 'crash.db' : 'steady.db');
      const auditLog = join(dir, crash ? 'crash-audit.jsonl' : 'steady-audit.jsonl');
      const { account, alerts } = freshAccount(keys, managementKey, standIn);
      const everyAlert = alerts.map((_, i) => i);
      let server = await startServe(env, store, auditLog);
      const sent: Sent[] = [];
      let restartMs: number | undefined;
      let peak = 0;
      if (!crash) {
        log('steady: sending');
        sent.push(await send(server.url, alerts, everyAlert, signer));
      } else {
        log('crash: sending; kill -9 as the answer to the 1,000th accepted alert arrives, 31 others in flight');
        const killed = server;
        let checkedAtKill = new Set<string>();
        const killAtHalf = (accepted: number) => {
          if (accepted < alertCount / 2) return false;
          if (killed.child.exitCode === null && killed.child.signalCode === null) {
            peak = peakRssKb(killed.child.pid);
            killed.child.kill('SIGKILL');
            checkedAtKill = new Set(standIn.checksByKeyHash.keys());
          }
          return true;
        };
        sent.push(await send(server.url, alerts, everyAlert, signer, killAtHalf));
        await server.exited;
        const restarted = performance.now();
        server = await startServe(env, store, auditLog);
        restartMs = performance.now() - restarted;
        const first = sent[0] as Sent;
        const resentTokens = first.unanswered.flatMap((index) => (alerts[index] as Alert).tokens);
        // A token live-checked before the kill was in an alert the server had committed: sent again, it must not be done twice.
        const begun = resentTokens.filter((token) => checkedAtKill.has(sha256hex(token))).length;
        log(`crash: restarted in ${formatMs(restartMs)}; sending again the ${first.unanswered.length} alerts without an answer (${begun} of their ${resentTokens.length} tokens were being checked at the kill)`);
        sent.push(await send(server.url, alerts, first.unanswered, signer));
      }
      const tokens = acceptedTokens(alerts, sent);
      log(`${crash ? 'crash' : 'steady'}: ${tokens.length} tokens accepted; waiting for the worker to revoke them`);
      const drain = await drained(account, tokens);
      peak = Math.max(peak, peakRssKb(server.child.pid));
      const exitCode = await stop(server);
      results.push({ label: crash ? 'kill -9 at half, restart' : 'steady', sent, peakRssKb: peak, lost: drain.lost, twice: twiceRevoked(standIn), drainMs: drain.ms, exitCode, ...(restartMs === undefined ? {} : { restartMs }) });
    }
  } finally {
    await standIn.close();
    await github.close();
  }
  report(results);
}

function report(results: readonly PhaseResult[]): void {
  printTable([
    ['run', 'accepted', 'refused', 'sending', 'alerts/s', 'p50', 'p99', 'max', 'peak RSS', 'drain after', 'lost', 'twice', 'SIGTERM exit'],
    ...results.map((result) => {
      const latencies = result.sent.flatMap((s) => s.latenciesMs);
      const accepted = new Set(result.sent.flatMap((s) => [...s.accepted])).size;
      const refused = result.sent.reduce((sum, s) => sum + [...s.refused.values()].reduce((a, b) => a + b, 0), 0);
      const ms = result.sent.reduce((sum, s) => sum + s.ms, 0);
      return [
        result.label,
        String(accepted),
        String(refused),
        formatMs(ms),
        (accepted / (ms / 1000)).toFixed(1),
        formatMs(percentile(latencies, 50)),
        formatMs(percentile(latencies, 99)),
        formatMs(Math.max(...latencies)),
        `${(result.peakRssKb / 1024).toFixed(0)} MiB`,
        formatMs(result.drainMs),
        String(result.lost),
        String(result.twice),
        String(result.exitCode),
      ];
    }),
  ]);
  for (const result of results) {
    const latencies = result.sent.flatMap((s) => s.latenciesMs);
    const accepted = new Set(result.sent.flatMap((s) => [...s.accepted])).size;
    const otherLabels = result.sent.reduce((sum, s) => sum + s.otherLabels, 0);
    if (result.restartMs !== undefined) console.log(`      ${result.label}: restart to /healthz in ${formatMs(result.restartMs)}`);
    console.log(verdict(`${result.label}: alerts accepted`, accepted, '>=', alertCount).line);
    console.log(verdict(`${result.label}: tokens lost`, result.lost, '<=', 0).line);
    console.log(verdict(`${result.label}: tokens processed twice`, result.twice, '<=', 0).line);
    console.log(verdict(`${result.label}: slowest answer (ms)`, Math.max(...latencies), '<=', answerDeadlineMs).line);
    console.log(verdict(`${result.label}: feedback labels other than true_positive (every token is live)`, otherLabels, '<=', 0).line);
    console.log(`${result.exitCode === 0 ? 'PASS' : 'FAIL'}  ${result.label}: SIGTERM drains and exits 0 (exit ${String(result.exitCode)})`);
  }
}
