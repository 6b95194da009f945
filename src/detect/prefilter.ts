import type { CompiledRule } from '../core/types.js';
import { isEscapeIntroducer } from './normalize.js';
import { forEachCandidate, planTeddy, type TeddyPlan } from './simd/teddy.js';

/**
 * The literal prefilter: before any regex runs, the raw bytes are searched for the rules'
 * keywords — and for the keywords' base64 forms, so an encoded key (a Kubernetes Secret's
 * `data:`) is found too. Each needle is searched by a three-byte anchor taken from it,
 * because `Buffer#indexOf` is several times faster for short needles than for long ones
 * (it builds a skip table per call); the rest of the needle is compared at each hit.
 * A short needle is found by `memchr` on its first byte, so the anchor starts at the
 * needle's rarest byte: a pass for `_live` is 4× faster than one for `tr_` on source code.
 */

export interface Needle {
  bytes: Buffer;
  /** The keyword this needle stands for (plain or encoded); empty for escapes. */
  keyword: string;
  /**
   * `plain`: a keyword as written. `base64`: a keyword's base64 form, found across line breaks
   * too (wrapped base64). `escape`: an escape that may stand for a character of a keyword
   * (`\u002d`, `%2D`, `&#45;`), or a keyword's anchor with an escape beside it: the text around
   * is decoded before the rules run.
   */
  encoding: 'plain' | 'base64' | 'escape';
  /** Rules with this keyword; only they run on a plain hit. */
  rules: CompiledRule[];
}

interface Anchor {
  bytes: Buffer;
  /** Where the anchor sits inside each of its needles. */
  needles: { needle: Needle; at: number }[];
}

export interface Prefilter {
  anchors: Anchor[];
  /**
   * The anchors bucketed for the single SIMD pass (`simd/teddy.ts`), planned on first use (a
   * pre-commit run on a few short files never needs it); null when the pass cannot take them.
   */
  teddy?: TeddyPlan | null;
  /** How often each byte occurs, for planning the buckets. */
  byteFrequency?: (byte: number) => number;
}

/**
 * Escapes that hide a keyword from the plain needles: the separators of the built-in keywords
 * (`-`, `_`) escaped for JSON and JavaScript (`\u002d`), URLs (`%2D`, `%5F`, so fully
 * percent-encoded keys too; upper-case hex, as RFC 3986 asks and encoders write) and HTML
 * (`&#45;`, `&#x2d;`, `&#95;`). Each group is one pass over the data, by the anchor given.
 * Escapes these do not cover are decoded when a keyword's anchor is found beside them
 * (`findHits`) or when a plain keyword is near (`\x2d` in a body, colours inside a key).
 */
const escapeNeedles: { anchor: string; forms: string[] }[] = [
  { anchor: '\\u0', forms: ['\\u002d', '\\u002D', '\\u005f', '\\u005F'] },
  { anchor: '%2D', forms: ['%2D'] },
  { anchor: '%5F', forms: ['%5F'] },
  { anchor: '&#', forms: ['&#45;', '&#045;', '&#x2d;', '&#x2D;', '&#X2D;', '&#95;', '&#095;', '&#x5f;', '&#x5F;', '&#X5F;'] },
];

/** Stands for "a keyword's anchor with an escape beside it" (see `findHits`). */
const escapeBesideKeyword: Needle = { bytes: Buffer.alloc(0), keyword: '', encoding: 'escape', rules: [] };

export interface Hit {
  /** Byte offset of the needle in the searched buffer. */
  offset: number;
  needle: Needle;
}

const anchorLength = 3;

/**
 * Printable ASCII from most to least frequent, measured on JavaScript, TypeScript, JSON,
 * YAML and Markdown files; bytes not listed are rarer still. Digits are ranked as common:
 * logs are full of them (timestamps, ids, addresses), and an anchor starting at `3` made
 * one pass take 50 ms per 200 MB of log where the others took 5–10; on source code the
 * change measured within noise.
 */
const byteFrequencyOrder = ` etrnoiaslcdpumf.0123456789h()_gy,"/;=*b:vxT-{}SEkwAC'PIDNOR\`FML[]|>j&Bz?U$!\\Wq@V<+GHKJZ#YQX^%~`;

function commonness(byte: string): number {
  const rank = byteFrequencyOrder.indexOf(byte);
  return rank === -1 ? 0 : byteFrequencyOrder.length - rank;
}

