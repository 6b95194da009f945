import { UsageError } from '../core/errors.js';
import { DiscloserKeys, defaultDisclosers } from '../serve/disclosers.js';
import { startServe, type ServeSettings } from '../serve/serve.js';
import { parseSize, type ServeOptions } from './options.js';

/**
 * `keywarden serve` (SPEC §6): options and environment → ServeSettings, then the endpoint runs
 * until SIGTERM or SIGINT, which stop accepting, finish what is in flight and exit 0. Logs are
 * JSON lines on stderr; stdout stays empty.
 */

const whole = (value: number, flag: string, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag}: a whole number from ${min} to ${max}`);
  return value;
};

/** The settings the options and environment make; usage errors before anything is opened. */
export function serveSettingsFrom(options: ServeOptions, env: NodeJS.ProcessEnv, writeLog: (line: string) => void): ServeSettings {
  if (!options.path.startsWith('/')) throw new UsageError(`--path ${options.path}: must start with /`);
  if (!Number.isFinite(options.answerWithin) || options.answerWithin <= 0 || options.answerWithin > 30) throw new UsageError('--answer-within: seconds, more than 0 and at most 30 (GitHub waits 30)');
  const notifyWebhook = options.notifyWebhook ?? (env.KEYWARDEN_WEBHOOK_URL?.trim() || undefined);
  const maxBodyBytes = parseSize(options.maxBody, '--max-body');
  if (maxBodyBytes < 2) throw new UsageError('--max-body: at least 2 bytes ([])');
  return {
    http: {
      host: options.host,
      port: whole(options.port, '--port', 0, 65535),
      path: options.path,
      maxBodyBytes,
      maxInFlight: whole(options.maxInFlight, '--max-in-flight', 1, 100_000),
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 15_000,
      keepAliveTimeoutMs: 5_000,
      trustProxy: options.trustProxy,
    },
    store: options.store,
    revoke: options.revoke,
    ...(options.auditLog !== undefined ? { auditLog: options.auditLog } : {}),
    ...(notifyWebhook !== undefined ? { notifyWebhook } : {}),
    ruleDirs: options.rules,
    env,
    answerWithinMs: Math.round(options.answerWithin * 1000),
    worker: { batchSize: 32, concurrency: whole(options.concurrency, '--concurrency', 1, 64), maxAttempts: 6 },
    signatures: new DiscloserKeys(defaultDisclosers(env), {
      onKeysProblem: (discloser, problem) => writeLog(`${JSON.stringify({ at: new Date().toISOString(), level: 'warn', event: 'discloser keys', discloser, problem })}\n`),
    }),
    writeLog,
  };
}

export async function runServe(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const writeLog = (line: string) => void process.stderr.write(line);
  const running = await startServe(serveSettingsFrom(options, env, writeLog));
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await running.close();
  return 0;
}
