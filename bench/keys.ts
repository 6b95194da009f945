/**
 * Keys planted by the benchmarks. They are generated at run time from a seed (never
 * committed) and leave this process only inside the files planted under bench/.work/.
 * Only their hashes are recorded or compared.
 */
import { createHash } from 'node:crypto';
import { randomString } from '../src/rules/examples.js';

/** The key shapes of rules/*.yaml, without the look-arounds ripgrep's default engine lacks. */
export const keyPatterns = ['sk-or-v1-[0-9a-f]{64}', 'sk-ar-[A-Za-z0-9]{16,128}', 'tr_(live|test)_[A-Za-z0-9]{24,128}'] as const;

export interface GeneratedKey {
  ruleId: string;
  key: string;
}

/** One generator per rule, so a run of N keys covers every rule (round-robin). */
const generators: readonly ((random: () => number) => GeneratedKey)[] = [
  (random) => ({ ruleId: 'openrouter.api-key', key: `sk-or-v1-${randomString(random, 'hex', 64)}` }),
  (random) => ({ ruleId: 'agentrouter.api-key', key: `sk-ar-${randomString(random, 'alnum', 40)}` }),
  (random) => ({ ruleId: 'tokenrouter.live-key', key: `tr_live_${randomString(random, 'alnum', 32)}` }),
  (random) => ({ ruleId: 'tokenrouter.test-key', key: `tr_test_${randomString(random, 'alnum', 32)}` }),
];

export function generateKeys(random: () => number, count: number): GeneratedKey[] {
  return Array.from({ length: count }, (_, i) => {
    const generate = generators[i % generators.length];
    if (!generate) throw new Error('no key generators');
    return generate(random);
  });
}

/** Same form as keywarden's `secretHash`: `sha256:` + hex of SHA-256 over the key's UTF-8 bytes. */
export function secretHash(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}
