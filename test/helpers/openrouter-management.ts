/**
 * A stand-in for OpenRouter's key info and management API, as its public docs describe it:
 * `GET /key` with a key answers for that key (401 once it is disabled or deleted);
 * `GET /keys?include_disabled=true&offset=N` lists the account's keys 100 a page;
 * `GET|PATCH|DELETE /keys/{hash}` read, change and delete one, all with the management key
 * as Bearer. `label` is the masked key: `sk-or-v1-` + first 3 hex + `...` + last 3.
 *
 * The account is a plain state machine (`account.answer`), so tests serve it through
 * `startStandIn` and the benchmark through its own server with latency. No vitest here.
 */
import { createHash } from 'node:crypto';

export interface AccountKeySeed {
  /** The raw key, when the test knows it (keys it leaks); filler keys have none. */
  key?: string;
  name?: string;
  usage?: number;
  limit?: number | null;
  disabled?: boolean;
  /** The label as listed, when not the key's own masked form (a filler twin of a leaked key). */
  label?: string;
}

export interface AccountKeyState {
  key?: string;
  hash: string;
  name: string;
  label: string;
  disabled: boolean;
  deleted: boolean;
  usage: number;
  limit: number | null;
}

export interface AccountOptions {
  managementKey: string;
  keys: readonly AccountKeySeed[];
  /**
   * How `hash` relates to the key: `sha256` (its hex SHA-256: `GET /keys/{sha256}` finds it)
   * or `opaque` (an id unrelated to the key: only the list finds it). Default opaque.
   */
  hashes?: 'sha256' | 'opaque';
  /** Keys that keep answering 200 on `/key` after they are disabled: a PATCH that does not take. */
  sticky?: Iterable<string>;
  /** Live keys of other accounts: `/key` answers 200, the list never holds them. */
  elsewhere?: Iterable<string>;
}

export interface Answer {
  status: number;
  body: object;
}

export const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** OpenRouter's masked label for a key. */
export function labelOf(key: string): string {
  const body = key.slice('sk-or-v1-'.length);
  return `sk-or-v1-${body.slice(0, 3)}...${body.slice(-3)}`;
}

/** Another key with the same label: same first 3 and last 3 hex, a different middle (from `middle`, 58 hex). */
export function labelTwin(key: string, middle: string): string {
  return `${key.slice(0, 'sk-or-v1-'.length + 3)}${middle}${key.slice(-3)}`;
}

const unauthorized: Answer = { status: 401, body: { error: { code: 401, message: 'User not found.' } } };
const notFound: Answer = { status: 404, body: { error: { code: 404, message: 'Not found' } } };

export interface Account {
  /** Every account key by hash, deleted ones included (marked). */
  keys: Map<string, AccountKeyState>;
  /** The account key of a raw key. */
  stateOf(key: string): AccountKeyState | undefined;
  answer(method: string, url: string, bearer: string | undefined, body: string): Answer;
}

export function createAccount(options: AccountOptions): Account {
  const sticky = new Set(options.sticky ?? []);
  const elsewhere = new Set(options.elsewhere ?? []);
  const keys = new Map<string, AccountKeyState>();
  const byKey = new Map<string, AccountKeyState>();
  options.keys.forEach((seed, i) => {
    const hash = seed.key !== undefined && options.hashes === 'sha256' ? sha256hex(seed.key) : sha256hex(`opaque id ${i} ${seed.key ?? ''}`);
    const state: AccountKeyState = {
      ...(seed.key !== undefined ? { key: seed.key } : {}),
      hash,
      name: seed.name ?? `key ${i}`,
      label: seed.label ?? (seed.key !== undefined ? labelOf(seed.key) : `sk-or-v1-${hash.slice(0, 3)}...${hash.slice(-3)}`),
      disabled: seed.disabled ?? false,
      deleted: false,
      usage: seed.usage ?? 1.5,
      limit: seed.limit === undefined ? 50 : seed.limit,
    };
    keys.set(hash, state);
    if (seed.key !== undefined) byKey.set(seed.key, state);
  });
  const listed = (state: AccountKeyState) => ({
    hash: state.hash,
    name: state.name,
    label: state.label,
    disabled: state.disabled,
    limit: state.limit,
    limit_remaining: state.limit === null ? null : state.limit - state.usage,
    usage: state.usage,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: null,
  });

  function keyInfo(bearer: string | undefined): Answer {
    if (bearer === undefined) return unauthorized;
    if (bearer === options.managementKey) return { status: 200, body: { data: { label: labelOf(bearer), usage: 0, limit: null, is_free_tier: false, is_management_key: true } } };
    const state = byKey.get(bearer);
    const works = state ? (!state.disabled && !state.deleted) || sticky.has(bearer) : elsewhere.has(bearer);
    if (!works) return unauthorized;
    const info = state ?? { label: labelOf(bearer), usage: 3, limit: null };
    return { status: 200, body: { data: { label: info.label, usage: info.usage, limit: info.limit, limit_remaining: null, is_free_tier: false, is_management_key: false, expires_at: null } } };
  }

  /** The listing, kept until a key changes: a benchmark's 200 pages must not cost the stand-in 200 passes over 20,000 keys. */
  const listings = new Map<boolean, AccountKeyState[]>();
  function manage(method: string, path: string, query: URLSearchParams, body: string): Answer {
    if (method === 'GET' && path === '/keys') {
      const offset = Number(query.get('offset') ?? '0');
      const withDisabled = query.get('include_disabled') === 'true';
      let all = listings.get(withDisabled);
      if (!all) listings.set(withDisabled, (all = [...keys.values()].filter((state) => !state.deleted && (withDisabled || !state.disabled))));
      return { status: 200, body: { data: all.slice(offset, offset + 100).map(listed) } };
    }
    if (method !== 'GET') listings.clear();
    const hash = /^\/keys\/([0-9a-f]{64})$/.exec(path)?.[1];
    const state = hash === undefined ? undefined : keys.get(hash);
    if (!state || state.deleted) return notFound;
    if (method === 'GET') return { status: 200, body: { data: listed(state) } };
    if (method === 'PATCH') {
      const change = JSON.parse(body) as { disabled?: boolean };
      if (typeof change.disabled === 'boolean') state.disabled = change.disabled;
      return { status: 200, body: { data: listed(state) } };
    }
    if (method === 'DELETE') {
      state.deleted = true;
      return { status: 200, body: { deleted: true } };
    }
    return { status: 405, body: { error: { code: 405, message: 'Method not allowed' } } };
  }

  return {
    keys,
    stateOf: (key) => byKey.get(key),
    answer(method, url, bearer, body) {
      const parsed = new URL(url, 'http://stand-in');
      const path = parsed.pathname.replace(/^\/api\/v1/, '');
      if (method === 'GET' && path === '/key') return keyInfo(bearer);
      if (!path.startsWith('/keys')) return notFound;
      if (bearer !== options.managementKey) return { status: 401, body: { error: { code: 401, message: 'Invalid management key' } } };
      return manage(method, path, parsed.searchParams, body);
    },
  };
}
