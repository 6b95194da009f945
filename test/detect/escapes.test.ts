import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { decodeEscapes } from '../../src/detect/normalize.js';
import { toFinding, toWire } from '../../src/detect/finding.js';
import { detectText, positionAt } from '../helpers/engine.js';
import { keyFactory, prefixes, ruleIds } from '../helpers/keys.js';

/**
 * Issue 11, item 2: escapes inside a key do not hide it. The key is read as the program the
 * text is meant for reads it (JSON.parse, a URL decoder, an HTML parser, a terminal), and
 * reported at the first byte of the key as written, up to the last byte of its last escape.
 */
const keys = keyFactory(0x65736361);
const or = keys.openrouter();
const ar = keys.agentrouter(40);
const live = keys.tokenrouterLive(32);
const test = keys.tokenrouterTest(48);

const ruleOf = (key: string) =>
  key.startsWith(prefixes.openrouter) ? ruleIds.openrouter : key.startsWith(prefixes.agentrouter) ? ruleIds.agentrouter : key.startsWith(prefixes.tokenrouterLive) ? ruleIds.tokenrouterLive : ruleIds.tokenrouterTest;

/** Every character escaped by `escape`, or only those `which` picks. */
const escapeEach = (text: string, escape: (char: string) => string, which: (char: string) => boolean = () => true) =>
  [...text].map((char) => (which(char) ? escape(char) : char)).join('');
const hex = (char: string, digits: number) => char.charCodeAt(0).toString(16).padStart(digits, '0');
const separators = (char: string) => char === '-' || char === '_';

const jsonU = (char: string) => `\\u${hex(char, 4)}`;
const jsonUpper = (char: string) => `\\u${hex(char, 4).toUpperCase()}`;
const cHex = (char: string) => `\\x${hex(char, 2)}`;
const percent = (char: string) => `%${hex(char, 2).toUpperCase()}`;
const percentLower = (char: string) => `%${hex(char, 2)}`;
const htmlDecimal = (char: string) => `&#${char.charCodeAt(0)};`;
const htmlHex = (char: string) => `&#x${hex(char, 2)};`;

/** grep --color=always: the match between `ESC[01;31mESC[K` and `ESC[mESC[K`. Cut inside the key only (the key's first and last bytes are its own). */
const grepColour = (text: string, from: number, to: number) => `${text.slice(0, from)}\x1b[01;31m\x1b[K${text.slice(from, to)}\x1b[m\x1b[K${text.slice(to)}`;
const grepStart = '\x1b[01;31m\x1b[K';
const grepEnd = '\x1b[m\x1b[K';
/** ripgrep --color=always. */
const rgStart = '\x1b[0m\x1b[1m\x1b[31m';
const rgEnd = '\x1b[0m';

interface Case {
  name: string;
  /** The key as written in the text. */
  written: string;
  /** The key it stands for. */
  key: string;
  /** Text before and after it. */
  before?: string;
  after?: string;
}

