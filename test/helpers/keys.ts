/**
 * Test keys, generated at run time from a seeded random source so that no realistic key
 * is ever written into the repository (ARCHITECTURE.md). Same seed, same keys.
 */
import { placeholderReason } from '../../src/detect/placeholder.js';
import { defaultMinEntropy } from '../../src/rules/compile.js';
import { randomString, seededRandom, type AlphabetName } from '../../src/rules/examples.js';

export const prefixes = {
  openrouter: 'sk-or-v1-',
  agentrouter: 'sk-ar-',
  tokenrouterLive: 'tr_live_',
  tokenrouterTest: 'tr_test_',
} as const;

export const ruleIds = {
  openrouter: 'openrouter.api-key',
  agentrouter: 'agentrouter.api-key',
  tokenrouterLive: 'tokenrouter.live-key',
  tokenrouterTest: 'tokenrouter.test-key',
} as const;

export type KeyKind = keyof typeof prefixes;
export const keyKinds = Object.keys(prefixes) as KeyKind[];

export interface KeyFactory {
  /** Raw random characters; may be any shape (used for near misses). */
  chars(alphabet: AlphabetName, length: number): string;
  /** `sk-or-v1-` + 64 lowercase hex. */
  openrouter(): string;
  /** `sk-ar-` + `length` alphanumerics (16–128 is a key). */
  agentrouter(length?: number): string;
  /** `tr_live_` + `length` alphanumerics (24–128 is a key). */
  tokenrouterLive(length?: number): string;
  /** `tr_test_` + `length` alphanumerics (24–128 is a key). */
  tokenrouterTest(length?: number): string;
  /** A key of the given kind with its default body length. */
  of(kind: KeyKind): string;
  /** A body of `length` characters that does not look like a placeholder. */
  body(alphabet: AlphabetName, length: number): string;
}

/** A deterministic source of keys. Bodies that happen to look like placeholders are drawn again. */
export function keyFactory(seed: number): KeyFactory {
  const random = seededRandom(seed);
  const chars = (alphabet: AlphabetName, length: number) => randomString(random, alphabet, length);
  const body = (alphabet: AlphabetName, length: number) => {
    for (;;) {
      const candidate = chars(alphabet, length);
      if (placeholderReason(candidate, defaultMinEntropy) === undefined) return candidate;
    }
  };
  const factory: KeyFactory = {
    chars,
    body,
    openrouter: () => prefixes.openrouter + body('hex', 64),
    agentrouter: (length = 40) => prefixes.agentrouter + body('alnum', length),
    tokenrouterLive: (length = 32) => prefixes.tokenrouterLive + body('alnum', length),
    tokenrouterTest: (length = 32) => prefixes.tokenrouterTest + body('alnum', length),
    of: (kind) => factory[kind](),
  };
  return factory;
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
