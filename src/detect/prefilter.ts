import type { CompiledRule } from '../core/types.js';

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
  /** The keyword this needle stands for (plain or encoded). */
  keyword: string;
  encoding: 'plain' | 'base64';
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
}

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
  for (const [text, needle] of needles) {
    const at = anchorOffset(text, byteCounts);
    const key = text.slice(at, at + anchorLength);
    const anchor = anchors.get(key) ?? { bytes: Buffer.from(key, 'utf8'), needles: [] };
    anchor.needles.push({ needle, at });
    anchors.set(key, anchor);
  }
  return { anchors: [...anchors.values()] };
}

function needleAt(data: Uint8Array, offset: number, needle: Buffer): boolean {
  if (offset < 0 || offset + needle.length > data.length) return false;
  for (let i = 0; i < needle.length; i++) {
    if (data[offset + i] !== needle[i]) return false;
  }
  return true;
}

/** Every needle occurrence in `data`, in offset order. */
export function findHits(data: Buffer, prefilter: Prefilter): Hit[] {
  const hits: Hit[] = [];
  for (const anchor of prefilter.anchors) {
    for (let at = data.indexOf(anchor.bytes); at !== -1; at = data.indexOf(anchor.bytes, at + 1)) {
      for (const { needle, at: within } of anchor.needles) {
        if (needleAt(data, at - within, needle.bytes)) hits.push({ offset: at - within, needle });
      }
    }
  }
  return hits.sort((a, b) => a.offset - b.offset);
}
