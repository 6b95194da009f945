import { fetchClient } from '../net/http.js';
import { createPinnedClient, type NetIO, type PinnedClient } from '../net/pinned.js';
import type { RetryPolicy } from '../net/retry.js';
import { gitHubApiUrl } from '../run/github-env.js';
import { parseKeyList, signatureMatches, type PublishedKey } from './public-keys.js';

/**
 * Who may send alerts to `serve`, and the check that an alert came from one of them. A
 * discloser signs each alert's raw body with ECDSA P-256 and names the key in a header;
 * its keys are published at a URL. GitHub is the first; deps.dev speaks the same protocol
 * under its own headers and URL, so the list is configuration rather than code.
 */
export interface Discloser {
  /** A short name for logs and metrics: `github`, `deps.dev`. */
  name: string;
  /** Any case: compared with node:http's lower-cased names. */
  identifierHeader: string;
  signatureHeader: string;
  /** Where the discloser publishes `{"public_keys":[{"key_identifier","key","is_current"}]}`. */
  keysUrl: string;
}

/** deps.dev (Google's Open Source Security Team) publishes its keys here (as PyPI's warehouse reads them). */
export const depsDevKeysUrl = 'https://storage.googleapis.com/depsdev-gcp-public-keys/secret_scanning';

/** GitHub (at `GITHUB_API_URL`, for GitHub Enterprise Server or a stand-in), then deps.dev. */
export function defaultDisclosers(env: NodeJS.ProcessEnv): Discloser[] {
  const apiUrl = gitHubApiUrl(env);
  return [
    {
      name: 'github',
      identifierHeader: 'github-public-key-identifier',
      signatureHeader: 'github-public-key-signature',
      keysUrl: `${apiUrl}/meta/public_keys/secret_scanning`,
    },
    {
      name: 'deps.dev',
      identifierHeader: 'gosst-public-key-identifier',
      signatureHeader: 'gosst-public-key-signature',
      keysUrl: depsDevKeysUrl,
    },
  ];
}

/**
 * Whether an alert's signature holds. `keys-unavailable`: the identifier is not among the keys
 * held and the discloser's list could not be read the last time it was asked for, so the alert
 * may well be good (answered 503, to be sent again); every other `ok: false` is answered 401.
 */
export type SignatureCheck = { ok: true; discloser: string } | { ok: false; reason: 'missing' | 'unknown-key' | 'bad-signature' | 'keys-unavailable' };

export interface DiscloserKeysOptions {
  /** Epoch ms. Default Date.now. */
  now?: () => number;
  /**
   * How long a key the list marks `is_current: false` is still accepted, counted from when this
   * process first saw it so (alerts signed just before a rotation are still in flight). Default 24 h.
   */
  graceMs?: number;
  /** The least time between two fetches of one discloser's list, whatever asks for them. Default 60 s. */
  refetchIntervalMs?: number;
  /** A list older than this is fetched again before it is used, so a key withdrawn is dropped. Default 1 h. */
  maxAgeMs?: number;
  /** The transport (tests pass one with a clock and no sleeps). Default: fetch. */
  io?: NetIO;
  /** Per attempt, in ms. Default 10 s. */
  timeoutMs?: number;
  /** Default: 2 attempts, so a request for a key waits at most one retry. */
  retry?: RetryPolicy;
  /** Told when a list cannot be fetched or read, or an entry of it is dropped; the text holds no key material and no URL credentials. */
  onKeysProblem?: (discloser: string, problem: string) => void;
}

const defaults = {
  graceMs: 24 * 60 * 60 * 1000,
  refetchIntervalMs: 60 * 1000,
  maxAgeMs: 60 * 60 * 1000,
  timeoutMs: 10_000,
  retry: { attempts: 2, baseDelayMs: 500, maxDelayMs: 5_000 } satisfies RetryPolicy,
};

/** What is known of one discloser's keys. */
interface KeyRing {
  /** Its header names lower-cased, as node:http gives them. */
  discloser: Discloser;
  keysUrl: URL;
  /** The list URL without user, password or query, for messages. */
  where: string;
  client: PinnedClient;
  keys: ReadonlyMap<string, PublishedKey>;
  /** Identifier → epoch ms this process first saw the key not current. */
  retiredSince: Map<string, number>;
  /** Epoch ms of the last list read, or undefined before the first. */
  fetchedAt: number | undefined;
  /** Whether the last fetch failed (no answer, not 200, not a key list): an unknown identifier then proves nothing. */
  lastFetchFailed: boolean;
  /** Epoch ms of the last fetch started, read or not: the once-a-minute bound counts failures too. */
  attemptedAt: number | undefined;
  inFlight: Promise<void> | undefined;
}

/**
 * The disclosers' keys, fetched through net/'s pinned client (each list's own host, https
 * except loopback), kept in memory and fetched again when stale, and the check of an alert
 * against them. An identifier not in the list fetches it again at most once per
 * `refetchIntervalMs` per discloser: a flood of made-up identifiers is one request a minute.
 * A list that cannot be fetched leaves the keys last read in use.
 */
