/**
 * Documentation placeholders, masked or fake keys, and identifiers made of words are not
 * findings. These checks run on the key body (the key without its prefix), and each one is
 * held to the same standard: a randomly generated body must essentially never fail it, one in
 * 2^30 at most, whatever its length. So a check that looks at a body's words or its entropy
 * asks how likely a random body of *this length* would be to show as much, rather than asking
 * whether a word occurs at all (one random 32-character body in 8,000 spells `here`, `your`,
 * `fake` or `xxxx` somewhere; a random 16-character body is as uneven as a 3-bit threshold
 * once in 20,000).
 */

/** How unlikely (in bits: 30 is one in 2^30) a random body must be to show what a check saw. */
const evidenceBits = 30;

const placeholderWords = /your|example|redacted|placeholder|xxxx|dummy|sample|changeme|insert|replace|fake|test(?:key|token)|secret|here/gi;

/**
 * How unlikely, in bits, it is for a random body of this length to contain the placeholder words
 * found in it. A word of `n` letters sits at a given place in a random body of letters and
 * digits (62 characters, either case matching) with odds (2/62)^n; summed over the places it
 * could sit, that is the expected count, an upper bound on the chance of seeing it. Several
 * words multiply. So `REDACTED` anywhere in a 24-character body (35 bits), or `YOUR` and `HERE`
 * in `YOURKEYGOESHERE1234` (32 bits), is a placeholder; one `here` in a random body (15–18 bits) is not.
 */
export function placeholderWordBits(body: string): number {
  let bits = 0;
  for (const [word] of body.matchAll(placeholderWords)) {
    const places = body.length - word.length + 1;
    bits += Math.max(0, word.length * Math.log2(31) - Math.log2(places));
  }
  return bits;
}

/**
 * The letter pairs most common inside English words, most frequent first, and the letters from
 * most to least frequent: the data of the model of text made of words below.
 */
const commonPairs = (
  'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ' +
  'ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ' +
  'ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe'
).split(' ');
const lettersByFrequency = 'etaoinshrdlcumwfgypbvkjxqz';

/** The model's odds of each letter in a word: Zipf-like weights by rank. */
const letterWeight = (letter: number) => 1 / (lettersByFrequency.indexOf(String.fromCharCode(97 + letter)) + 4);
/** Share of a word's letter pairs the model expects among the common ones. */
const commonShare = 0.75;

/** log2 of the model's odds of a letter starting a word (index: the letter, a = 0). */
const firstLetterBits: Float64Array = (() => {
  const weights = Array.from({ length: 26 }, (_, letter) => letterWeight(letter));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Float64Array.from(weights, (weight) => Math.log2(weight / total));
})();

/**
 * log2 of the model's odds of the second letter of a pair given the first (index 26·first +
 * second): a common pair shares `commonShare` by its rank, any other letter the rest by its
 * frequency. Each row sums to 1, so the model is a probability distribution.
 */
const pairBits: Float64Array = (() => {
  const table = new Float64Array(26 * 26);
  for (let first = 0; first < 26; first++) {
    const common = new Float64Array(26);
    commonPairs.forEach((pair, rank) => {
      if (pair.charCodeAt(0) - 97 === first) common[pair.charCodeAt(1) - 97] = 1 / (rank + 10);
    });
    const commonTotal = common.reduce((sum, weight) => sum + weight, 0);
    let otherTotal = 0;
    for (let second = 0; second < 26; second++) if (common[second] === 0) otherTotal += letterWeight(second);
    for (let second = 0; second < 26; second++) {
      const weight = common[second] ?? 0;
      const odds = weight > 0 ? (commonShare * weight) / commonTotal : ((commonTotal > 0 ? 1 - commonShare : 1) * letterWeight(second)) / otherTotal;
      table[first * 26 + second] = Math.log2(odds);
    }
  }
  return table;
})();

type CharClass = 0 | 1 | 2; // lower, upper, digit

function classOf(code: number): CharClass | undefined {
  if (code >= 97 && code <= 122) return 0;
  if (code >= 65 && code <= 90) return 1;
  if (code >= 48 && code <= 57) return 2;
  return undefined;
}

/**
 * The model's odds of each character class following another (rows and columns: lower, upper,
 * digit), and of the first character's class: words run on in lower case, start with a capital
 * now and then, and seldom hold digits.
 */
const classOdds: readonly (readonly number[])[] = [
  [0.8, 0.15, 0.05],
  [0.7, 0.25, 0.05],
  [0.25, 0.25, 0.5],
];
const firstClassOdds = [0.45, 0.45, 0.1];
const classBits = classOdds.map((row) => row.map(Math.log2));
const firstClassBits = firstClassOdds.map(Math.log2);
const digitBits = Math.log2(1 / 10);

