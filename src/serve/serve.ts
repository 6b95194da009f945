import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { UsageError } from '../core/errors.js';
import { redactKeys } from '../detect/redact-text.js';
import { compileRules } from '../rules/compile.js';
import { loadRuleSet } from '../rules/rule-set.js';
import type { RunConfig } from '../run/config.js';
import { parseAlert } from './alert.js';
import { checkTokens, ruleOfToken, tokenEngine } from './check.js';
import { feedbackFor, isSettled, type FeedbackItem } from './feedback.js';
import { jsonLogger, type Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { notifyLeaks } from './notify-leaks.js';
import { seal, storeKeyFrom } from './sealed.js';
import { startHttp, type Answer, type HttpSettings } from './server.js';
import { Store, type AcceptedToken } from './store.js';
import { defaultBackoffMs, Worker, type WorkerEvent } from './worker.js';
import type { SignatureCheck } from './disclosers.js';

/**
 * `keywarden serve` (SPEC §6) put together: the store, the worker, the signature check, the
 * HTTP routes, the logs and the metrics. An alert is checked (signature, then shape), its tokens
 * committed to the store, and the answer waits for the worker up to `answerWithinMs` before
 * giving each token's label from what is known then (feedback.ts).
 */

export interface ServeSettings {
  http: HttpSettings;
  /** The SQLite file. */
  store: string;
  /** `--revoke`: shut live keys down (as `keywarden revoke --yes`). */
  revoke: boolean;
  /** With `--revoke`: the audit log's file. */
  auditLog?: string;
  notifyWebhook?: string;
  ruleDirs: readonly string[];
  /** KEYWARDEN_STORE_KEY, GITHUB_*, the providers' base URLs and credentials. */
  env: NodeJS.ProcessEnv;
  /** The answer is sent within this many ms, decided or not (SPEC: 30 s). */
  answerWithinMs: number;
  worker: { batchSize: number; concurrency: number; maxAttempts: number; backoffMs?: (attempt: number) => number };
  /** Who may send alerts and how their signatures are checked. */
  signatures: { check(body: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): Promise<SignatureCheck> };
  /** Where log lines go (stderr by default in the CLI). */
  writeLog: (line: string) => void;
  now?: () => number;
}

export interface RunningServe {
  origin: string;
  /** SIGTERM: stop accepting, answer what is in flight, let running batches end, close the store. */
  close(): Promise<void>;
}

const sha256hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** `application/json`, with or without parameters. */
function isJson(headers: IncomingMessage['headers']): boolean {
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

export async function startServe(settings: ServeSettings): Promise<RunningServe> {
  const now = settings.now ?? Date.now;
  // Every refusal to start comes before the port is opened.
  const storeKey = storeKeyFrom(settings.env);
  if (settings.auditLog !== undefined && !settings.revoke) throw new UsageError('--audit-log needs --revoke: the audit log records revocations');
  const rules = compileRules(await loadRuleSet(settings.ruleDirs));
  const engine = tokenEngine(rules);
  const log: Logger = jsonLogger(settings.writeLog, (text) => redactKeys(text, engine));
  const store = Store.open(settings.store);
  const runConfig: RunConfig = {
    env: settings.env,
    ruleDirs: settings.ruleDirs,
    verify: { longRunning: true },
    ...(settings.revoke ? { revoke: { execute: true, action: 'disable' as const, command: 'serve', ...(settings.auditLog !== undefined ? { auditLog: settings.auditLog } : {}) } } : {}),
    failOn: 'any',
  };
  const counts = () => store.countByState();
  const metrics = createMetrics(() => {
    const { pending, checked } = counts();
    return pending + checked;
  });
  const onEvent = (event: WorkerEvent) => {
    if (event.kind === 'checked') {
      metrics.token(event.verification);
      if (event.revocation !== undefined) metrics.revocation(event.revocation);
      log('info', 'token checked', { tokenHash: event.hash, ruleId: event.ruleId, verification: event.verification, ...(event.revocation !== undefined ? { revocation: event.revocation } : {}) });
    } else if (event.kind === 'retry') log('warn', 'token retried later', { tokenHash: event.hash, attempt: event.attempt, why: event.why, inMs: event.inMs });
    else if (event.kind === 'done') log('info', 'token done', { tokenHash: event.hash, notified: event.notified });
    else {
      metrics.error('worker');
      log('error', 'worker error', { message: event.message });
    }
  };
  const worker = new Worker(
    store,
    {
      check: (tokens, onLive) => checkTokens(tokens, runConfig, onLive),
      tell: (findings) => notifyLeaks(findings, { ...(settings.notifyWebhook !== undefined ? { webhookUrl: settings.notifyWebhook } : {}), env: settings.env, rules }),
    },
    { storeKey, ...settings.worker, backoffMs: settings.worker.backoffMs ?? defaultBackoffMs, now, onEvent },
  );

  /** The feedback once every token is settled, or at the deadline from what is known then. */
  const feedbackWithin = (tokens: readonly { hash: string; type: string }[], ms: number): Promise<FeedbackItem[]> =>
    new Promise((resolve) => {
      const hashes = tokens.map((token) => token.hash);
      const finish = () => {
        clearTimeout(timer);
        stop();
        resolve(feedbackFor(tokens, store.statuses(hashes)));
      };
      const check = () => {
        const statuses = store.statuses(hashes);
        if (hashes.every((hash) => isSettled(statuses.get(hash)))) finish();
      };
      const timer = setTimeout(finish, ms);
      const stop = worker.onChange(check);
      check();
    });

  const alert = async (body: Buffer, headers: IncomingMessage['headers']): Promise<Answer> => {
    const signature = await settings.signatures.check(body, headers);
    if (!signature.ok && signature.reason === 'keys-unavailable') {
      // Not the alert's fault: GitHub sends it again later, by when the list may be readable.
      metrics.alert('keys_unavailable');
      return { status: 503, headers: { 'retry-after': '60' }, body: { error: "the discloser's signing keys cannot be read now; send the alert again later" } };
    }
    if (!signature.ok) {
      metrics.alert('unauthorized');
      return { status: 401, body: { error: signature.reason === 'missing' ? 'no signature' : 'bad signature' } };
    }
    if (!isJson(headers)) {
      metrics.alert('unsupported_media_type');
      return { status: 415, body: { error: 'send application/json' } };
    }
    const parsed = parseAlert(body);
    if ('problem' in parsed) {
      metrics.alert('bad_request');
      return { status: 400, body: { error: parsed.problem } };
    }
    const tokens: AcceptedToken[] = parsed.tokens.map(({ token, type, url, source }) => {
      const hash = sha256hex(token);
      const ruleId = ruleOfToken(token, engine);
      return { hash, type, url, source, ...(ruleId !== undefined ? { ruleId, sealed: seal(storeKey, token, hash) } : {}) };
    });
    const alertId = store.accept({ discloser: signature.discloser, receivedAt: now(), bodySha256: sha256hex(body), tokens });
    metrics.alert('accepted');
    log('info', 'alert accepted', { alertId, discloser: signature.discloser, tokens: tokens.length, matched: tokens.filter((token) => token.ruleId !== undefined).length });
    worker.wake();
    return { status: 200, body: await feedbackWithin(tokens, settings.answerWithinMs) };
  };

  const http = await startHttp(settings.http, {
    alert,
    health: () => ({ status: 200, body: { status: 'ok', tokens: counts() } }),
    metrics: () => metrics.render(),
    answered: ({ route, status, ms, client, why }) => {
      if (route === 'alert' || route === 'busy') metrics.answered(ms / 1000);
      if (status === 413) metrics.alert('too_large');
      if (status >= 500) metrics.error(route === 'busy' ? 'busy' : 'request');
      if (route !== 'healthz' && route !== 'metrics') log(status >= 500 ? 'error' : 'info', 'request', { route, status, ms: Math.round(ms), client, ...(why !== undefined ? { why } : {}) });
    },
  });
  log('info', 'listening', { origin: http.origin, path: settings.http.path, revoke: settings.revoke, store: settings.store });
  // What a previous run accepted and did not finish starts now.
  worker.wake();
  return {
    origin: http.origin,
    async close() {
      await http.close();
      await worker.drain();
      store.close();
      log('info', 'stopped');
    },
  };
}
