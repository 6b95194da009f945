import { containsInlineAllow, isBase64Byte } from '../core/text.js';
import type { CompiledRule } from '../core/types.js';
import { LineLocator } from './locate.js';
import { blankEscapes } from './normalize.js';
import { placeholderReason } from './placeholder.js';
import { buildPrefilter, findHits, type Hit, type Prefilter } from './prefilter.js';

/** Compiled rules plus their prefilter: everything detection needs, built once per thread. */
export interface Engine {
  rules: CompiledRule[];
  prefilter: Prefilter;
}

/**
 * `byteCounts`: how often each byte value occurs in a sample of the data to be scanned, to pick
 * prefilter anchors that are rare in it (see `buildPrefilter`); without it, a table measured on
 * source code decides.
 */
export function createEngine(rules: CompiledRule[], byteCounts?: ArrayLike<number>): Engine {
  return { rules, prefilter: buildPrefilter(rules, byteCounts) };
}

/** A key located in a buffer, before it is wrapped into a Finding. Offsets are bytes. */
export interface KeyMatch {
  rule: CompiledRule;
  key: string;
  /** Byte offsets in the scanned data of what is reported: the key, or the base64 text holding it. */
  start: number;
  end: number;
  line: number;
  column: number;
  endColumn: number;
  encoding?: 'base64';
  /**
   * Base64 matches only: byte offsets of the characters that encode the key itself (every
   * character carrying any of its bits), inside [start, end). What `redact` replaces.
   */
  encoded?: { start: number; end: number };
}

export interface DetectOptions {
  /** 1-based line of the first byte. */
  startLine?: number;
  /** UTF-16 units of the first line that lie before the data (streamed windows). */
  firstLineColumnOffset?: number;
  /** The part of the first line before the data carries an inline-allow marker (streamed windows). */
  firstLineAllowed?: boolean;
  /** The data begins inside base64 text that began earlier, at this line and column (streamed windows). */
  continuedBase64?: { line: number; column: number };
  /** Only keys starting in [ownedFrom, ownedTo) are reported; overlapping windows use this to report each key once. */
  ownedFrom?: number;
  ownedTo?: number;
  /** Honour `keywarden:allow` markers (default true). `redact` masks every key, marked or not. */
  inlineAllow?: boolean;
  /**
   * A placeholder word (`your`, `fake`, `here`, …) in a key body makes it a placeholder (default
   * true). `redact` turns this off and keeps only the shapes no random body has (repeating, a run
   * like `12345678`, low entropy): a real key whose random body happens to spell `FakE` must not leak.
   */
  placeholderWords?: boolean;
}

/** How far before a keyword a rule may look (look-behind, context in user rules). */
const contextBefore = 64;
/** How far after a keyword a match may reach; keys are at most ~140 bytes. */
const contextAfter = 1024;
/** A window of text is cut once and reused for every hit it covers, so a flood of keywords costs linear time. */
const windowLength = 16 * 1024;
/** Longest base64 text decoded around an encoded keyword. */
const maxBase64Run = 1 << 20;

interface Located {
  rule: CompiledRule;
  key: string;
  /** What is reported: the key, or the whole base64 text holding it. */
  start: number;
  end: number;
  /** Where the key itself begins (in base64 text: where its encoding begins); decides which window owns it. */
  at: number;
  encoding?: 'base64';
  /** Base64 only: where the characters encoding the key end (exclusive); they begin at `at`. */
  atEnd?: number;
}

/** Latin1 text of part of the data (one char per byte, so offsets carry over), escapes blanked. */
class TextWindow {
  start = 0;
  end = 0;
  text = '';
  constructor(private readonly data: Buffer) {}

  /** Make sure [offset - contextBefore, offset + contextAfter) is inside the window. */
  cover(offset: number): void {
    const wantEnd = Math.min(this.data.length, offset + contextAfter);
    if (Math.max(0, offset - contextBefore) >= this.start && wantEnd <= this.end && this.text !== '') return;
    this.start = Math.max(0, offset - contextBefore);
    this.end = Math.min(this.data.length, Math.max(wantEnd, this.start + windowLength));
    this.text = blankEscapes(this.data.toString('latin1', this.start, this.end));
  }
}

function keyOf(match: RegExpExecArray): { key: string; offset: number } {
  const group = match.indices?.groups?.['key'];
  const value = match.groups?.['key'];
  if (group && value !== undefined) return { key: value, offset: group[0] - match.index };
  return { key: match[0], offset: 0 };
}

