import { isBase64Byte } from '../core/text.js';
import type { CompiledRule } from '../core/types.js';

/**
 * Base64 text around an encoded keyword: found on its line, or joined across the line breaks of
 * base64 wrapped at a fixed width (GNU `base64` at 76 columns, PEM at 64, MIME at 76 with CRLF),
 * then decoded, and the keys inside mapped back to the characters that encode them.
 */

/** Longest base64 text decoded around an encoded keyword. */
export const maxBase64Run = 1 << 20;
/** More than the base64 form of the longest key a rule allows (~190 characters), with room to align. */
export const base64CutOverlap = 1024;
/**
 * Shortest line taken as part of wrapped base64: below every usual width (64, 76), above the
 * lines a word or a hash fills (a SHA-1 is 40 characters).
 */
export const minWrapWidth = 48;

/** Byte offsets of base64 text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** The base64 text around an encoded keyword on its line, as byte offsets, not reaching back before `floor`. */
export function base64RunAround(data: Buffer, offset: number, floor: number): Span {
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

/** Offset just past the line break at `at` (`\n` or `\r\n`) and the spaces or tabs after it, or -1. */
function afterLineBreak(data: Buffer, at: number): number {
  if (data[at] === 0x0d) at++;
  if (data[at] !== 0x0a) return -1;
  at++;
  while (data[at] === 0x20 || data[at] === 0x09) at++;
  return at;
}

/** Offset of the line break (its `\r`, or its `\n`) that ends just before the spaces or tabs before `at`, or -1. */
function lineBreakBefore(data: Buffer, at: number): number {
  while (at > 0 && (data[at - 1] === 0x20 || data[at - 1] === 0x09)) at--;
  if (data[at - 1] !== 0x0a) return -1;
  at--;
  return data[at - 1] === 0x0d ? at - 1 : at;
}

/** The base64 characters that end the line before `breakAt` (a line break's first byte), as a span. */
function base64EndingAt(data: Buffer, breakAt: number, floor: number): Span {
  let start = breakAt;
  while (start > floor && breakAt - start < maxBase64Run && isBase64Byte(data[start - 1])) start--;
  return { start, end: breakAt };
}

/** The base64 line before `line` when `line` starts its line (after indentation) and the line before ends in base64; else undefined. */
function lineBefore(data: Buffer, line: Span, floor: number): Span | undefined {
  const breakAt = lineBreakBefore(data, line.start);
  if (breakAt === -1 || breakAt <= floor) return undefined;
  const previous = base64EndingAt(data, breakAt, floor);
  return previous.end > previous.start ? previous : undefined;
}

/** The base64 line after `line` when `line` ends its line and the next is base64 from its start (after indentation) to its end; else undefined. */
function lineAfter(data: Buffer, line: Span): Span | undefined {
  const start = afterLineBreak(data, line.end);
  if (start === -1 || !isBase64Byte(data[start])) return undefined;
  let end = start;
  while (end < data.length && isBase64Byte(data[end])) end++;
  while (end < data.length && data[end] === 0x3d) end++;
  return end === data.length || data[end] === 0x0d || data[end] === 0x0a ? { start, end } : undefined;
}

const lengthOf = (span: Span) => span.end - span.start;
const padded = (data: Buffer, span: Span) => data[span.end - 1] === 0x3d;

/**
 * The lines of wrapped base64 text that `run` (one line's base64) belongs to, in order; `run`
 * alone when it is not wrapped. Wrapped text is lines of one width (at least `minWrapWidth`, a
 * multiple of 4),
 * each base64 from its start (after indentation) to its end, but the last, which may be shorter
 * and padded; the first may follow other text on its line (`data: …`). The joined text stays
 * within `maxBase64Run` and does not reach before `floor`.
 */
export function wrappedLines(data: Buffer, run: Span, floor: number): Span[] {
  const next = padded(data, run) ? undefined : lineAfter(data, run);
  const previous = lineBefore(data, run, floor);
  const width = next ? lengthOf(run) : previous ? lengthOf(previous) : 0;
  // Wrapped lines are whole quanta (64, 76): a line of other width is a value of its own.
  if (width < minWrapWidth || width % 4 !== 0 || (!next && lengthOf(run) > width)) return [run];
  const lines: Span[] = [run];
  let length = lengthOf(run);
  for (let line = previous; line && lengthOf(line) === width && length + width <= maxBase64Run; line = lineBefore(data, line, floor)) {
    lines.unshift(line);
    length += width;
    if (lineBreakBefore(data, line.start) === -1) break; // other text before it: the first line
  }
  for (let line = run, after = next; after && lengthOf(line) === width && !padded(data, line); line = after, after = lineAfter(data, after)) {
    if (lengthOf(after) > width || length + lengthOf(after) > maxBase64Run) break;
    lines.push(after);
    length += lengthOf(after);
  }
  return lines;
}

/** Index of the last of `starts` (increasing) that is at or below `value`. */
export function lineHolding(starts: readonly number[], value: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A key found in base64 text: the characters carrying its bits, [at, atEnd) in the data. */
export interface EncodedKey {
  rule: CompiledRule;
  key: string;
  at: number;
  atEnd: number;
}

/** Finds plain keys in decoded bytes; `sawKeyword` tells whether any keyword was there at all. */
export type PlainKeyFinder = (decoded: Buffer) => { keys: { rule: CompiledRule; key: string; start: number; end: number }[]; sawKeyword: boolean };

/**
 * Decode base64 text (one span, or the lines of wrapped text) once and find the keys inside.
 * `continues`: the text goes on after its last line (the next line of wrapped text), so a key
 * touching its end is not trusted, as one cut by a length cap is not.
 */
export function keysInBase64(data: Buffer, lines: readonly Span[], findPlain: PlainKeyFinder, continues = false): EncodedKey[] {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return [];
  const text = lines.map((line) => data.toString('latin1', line.start, line.end)).join('');
  // Where each line starts in the joined text, to map a character back to the data by binary search.
  const startsAt: number[] = [];
  let joined = 0;
  for (const line of lines) {
    startsAt.push(joined);
    joined += line.end - line.start;
  }
  const offsetOf = (index: number): number => {
    const line = lineHolding(startsAt, index);
    return (lines[line]?.start ?? last.end) + index - (startsAt[line] ?? 0);
  };
  // The text before the keyword may start mid-quantum (an identifier glued to it, a window edge):
  // try each alignment until one decodes to a keyword; then that alignment is the right one.
  // A run cut by the length cap (or by the previous run's cap) continues past its ends: a key
  // touching a cut end might go on, or might be the tail of a longer identifier, so it is not trusted.
  const cutBefore = isBase64Byte(data[first.start - 1]);
  const cutAfter = continues || isBase64Byte(data[last.end]);
  for (let shift = 0; shift < 4; shift++) {
    const decoded = Buffer.from(text.slice(shift), 'base64');
    const { keys, sawKeyword } = findPlain(decoded);
    if (!sawKeyword) continue;
    const whole = keys.filter((k) => !(cutBefore && k.start < 2) && !(cutAfter && k.end > decoded.length - 3));
    // Decoded byte i is carried by characters floor(4i/3) .. ceil(4(i+1)/3) of the aligned text.
    return whole.map((k) => ({
      rule: k.rule,
      key: k.key,
      at: offsetOf(shift + Math.floor((k.start * 4) / 3)),
      atEnd: offsetOf(shift + Math.ceil((k.end * 4) / 3) - 1) + 1,
    }));
  }
  return [];
}
