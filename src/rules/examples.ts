/**
 * Example keys are never committed: rule files and tests write templates such as
 * `sk-or-v1-{{hex:64}}`, expanded here from a seeded random source, so every run sees
 * the same keys and the repository itself holds no realistic key.
 */

const alphabets = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz0123456789',
  digits: '0123456789',
} as const;

export type AlphabetName = keyof typeof alphabets;

/** mulberry32: tiny, fast and good enough to make test keys look random. Not for cryptography. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomString(random: () => number, alphabet: AlphabetName, length: number): string {
  const chars = alphabets[alphabet];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(random() * chars.length)];
  return out;
}

const templatePattern = /\{\{(hex|HEX|alnum|lower|digits):(\d{1,4})\}\}/g;

/**
 * Expand `{{hex:N}}`, `{{alnum:N}}`, `{{lower:N}}`, `{{digits:N}}` with random characters,
 * then `{{base64:TEXT}}` with TEXT base64-encoded (TEXT may hold expanded placeholders).
 */
export function expandTemplate(template: string, random: () => number): string {
  const withRandom = template.replace(templatePattern, (_whole, alphabet: string, count: string) =>
    randomString(random, alphabet as AlphabetName, Number(count)),
  );
  return withRandom.replace(/\{\{base64:([^}]*)\}\}/g, (_whole, text: string) =>
    Buffer.from(text, 'utf8').toString('base64'),
  );
}