/**
 * Offset in `needle` of the anchor that starts at its rarest byte: by `byteCounts` (how often
 * each byte value occurs in a sample of the data to be scanned) when given, else by the table.
 */
export function anchorOffset(needle: string, byteCounts?: ArrayLike<number>): number {
  const weight = byteCounts ? (at: number) => byteCounts[needle.charCodeAt(at)] ?? 0 : (at: number) => commonness(needle[at] ?? '');
  let best = 0;
  for (let at = 1; at + anchorLength <= needle.length; at++) {
    if (weight(at) < weight(best)) best = at;
  }
  return best;
}

/**
 * The parts of `base64(x + keyword)` that do not depend on the `x` bytes before it
 * (x of length 0, 1 or 2): the three forms a keyword takes inside base64 text.
 * Base64url forms are added where they differ.
 */
export function base64Forms(keyword: string): string[] {
  const keywordBytes = Buffer.from(keyword, 'utf8');
  const forms = new Set<string>();
  for (let unknown = 0; unknown < 3; unknown++) {
    const encoded = Buffer.concat([Buffer.alloc(unknown), keywordBytes]).toString('base64');
    const firstPure = Math.ceil((8 * unknown) / 6);
    const endPure = Math.floor((8 * (unknown + keywordBytes.length)) / 6);
    const form = encoded.slice(firstPure, endPure);
    if (form.length < 4) continue;
    forms.add(form);
    forms.add(form.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

/**
 * The needles of every rule's keywords, grouped by anchor. `byteCounts` tunes the anchors to
 * the data at hand (a log's digits and capitals are not a source file's); which keys are found
 * never depends on it, only how fast.
 */
export function buildPrefilter(rules: readonly CompiledRule[], byteCounts?: ArrayLike<number>): Prefilter {
  const needles = new Map<string, Needle>();
  const add = (text: string, keyword: string, encoding: Needle['encoding'], rule: CompiledRule) => {
    const existing = needles.get(text);
    if (existing) {
      if (encoding === 'plain' && !existing.rules.includes(rule)) existing.rules.push(rule);
      return;
    }
    needles.set(text, { bytes: Buffer.from(text, 'utf8'), keyword, encoding, rules: encoding === 'plain' ? [rule] : [] });
  };
  for (const rule of rules) {
    for (const keyword of rule.keywords) {
      add(keyword, keyword, 'plain', rule);
      for (const form of base64Forms(keyword)) add(form, keyword, 'base64', rule);
    }
  }
  const anchors = new Map<string, Anchor>();
  const anchorAt = (key: string, needle: Needle, at: number) => {
    const anchor = anchors.get(key) ?? { bytes: Buffer.from(key, 'latin1'), needles: [] };
    anchor.needles.push({ needle, at });
    anchors.set(key, anchor);
  };
  for (const { key, needle, at } of sharedAnchors([...needles.entries()], byteCounts)) anchorAt(key, needle, at);
  for (const { anchor, forms } of escapeNeedles) {
    for (const form of forms) anchorAt(anchor, { bytes: Buffer.from(form, 'latin1'), keyword: '', encoding: 'escape', rules: [] }, 0);
  }
  return { anchors: [...anchors.values()], byteFrequency: byteFrequency(byteCounts) };
}

/**
 * How often each byte occurs (0–1): from `byteCounts` when given, else estimated from its rank in
 * the table (a Zipf-like fall-off; bytes not listed count as rare).
 */
function byteFrequency(byteCounts?: ArrayLike<number>): (byte: number) => number {
  if (byteCounts) {
    let total = 0;
    for (let byte = 0; byte < 256; byte++) total += byteCounts[byte] ?? 0;
    return (byte) => (total === 0 ? 0 : (byteCounts[byte] ?? 0) / total);
  }
  return (byte) => {
    const rank = byteFrequencyOrder.indexOf(String.fromCharCode(byte));
    return 1 / ((rank === -1 ? byteFrequencyOrder.length * 2 : rank) + 4) / 5;
  };
}

/** How many of the most frequent bytes are not rare: no shared anchor starts with one. */
const commonBytes = 32;

/** Whether a window starts with a rare byte: by `byteCounts` when given, else by the table. */
function rareBytes(byteCounts?: ArrayLike<number>): (window: string) => boolean {
  const weight = (window: string) => (byteCounts ? (byteCounts[window.charCodeAt(0)] ?? 0) : commonness(window[0] ?? ''));
  const weights = byteCounts ? Array.from({ length: 256 }, (_, byte) => byteCounts[byte] ?? 0) : [...byteFrequencyOrder].map(commonness);
  const limit = [...weights].sort((a, b) => b - a)[commonBytes - 1] ?? 0;
  return (window) => weight(window) < limit;
}

/**
 * An anchor for each needle, shared between needles where that costs nothing: every anchor is
 * one pass over the data, so a window several needles hold (`NrL` in two base64 forms, `k-` in
 * `sk-ar-` and `sk-or-v1-`) is searched once for all of them, provided it starts at a rare byte
 * (not among the `commonBytes` most frequent). Others get the window starting at their own
 * rarest byte (`anchorOffset`). Shared windows are three bytes, or two for keywords as written.
 */
function sharedAnchors(needles: readonly [string, Needle][], byteCounts?: ArrayLike<number>): { key: string; needle: Needle; at: number }[] {
  const weight = (window: string) => (byteCounts ? (byteCounts[window.charCodeAt(0)] ?? 0) : commonness(window[0] ?? ''));
  const rare = rareBytes(byteCounts);
  const holders = new Map<string, { needle: Needle; at: number }[]>();
  for (const [text, needle] of needles) {
    const lengths = needle.encoding === 'plain' ? [anchorLength, 2] : [anchorLength];
    for (const length of lengths) {
      for (let at = 0; at + length <= text.length; at++) {
        const key = text.slice(at, at + length);
        if (!rare(key)) continue;
        const list = holders.get(key) ?? [];
        if (!list.some((held) => held.needle === needle)) list.push({ needle, at });
        holders.set(key, list);
      }
    }
  }
  const chosen: { key: string; needle: Needle; at: number }[] = [];
  const covered = new Set<Needle>();
  for (;;) {
    let best: { key: string; list: { needle: Needle; at: number }[] } | undefined;
    for (const [key, held] of holders) {
      const list = held.filter((entry) => !covered.has(entry.needle));
      if (list.length < 2) continue;
      const better =
        !best ||
        list.length > best.list.length ||
        (list.length === best.list.length && (key.length > best.key.length || (key.length === best.key.length && weight(key) < weight(best.key))));
      if (better) best = { key, list };
    }
    if (!best) break;
    for (const { needle, at } of best.list) {
      covered.add(needle);
      chosen.push({ key: best.key, needle, at });
    }
  }
  for (const [text, needle] of needles) {
    if (covered.has(needle)) continue;
    const at = anchorOffset(text, byteCounts);
    chosen.push({ key: text.slice(at, at + anchorLength), needle, at });
  }
  return chosen;
}

function needleAt(data: Uint8Array, offset: number, needle: Buffer): boolean {
  if (offset < 0 || offset + needle.length > data.length) return false;
  for (let i = 0; i < needle.length; i++) {
    if (data[offset + i] !== needle[i]) return false;
  }
  return true;
}

/** Length of the line break ending at `end` (exclusive; `\n` or `\r\n`, then spaces or tabs), or 0. */
function breakEndingAt(data: Uint8Array, end: number): number {
  let at = end;
  while (at > 0 && (data[at - 1] === 0x20 || data[at - 1] === 0x09)) at--;
  if (data[at - 1] !== 0x0a) return 0;
  at--;
  if (data[at - 1] === 0x0d) at--;
  return end - at;
}

/** Length of the line break starting at `start` (`\n` or `\r\n`, then spaces or tabs), or 0. */
function breakStartingAt(data: Uint8Array, start: number): number {
  let at = start;
  if (data[at] === 0x0d) at++;
  if (data[at] !== 0x0a) return 0;
  at++;
  while (data[at] === 0x20 || data[at] === 0x09) at++;
  return at - start;
}

/**
 * Where `needle` starts if it is written around its anchor (found at `anchorAt`, `within` bytes
 * into the needle) with line breaks anywhere else in it, as in base64 wrapped at 64 or 76
 * columns; -1 if it is not there.
 */
function wrappedNeedleAt(data: Uint8Array, anchorAt: number, within: number, needle: Buffer): number {
  let at = anchorAt;
  for (let i = within - 1; i >= 0; i--) {
    if (data[at - 1] !== needle[i]) at -= breakEndingAt(data, at);
    if (data[at - 1] !== needle[i]) return -1;
    at--;
  }
  const start = at;
  at = anchorAt + anchorLength;
  for (let i = within + anchorLength; i < needle.length; i++) {
    if (data[at] !== needle[i]) at += breakStartingAt(data, at);
    if (data[at] !== needle[i]) return -1;
    at++;
  }
  return start;
}

/** Longest escape that may stand for one character of a keyword (`\\u002d` doubly escaped, `&#x0002d;`, a colour change). */
const longestEscape = 16;

/**
 * Whether the needle whose anchor was found at `anchorAt` (`within` bytes into it) is there but
 * for an escape where it first differs: the differing byte after the anchor starts one (`sk-or-v1`
 * then `ESC[m…-`), or the one before it ends one that began just before (`\u0073k-or-v1-`).
 */
function escapeCutsNeedle(data: Uint8Array, anchorAt: number, anchorBytes: number, within: number, needle: Buffer): boolean {
  let at = anchorAt - 1;
  for (let i = within - 1; i >= 0; i--, at--) {
    if (data[at] === needle[i]) continue;
    for (let start = at; start > at - longestEscape && start >= 0; start--) if (isEscapeIntroducer(data[start])) return true;
    return false;
  }
  at = anchorAt + anchorBytes;
  for (let i = within + anchorBytes; i < needle.length; i++, at++) {
    if (data[at] !== needle[i]) return isEscapeIntroducer(data[at]);
  }
  return false;
}

/**
 * Every needle occurrence in `data`, in offset order. Base64 needles are also found across line
 * breaks, as long as the anchor itself is on one line. A plain needle whose anchor is there but
 * not the rest, with an escape close by (`\u0073k-or-v1-`, a colour change inside the keyword),
 * gives an `escape` hit at the anchor.
 */
export function findHits(data: Buffer, prefilter: Prefilter): Hit[] {
  const { anchors } = prefilter;
  const teddy = data.length >= singlePassFrom ? singlePassPlan(prefilter) : null;
  // Hits gathered per anchor and joined in the anchors' order, so that hits at one offset come
  // in the same order whichever search found them. A list is made only for an anchor that occurs
  // (most windows hold none): `flat` skips the others.
  const byAnchor: Hit[][] = [];
  const single =
    teddy !== null &&
    forEachCandidate(data, teddy, (at, buckets) => {
      for (let bucket = 0; buckets !== 0; bucket++, buckets >>>= 1) {
        if ((buckets & 1) === 0) continue;
        for (const index of teddy.buckets[bucket]!) {
          const anchor = anchors[index]!;
          if (needleAt(data, at, anchor.bytes)) hitsAtAnchor(data, anchor, at, (byAnchor[index] ??= []));
        }
      }
    });
  if (!single) {
    anchors.forEach((anchor, index) => {
      for (let at = data.indexOf(anchor.bytes); at !== -1; at = data.indexOf(anchor.bytes, at + 1)) hitsAtAnchor(data, anchor, at, (byAnchor[index] ??= []));
    });
  }
  return byAnchor.flat().sort((a, b) => a.offset - b.offset);
}

/** The prefilter's SIMD plan, made once; null when there is none (a prefilter without `byteFrequency` is searched by indexOf passes only). */
export function singlePassPlan(prefilter: Prefilter): TeddyPlan | null {
  if (prefilter.teddy === undefined) {
    const { byteFrequency } = prefilter;
    prefilter.teddy = byteFrequency ? (planTeddy(prefilter.anchors.map((anchor) => anchor.bytes), byteFrequency) ?? null) : null;
  }
  return prefilter.teddy;
}

/**
 * Below this many bytes the anchors are searched one `indexOf` pass each: over a short line the
 * passes cost no more than copying it into the SIMD kernel's memory (measured even from 256 bytes).
 */
const singlePassFrom = 256;

/** The hits of `anchor`'s needles around one place it was found. */
function hitsAtAnchor(data: Buffer, anchor: Anchor, at: number, hits: Hit[]): void {
  for (const { needle, at: within } of anchor.needles) {
    if (needleAt(data, at - within, needle.bytes)) {
      hits.push({ offset: at - within, needle });
    } else if (needle.encoding === 'base64') {
      const start = wrappedNeedleAt(data, at, within, needle.bytes);
      if (start !== -1) hits.push({ offset: start, needle });
    } else if (needle.encoding === 'plain' && escapeCutsNeedle(data, at, anchor.bytes.length, within, needle.bytes)) {
      hits.push({ offset: at, needle: escapeBesideKeyword });
    }
  }
}