/**
 * How much better, in bits, a model of identifiers made of words (camelCase, PascalCase or lower
 * case, letters mostly in common English pairs, few digits) explains the body than randomness:
 * log2 of Q(body) / P(body), P uniform over `alphabet` characters (the rule's body alphabet;
 * when unknown, whichever of lower case, upper case and digits occur, which can only lower the
 * score). Q is a probability distribution over the strings of each length, so by Markov's
 * inequality a random body scores `t` bits or more with a chance of at most 2^-t. Undefined for
 * bodies the model does not cover: other characters, or hex (words of a–f are no evidence).
 */
export function wordModelBits(body: string, alphabet?: number): number | undefined {
  if (!/[g-zG-Z]/.test(body)) return undefined;
  let bits = 0;
  let previous: CharClass | undefined;
  let previousLetter = -1;
  const seen = [false, false, false];
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const cls = classOf(code);
    if (cls === undefined) return undefined;
    seen[cls] = true;
    bits += (previous === undefined ? firstClassBits[cls] : classBits[previous]?.[cls]) ?? 0;
    previous = cls;
    if (cls === 2) {
      bits += digitBits;
      previousLetter = -1;
      continue;
    }
    const letter = (code | 0x20) - 97;
    // A capital after a lower-case letter starts a new word: no pair across it.
    const startsWord = previousLetter === -1 || (cls === 1 && body.charCodeAt(i - 1) >= 97);
    bits += (startsWord ? firstLetterBits[letter] : pairBits[previousLetter * 26 + letter]) ?? 0;
    previousLetter = letter;
  }
  const seenAlphabet = (seen[0] ? 26 : 0) + (seen[1] ? 26 : 0) + (seen[2] ? 10 : 0);
  return bits + body.length * Math.log2(Math.max(alphabet ?? 0, seenAlphabet));
}

/** Counts of each character code below 256, reused: entropy is computed for every candidate key. */
const charCounts = new Uint32Array(256);

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  let wide: Map<number, number> | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 256) charCounts[code] = (charCounts[code] ?? 0) + 1;
    else (wide ??= new Map()).set(code, (wide.get(code) ?? 0) + 1);
  }
  let bits = 0;
  const add = (count: number) => {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const count = charCounts[code] ?? 0;
    if (code >= 256 || count === 0) continue;
    add(count);
    charCounts[code] = 0;
  }
  for (const count of wide?.values() ?? []) add(count);
  return bits;
}

/**
 * The entropy below which a body is a placeholder: the rule's minimum, lowered for short bodies
 * to log2(length) − 2 bits, the entropy of a body drawn from a quarter as many characters as it
 * has. A random body of 16 characters has at most 4 bits (16 different characters); of 62
 * possible it draws about 14 different ones, and falls below 2 bits with a chance under 2^-30
 * (below the default 3 bits, one in 20,000). From 32 characters on, the rule's minimum holds.
 */
export function entropyFloor(length: number, minEntropy: number): number {
  return Math.min(minEntropy, Math.log2(Math.max(1, length)) - 2);
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

/** Place of a character in `0123456789abcdefghijklmnopqrstuvwxyz`, either case; -1 for others. */
function orderOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122 ? lower - 87 : -1;
}

/** Length of the longest run of consecutive characters (`12345678`, `abcdefgh`, `789abc`), case-insensitive. */
export function longestSequence(body: string): number {
  let longest = body.length > 0 ? 1 : 0;
  let run = 1;
  let previous = -2;
  for (let i = 0; i < body.length; i++) {
    const index = orderOf(body.charCodeAt(i));
    run = index !== -1 && index === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = index;
  }
  return longest;
}

/**
 * Why a key body looks like a placeholder, or undefined when it looks like a real key.
 * `alphabet`: how many characters the rule's body is drawn from, when known (62 for letters and
 * digits); it makes the word model's evidence exact. `words: false` skips the checks that read words (placeholder words, identifiers made of words)
 * and keeps only the shapes no random body has; `redact` uses it, masking rather than guessing.
 */
export function placeholderReason(body: string, minEntropy: number, words = true, alphabet?: number): string | undefined {
  if (words && placeholderWordBits(body) >= evidenceBits) return 'placeholder word';
  if (words && (wordModelBits(body, alphabet) ?? 0) >= evidenceBits) return 'made of words';
  if (isRepeating(body)) return 'repeating';
  if (longestSequence(body) >= 8) return 'sequence';
  if (shannonEntropy(body) < entropyFloor(body.length, minEntropy)) return 'low entropy';
  return undefined;
}
