import { sha256 } from './hash.js';
import { redact } from '../core/secret.js';

/**
 * How `keywarden redact` writes a key in place of the key:
 * - `redacted`: the form reports use, the prefix and at most four characters at each end of the body
 *   (`sk-or-v1-e2e4…ecbe`), so a person can tell keys apart;
 * - `hash`: the prefix and the first 12 hex digits of the key's sha256 (`sk-or-v1-[sha256:1a2b3c4d5e6f]`),
 *   no character of the key, and greppable in a report's `secretHash`;
 * - `stars`: the prefix and one `*` per body character, so columns stay aligned.
 * No style produces text a rule matches again: redacting twice changes nothing.
 */
export const maskStyles = ['redacted', 'hash', 'stars'] as const;
export type MaskStyle = (typeof maskStyles)[number];

/** Hex digits of the sha256 kept by the `hash` style: plenty to tell keys apart, nothing to recover one. */
const hashDigits = 12;

/** What a plain key is replaced with. `prefix` is the rule's prefix, kept in every style. */
export function maskKey(key: string, prefix: string, style: MaskStyle): string {
  if (style === 'redacted') return redact(key, prefix);
  const head = key.startsWith(prefix) ? prefix : '';
  if (style === 'stars') return head + '*'.repeat(key.length - head.length);
  return `${head}[sha256:${sha256(key).slice(0, hashDigits)}]`;
}

/**
 * What the base64 characters that encode a key are replaced with: a marker that names the key in
 * the same style (`[base64:sk-or-v1-e2e4…ecbe]`). Not base64 itself, so no decoder takes it for data.
 */
export function maskEncodedKey(key: string, prefix: string, style: MaskStyle): string {
  return `[base64:${maskKey(key, prefix, style)}]`;
}
