/**
 * Documentation placeholders and masked or fake keys are not findings. These checks run
 * on the key body (the key without its prefix) and are deliberately simple: each catches
 * a shape that real, randomly generated keys essentially never have.
 */

const placeholderWords = /your|example|redacted|placeholder|xxxx|dummy|sample|changeme|insert|replace|fake|test(?:key|token)|secret|here/gi;

/**
 * A placeholder word makes a body a placeholder when it is a real part of it: in a short
 * body, or covering a fifth of a long one. A random 128-character key contains some
 * four-letter word by chance about once in two thousand keys; that must not hide it.
 */
function hasPlaceholderWords(body: string): boolean {
  const words = body.match(placeholderWords);
  if (!words) return false;
  const covered = words.reduce((sum, word) => sum + word.length, 0);
  return body.length <= 32 || covered / body.length >= 0.2;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** True when the body is a short unit repeated (`0000…`, `abab…`, `abc123abc123…`). */
export function isRepeating(body: string, maxUnit = 8): boolean {
  for (let unit = 1; unit <= maxUnit && unit * 2 <= body.length; unit++) {
    let repeats = true;
    for (let i = unit; i < body.length; i++) {
      if (body[i] !== body[i - unit]) {
        repeats = false;
        break;
      }
    }
    if (repeats) return true;
  }
  return false;
}

const ordered = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Length of the longest run of consecutive characters (`12345678`, `abcdefgh`, `789abc`), case-insensitive. */
export function longestSequence(body: string): number {
  let longest = body.length > 0 ? 1 : 0;
  let run = 1;
  let previous = -2;
  for (const char of body.toLowerCase()) {
    const index = ordered.indexOf(char);
    run = index !== -1 && index === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = index;
  }
  return longest;
}

/**
 * Why a key body looks like a placeholder, or undefined when it looks like a real key.
 * `words: false` skips the placeholder-word check and keeps only the shapes no random body has.
 */
export function placeholderReason(body: string, minEntropy: number, words = true): string | undefined {
  if (words && hasPlaceholderWords(body)) return 'placeholder word';
  if (isRepeating(body)) return 'repeating';
  if (longestSequence(body) >= 8) return 'sequence';
  if (shannonEntropy(body) < minEntropy) return 'low entropy';
  return undefined;
}
