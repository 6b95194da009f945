import { containsInlineAllow, isBase64Byte } from '../core/text.js';
import type { CompiledRule } from '../core/types.js';
import { base64CutOverlap, base64RunAround, keysInBase64, lineHolding, wrappedLines, type EncodedKey, type Span } from './base64.js';
import { LineLocator } from './locate.js';
import { placeholderReason } from './placeholder.js';
import { buildPrefilter, findHits, type Hit, type Prefilter } from './prefilter.js';
import { contextAfter, contextBefore, DecodedWindow, EscapeScanner, RawWindow, type View } from './views.js';

/** Compiled rules plus their prefilter: everything detection needs, built once per thread. */
export interface Engine {
  rules: CompiledRule[];
  prefilter: Prefilter;
  /** Each keyword with the rules that hold it, looked for in decoded text. */
  keywords: { keyword: string; rules: CompiledRule[] }[];
}

/**
 * `byteCounts`: how often each byte value occurs in a sample of the data to be scanned, to pick
 * prefilter anchors that are rare in it (see `buildPrefilter`); without it, a table measured on
 * source code decides.
 */
export function createEngine(rules: CompiledRule[], byteCounts?: ArrayLike<number>): Engine {
  const keywords = new Map<string, CompiledRule[]>();
  for (const rule of rules) for (const keyword of rule.keywords) keywords.set(keyword, [...(keywords.get(keyword) ?? []), rule]);
  return { rules, prefilter: buildPrefilter(rules, byteCounts), keywords: [...keywords].map(([keyword, withIt]) => ({ keyword, rules: withIt })) };
}

/** A key located in a buffer, before it is wrapped into a Finding. Offsets are bytes. */
export interface KeyMatch {
  rule: CompiledRule;
  /** The key as a program reading the text would get it: escapes inside it decoded, base64 decoded. */
  key: string;
  /**
   * Byte offsets in the scanned data of what is reported: the key as written (escapes inside it
   * included), or the base64 text holding it; for base64 wrapped over several lines, the part of
   * the line where the key's encoding starts.
   */
  start: number;
  end: number;
  line: number;
  column: number;
  endColumn: number;
  encoding?: 'base64';
  /**
   * Base64 matches only: byte offsets of the characters that encode the key itself (every
   * character carrying any of its bits; across line breaks when wrapped). What `redact` replaces.
   */
  encoded?: Span;
  /** Base64 matches only: the whole base64 text holding the key (all its lines when wrapped). */
  container?: Span;
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
  /**
   * Match keys glued to other characters too (`x<key>`, `<key>g`, `_<key>`): each rule's pattern
   * without the look-behind before the key and the look-ahead after it. `redact` masks every
   * key-shaped run, glued or not: a filter should mask too much rather than too little. Reports
   * keep the rules as written (default false).
   */
  glued?: boolean;
}

interface Located {
  rule: CompiledRule;
  key: string;
  /** What is reported: the key as written, or base64 text holding it. */
  start: number;
  end: number;
  /** Where the key itself begins (in base64 text: where its encoding begins); decides which window owns it. */
  at: number;
  encoding?: 'base64';
  /** Base64 only: where the characters encoding the key end (exclusive); they begin at `at`. */
  atEnd?: number;
  /** Base64 only: the whole base64 text. */
  container?: Span;
  /** Read through decoded escapes. */
  decoded?: boolean;
}

/** Everything one scan of a buffer shares: the views cut from it and how the rules are read. */
interface Scan {
  data: Buffer;
  engine: Engine;
  glued: boolean;
  raw: RawWindow;
  decoded: DecodedWindow;
  escapes: EscapeScanner;
}

function startScan(data: Buffer, engine: Engine, glued: boolean): Scan {
  return { data, engine, glued, raw: new RawWindow(data), decoded: new DecodedWindow(data), escapes: new EscapeScanner(data) };
}

function keyOf(match: RegExpExecArray): { key: string; offset: number } {
  const group = match.indices?.groups?.['key'];
  const value = match.groups?.['key'];
  if (group && value !== undefined) return { key: value, offset: group[0] - match.index };
  return { key: match[0], offset: 0 };
}

/** A rule's patterns, searching (`pattern`) and one-attempt (`anchored`, see CompiledRule). */
interface RulePatterns {
  pattern: RegExp;
  anchored?: RegExp;
}

