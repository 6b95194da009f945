import { createRequire } from 'node:module';

/**
 * SHA-256 of text (a finding's fingerprint, the `hash` mask), with node:crypto loaded on first use:
 * importing it costs ~8 ms of every start, and most runs (a commit with nothing to report, an
 * empty scan) hash nothing. verify/ and report/ load it the same way where they hash.
 */
let crypto: typeof import('node:crypto') | undefined;

export function sha256(text: string, encoding: 'hex' | 'base64' = 'hex'): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text, 'utf8').digest(encoding);
}