export class DiscloserKeys {
  readonly #rings: readonly KeyRing[];
  readonly #now: () => number;
  readonly #graceMs: number;
  readonly #refetchIntervalMs: number;
  readonly #maxAgeMs: number;
  readonly #onKeysProblem: (discloser: string, problem: string) => void;

  constructor(disclosers: readonly Discloser[], options: DiscloserKeysOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#graceMs = options.graceMs ?? defaults.graceMs;
    this.#refetchIntervalMs = options.refetchIntervalMs ?? defaults.refetchIntervalMs;
    this.#maxAgeMs = options.maxAgeMs ?? defaults.maxAgeMs;
    this.#onKeysProblem = options.onKeysProblem ?? (() => {});
    const io = options.io ?? { http: fetchClient };
    this.#rings = disclosers.map((configured) => {
      const discloser = { ...configured, identifierHeader: configured.identifierHeader.toLowerCase(), signatureHeader: configured.signatureHeader.toLowerCase() };
      const keysUrl = new URL(discloser.keysUrl);
      const where = `${keysUrl.origin}${keysUrl.pathname}`;
      const policy = { allowedHosts: [keysUrl.hostname], timeoutMs: options.timeoutMs ?? defaults.timeoutMs, retry: options.retry ?? defaults.retry };
      return { discloser, keysUrl, where, client: createPinnedClient(policy, io), keys: new Map(), retiredSince: new Map(), fetchedAt: undefined, lastFetchFailed: false, attemptedAt: undefined, inFlight: undefined };
    });
  }

  /** headers: lower-cased names as node:http gives them. */
  async check(body: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): Promise<SignatureCheck> {
    const ring = this.#rings.find((candidate) => singleHeader(headers, candidate.discloser.identifierHeader) !== undefined);
    const identifier = ring && singleHeader(headers, ring.discloser.identifierHeader)?.toLowerCase();
    const signature = ring && singleHeader(headers, ring.discloser.signatureHeader);
    if (!ring || identifier === undefined || signature === undefined) return { ok: false, reason: 'missing' };

    if (ring.fetchedAt === undefined || this.#now() - ring.fetchedAt >= this.#maxAgeMs) await this.#refresh(ring);
    let key = this.#usableKey(ring, identifier);
    if (!key) {
      await this.#refresh(ring);
      key = this.#usableKey(ring, identifier);
    }
    if (!key) return { ok: false, reason: ring.lastFetchFailed ? 'keys-unavailable' : 'unknown-key' };
    return signatureMatches(body, key.key, signature) ? { ok: true, discloser: ring.discloser.name } : { ok: false, reason: 'bad-signature' };
  }

  /** The key named, when it is current or retired less than the grace period ago. */
  #usableKey(ring: KeyRing, identifier: string): PublishedKey | undefined {
    const key = ring.keys.get(identifier);
    if (!key || key.isCurrent) return key;
    const retiredSince = ring.retiredSince.get(identifier) ?? this.#now();
    return this.#now() - retiredSince < this.#graceMs ? key : undefined;
  }

  /** Fetch the list again unless one was started less than `refetchIntervalMs` ago; joins a fetch in flight. */
  async #refresh(ring: KeyRing): Promise<void> {
    if (ring.inFlight) return ring.inFlight;
    if (ring.attemptedAt !== undefined && this.#now() - ring.attemptedAt < this.#refetchIntervalMs) return;
    ring.attemptedAt = this.#now();
    ring.inFlight = this.#fetchKeys(ring).finally(() => {
      ring.inFlight = undefined;
    });
    return ring.inFlight;
  }

  async #fetchKeys(ring: KeyRing): Promise<void> {
    const problem = (what: string) => {
      ring.lastFetchFailed = true;
      this.#onKeysProblem(ring.discloser.name, `${ring.where}: ${what}`);
    };
    const outcome = await ring.client({ method: 'GET', url: ring.keysUrl, headers: { accept: 'application/json' } });
    if (outcome.kind !== 'response') return problem(outcome.kind === 'refused' ? outcome.reason : outcome.message);
    if (outcome.status !== 200) return problem(`HTTP ${outcome.status}`);
    const parsed = parseKeyList(outcome.body);
    if (!parsed.ok) return problem(parsed.reason);
    parsed.dropped.forEach((dropped) => this.#onKeysProblem(ring.discloser.name, `${ring.where}: ${dropped}`));
    ring.lastFetchFailed = false;
    this.#replaceKeys(ring, parsed.keys);
  }

  /** The list read replaces the one held; a key first seen retired starts its grace period now. */
  #replaceKeys(ring: KeyRing, keys: readonly PublishedKey[]): void {
    ring.keys = new Map(keys.map((key) => [key.identifier, key]));
    const retiredSince = new Map<string, number>();
    for (const key of keys) {
      if (!key.isCurrent) retiredSince.set(key.identifier, ring.retiredSince.get(key.identifier) ?? this.#now());
    }
    ring.retiredSince = retiredSince;
    ring.fetchedAt = this.#now();
  }
}

/** A header's one value, trimmed; undefined when absent, empty or sent more than once. */
function singleHeader(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
  const value = headers[name];
  const one = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  const text = one?.trim();
  return text === undefined || text === '' ? undefined : text;
}
