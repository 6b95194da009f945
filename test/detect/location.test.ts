import { describe, expect, it } from 'vitest';
import { LineLocator } from '../../src/detect/locate.js';
import { detectText } from '../helpers/engine.js';
import { keyFactory } from '../helpers/keys.js';

/**
 * Lines and columns are 1-based, `endColumn` is exclusive, and columns count UTF-16 code
 * units (SARIF's default, what editors and GitHub show). The expected numbers are
 * written out by hand.
 */
const keys = keyFactory(0x6c6f6361);
const or = keys.openrouter(); // 73 characters
const ar = keys.agentrouter(20); // 26 characters

const cases: { name: string; text: string; line: number; column: number; endColumn: number }[] = [
  { name: 'at the very start', text: or, line: 1, column: 1, endColumn: 74 },
  { name: 'after K=', text: `K=${or}`, line: 1, column: 3, endColumn: 76 },
  { name: 'on line 3', text: `a\nbb\nK=${or}\n`, line: 3, column: 3, endColumn: 76 },
  { name: 'after CRLF lines', text: `a\r\nbb\r\nK=${or}\r\n`, line: 3, column: 3, endColumn: 76 },
  { name: 'after empty lines', text: `\n\n\n\n${ar}`, line: 5, column: 1, endColumn: 27 },
  { name: 'after a tab', text: `\t${ar}`, line: 1, column: 2, endColumn: 28 },
  { name: 'after é (2 bytes, 1 unit)', text: `é ${ar}`, line: 1, column: 3, endColumn: 29 },
  { name: 'after 日本 (6 bytes, 2 units)', text: `日本 ${ar}`, line: 1, column: 4, endColumn: 30 },
  { name: 'after 🔑 (4 bytes, 2 units)', text: `🔑 ${ar}`, line: 1, column: 4, endColumn: 30 },
  { name: 'after mixed non-ASCII', text: `x\n// 🔑 é 日本: ${or}`, line: 2, column: 13, endColumn: 86 },
  { name: 'non-ASCII on an earlier line only', text: `日本語🔑\nK=${ar}`, line: 2, column: 3, endColumn: 29 },
  { name: 'after a byte-order mark', text: `\ufeffK=${ar}`, line: 1, column: 4, endColumn: 30 },
];

describe('finding locations', () => {
  it.each(cases)('$name → $line:$column-$endColumn', ({ text, line, column, endColumn }) => {
    const found = detectText(text);
    expect(found.map((m) => ({ line: m.line, column: m.column, endColumn: m.endColumn }))).toEqual([{ line, column, endColumn }]);
  });

  it('endColumn - column is the key length, and the span in the line is the key', () => {
    for (const { text } of cases) {
      const [m] = detectText(text);
      if (!m) throw new Error('no finding');
      const lineText = text.split('\n')[m.line - 1] ?? '';
      expect(lineText.slice(m.column - 1, m.endColumn - 1)).toBe(m.key);
    }
  });

  it('byte offsets (start, end) delimit the key in the UTF-8 data', () => {
    const text = `日本 🔑\nK=${or}`;
    const data = Buffer.from(text);
    const [m] = detectText(text);
    expect(data.toString('utf8', m?.start, m?.end)).toBe(or);
  });

  it('startLine shifts every line; firstLineColumnOffset shifts columns of the first line only', () => {
    const text = `K=${ar}\nK=${ar}`;
    expect(detectText(text, { startLine: 10, firstLineColumnOffset: 100 }).map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [10, 103, 129],
      [11, 3, 29],
    ]);
  });

  it('findings come in the order of the text', () => {
    const text = `${ar}\n${or} ${ar}\n`;
    expect(detectText(text).map((m) => [m.line, m.column])).toEqual([
      [1, 1],
      [2, 1],
      [2, 75],
    ]);
  });
});

describe('LineLocator', () => {
  const data = Buffer.from('ab\ncé\n\nxyz');
  it.each([
    { offset: 0, line: 1, column: 1 },
    { offset: 1, line: 1, column: 2 },
    { offset: 3, line: 2, column: 1 },
    { offset: 4, line: 2, column: 2 },
    { offset: 6, line: 2, column: 3 }, // the newline after é (2 bytes, 1 unit)
    { offset: 7, line: 3, column: 1 },
    { offset: 8, line: 4, column: 1 },
    { offset: 10, line: 4, column: 3 },
  ])('byte $offset → $line:$column', ({ offset, line, column }) => {
    const locator = new LineLocator(data, 1);
    expect([locator.lineAt(offset), locator.columnAt(offset)]).toEqual([line, column]);
  });

  it('answers offsets asked out of order', () => {
    const locator = new LineLocator(data, 5);
    expect([8, 0, 4, 10].map((offset) => locator.lineAt(offset))).toEqual([8, 5, 6, 8]);
  });

  it('lineStart and lineEnd bound the line of an offset', () => {
    const locator = new LineLocator(data, 1);
    expect([locator.lineStart(4), locator.lineEnd(4)]).toEqual([3, 6]);
    expect([locator.lineStart(9), locator.lineEnd(9)]).toEqual([8, 11]);
  });
});
