/**
 * The one GitHub REST client (ARCHITECTURE.md: octokit only in respond/): the PR comment, the
 * notify issue and the commit comments all go through it. `@octokit/rest` with GitHub's
 * throttling and retry plugins, the token, `GITHUB_API_URL` (GitHub Enterprise: `…/api/v3`),
 * https only (http to loopback for local stand-ins), a timeout on every request, and failures
 * turned into short messages that are safe to print.
 *
 * Octokit's own errors are never passed on: they carry the request, Authorization header
 * included. `call` throws a plain `Error` whose message says what failed (HTTP status and
 * GitHub's `message`, or why the API could not be reached), never the token.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { isLoopback } from '../../core/loopback.js';

export interface GitHubClientSettings {
  /** The REST API root, `GITHUB_API_URL`: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise. */
  apiUrl: string;
  token: string;
  /** Limit for each HTTP request (connect to last byte), in ms. Default {@link defaultTimeoutMs}. */
  timeoutMs?: number;
  /**
   * Least time between two requests that write (POST, PATCH, DELETE), in ms: GitHub asks
   * integrations to wait at least a second between them, or it answers with its secondary rate
   * limit. Default {@link defaultWriteSpacingMs}; tests set 0.
   */
  writeSpacingMs?: number;
  /**
   * How long one second of a wait lasts, in ms: a `Retry-After` or rate-limit reset, and the
   * retry plugin's backoff (1 s, 4 s) after a 5xx. Default 1000; tests set a few ms.
   */
  secondMs?: number;
  /** A rate limit that asks to wait longer than this many seconds is given up (and the message says so). Default 60. */
  maxWaitSeconds?: number;
  /** Retries after a rate limit, and after a 5xx answer, each. Default 2. */
  retries?: number;
}

/** Each request to GitHub gets this long before it is given up (a warning, not a hung job). */
export const defaultTimeoutMs = 10_000;
export const defaultWriteSpacingMs = 1_000;
const defaultMaxWaitSeconds = 60;
const defaultRetries = 2;

/** A listing longer than this many pages (of 100) is refused rather than read forever. */
export const maxPages = 100;

const KeywardenOctokit = Octokit.plugin(finalNetworkErrors, retry, throttling);
export type OctokitApi = InstanceType<typeof KeywardenOctokit>;

export interface GitHubClient {
  readonly api: OctokitApi;
  /**
   * Run `work` against the API; whatever it throws comes out as a plain `Error` with a short
   * message that is safe to print. Octokit's errors keep their status inside `work` (see
   * {@link httpStatus}), for answers that are expected (a label that does not exist).
   */
  call<T>(work: (api: OctokitApi) => Promise<T>): Promise<T>;
}

/**
 * The client for `settings`. Throws (a plain `Error`, safe to print) when `apiUrl` is not an
 * https URL (http only to loopback) or holds credentials: the token must not go there.
 */
