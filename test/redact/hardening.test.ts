import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { StreamRedactor } from '../../src/run/redact-stream.js';
import { seededRandom } from '../../src/rules/examples.js';
import { builtin, detectText } from '../helpers/engine.js';
import { base64, keyFactory, prefixes } from '../helpers/keys.js';

/**
 * Issue 11 for `keywarden redact`: keys glued to other characters (item 7), keys written with
 * escapes inside them (item 2) and keys in wrapped base64 (item 3) are masked, however the
 * input is cut into reads. Expected outputs are built from where each key was planted.
 */
const engine = builtin().engine;
const keys = keyFactory(0x68617264);
const or = keys.openrouter();
const ar = keys.agentrouter(40);
const live = keys.tokenrouterLive(32);
const test = keys.tokenrouterTest(48);

const bytes = (text: string) => Buffer.from(text, 'latin1');

function prefixOf(key: string): string {
  const prefix = Object.values(prefixes).find((p) => key.startsWith(p));
  if (!prefix) throw new Error('not a test key');
  return prefix;
}
const mask = (key: string) => redact(key, prefixOf(key));

/** The redactor's output for `reads`, in order. */
function redactReads(reads: Buffer[]): string {
  const redactor = new StreamRedactor({ engine });
  const out: Buffer[] = [];
  for (const read of reads) out.push(Buffer.concat(redactor.push(read)));
  out.push(Buffer.concat(redactor.end()));
  return Buffer.concat(out).toString('utf8');
}

/** `text` redacted whole, cut in two at every byte, and cut into random reads: each must give `expected`. */
function expectRedacted(text: string, expected: string): void {
  const data = bytes(text);
  expect(redactReads([data])).toBe(expected);
  for (let cut = 1; cut < data.length; cut++) {
    expect(redactReads([data.subarray(0, cut), data.subarray(cut)]), `cut at byte ${cut}`).toBe(expected);
  }
  const random = seededRandom(data.length);
  for (let trial = 0; trial < 20; trial++) {
    const reads: Buffer[] = [];
    for (let at = 0; at < data.length; ) {
      const size = 1 + Math.floor(random() * 12);
      reads.push(data.subarray(at, at + size));
      at += size;
    }
    expect(redactReads(reads), `random reads, trial ${trial}`).toBe(expected);
  }
}

describe('item 7: a key glued to other characters is masked (reports keep the stricter rule)', () => {
  it.each([
    { name: 'a letter before', text: `id=x${ar} ok\n`, expected: `id=x${mask(ar)} ok\n`, reported: [] },
    { name: 'an underscore before', text: `_${live}\n`, expected: `_${mask(live)}\n`, reported: [] },
    { name: 'a word before (tasksk-or-v1-…)', text: `task${or}\n`, expected: `task${mask(or)}\n`, reported: [] },
    { name: 'a digit before', text: `9${test}\n`, expected: `9${mask(test)}\n`, reported: [] },
    { name: 'a letter after a hex body', text: `${or}g\n`, expected: `${mask(or)}g\n`, reported: [] },
    { name: 'one hex digit too many', text: `${or}a\n`, expected: `${mask(or)}a\n`, reported: [] },
    // A body of letters and digits runs on into the letter: one key, for reports too.
    { name: 'a letter after an alphanumeric body', text: `${ar}g\n`, expected: `${mask(`${ar}g`)}\n`, reported: [`${ar}g`] },
  ])('$name', ({ text, expected, reported }) => {
    expectRedacted(text, expected);
    expect(detectText(text).map((match) => match.key)).toEqual(reported);
  });
});

describe('item 2: a key written with escapes inside it is masked whole, escapes included', () => {
  const jsonU = (text: string) => text.replace(/[-_]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const percentAll = (text: string) => [...text].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('');
  it.each([
    { name: 'grep colours inside a body', before: 'log: ', written: `${ar.slice(0, 20)}\x1b[01;31m\x1b[K${ar.slice(20, 30)}\x1b[m\x1b[K${ar.slice(30)}`, key: ar, after: '\n' },
    { name: 'grep colours cutting the keyword', before: 'log: \x1b[01;31m\x1b[K', written: `${or.slice(0, 8)}\x1b[m\x1b[K${or.slice(8)}`, key: or, after: '\n' },
    { name: 'JSON \\u002d', before: '{"key":"', written: jsonU(or), key: or, after: '"}\n' },
    { name: 'JSON \\u005f', before: '{"key":"', written: jsonU(test), key: test, after: '"}\n' },
    { name: 'fully percent-encoded', before: 'GET /?k=', written: percentAll(live), key: live, after: ' HTTP/1.1\n' },
    { name: 'HTML &#45;', before: '<td>', written: ar.replace(/-/g, '&#45;'), key: ar, after: '</td>\n' },
  ])('$name', ({ before, written, key, after }) => {
    expectRedacted(`${before}${written}${after}`, `${before}${mask(key)}${after}`);
  });
});

describe('item 3: a key in wrapped base64 is masked across the line breaks, and the lines stay', () => {
  it.each([
    { name: 'GNU base64, 76 columns', width: 76, lineEnd: '\n' },
    { name: 'MIME, 76 columns, CRLF', width: 76, lineEnd: '\r\n' },
    { name: 'PEM, 64 columns', width: 64, lineEnd: '\n' },
  ])('$name', ({ width, lineEnd }) => {
    for (const pad of [0, 1, 2, 20]) {
      const blob = `# ${'-'.repeat(40 + pad)}\nOPENROUTER_API_KEY=${or}\nDEBUG=0\n${'#'.repeat(60)}\n`;
      const encoded = base64(blob);
      const lines: string[] = [];
      for (let at = 0; at < encoded.length; at += width) lines.push(encoded.slice(at, at + width));
      const text = `${lines.join(lineEnd)}${lineEnd}`;
      // Characters floor(4p/3) .. ceil(4(p+n)/3) of the encoded text carry the key; in the text,
      // each full line before a character adds its line end.
      const keyAt = blob.indexOf(or);
      const first = Math.floor((keyAt * 4) / 3);
      const end = Math.ceil(((keyAt + or.length) * 4) / 3);
      const offset = (index: number) => index + Math.floor(index / width) * lineEnd.length;
      const breaks = Math.floor((end - 1) / width) - Math.floor(first / width);
      const expected = `${text.slice(0, offset(first))}[base64:${mask(or)}]${lineEnd.repeat(breaks)}${text.slice(offset(end - 1) + 1)}`;
      expect(breaks, `pad ${pad}`).toBeGreaterThan(0);
      expectRedacted(text, expected);
    }
  });
});
