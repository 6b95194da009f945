/**
 * Escapes around and inside keys. Text is handled here as latin1 (one character per byte), so an
 * offset in it is a byte offset in the data.
 *
 * Two views of escaped text are used. `blankEscapes` keeps every offset and blanks escapes with
 * spaces, so an escape right before or after a key (`\n` in a JSON string, `%3D` in a URL,
 * `ESC[31m` in a coloured log line) reads as a boundary. `decodeEscapes` reads the text as the
 * program it is meant for would (JSON.parse, a URL decoder, an HTML parser, a terminal), so a
 * key written with escapes inside it (`sk\u002dor…`, `%73%6B%2D…`, `&#45;`, a colour change in
 * the middle of a key) is whole again; it records where each decoded character came from.
 */

// A run of backslashes with the escape it ends in: `\\n` in doubly escaped JSON is still a newline.
const escapes = /\x1b\[[0-9;?]*[ -/]*[@-~]|\\+(?:u[0-9a-fA-F]{4}|[nrtbf"'/])?|%[0-9A-Fa-f]{2}/g;
const mayContainEscape = /[\x1b\\%]/;

export function blankEscapes(text: string): string {
  if (!mayContainEscape.test(text)) return text;
  return text.replace(escapes, (escape) => ' '.repeat(escape.length));
}

/** Bytes that start an escape `decodeEscapes` reads: ESC, `\`, `%` and `&`. */
export function isEscapeIntroducer(byte: number | undefined): boolean {
  return byte === 0x1b || byte === 0x5c || byte === 0x25 || byte === 0x26;
}

/** Text with its escapes decoded, and for each decoded character the source range it came from. */
export interface DecodedText {
  text: string;
  /** Source offset where the escape (or character) that gave `text[i]` starts. */
  starts: Int32Array;
  /** Source offset just past it. */
  ends: Int32Array;
}

const ESC = 0x1b;
/** What a single-letter backslash escape stands for. */
const letterEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', e: '\x1b', '"': '"', "'": "'", '/': '/' };
/** Named HTML entities for characters that may border or belong to a key. */
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lowbar: '_', UnderBar: '_' };

const hexDigits = /^[0-9a-fA-F]+$/;
const longestCsi = 64;
const longestOsc = 1024;

function hexAt(source: string, at: number, length: number): number | undefined {
  const digits = source.slice(at, at + length);
  return digits.length === length && hexDigits.test(digits) ? parseInt(digits, 16) : undefined;
}

/** One escape read at `at`: the character it stands for and its source length, or undefined. */
function escapeAt(source: string, at: number, end: number): { char: string; length: number } | undefined {
  const code = source.charCodeAt(at);
  if (code === 0x5c) {
    let after = at;
    while (after < end && source.charCodeAt(after) === 0x5c) after++;
    const letter = source[after];
    if (letter === 'u') {
      const value = hexAt(source, after + 1, 4);
      if (value !== undefined && after + 5 <= end) return { char: String.fromCharCode(value), length: after + 5 - at };
    } else if (letter === 'x') {
      const value = hexAt(source, after + 1, 2);
      if (value !== undefined && after + 3 <= end) return { char: String.fromCharCode(value), length: after + 3 - at };
    } else if (letter === '0' && source.startsWith('033', after) && after + 3 <= end) {
      return { char: '\x1b', length: after + 3 - at };
    } else if (letter !== undefined && after < end && letterEscapes[letter] !== undefined) {
      return { char: letterEscapes[letter] ?? '', length: after + 1 - at };
    }
    // Backslashes escaping nothing we read: one backslash, never a key character.
    return { char: '\\', length: after - at };
  }
  if (code === 0x25) {
    const value = hexAt(source, at + 1, 2);
    return value !== undefined && at + 3 <= end ? { char: String.fromCharCode(value), length: 3 } : undefined;
  }
  if (code === 0x26) {
    const semicolon = source.indexOf(';', at + 2);
    if (semicolon === -1 || semicolon >= end || semicolon - at > 10) return undefined;
    const name = source.slice(at + 1, semicolon);
    let value: number | undefined;
    if (/^#[0-9]{1,7}$/.test(name)) value = parseInt(name.slice(1), 10);
    else if (/^#[xX][0-9a-fA-F]{1,6}$/.test(name)) value = parseInt(name.slice(2), 16);
    else if (namedEntities[name] !== undefined) return { char: namedEntities[name] ?? '', length: semicolon + 1 - at };
    if (value === undefined || value > 0x10ffff) return undefined;
    // One decoded character per escape: a character beyond the 16-bit range is never a key's anyway.
    return { char: value > 0xffff ? '\ufffd' : String.fromCharCode(value), length: semicolon + 1 - at };
  }
  return undefined;
}

/**
 * Length of the terminal control sequence starting at decoded character `at` (an ESC), or 0:
 * CSI (`ESC [ params final`: colours, `ESC[K`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`: titles,
 * hyperlinks) and two- or three-character escapes (`ESC(B`, `ESC=`). `oscEnd` finds the end of
 * an OSC string; it must be amortized linear over increasing positions.
 */
function controlSequenceLength(chars: readonly string[], at: number, oscEnd: (from: number) => number): number {
  const next = chars[at + 1];
  if (next === '[') {
    let i = at + 2;
    while (i < chars.length && i - at < longestCsi && /^[0-9;:<=>?]$/.test(chars[i] ?? '')) i++;
    while (i < chars.length && i - at < longestCsi && /^[ -/]$/.test(chars[i] ?? '')) i++;
    return i < chars.length && /^[@-~]$/.test(chars[i] ?? '') ? i + 1 - at : 0;
  }
  if (next === ']') {
    const end = oscEnd(at + 2);
    return end !== -1 && end - at <= longestOsc ? end - at : 0;
  }
  if (next === '(' || next === ')') return chars[at + 2] !== undefined ? 3 : 0;
  if (next !== undefined && /^[=>78cDEHMNOZ]$/.test(next)) return 2;
  return 0;
}

/**
 * A function giving, for increasing positions, the end of the first OSC terminator (BEL or
 * `ESC \`) at or after the position, or -1: each character is looked at once in all.
 */
function nextOscTerminator(chars: readonly string[]): (from: number) => number {
  let searched = 0;
  let found = -1;
  let foundAt = -1;
  return (from) => {
    if (foundAt >= from) return found;
    for (let i = Math.max(from, searched); i < chars.length; i++) {
      const length = chars[i] === '\x07' ? 1 : chars[i] === '\x1b' && chars[i + 1] === '\\' ? 2 : 0;
      if (length > 0) {
        searched = i + length;
        foundAt = i;
        found = i + length;
        return found;
      }
    }
    searched = chars.length;
    return -1;
  };
}

/**
 * Decode `source[from, to)`: backslash escapes (`\u002d`, `\x2d`, `\n`, `\e`, `\033`, any run
 * of backslashes before them), percent escapes (`%2D`), HTML character references (`&#45;`,
 * `&#x2d;`, `&lowbar;`), and terminal control sequences, which are removed (what a terminal
 * shows holds none of them, even when they sit inside a key: `grep --color` output). Linear in
 * the length: every escape has a bounded length, and an OSC string's end is searched for once.
 * Offsets in the result are offsets in `source`.
 */
export function decodeEscapes(source: string, from = 0, to = source.length): DecodedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = from; at < to; ) {
    const escape = isEscapeIntroducer(source.charCodeAt(at)) ? escapeAt(source, at, to) : undefined;
    chars.push(escape ? escape.char : (source[at] ?? ''));
    starts.push(at);
    at += escape ? escape.length : 1;
    ends.push(at);
  }
  // Terminal sequences are removed from the decoded text: an escaped ESC (`\u001b[31m` in a
  // JSON log) starts one as well as a raw one.
  const oscEnd = nextOscTerminator(chars);
  let text = '';
  const keptStarts: number[] = [];
  const keptEnds: number[] = [];
  for (let i = 0; i < chars.length; ) {
    const char = chars[i] ?? '';
    if (char.charCodeAt(0) === ESC) {
      const length = controlSequenceLength(chars, i, oscEnd);
      if (length > 0) {
        i += length;
        continue;
      }
    }
    text += char;
    keptStarts.push(starts[i] ?? 0);
    keptEnds.push(ends[i] ?? 0);
    i++;
  }
  return { text, starts: Int32Array.from(keptStarts), ends: Int32Array.from(keptEnds) };
}