/** Run the keyword's rules around one plain hit. */
function matchAroundHit(data: Buffer, window: TextWindow, hit: Hit): Located[] {
  window.cover(hit.offset);
  const { text } = window;
  const hitInWindow = hit.offset - window.start;
  const found: Located[] = [];
  const accept = (rule: CompiledRule, match: RegExpExecArray) => {
    const matchEnd = match.index + match[0].length;
    // A window cut short of the data could hide key characters after the match.
    if (matchEnd >= text.length && window.end < data.length) return;
    const { key, offset } = keyOf(match);
    const start = window.start + match.index + offset;
    found.push({ rule, key, start, end: start + key.length, at: start });
  };
  for (const rule of hit.needle.rules) {
    if (rule.anchored) {
      // The rule's match starts with this keyword: one attempt exactly here, never a search.
      rule.anchored.lastIndex = hitInWindow;
      const match = rule.anchored.exec(text);
      if (match) accept(rule, match);
      continue;
    }
    const pattern = rule.pattern;
    pattern.lastIndex = Math.max(0, hitInWindow - contextBefore);
    for (let match = pattern.exec(text); match && match.index <= hitInWindow; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex++;
      else if (match.index + match[0].length > hitInWindow) accept(rule, match);
    }
  }
  return found;
}

/** More than the base64 form of the longest key a rule allows (~190 characters), with room to align. */
const base64CutOverlap = 1024;

/** The base64 text around an encoded keyword, as byte offsets, not reaching back before `floor`. */
function base64RunAround(data: Buffer, offset: number, floor: number): { start: number; end: number } {
  let start = offset;
  const lowest = Math.max(floor, offset - maxBase64Run);
  while (start > lowest && isBase64Byte(data[start - 1])) start--;
  // Too long to decode whole: start just before the keyword instead; the alignment loop finds the quantum.
  if (start === lowest && isBase64Byte(data[start - 1])) start = Math.max(floor, offset - 8);
  let end = offset;
  while (end < data.length && end - start < maxBase64Run && isBase64Byte(data[end])) end++;
  if (isBase64Byte(data[end]) && end - offset < base64CutOverlap) {
    // Cut by the cap right after the keyword: the key would touch the cut and be dropped.
    // Start later instead, so the keyword sits well inside the decoded run.
    start = Math.max(start, offset + base64CutOverlap - maxBase64Run);
    while (end < data.length && end - start < maxBase64Run && isBase64Byte(data[end])) end++;
  }
  while (end < data.length && data[end] === 0x3d) end++;
  return { start, end };
}

/** Plain keys in data (used on decoded base64), and whether any keyword was there at all. */
function plainKeys(data: Buffer, engine: Engine): { keys: Located[]; sawKeyword: boolean } {
  const window = new TextWindow(data);
  const hits = findHits(data, engine.prefilter).filter((hit) => hit.needle.encoding === 'plain');
  return { keys: hits.flatMap((hit) => matchAroundHit(data, window, hit)), sawKeyword: hits.length > 0 };
}

/** Decode a base64 run once; report keys inside at the run's place. */
function keysInBase64(data: Buffer, run: { start: number; end: number }, engine: Engine): Located[] {
  const text = data.toString('latin1', run.start, run.end);
  // The text before the keyword may start mid-quantum (an identifier glued to it, a window edge):
  // try each alignment until one decodes to a keyword; then that alignment is the right one.
  // A run cut by the length cap (or by the previous run's cap) continues past its ends: a key
  // touching a cut end might go on, or might be the tail of a longer identifier, so it is not trusted.
  const cutBefore = isBase64Byte(data[run.start - 1]);
  const cutAfter = isBase64Byte(data[run.end]);
  for (let shift = 0; shift < 4; shift++) {
    const decoded = Buffer.from(text.slice(shift), 'base64');
    const { keys, sawKeyword } = plainKeys(decoded, engine);
    if (!sawKeyword) continue;
    const whole = keys.filter((k) => !(cutBefore && k.start < 2) && !(cutAfter && k.end > decoded.length - 3));
    // Decoded byte i is carried by characters floor(4i/3) .. ceil(4(i+1)/3) of the aligned text.
    return whole.map((k) => ({
      rule: k.rule,
      key: k.key,
      start: run.start,
      end: run.end,
      at: run.start + shift + Math.floor((k.start * 4) / 3),
      atEnd: run.start + shift + Math.ceil((k.end * 4) / 3),
      encoding: 'base64' as const,
    }));
  }
  return [];
}

function bodyOf(key: string, rule: CompiledRule): string {
  return key.startsWith(rule.prefix) ? key.slice(rule.prefix.length) : key;
}

