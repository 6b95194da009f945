import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { UsageError } from '../core/errors.js';

/**
 * Tokens at rest (SPEC §6): AES-256-GCM under `KEYWARDEN_STORE_KEY`, each with its own random
 * 96-bit nonce, and the token's hash as associated data, so a sealed value copied onto another
 * row does not open there. Layout: nonce (12) ‖ tag (16) ‖ ciphertext.
 */

const nonceBytes = 12;
const tagBytes = 16;

/** The 32-byte key from `KEYWARDEN_STORE_KEY` (64 hex characters); a usage error otherwise, naming the variable, never its value. */
export function storeKeyFrom(env: NodeJS.ProcessEnv): Buffer {
  const text = env.KEYWARDEN_STORE_KEY?.trim() ?? '';
  if (text === '') throw new UsageError('KEYWARDEN_STORE_KEY is not set: serve keeps tokens only encrypted; set it to 64 hex characters (openssl rand -hex 32)');
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new UsageError('KEYWARDEN_STORE_KEY: not 64 hex characters (a 256-bit key: openssl rand -hex 32)');
  return Buffer.from(text, 'hex');
}

export function seal(key: Buffer, plain: string, boundTo: string): Buffer {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** The plain text, or undefined when the value was sealed under another key or for another row (or altered). */
export function unseal(key: Buffer, sealed: Uint8Array, boundTo: string): string | undefined {
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (data.length < nonceBytes + tagBytes) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, nonceBytes));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(data.subarray(nonceBytes, nonceBytes + tagBytes));
    return Buffer.concat([decipher.update(data.subarray(nonceBytes + tagBytes)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
