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

export function createEngine(rules: CompiledRule[]): Engine {
  return { rules, prefilter: buildPrefilter(rules) };
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
}

export interface DetectOptions {
  /** 1-based line of the first byte. */
  startLine?: number;
  /** UTF-16 units of the first line that lie before the data (streamed windows). */
  firstLineColumnOffset?: number;
  /** Only matches starting in [ownedFrom, ownedTo) are reported; overlapping windows use this to report each key once. */
  ownedFrom?: number;
  ownedTo?: number;
}

/** How far before and after a keyword the regex may look. Keys are at most ~140 bytes. */
const contextBefore = 64;
const contextAfter = 1024;
/** Longest base64 text decoded around an encoded keyword. */
const maxBase64Run = 1 << 20;

const inlineAllowMarkers = [Buffer.from('keywarden:allow'), Buffer.from('gitleaks:allow')];

interface Located {
  rule: CompiledRule;
  key: string;
  start: number;
  end: number;
  encoding?: 'base64';
}

function keyOf(match: RegExpExecArray): { key: string; offset: number } {
  const group = match.indices?.groups?.['key'];
  const value = match.groups?.['key'];
  if (group && value !== undefined) return { key: value, offset: group[0] - match.index };
  return { key: match[0], offset: 0 };
}

/** Run the keyword's rules on a small window around one plain hit. */
function matchAroundHit(data: Buffer, hit: Hit): Located[] {
  const windowStart = Math.max(0, hit.offset - contextBefore);
  const windowEnd = Math.min(data.length, hit.offset + contextAfter);
  const text = blankEscapes(data.toString('latin1', windowStart, windowEnd));
  const hitInWindow = hit.offset - windowStart;
  const found: Located[] = [];
  for (const rule of hit.needle.rules) {
    const pattern = rule.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const matchEnd = match.index + match[0].length;
      if (match.index > hitInWindow) break;
      if (matchEnd <= hitInWindow) continue;
      // A window cut short of the data could hide key characters after the match.
      if (matchEnd >= text.length && windowEnd < data.length) continue;
      const { key, offset } = keyOf(match);
      const start = windowStart + match.index + offset;
      found.push({ rule, key, start, end: start + Buffer.byteLength(key) });
    }
  }
  return found;
}

const base64Byte = (byte: number | undefined): boolean =>
  byte !== undefined &&
  ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2b || byte === 0x2f || byte === 0x2d || byte === 0x5f);

/** The base64 text around an encoded keyword, as byte offsets. */
function base64RunAround(data: Buffer, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && offset - start < maxBase64Run && base64Byte(data[start - 1])) start--;
  let end = offset;
  while (end < data.length && end - start < maxBase64Run && base64Byte(data[end])) end++;
  while (end < data.length && data[end] === 0x3d) end++;
  return { start, end };
}

/** Plain keys in data, without locating lines; used on decoded base64. */
function plainKeys(data: Buffer, engine: Engine): Located[] {
  return findHits(data, engine.prefilter)
    .filter((hit) => hit.needle.encoding === 'plain')
    .flatMap((hit) => matchAroundHit(data, hit));
}

/** Decode the base64 text around an encoded hit; report keys inside at the encoded text's place. */
function matchInBase64(data: Buffer, hit: Hit, engine: Engine): Located[] {
  const run = base64RunAround(data, hit.offset);
  const text = data.toString('latin1', run.start, run.end);
  // The text before the keyword may start mid-quantum (an identifier glued to it): try each alignment.
  for (let shift = 0; shift < 4; shift++) {
    const keys = plainKeys(Buffer.from(text.slice(shift), 'base64'), engine);
    if (keys.length > 0) return keys.map((k) => ({ rule: k.rule, key: k.key, start: run.start + shift, end: run.end, encoding: 'base64' as const }));
  }
  return [];
}

function hasInlineAllow(data: Buffer, lineStart: number, lineEnd: number): boolean {
  const line = data.subarray(lineStart, lineEnd);
  return inlineAllowMarkers.some((marker) => line.indexOf(marker) !== -1);
}

function bodyOf(key: string, rule: CompiledRule): string {
  return key.startsWith(rule.prefix) ? key.slice(rule.prefix.length) : key;
}

/**
 * Find every key in `data`: prefilter on raw bytes, then the rules' regexes on windows
 * around the hits, base64 decoding around encoded hits, placeholder and inline-allow
 * suppression, and line/column location. Pure: no I/O.
 */
export function detectKeys(data: Buffer, engine: Engine, options: DetectOptions = {}): KeyMatch[] {
  const hits = findHits(data, engine.prefilter);
  if (hits.length === 0) return [];
  const ownedFrom = options.ownedFrom ?? 0;
  const ownedTo = options.ownedTo ?? data.length;
  const seen = new Set<string>();
  const candidates: Located[] = [];
  for (const hit of hits) {
    const located = hit.needle.encoding === 'plain' ? matchAroundHit(data, hit) : matchInBase64(data, hit, engine);
    for (const match of located) {
      const id = `${match.rule.id}\0${match.start}\0${match.key}`;
      if (seen.has(id) || match.start < ownedFrom || match.start >= ownedTo) continue;
      seen.add(id);
      if (placeholderReason(bodyOf(match.key, match.rule), match.rule.minEntropy)) continue;
      candidates.push(match);
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  const locator = new LineLocator(data, options.startLine ?? 1, options.firstLineColumnOffset ?? 0);
  const results: KeyMatch[] = [];
  for (const match of candidates) {
    if (hasInlineAllow(data, locator.lineStart(match.start), locator.lineEnd(match.start))) continue;
    const column = locator.columnAt(match.start);
    results.push({
      rule: match.rule,
      key: match.key,
      start: match.start,
      end: match.end,
      line: locator.lineAt(match.start),
      column,
      endColumn: column + data.toString('utf8', match.start, match.end).length,
      ...(match.encoding ? { encoding: match.encoding } : {}),
    });
  }
  return results;
}
