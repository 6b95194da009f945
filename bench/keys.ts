/**
 * Keys planted by the benchmarks. They are generated at run time from a seed (never
 * committed) and leave this process only inside the files planted under bench/.work/.
 * Only their hashes are recorded or compared.
 */
import { secretHashOf } from '../src/detect/finding.js';
import { keyFactory, keyKinds, ruleIds } from '../test/helpers/keys.js';

/** The key shapes of rules/*.yaml, without the look-arounds ripgrep's default engine lacks. */
export const keyPatterns = ['sk-or-v1-[0-9a-f]{64}', 'sk-ar-[A-Za-z0-9]{16,128}', 'tr_(live|test)_[A-Za-z0-9]{24,128}'] as const;

export interface GeneratedKey {
  ruleId: string;
  key: string;
}

/** `count` keys from `seed`, round-robin over the four rules so every rule is covered. */
export function generateKeys(seed: number, count: number): GeneratedKey[] {
  const keys = keyFactory(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = keyKinds[i % keyKinds.length] ?? 'openrouter';
    return { ruleId: ruleIds[kind], key: keys.of(kind) };
  });
}

const keyShapes = new RegExp(keyPatterns.join('|'), 'g');

/** Text with anything key-shaped blanked out: for messages that quote a tool's output (e.g. git's errors). */
export function redactKeys(text: string): string {
  return text.replace(keyShapes, '[key redacted]');
}

/** Same form as keywarden's `secretHash`. */
export const secretHash = secretHashOf;
