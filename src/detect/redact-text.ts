import { redact } from '../core/secret.js';
import { detectKeys, type Engine, type KeyMatch } from './detect.js';
import { maskEncodedKey } from './mask.js';
import { placeholderReason } from './placeholder.js';

/**
 * Text that is not a scanned file but is printed all the same — a path, a git author, a
 * branch name, an error message quoting argv — with every key in it masked. The one redaction
 * of every output: reports' metadata, warnings, errors, the action's summary.
 *
 * Stricter than a scan, because a key printed here leaks whether or not it is a finding:
 * - a key glued to other characters (`backup-sk-or-v1-…`, `--x-sk-or-v1-…`, `nope-tr_live_…`)
 *   is masked too, though a scan's look-behind rightly refuses it in source code, and so is a
 *   key followed by more key characters (`sk-or-v1-` and 65 hex digits, two keys glued together);
 * - a `keywarden:allow` marker or a placeholder word (`fake`) in the text hides nothing;
 * - a key in base64 text has the characters that encode it replaced, as `keywarden redact` does.
 */

/** Where a key sits (byte offsets) and how it is masked. */
interface KeySpan {
  start: number;
  end: number;
  key: string;
  prefix: string;
  encoded: boolean;
}

/** Messages are not source files: a marker or a placeholder word in them hides no key (see `keywarden redact`). */
const messageOptions = { inlineAllow: false, placeholderWords: false } as const;

/** Each engine's keywords as bytes, found once. */
const keywordBytes = new WeakMap<Engine, Buffer[]>();

function keywordsOf(engine: Engine): Buffer[] {
  let found = keywordBytes.get(engine);
  if (!found) {
    found = [...new Set(engine.rules.flatMap((rule) => rule.keywords))].filter((keyword) => keyword !== '').map((keyword) => Buffer.from(keyword, 'utf8'));
    keywordBytes.set(engine, found);
  }
  return found;
}

/**
 * The text with the printable ASCII byte before each keyword made a space (same length, so
 * offsets hold), or undefined when no keyword is glued to anything: then a rule's look-behind
 * no longer refuses a key that continues a longer word.
 */
function detachedKeywords(bytes: Buffer, keywords: readonly Buffer[]): Buffer | undefined {
  let copy: Buffer | undefined;
  for (const keyword of keywords) {
    for (let at = bytes.indexOf(keyword, 1); at !== -1; at = bytes.indexOf(keyword, at + 1)) {
      const before = bytes[at - 1] ?? 0;
      if (before > 0x20 && before < 0x7f) (copy ??= Buffer.from(bytes))[at - 1] = 0x20;
    }
  }
  return copy;
}

/** The body of a key that runs on into more key characters: at least as long as the shortest body a built-in rule allows. */
const continuedBody = /[A-Za-z0-9]{16,}/y;

/**
 * Keys a rule's look-ahead refuses because more key characters follow: for each rule whose keys
 * start with its prefix, the prefix and the whole run of letters and digits after it, unless
 * that run is a placeholder. Offsets are bytes.
 */
function continuedKeys(bytes: Buffer, engine: Engine): KeySpan[] {
  const text = bytes.toString('latin1');
  const spans: KeySpan[] = [];
  for (const rule of engine.rules) {
    if (!rule.anchored || rule.prefix === '') continue;
    // Each run is read once: the search goes on after it (linear even when the prefix is letters that repeat).
    for (let at = text.indexOf(rule.prefix); at !== -1; at = text.indexOf(rule.prefix, Math.max(at + 1, continuedBody.lastIndex))) {
      continuedBody.lastIndex = at + rule.prefix.length;
      const body = continuedBody.exec(text)?.[0];
      if (body === undefined || placeholderReason(body, rule.minEntropy, false) !== undefined) continue;
      spans.push({ start: at, end: continuedBody.lastIndex, key: rule.prefix + body, prefix: rule.prefix, encoded: false });
    }
  }
  return spans;
}

function spanOf(match: KeyMatch): KeySpan {
  const where = match.encoded ?? match;
  return { start: where.start, end: where.end, key: match.key, prefix: match.rule.prefix, encoded: match.encoding !== undefined };
}

/** Every key in the text, in order, overlapping spans merged: those a scan finds, and those glued to more text. */
function keySpans(bytes: Buffer, engine: Engine): KeySpan[] {
  const spans = [...detectKeys(bytes, engine, messageOptions).map(spanOf), ...continuedKeys(bytes, engine)];
  const detached = detachedKeywords(bytes, keywordsOf(engine));
  if (detached) spans.push(...detectKeys(detached, engine, messageOptions).filter((match) => !match.encoding).map(spanOf));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: KeySpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Replace every key in `text` with its redacted form (`sk-or-v1-e2e4…ecbe`; in base64 text,
 * `[base64:sk-or-v1-e2e4…ecbe]`). `onKey` is told each raw key masked (the action hides them
 * in the runner's log too). Text without a key comes back as the same string.
 */
export function redactKeys(text: string, engine: Engine, onKey?: (key: string) => void): string {
  const bytes = Buffer.from(text, 'utf8');
  const spans = keySpans(bytes, engine);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    onKey?.(span.key);
    const found = bytes.toString('utf8', span.start, span.end);
    out += bytes.toString('utf8', at, span.start) + (span.encoded ? maskEncodedKey(span.key, span.prefix, 'redacted') : redact(found, span.prefix));
    at = span.end;
  }
  return out + bytes.toString('utf8', at);
}

/** Mask anything that starts like a known key, for when the rules themselves could not be loaded. */
export function redactKeyLikeTokens(text: string, prefixes: readonly string[]): string {
  if (prefixes.length === 0) return text;
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return text.replace(new RegExp(`(${escaped.join('|')})[A-Za-z0-9_-]{4,}`, 'g'), (_token, prefix: string) => `${prefix}…`);
}
