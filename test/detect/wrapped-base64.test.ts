import { describe, expect, it } from 'vitest';
import { findHits } from '../../src/detect/prefilter.js';
import { builtin, detectText } from '../helpers/engine.js';
import { base64, keyFactory } from '../helpers/keys.js';

/**
 * Issue 11, item 3: base64 wrapped over lines (GNU `base64` at 76 columns, PEM at 64, MIME at
 * 76 with CRLF) is joined across the line breaks, and a key inside is reported at the line and
 * column of the first character that encodes it, up to the end of its encoding on that line.
 */
const keys = keyFactory(0x77726170);
const or = keys.openrouter();
const ar = keys.agentrouter(48);
const live = keys.tokenrouterLive(40);

interface Layout {
  name: string;
  width: number;
  lineEnd: string;
  /** Text before the block (its own lines) and the indentation of each block line. */
  head: string;
  indent: string;
  tail: string;
}

const layouts: Layout[] = [
  { name: 'GNU base64 (76 columns)', width: 76, lineEnd: '\n', head: '', indent: '', tail: '\n' },
  { name: 'PEM (64 columns)', width: 64, lineEnd: '\n', head: '-----BEGIN ENV-----\n', indent: '', tail: '\n-----END ENV-----\n' },
  { name: 'MIME (76 columns, CRLF)', width: 76, lineEnd: '\r\n', head: 'Content-Transfer-Encoding: base64\r\n\r\n', indent: '', tail: '\r\n' },
  { name: 'a YAML block scalar (indented, 64 columns)', width: 64, lineEnd: '\n', head: 'data:\n  env: |\n', indent: '    ', tail: '\n' },
];

/** `blob` encoded and wrapped as `layout` writes it; and where the key at byte `keyAt` of the blob is reported. */
function wrapped(layout: Layout, blob: string, keyAt: number, keyLength: number) {
  const encoded = base64(blob);
  const lines: string[] = [];
  for (let at = 0; at < encoded.length; at += layout.width) lines.push(layout.indent + encoded.slice(at, at + layout.width));
  const text = layout.head + lines.join(layout.lineEnd) + layout.tail;
  // The characters carrying the key's bits: floor(4p/3) up to ceil(4(p+n)/3) of the encoded text.
  const first = Math.floor((keyAt * 4) / 3);
  const end = Math.ceil(((keyAt + keyLength) * 4) / 3);
  const row = Math.floor(first / layout.width);
  const headLines = layout.head.split('\n').length - 1;
  const column = layout.indent.length + (first % layout.width) + 1;
  const endOnRow = Math.min(end, (row + 1) * layout.width);
  return { text, line: headLines + row + 1, column, endColumn: column + endOnRow - first };
}

/**
 * Whether a line break of `layout` falls inside the three characters the prefilter searches the
 * encoded keyword by (its anchor): the one place a break hides the key (see the limit below).
 */
function anchorCut(layout: Layout, blob: string): boolean {
  const encoded = base64(blob);
  const { prefilter } = builtin().engine;
  const [hit] = findHits(Buffer.from(encoded), prefilter).filter((found) => found.needle.encoding === 'base64');
  if (!hit) throw new Error('no encoded keyword');
  const anchor = prefilter.anchors.find((candidate) => candidate.needles.some((entry) => entry.needle === hit.needle));
  const within = anchor?.needles.find((entry) => entry.needle === hit.needle)?.at ?? 0;
  const anchorAt = hit.offset + within;
  return Math.floor(anchorAt / layout.width) !== Math.floor((anchorAt + (anchor?.bytes.length ?? 3) - 1) / layout.width);
}

describe('a key in wrapped base64 is found wherever the line breaks fall', () => {
  it.each(layouts)('$name: the key at every offset of a line', (layout) => {
    // Shifting the key by one byte at a time moves its encoding a third of a character at a
    // time, through every position of the line breaks: inside the prefix's encoding, the body's,
    // and right at its first and last characters.
    const span = (layout.width / 4) * 3 + 3;
    for (const key of [or, ar, live]) {
      let cut = 0;
      for (let pad = 0; pad <= span; pad++) {
        const keyAt = 47 + pad;
        const blob = `# ${'='.repeat(36 + pad)}\nAPI_KEY=${key}\nDEBUG=false\nOTHER=${'x'.repeat(50)}\n`;
        expect(blob.indexOf(key)).toBe(keyAt);
        const { text, line, column, endColumn } = wrapped(layout, blob, keyAt, key.length);
        const found = detectText(text).map((match) => ({ key: match.key, encoding: match.encoding, line: match.line, column: match.column, endColumn: match.endColumn }));
        if (anchorCut(layout, blob)) {
          // The known limit: a break inside the anchor (2 places in a line) hides the keyword.
          cut++;
          expect(found, `key at byte ${keyAt}`).toEqual([]);
        } else {
          expect(found, `key at byte ${keyAt}`).toEqual([{ key, encoding: 'base64', line, column, endColumn }]);
        }
      }
      // One line's worth of offsets passes each break over the anchor once: 2 places, 3 with the wrap-around.
      expect(cut).toBeLessThanOrEqual(3);
    }
  });

  it('two keys in one wrapped .env, each at its own line', () => {
    const blob = `A=${or}\n${'#'.repeat(100)}\nB=${live}\n`;
    const layout = layouts[0] as Layout;
    const first = wrapped(layout, blob, 2, or.length);
    const second = wrapped(layout, blob, blob.indexOf(live), live.length);
    expect(detectText(first.text).map((match) => [match.key, match.line, match.column])).toEqual([
      [or, first.line, first.column],
      [live, second.line, second.column],
    ]);
  });

  it('lines of unequal width, or padded before the end, are not joined: a key encoded on one line is reported at that line', () => {
    const value = base64(`K=${ar}`);
    // A list of base64 values, one per line, each padded: not one wrapped text.
    const text = `${base64('x'.repeat(61))}\n${value}\n${base64('y'.repeat(61))}\n`;
    const found = detectText(text);
    expect(found.map((match) => [match.key, match.line, match.column, match.endColumn])).toEqual([[ar, 2, 1, 1 + value.length]]);
  });
});