const leadingLookbehind = /^\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)/;
const trailingLookahead = /\(\?[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)$/;
const gluedPatterns = new WeakMap<CompiledRule, RulePatterns>();

/** The rule's patterns without a leading look-behind and a trailing look-ahead: keys glued to other characters match too. */
function gluedPatternsOf(rule: CompiledRule): RulePatterns {
  let glued = gluedPatterns.get(rule);
  if (!glued) {
    const source = rule.pattern.source.replace(leadingLookbehind, '').replace(trailingLookahead, '');
    glued = {
      pattern: new RegExp(source, rule.pattern.flags),
      ...(rule.anchored ? { anchored: new RegExp(source, rule.anchored.flags) } : {}),
    };
    gluedPatterns.set(rule, glued);
  }
  return glued;
}

/** Run `rules` at the keyword that starts at `at` in `view`; keys come back with data offsets. */
function matchInView(view: View, at: number, rules: readonly CompiledRule[], glued: boolean): Located[] {
  const { text } = view;
  const found: Located[] = [];
  const accept = (rule: CompiledRule, match: RegExpExecArray) => {
    // A view cut short of the data could hide key characters after the match.
    if (match.index + match[0].length >= text.length && view.cutShort) return;
    const { key, offset } = keyOf(match);
    if (key.length === 0) return;
    const first = match.index + offset;
    const start = view.startOf(first);
    found.push({ rule, key, start, end: view.endOf(first + key.length - 1), at: start });
  };
  for (const rule of rules) {
    const { anchored, pattern } = glued ? gluedPatternsOf(rule) : rule;
    if (anchored) {
      // The rule's match starts with this keyword: one attempt exactly here, never a search.
      anchored.lastIndex = at;
      const match = anchored.exec(text);
      if (match) accept(rule, match);
      continue;
    }
    pattern.lastIndex = Math.max(0, at - contextBefore);
    for (let match = pattern.exec(text); match && match.index <= at; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex++;
      else if (match.index + match[0].length > at) accept(rule, match);
    }
  }
  return found;
}

/**
 * Run the keyword's rules around one plain hit: on the text as written (escapes blanked), and,
 * when an escape lies near, on the text with its escapes decoded, so a key with an escape inside
 * it (`ESC[K` in grep output, `\u002d`, `%2D`) is whole. Plain text never pays for decoding.
 */
function matchPlainHit(scan: Scan, hit: Hit): Located[] {
  scan.raw.cover(hit.offset);
  const found = matchInView(scan.raw, scan.raw.indexAt(hit.offset), hit.needle.rules, scan.glued);
  if (!scan.escapes.any(hit.offset - contextBefore, hit.offset + contextAfter)) return found;
  scan.decoded.cover(hit.offset, contextBefore, contextAfter);
  const decoded = matchInView(scan.decoded, scan.decoded.indexAt(hit.offset), hit.needle.rules, scan.glued);
  return [...found, ...decoded.map((key) => ({ ...key, decoded: true }))];
}

/** How far around an escape hit a keyword is looked for in the decoded text, in decoded characters. */
const escapeReach = 24;

/**
 * An escape that may stand for part of a keyword (`sk\u002dor…`, `%73%6B%2D…`, `sk-or-v1ESC[mESC[K-`):
 * decode a little text around it, look for the keywords there, and run their rules in decoded text.
 */
function matchEscapeHit(scan: Scan, hit: Hit): Located[] {
  const { decoded } = scan;
  decoded.cover(hit.offset, 4 * escapeReach, 4 * escapeReach);
  const around = decoded.indexAt(hit.offset);
  const from = Math.max(0, around - escapeReach);
  const nearby = decoded.text.slice(from, around + 2 * escapeReach);
  const keywordsAt: { offset: number; rules: CompiledRule[] }[] = [];
  for (const { keyword, rules } of scan.engine.keywords) {
    for (let at = nearby.indexOf(keyword); at !== -1; at = nearby.indexOf(keyword, at + 1)) keywordsAt.push({ offset: decoded.startOf(from + at), rules });
  }
  const found: Located[] = [];
  for (const { offset, rules } of keywordsAt) {
    decoded.cover(offset, contextBefore, contextAfter);
    for (const key of matchInView(decoded, decoded.indexAt(offset), rules, scan.glued)) found.push({ ...key, decoded: true });
  }
  return found;
}

/** An ESC byte, or an ESC written as an escape (`\u001b`, `\x1b`, `\033`, `\e`): a terminal control sequence. */
const terminalEscape = /\x1b|\\(?:u001[bB]|x1[bB]|033|e)/;

/**
 * Keys found in both views of the same text are one key; where they differ, the decoded view is
 * what a program reading the text gets (`sk-ar-…\u0030` is a key ending in 0), so a plain-view
 * match that a decoded one of the same rule runs past is dropped. Not when what joins them is a
 * terminal control sequence: a colour change may sit inside a key (grep highlighting part of it)
 * or right between a key and the next word (`ESC[1mKEYESC[0mtail`); both are kept, so neither
 * reading of it can hide the key.
 */
function preferDecoded(data: Buffer, located: Located[]): Located[] {
  const decoded = located.filter((key) => key.decoded);
  if (decoded.length === 0) return located;
  decoded.sort((a, b) => a.start - b.start);
  const joinedByCharacters = (plain: Located, other: Located) =>
    other.rule === plain.rule &&
    other.key !== plain.key &&
    other.start <= plain.start &&
    other.end >= plain.end &&
    !terminalEscape.test(data.toString('latin1', other.start, plain.start)) &&
    !terminalEscape.test(data.toString('latin1', plain.end, other.end));
  const superseded = (plain: Located) => {
    // The decoded keys starting before this one ends, nearest first: keys are short, so few are looked at.
    let low = 0;
    let high = decoded.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((decoded[middle]?.start ?? 0) < plain.end) low = middle + 1;
      else high = middle;
    }
    for (let i = low - 1; i >= 0 && i >= low - 8; i--) {
      const other = decoded[i];
      if (other && joinedByCharacters(plain, other)) return true;
    }
    return false;
  };
  return located.filter((key) => key.decoded || !superseded(key));
}