const bodyAlphabets = new WeakMap<CompiledRule, number | undefined>();
/** A repeated character class, as a key body is written in a rule (`[A-Za-z0-9]{16,128}`). */
const repeatedClass = /\[((?:\\.|[^\]\\])+)\]\{\d+(?:,\d+)?\}/g;

/**
 * How many printable ASCII characters a rule's key body is drawn from: its last repeated
 * character class (62 for `[A-Za-z0-9]{16,128}`), or undefined when it has none. The
 * placeholder checks weigh evidence against a random body of this alphabet.
 */
function bodyAlphabet(rule: CompiledRule): number | undefined {
  if (bodyAlphabets.has(rule)) return bodyAlphabets.get(rule);
  let size: number | undefined;
  const last = [...rule.pattern.source.matchAll(repeatedClass)].pop();
  if (last) {
    try {
      const member = new RegExp(`^[${last[1] ?? ''}]$`);
      size = 0;
      for (let code = 0x21; code < 0x7f; code++) if (member.test(String.fromCharCode(code))) size++;
    } catch {
      size = undefined;
    }
  }
  bodyAlphabets.set(rule, size);
  return size;
}

/** Every candidate key: plain hits matched in place, encoded hits decoded once per base64 run. */
function locateKeys(data: Buffer, engine: Engine): Located[] {
  const window = new TextWindow(data);
  const located: Located[] = [];
  let decodedUpTo = 0;
  const encodedAt = new Set<number>();
  for (const hit of findHits(data, engine.prefilter)) {
    if (hit.needle.encoding === 'plain') {
      located.push(...matchAroundHit(data, window, hit));
    } else if (hit.offset >= decodedUpTo) {
      const run = base64RunAround(data, hit.offset, decodedUpTo);
      // A run cut by the length cap drops a key touching the cut: let the next run overlap this
      // one's end by more than any encoded key, so that key is decoded whole there.
      decodedUpTo = isBase64Byte(data[run.end]) ? Math.max(hit.offset + 1, run.end - base64CutOverlap) : run.end;
      // The overlap can decode a key twice: keep each encoded key once.
      for (const key of keysInBase64(data, run, engine)) {
        if (encodedAt.has(key.at)) continue;
        encodedAt.add(key.at);
        located.push(key);
      }
    }
  }
  return located;
}

/**
 * Find every key in `data`: prefilter on raw bytes, then the rules' regexes at the hits,
 * base64 decoding around encoded hits, placeholder and inline-allow suppression, and
 * line/column location. Linear in the size of the data. Pure: no I/O.
 */
export function detectKeys(data: Buffer, engine: Engine, options: DetectOptions = {}): KeyMatch[] {
  const ownedFrom = options.ownedFrom ?? 0;
  const ownedTo = options.ownedTo ?? data.length;
  const seen = new Set<string>();
  const candidates = locateKeys(data, engine).filter((match) => {
    const id = `${match.rule.id}\0${match.start}\0${match.key}`;
    if (seen.has(id) || match.at < ownedFrom || match.at >= ownedTo) return false;
    seen.add(id);
    const body = bodyOf(match.key, match.rule);
    return placeholderReason(body, match.rule.minEntropy, options.placeholderWords ?? true, bodyAlphabet(match.rule)) === undefined;
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.start - b.start);
  const locator = new LineLocator(data, options.startLine ?? 1, options.firstLineColumnOffset ?? 0);
  const results: KeyMatch[] = [];
  const inlineAllow = options.inlineAllow ?? true;
  for (const match of candidates) {
    const lineStart = locator.lineStart(match.start);
    if (inlineAllow && lineStart === 0 && options.firstLineAllowed) continue;
    if (inlineAllow && containsInlineAllow(data.subarray(lineStart, locator.lineEnd(match.start)))) continue;
    // Encoded text that began in an earlier window is reported where it began.
    const carried = match.encoding && match.start === 0 ? options.continuedBase64 : undefined;
    const line = carried?.line ?? locator.lineAt(match.start);
    const column = carried?.column ?? locator.columnAt(match.start);
    results.push({
      rule: match.rule,
      key: match.key,
      start: match.start,
      end: match.end,
      line,
      column,
      endColumn: locator.columnAt(match.start) + locator.utf16Length(match.start, match.end),
      ...(match.encoding ? { encoding: match.encoding } : {}),
      ...(match.atEnd !== undefined ? { encoded: { start: match.at, end: match.atEnd } } : {}),
    });
  }
  return results;
}
