/**
 * `keywarden serve` for tests: the endpoint started in this process (startServe, as the CLI
 * builds it, with short timeouts), a signer published in the GitHub stand-in, an OpenRouter
 * account stand-in behind the verifier and the revoke flow, and helpers to post signed alerts.
 * The built CLI is tested in serve-cli.test.ts; this is for the many cases of one process.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DiscloserKeys, defaultDisclosers } from '../../src/serve/disclosers.js';
import { startServe, type RunningServe, type ServeSettings } from '../../src/serve/serve.js';
import { startSigningGitHub, type AlertSigner } from './alert-signer.js';
import { loopbackOnly } from './cli.js';
import { defaultToken, type GitHubApi } from './github-api.js';
import { createAccount, type AccountOptions } from './openrouter-management.js';
import { startStandIn, type RecordedRequest, type Reply, type StandIn } from './providers.js';
import { makeTmpDir } from './tmp.js';

export interface AlertItem {
  token: string;
  type?: string;
  url?: string;
  source?: string;
}

export const leakUrl = 'https://github.com/acme/widgets/blob/0123456789abcdef0123456789abcdef01234567/config/app.js';

/** An alert's body as GitHub sends it. */
export function alertBody(items: readonly AlertItem[]): string {
  return JSON.stringify(items.map((item) => ({ token: item.token, type: item.type ?? 'openrouter_api_key', url: item.url ?? leakUrl, source: item.source ?? 'content' })));
}

export interface Posted {
  status: number;
  body: unknown;
  text: string;
}

export async function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Posted> {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

export interface TestServe {
  serve: RunningServe;
  /** `http://127.0.0.1:PORT/secret-scanning`. */
  endpoint: string;
  signer: AlertSigner;
  github: GitHubApi;
  openRouter: StandIn;
  account: ReturnType<typeof createAccount>;
  storeFile: string;
  auditLog: string;
  logs: string[];
  env: Record<string, string>;
  /** POST an alert signed with the published key. */
  send(items: readonly AlertItem[]): Promise<Posted>;
  /** The PATCH requests the OpenRouter stand-in got (one per revocation). */
  revocations(): RecordedRequest[];
  close(): Promise<void>;
}

export const storeKeyHex = randomBytes(32).toString('hex');

export interface TestServeOptions {
  account: Omit<AccountOptions, 'managementKey'>;
  managementKey: string;
  /** Answer before the account does (a 500, a delay). */
  fault?: (request: RecordedRequest) => Reply | undefined;
  settings?: Partial<Omit<ServeSettings, 'http'>> & { http?: Partial<ServeSettings['http']> };
  webhook?: string;
  storeFile?: string;
}

/** The environment of a serve run against these stand-ins. */
export function serveEnv(openRouter: StandIn, githubApiUrl: string, managementKey: string): Record<string, string> {
  return {
    ...loopbackOnly,
    KEYWARDEN_STORE_KEY: storeKeyHex,
    OPENROUTER_BASE_URL: `${openRouter.origin}/api/v1`,
    OPENROUTER_MANAGEMENT_KEY: managementKey,
    GITHUB_API_URL: githubApiUrl,
    GITHUB_TOKEN: defaultToken,
  };
}

/** An OpenRouter account stand-in (see openrouter-management.ts), `fault` answering first when it says so; every answer `delayMs` late. */
export async function startOpenRouter(options: Pick<TestServeOptions, 'account' | 'managementKey' | 'fault'> & { delayMs?: number }): Promise<{ standIn: StandIn; account: ReturnType<typeof createAccount> }> {
  const account = createAccount({ managementKey: options.managementKey, hashes: 'sha256', ...options.account });
  const delay = options.delayMs !== undefined ? { delayMs: options.delayMs } : {};
  const standIn = await startStandIn((request) => ({ ...(options.fault?.(request) ?? account.answer(request.method, request.url, request.key, request.body)), ...delay }));
  return { standIn, account };
}

export async function startTestServe(options: TestServeOptions): Promise<TestServe> {
  const { api: github, signer } = await startSigningGitHub();
  const { standIn: openRouter, account } = await startOpenRouter(options);
  const dir = makeTmpDir('serve');
  const storeFile = options.storeFile ?? join(dir, 'serve.db');
  const auditLog = join(dir, 'audit.jsonl');
  const env = serveEnv(openRouter, github.apiUrl, options.managementKey);
  const logs: string[] = [];
  const { http, ...rest } = options.settings ?? {};
  const serve = await startServe({
    http: { host: '127.0.0.1', port: 0, path: '/secret-scanning', maxBodyBytes: 1024 * 1024, maxInFlight: 64, headersTimeoutMs: 2000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000, trustProxy: false, ...http },
    store: storeFile,
    revoke: true,
    auditLog,
    ...(options.webhook !== undefined ? { notifyWebhook: options.webhook } : {}),
    ruleDirs: [],
    env,
    answerWithinMs: 5000,
    worker: { batchSize: 16, concurrency: 2, maxAttempts: 3, backoffMs: () => 50 },
    // GitHub only: deps.dev's list is on the internet, and no test may reach it.
    signatures: new DiscloserKeys(defaultDisclosers(env).filter((discloser) => discloser.name === 'github')),
    writeLog: (line) => logs.push(line),
    ...rest,
  });
  const endpoint = `${serve.origin}/secret-scanning`;
  return {
    serve,
    endpoint,
    signer,
    github,
    openRouter,
    account,
    storeFile,
    auditLog,
    logs,
    env,
    send: (items) => {
      const body = alertBody(items);
      return post(endpoint, body, { 'content-type': 'application/json', ...signer.headers(body) });
    },
    revocations: () => openRouter.requests.filter((request) => request.method === 'PATCH'),
    close: () => serve.close(),
  };
}