/** Plain keys in data (used on decoded base64), and whether any keyword was there at all. */
function plainKeys(data: Buffer, engine: Engine, glued: boolean): { keys: Located[]; sawKeyword: boolean } {
  const scan = startScan(data, engine, glued);
  const hits = findHits(data, engine.prefilter).filter((hit) => hit.needle.encoding !== 'base64');
  const keys = hits.flatMap((hit) => (hit.needle.encoding === 'plain' ? matchPlainHit(scan, hit) : matchEscapeHit(scan, hit)));
  return { keys: preferDecoded(data, keys), sawKeyword: hits.length > 0 };
}

/**
 * The keys in the base64 text around an encoded hit: decoded on its line as it is, and, when the
 * line is part of base64 wrapped over several lines, decoded joined across the line breaks.
 * A key that crosses a break is reported at the line where its encoding starts.
 */
function keysInBase64Around(data: Buffer, run: Span, lines: readonly Span[], engine: Engine, glued: boolean): Located[] {
  const find = (decoded: Buffer) => plainKeys(decoded, engine, glued);
  const first = lines[0] ?? run;
  const last = lines[lines.length - 1] ?? run;
  const continues = last !== run;
  const onItsLine = keysInBase64(data, [run], find, continues).map((key) => ({ ...encodedKey(key), start: run.start, end: run.end, container: run }));
  if (lines.length === 1) return onItsLine;
  const container = { start: first.start, end: last.end };
  const lineStarts = lines.map((line) => line.start);
  const joined = keysInBase64(data, lines, find).map((key) => {
    const line = lines[lineHolding(lineStarts, key.at)] ?? last;
    return { ...encodedKey(key), start: key.at, end: Math.min(key.atEnd, line.end), container };
  });
  // A key read both ways is one key, reported where its encoding starts; one read only on its
  // line (the lines were not one text after all) is kept too.
  const inJoined = new Set(joined.map((key) => `${key.at}\0${key.key}`));
  return [...joined, ...onItsLine.filter((key) => !inJoined.has(`${key.at}\0${key.key}`))];
}

function encodedKey(key: EncodedKey): Omit<Located, 'start' | 'end'> {
  return { rule: key.rule, key: key.key, at: key.at, atEnd: key.atEnd, encoding: 'base64' };
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

/** Every candidate key: plain hits matched in place, escapes decoded around, encoded hits decoded once per base64 text. */
function locateKeys(data: Buffer, engine: Engine, glued: boolean): Located[] {
  const hits = findHits(data, engine.prefilter);
  if (hits.length === 0) return [];
  const scan = startScan(data, engine, glued);
  const located: Located[] = [];
  let decodedUpTo = 0;
  const encodedAt = new Set<string>();
  for (const hit of hits) {
    if (hit.needle.encoding === 'plain') {
      located.push(...matchPlainHit(scan, hit));
    } else if (hit.needle.encoding === 'escape') {
      located.push(...matchEscapeHit(scan, hit));
    } else if (hit.offset >= decodedUpTo) {
      const run = base64RunAround(data, hit.offset, decodedUpTo);
      const lines = wrappedLines(data, run, decodedUpTo);
      const end = lines[lines.length - 1]?.end ?? run.end;
      // A run cut by the length cap drops a key touching the cut: let the next run overlap this
      // one's end by more than any encoded key, so that key is decoded whole there.
      decodedUpTo = isBase64Byte(data[end]) ? Math.max(hit.offset + 1, end - base64CutOverlap) : end;
      // The overlap can decode a key twice: keep each encoded key once.
      for (const key of keysInBase64Around(data, run, lines, engine, glued)) {
        const id = `${key.at}\0${key.key}`;
        if (encodedAt.has(id)) continue;
        encodedAt.add(id);
        located.push(key);
      }
    }
  }
  return preferDecoded(data, located);
}

/**
 * Find every key in `data`: prefilter on raw bytes, then the rules' regexes at the hits (on the
 * text as written, and with its escapes decoded where an escape lies near), base64 decoding
 * around encoded hits (across the line breaks of wrapped base64), placeholder and inline-allow
 * suppression, and line/column location. Linear in the size of the data. Pure: no I/O.
 */
export function detectKeys(data: Buffer, engine: Engine, options: DetectOptions = {}): KeyMatch[] {
  const ownedFrom = options.ownedFrom ?? 0;
  const ownedTo = options.ownedTo ?? data.length;
  const seen = new Set<string>();
  const candidates = locateKeys(data, engine, options.glued ?? false).filter((match) => {
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
      ...(match.container ? { container: match.container } : {}),
    });
  }
  return results;
}