const cases: Case[] = [
  // Terminal colours inside a key.
  { name: 'ESC[K in the middle of a body', written: `${or.slice(0, 40)}\x1b[K${or.slice(40)}`, key: or, before: 'Authorization=' },
  { name: 'grep --color=always: part of the body highlighted', written: grepColour(ar, 20, 30), key: ar, before: 'app.log:12:key=' },
  { name: 'grep --color=always sk-or-v1 (the keyword cut before its last -)', written: `${or.slice(0, 8)}${grepEnd}${or.slice(8)}`, key: or, before: `config.env:3:OPENROUTER_API_KEY=${grepStart}` },
  { name: 'grep --color=always or-v1 (the keyword cut twice)', written: grepColour(or, 3, 8), key: or, before: 'x ' },
  { name: 'grep --color=always _live_', written: grepColour(live, 2, 8), key: live, before: 'TOKEN=' },
  { name: 'ripgrep --color=always sk-ar', written: `${ar.slice(0, 5)}${rgEnd}${ar.slice(5)}`, key: ar, before: `k: ${rgStart}` },
  { name: 'a 256-colour change inside a body', written: `${live.slice(0, 12)}\x1b[38;5;196m${live.slice(12)}`, key: live, before: ' ', after: '\x1b[0m' },
  { name: 'an OSC 8 hyperlink around part of a key', written: `${ar.slice(0, 10)}\x1b]8;;https://x.test\x07${ar.slice(10)}`, key: ar, before: ' ', after: '\x1b]8;;\x07' },
  { name: 'colours escaped in a JSON log (\\u001b[31m)', written: `${test.slice(0, 20)}\\u001b[31m${test.slice(20)}`, key: test, before: '{"msg":"token ', after: '\\u001b[0m"}' },
  // JSON and JavaScript string escapes.
  { name: 'JSON \\u002d for every - (sk\\u002dor\\u002dv1\\u002d…)', written: escapeEach(or, jsonU, separators), key: or, before: '{"key":"', after: '"}' },
  { name: 'JSON \\u002D (upper-case hex)', written: escapeEach(ar, jsonUpper, separators), key: ar, before: '{"key":"', after: '"}' },
  { name: 'JSON \\u005f for every _', written: escapeEach(live, jsonU, separators), key: live, before: '{"key":"', after: '"}' },
  { name: 'every character \\u-escaped', written: escapeEach(test, jsonU), key: test, before: '{"key":"', after: '"}' },
  { name: 'doubly escaped JSON (\\\\u002d)', written: escapeEach(ar, (char) => `\\${jsonU(char)}`, separators), key: ar, before: '{"body":"{\\"key\\":\\"', after: '\\"}"}' },
  { name: 'the first letter escaped (\\u0073k-or-v1-…)', written: `${jsonU('s')}${or.slice(1)}`, key: or, before: '"', after: '"' },
  { name: 'C and Python \\x escapes in a body', written: `${live.slice(0, 12)}${escapeEach(live.slice(12, 20), cHex)}${live.slice(20)}`, key: live, before: 'key = "', after: '"' },
  // URLs.
  { name: 'percent-encoded separators (%2D)', written: escapeEach(ar, percent, separators), key: ar, before: '/v1/chat?key=', after: '&model=x' },
  { name: 'percent-encoded separators (%5F)', written: escapeEach(test, percent, separators), key: test, before: '?token=', after: ' HTTP/1.1' },
  { name: 'fully percent-encoded', written: escapeEach(or, percent), key: or, before: 'GET /?k=', after: ' HTTP/1.1' },
  { name: 'fully percent-encoded, lower-case hex but for the separators', written: escapeEach(live, (char) => (separators(char) ? percent(char) : percentLower(char))), key: live, before: 'GET /?k=', after: '&x=1' },
  // HTML.
  { name: 'HTML &#45;', written: escapeEach(ar, htmlDecimal, separators), key: ar, before: '<code>', after: '</code>' },
  { name: 'HTML &#x2d;', written: escapeEach(or, htmlHex, separators), key: or, before: '<input value="', after: '">' },
  { name: 'HTML &#95;', written: escapeEach(test, htmlDecimal, separators), key: test, before: '<td>', after: '</td>' },
  { name: 'every character an HTML reference', written: escapeEach(ar, htmlHex), key: ar, before: '<p>', after: '</p>' },
];

describe('keys written with escapes inside them are found, where they are written', () => {
  it.each(cases)('$name', ({ written, key, before = 'key: ', after = '\n' }) => {
    const text = `# line one\n${before}${written}${after}`;
    const found = detectText(text);
    const at = text.indexOf(written);
    expect(found.map((match) => ({ ruleId: match.rule.id, key: match.key, line: match.line, column: match.column, endColumn: match.endColumn }))).toEqual([
      { ruleId: ruleOf(key), key, ...positionAt(text, at, written.length) },
    ]);
  });

  it('reads a JSON string as JSON.parse does', () => {
    // Every character escaped, in JSON text that a parser takes as the key.
    const json = `{"apiKey":"${escapeEach(or, jsonU)}"}`;
    expect((JSON.parse(json) as { apiKey: string }).apiKey).toBe(or);
    expect(detectText(json).map((match) => match.key)).toEqual([or]);
  });

  it('reads a URL as decodeURIComponent does', () => {
    const url = `https://x.test/?k=${escapeEach(ar, percent)}`;
    expect(decodeURIComponent(url.slice(url.indexOf('=') + 1))).toBe(ar);
    expect(detectText(url).map((match) => match.key)).toEqual([ar]);
  });

  it('the finding holds the decoded key: its hash, its fingerprint and its redacted form', () => {
    const text = `{"key":"${escapeEach(ar, jsonU, separators)}"}`;
    const [match] = detectText(text);
    if (!match) throw new Error('not found');
    const finding = toFinding(toWire(match, { kind: 'file', path: 'a.json' }), match.rule);
    expect(finding.secretHash).toBe(`sha256:${createHash('sha256').update(ar).digest('hex')}`);
    expect(finding.fingerprint).toBe(`a.json:${ruleIds.agentrouter}:${createHash('sha256').update(ar).digest('hex').slice(0, 16)}`);
    expect(String(finding.secret)).toBe(redact(ar, prefixes.agentrouter));
  });

  it('a key on a later line of a file with multi-byte characters: the column counts UTF-16 units', () => {
    const written = grepColour(or, 10, 20);
    const text = `日本語\n🔑 ${written} 🔑\n`;
    const [match] = detectText(text);
    expect(match).toMatchObject({ key: or, line: 2, column: 4, endColumn: 4 + written.length });
  });
});

