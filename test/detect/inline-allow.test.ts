import { describe, expect, it } from 'vitest';
import { detectText } from '../helpers/engine.js';
import { base64, keyFactory } from '../helpers/keys.js';

/** SPEC §4: a line containing `keywarden:allow` (or gitleaks' `gitleaks:allow`) is not reported. */
const keys = keyFactory(0x616c6c6f);
const or = keys.openrouter();
const live = keys.tokenrouterLive();

const cases: { name: string; text: string; lines: number[] }[] = [
  { name: 'a trailing # keywarden:allow', text: `K=${or} # keywarden:allow`, lines: [] },
  { name: 'a trailing // gitleaks:allow', text: `const k = "${or}"; // gitleaks:allow`, lines: [] },
  { name: 'the marker before the key', text: `/* keywarden:allow */ K=${live}`, lines: [] },
  { name: 'the marker glued to other text', text: `K=${live} #keywarden:allow-test-fixture`, lines: [] },
  { name: 'the marker on the line above', text: `# keywarden:allow\nK=${or}\n`, lines: [2] },
  { name: 'the marker on the line below', text: `K=${or}\n# keywarden:allow\n`, lines: [1] },
  { name: 'only the marked line of two', text: `A=${or} # keywarden:allow\r\nB=${live}\r\n`, lines: [2] },
  { name: 'a marked CRLF line', text: `A=1\r\nB=${live} # keywarden:allow\r\nC=2\r\n`, lines: [] },
  { name: 'a marked base64 value', text: `data:\n  key: ${base64(or)} # keywarden:allow\n  other: ${base64(live)}\n`, lines: [3] },
  { name: 'a differently spelled marker is not a marker', text: `K=${or} # keywarden: allow`, lines: [1] },
  { name: 'upper case is not a marker', text: `K=${or} # KEYWARDEN:ALLOW`, lines: [1] },
];

describe('inline allow markers', () => {
  it.each(cases)('$name → reported lines $lines', ({ text, lines }) => {
    expect(detectText(text).map((m) => m.line)).toEqual(lines);
  });
});