export function gitHubClient(settings: GitHubClientSettings): GitHubClient {
  const base = apiBase(settings.apiUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = settings.timeoutMs ?? defaultTimeoutMs;
  const maxWaitSeconds = settings.maxWaitSeconds ?? defaultMaxWaitSeconds;
  const retries = settings.retries ?? defaultRetries;
  const secondMs = settings.secondMs ?? 1000;
  const spacing = spacedGroup(settings.writeSpacingMs ?? defaultWriteSpacingMs);
  // Why the last rate limit was not waited out, for the message of the error that follows.
  let gaveUp: string | undefined;
  const onLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => {
    if (retryAfter > maxWaitSeconds) gaveUp = `rate limited: GitHub asks to wait ${retryAfter} s, more than the ${maxWaitSeconds} s keywarden waits`;
    else if (retryCount >= retries) gaveUp = `still rate limited after ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
    else return true;
    return false;
  };
  // One fetch for every request octokit makes, pagination included (paginate drops per-call
  // `request` options after the first page, so a per-call signal would not reach page 2).
  const guardedFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    // The token goes with every request: never to a place outside the API root, whatever a
    // `Link` header says.
    if (url.origin !== base.origin || !`${url.pathname}/`.startsWith(`${basePath}/`)) {
      return Promise.reject(new OutsideApi());
    }
    return fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  };
  const api = new KeywardenOctokit({
    baseUrl: `${base.origin}${basePath}`,
    auth: settings.token,
    userAgent: 'keywarden',
    // The request-log plugin would print every failed request to stderr; the caller warns once.
    log: silent,
    request: { fetch: guardedFetch },
    retry: { retries, retryAfterBaseValue: secondMs },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      retryAfterBaseValue: secondMs,
      // The plugin's own groups space writes 1 s apart, and writes that notify people (issues,
      // comments) 3 s, in module-wide groups no option reaches. Ours, so tests can say 0: every
      // write waits its turn once (a notifying write goes through both groups: the second must not wait again).
      write: spacing,
      notifications: spacedGroup(0),
    },
  });
  return {
    api,
    async call(work) {
      gaveUp = undefined;
      try {
        return await work(api);
      } catch (error) {
        const message = safeMessage(error, timeoutMs);
        const status = httpStatus(error);
        const why = gaveUp !== undefined && (status === 403 || status === 429) ? ` (${gaveUp})` : '';
        // eslint-disable-next-line preserve-caught-error -- on purpose: octokit's error holds the request, Authorization header included
        throw new Error(redact(`${message}${why}`, settings.token));
      }
    },
  };
}

/**
 * Every item of a listing, page by page (`per_page=100`, following GitHub's `Link` header):
 * `route` as octokit names it (`GET /repos/{owner}/{repo}/issues`). Throws past
 * {@link maxPages} pages, or when a page is not a list; `what` names the items in that message.
 */
export async function* listAll(api: OctokitApi, route: string, parameters: Record<string, string | number>, what: string): AsyncGenerator<unknown> {
  let pages = 0;
  for await (const page of api.paginate.iterator(route, { ...parameters, per_page: 100 })) {
    if (++pages > maxPages) throw new Error(`GitHub API: more than ${maxPages * 100} ${what}`);
    const data: unknown = page.data;
    if (!Array.isArray(data)) throw new Error(`GitHub API: unexpected answer listing ${what}`);
    yield* data as unknown[];
  }
}

/** The HTTP status of an octokit error that came with an answer; undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { status, response } = error as { status?: unknown; response?: unknown };
  return typeof status === 'number' && response !== undefined ? status : undefined;
}

/**
 * Who wrote an issue or comment, as the listing says: the login, whether it is an app (`Bot`),
 * and GitHub's `author_association` (`OWNER`, `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `NONE`…).
 */
export interface Author {
  login: string | undefined;
  isBot: boolean;
  association: string | undefined;
}

export function authorOf(item: Record<string, unknown>): Author {
  const user = item.user !== null && typeof item.user === 'object' ? (item.user as Record<string, unknown>) : {};
  return {
    login: typeof user.login === 'string' ? user.login : undefined,
    isBot: user.type === 'Bot',
    association: typeof item.author_association === 'string' ? item.author_association : undefined,
  };
}

/**
 * Whether a marked issue or comment can be taken for keywarden's own: written by an app (the
 * Actions token posts as `github-actions[bot]`; no outsider can post as an app installed on
 * the repository), or by someone with a say in the repository (owner, organization member,
 * collaborator: they may edit it anyway). Anyone else can copy the marker into an issue of
 * their own, which they could then rewrite (links included) under keywarden's findings.
 */
export function isTrustedAuthor(author: Author): boolean {
  return author.isBot || ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(author.association ?? '');
}

/** Whether GitHub holds `sent` as `stored`: it stores what it is sent, but a body edited in the web UI comes back with CRLF. */
export function sameBody(stored: string, sent: string): boolean {
  return stored.replace(/\r\n/g, '\n') === sent.replace(/\r\n/g, '\n');
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

type Group = NonNullable<ThrottlingOptions['write']>;

/** Spacers by spacing, shared by every client of the process: two channels writing at once still keep the spacing. */
const spacers = new Map<number, Group>();

/**
 * The part of a Bottleneck group the throttling plugin uses for writes, `key(id).schedule(jobOptions,
 * task)`: each task starts at least `spacingMs` after the one before. (Bottleneck itself is the
 * plugins' dependency, not ours.)
 */
function spacedGroup(spacingMs: number): Group {
  let spacer = spacers.get(spacingMs);
  if (spacer) return spacer;
  let nextStart = 0;
  const limiter = {
    async schedule<T>(_jobOptions: unknown, task: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const start = Math.max(now, nextStart);
      nextStart = start + spacingMs;
      if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
      return task();
    },
  };
  spacer = { key: () => limiter } as unknown as Group;
  spacers.set(spacingMs, spacer);
  return spacer;
}

/**
 * A plugin (applied before the retry plugin, so its error hook runs first) that makes a request
 * that got no answer (refused, reset, timed out, a link outside the API) final: the retry plugin
 * would try it three more times, and a job that cannot reach GitHub should learn so at once.
 * Answers of 5xx are still retried.
 */
function finalNetworkErrors(octokit: Parameters<typeof retry>[0]): void {
  octokit.hook.error('request', (error: unknown) => {
    if (httpStatus(error) === undefined) throw new NoAnswer(error);
    throw error;
  });
}

class NoAnswer extends Error {
  constructor(cause: unknown) {
    super('no answer', { cause });
  }
}

class OutsideApi extends Error {}

/** `apiUrl` parsed: https, or http to a loopback host (tests, local stand-ins); no credentials. */
function apiBase(apiUrl: string): URL {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new Error('GitHub API URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new Error(`GitHub API URL must be https (http only for loopback hosts), not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') throw new Error('GitHub API URL must not contain credentials');
  return url;
}

/** A one-line message naming what failed, built only from fields known to hold no secret. */
function safeMessage(error: unknown, timeoutMs: number): string {
  const status = httpStatus(error);
  if (status !== undefined) {
    const data = (error as { response: { data?: unknown } }).response.data;
    const message = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).message : undefined;
    return typeof message === 'string' && message.trim() !== '' ? `GitHub API: ${status} ${oneLine(message)}` : `GitHub API: ${status}`;
  }
  const causes = causeChain(error);
  if (causes.some((cause) => cause instanceof OutsideApi)) return 'GitHub API: refused to follow a link outside the API URL';
  if (causes.some((cause) => (cause as { name?: unknown }).name === 'TimeoutError')) return `GitHub API unreachable: no answer within ${timeoutMs} ms`;
  const code = causes.map((cause) => (cause as { code?: unknown }).code).find((c): c is string => typeof c === 'string' && /^[A-Z][A-Z0-9_]+$/.test(c));
  if (code) return `GitHub API unreachable: ${code}`;
  // Our own errors (an odd answer, too many pages) and anything else octokit says without a response.
  const first = causes.find((cause) => !(cause instanceof NoAnswer));
  const message = first instanceof Error ? first.message : 'unknown error';
  return message.startsWith('GitHub API') ? oneLine(message) : `GitHub API unreachable: ${oneLine(message)}`;
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 8; current = (current as { cause?: unknown }).cause) {
    chain.push(current);
    if (typeof current !== 'object') break;
  }
  return chain;
}

function oneLine(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Belt and braces: a server that echoes the token back must not get it printed. */
function redact(message: string, token: string): string {
  return token.length >= 4 ? message.split(token).join('[REDACTED]') : message;
}
