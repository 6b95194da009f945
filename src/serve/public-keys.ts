import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * A discloser's published signing keys (GitHub's `GET /meta/public_keys/secret_scanning`,
 * deps.dev's bucket) and the check of one alert's signature against one of them. Pure apart
 * from node:crypto: fetching and caching are disclosers.ts's.
 */

/** One published key that passed every check: its identifier is the hash of its PEM, and it is a P-256 key. */
export interface PublishedKey {
  /** SHA-256 hex of the PEM text, lower case. */
  identifier: string;
  key: KeyObject;
  isCurrent: boolean;
}

export type KeyListParse =
  | { ok: true; keys: PublishedKey[]; /** Why each entry left out was left out (no key material in it). */ dropped: string[] }
  | { ok: false; reason: string };

/**
 * Read a key list: `{"public_keys":[{"key_identifier","key","is_current"}]}`. An entry whose
 * identifier is not the hash of its own PEM, or whose key is not an ECDSA P-256 public key,
 * is dropped: it could only be a mistake or a forgery, and accepting it would let the list's
 * identifiers vouch for keys they do not name. Anything not shaped like a list is not one.
 */
export function parseKeyList(text: string): KeyListParse {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the key list is not JSON' };
  }
  const entries = isRecord(document) ? document.public_keys : undefined;
  if (!Array.isArray(entries)) return { ok: false, reason: 'the key list has no public_keys array' };
  const keys: PublishedKey[] = [];
  const dropped: string[] = [];
  entries.forEach((entry: unknown, index) => {
    const read = readEntry(entry);
    if (typeof read === 'string') dropped.push(`public_keys[${index}]: ${read}`);
    else keys.push(read);
  });
  return { ok: true, keys, dropped };
}

/** One entry as a usable key, or why it is not one. */
function readEntry(entry: unknown): PublishedKey | string {
  if (!isRecord(entry)) return 'not an object';
  const { key_identifier: identifier, key: pem, is_current: isCurrent } = entry;
  if (typeof identifier !== 'string' || typeof pem !== 'string' || typeof isCurrent !== 'boolean') {
    return 'key_identifier, key (strings) and is_current (boolean) are required';
  }
  if (!identifierNamesPem(identifier, pem)) return `key_identifier ${identifier.slice(0, 16)}… is not the SHA-256 of its key`;
  const key = p256PublicKey(pem);
  if (!key) return `key ${identifier.slice(0, 16)}… is not an ECDSA P-256 public key`;
  return { identifier: identifier.toLowerCase(), key, isCurrent };
}

/**
 * Whether `identifier` is the SHA-256 hex of the PEM text. GitHub hashes the PEM with its
 * final newline but publishes it without one (its documented test key shows both), so the
 * text as published and the text ending in exactly one newline are both tried.
 */
export function identifierNamesPem(identifier: string, pem: string): boolean {
  const wanted = identifier.toLowerCase();
  return [pem, `${pem.trimEnd()}\n`].some((text) => sha256Hex(text) === wanted);
}

/** The key when `pem` is an ECDSA public key on P-256 (node calls it prime256v1); else undefined. */
function p256PublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `signature` (base64 of a DER `(r,s)` sequence) is `key`'s ECDSA signature over the
 * SHA-256 of the raw `body` bytes, exactly as received: never a re-serialised JSON.
 */
export function signatureMatches(body: Buffer, key: KeyObject, signature: string): boolean {
  // node answers false, never throws, for bytes that are no DER signature (empty, truncated, garbage).
  return verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