describe('what escapes next to a key mean', () => {
  it('an escape that decodes to a key character continues the key (JSON.parse gives that key)', () => {
    const body = keys.body('alnum', 30);
    const text = `{"k":"${prefixes.agentrouter}${body}\\u0041\\u0042"}`;
    expect(detectText(text).map((match) => match.key)).toEqual([`${prefixes.agentrouter}${body}AB`]);
  });

  it('an escape that decodes to a boundary ends the key', () => {
    for (const after of ['\\n', '\\u0020', '%20', '&#32;', '\\"', '%26']) {
      expect(detectText(`"${ar}${after}x"`).map((match) => match.key), after).toEqual([ar]);
    }
  });

  it('a colour change between a key and the next word: both readings are kept, so the key is never lost', () => {
    const text = `\x1b[1m${ar}\x1b[0mtail\n`;
    expect(detectText(text).map((match) => match.key).sort()).toEqual([ar, `${ar}tail`].sort());
    // The same shape as ripgrep colouring the end of a key whose head alone is long enough to be one.
    const coloured = `k: ${test.slice(0, 40)}${rgStart}${test.slice(40)}${rgEnd}\n`;
    expect(detectText(coloured).map((match) => match.key).sort()).toEqual([test, test.slice(0, 40)].sort());
  });

  it('an escape before the keyword that decodes to a letter: still found, as before escapes were decoded', () => {
    expect(detectText(`%41${ar}`).map((match) => match.key)).toEqual([ar]);
  });

  it('escaped text that is no key stays clean', () => {
    for (const text of [
      escapeEach('sk-or-v1-your_key_here', jsonU, separators),
      escapeEach('tr_live_1234567890abcdef1234567890abcdef', percent),
      escapeEach('sk-ar-xxxxxxxxxxxxxxxx', htmlDecimal, separators),
      `${grepColour('sk-or-v1-', 0, 8)}${'0'.repeat(64)}`,
      '\\u002d\\u005f%2D%5F&#45;&#95;\x1b[K',
    ]) {
      expect(detectText(text), text).toEqual([]);
    }
  });
});

describe('limits', () => {
  it('separators escaped as \\x2d or lower-case %2d, with no plain part of the keyword, are not looked for (each would be one more pass over all data)', () => {
    expect(detectText(`"${escapeEach(ar, cHex, separators)}"`)).toEqual([]);
    expect(detectText(`?k=${escapeEach(live, percentLower)}`)).toEqual([]);
  });
});

describe('decodeEscapes', () => {
  it('maps each decoded character back to what it was written as', () => {
    const source = 'a\\u002db%2Dc&#45;d\x1b[31me\\\\x2df';
    const decoded = decodeEscapes(source);
    expect(decoded.text).toBe('a-b-c-de-f');
    expect([...decoded.text].map((_, i) => source.slice(decoded.starts[i], decoded.ends[i]))).toEqual(['a', '\\u002d', 'b', '%2D', 'c', '&#45;', 'd', 'e', '\\\\x2d', 'f']);
  });

  it('leaves what is no escape as it is', () => {
    for (const source of ['100% sure', '%zz', '&amp', '&#;', '\\q', 'C:\\path', '\x1b', '\x1b[', '&#99999999;']) {
      expect(decodeEscapes(source).text, JSON.stringify(source)).toBe(source);
    }
  });
});
