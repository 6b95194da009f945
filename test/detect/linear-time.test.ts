import { afterAll, describe, expect, it } from 'vitest';
import { keyFactory } from '../helpers/keys.js';
import { DetectWorker } from '../helpers/timed-detect.js';

/**
 * Rules and the engine must run in linear time on adversarial input (ARCHITECTURE.md):
 * 512 KiB built to make a naive scanner start a match at every byte. This bounds the work, not
 * the speed: a linear scan of 512 KiB takes a fraction of a second, while a pattern that
 * backtracks quadratically does some 10^11 steps on it (minutes even for the regex engine's
 * tightest loop), so the worker running the scan is stopped
 * after a generous 20 s and the test fails, whatever the machine's load. How fast the scan is
 * (MB/s against ripgrep) is measured in bench/, not here.
 */
const size = 512 * 1024;
const stopAfterMs = 20_000;
const keys = keyFactory(0x6c696e65);

/** `unit` repeated up to `bytes` (fresh random text for each unit when it is a function); only whole units. */
function flood(unit: string | (() => string), bytes = size): Buffer {
  if (typeof unit === 'string') return Buffer.alloc(bytes - (bytes % unit.length), unit);
  const parts: string[] = [];
  let length = 0;
  for (let part = unit(); length + part.length <= bytes; part = unit()) {
    parts.push(part);
    length += part.length;
  }
  return Buffer.from(parts.join(''));
}

/** Base64 of a flood, about `size` bytes once encoded. */
const b64 = (data: Buffer) => Buffer.from(data.toString('base64'));

const inputs: { name: string; data: () => Buffer }[] = [
  { name: 'sk-or-v1- repeated', data: () => flood('sk-or-v1-') },
  { name: 'tr_live_ repeated', data: () => flood('tr_live_') },
  { name: 'tr_test_ repeated', data: () => flood('tr_test_') },
  { name: 'sk-ar- repeated', data: () => flood('sk-ar-') },
  { name: 'sk-ar- + 200 alphanumerics (too long to be a key), repeated', data: () => flood(() => `sk-ar-${keys.chars('alnum', 200)} `) },
  // Ten runs of 52,428 bytes fill the 512 KiB: each far longer than any key (at most 128).
  { name: 'sk-ar- + an endless alphanumeric run', data: () => flood(() => `sk-ar-${keys.chars('alnum', 52_422)}`) },
  { name: 'tr_live_ + 129 alphanumerics, repeated', data: () => flood(() => `tr_live_${keys.chars('alnum', 129)}\n`) },
  { name: 'sk-or-v1- + 65 hex (one too many), repeated', data: () => flood(() => `sk-or-v1-${keys.chars('hex', 65)}\n`) },
  { name: 'sk-or-v1- after ANSI codes, repeated', data: () => flood('\x1b[1;31msk-or-v1-\x1b[0m') },
  { name: 'escapes and keywords, repeated', data: () => flood('\\n%3Dsk-ar-\\u003dtr_live_') },
  { name: 'c2stb3ItdjEt (base64 of sk-or-v1-) repeated', data: () => flood('c2stb3ItdjEt') },
  { name: 'base64 of tr_live_ repeated', data: () => b64(flood('tr_live_', (size / 4) * 3)) },
  { name: 'base64 of sk-ar- + 200 alphanumerics, repeated', data: () => b64(flood(() => `sk-ar-${keys.chars('alnum', 200)} `, (size / 4) * 3)) },
  { name: 'random base64 without keywords', data: () => b64(flood(() => keys.chars('alnum', 1000), (size / 4) * 3)) },
  // Escapes decoded around keywords (issue 11): every kind of escaped separator, and escaped keywords.
  { name: 'escaped separators of every kind, repeated', data: () => flood('\\u002d%2D&#45;\\x5f%5f&#x5F;\x1b[K') },
  { name: 'sk\\u002dor\\u002dv1\\u002d repeated', data: () => flood('sk\\u002dor\\u002dv1\\u002d') },
  { name: '%73%6B%2D%61%72%2D (sk-ar- percent-encoded) repeated', data: () => flood('%73%6B%2D%61%72%2D') },
  { name: 'tr&#95;live&#95; repeated', data: () => flood('tr&#95;live&#95;') },
  { name: 'sk-or-v1 cut by grep colours, repeated', data: () => flood('\x1b[01;31m\x1b[Ksk-or-v1\x1b[m\x1b[K-') },
  { name: 'keywords among unterminated OSC strings', data: () => flood('sk-ar-\x1b]8;;') },
  { name: 'keywords among long CSI parameter runs', data: () => flood(() => `sk-ar-${keys.chars('alnum', 8)}\x1b[${';'.repeat(200)}`) },
  { name: 'keywords among long backslash runs', data: () => flood(() => `tr_live_${keys.chars('alnum', 8)}${'\\'.repeat(300)}u005f`) },
  { name: 'an escaped keyword + 200 escaped alphanumerics (too long to be a key), repeated', data: () => flood(() => `sk%2Dar%2D${[...keys.chars('alnum', 200)].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')} `) },
  { name: 'keyword anchors with escapes beside them, repeated', data: () => flood('\\k-ok-a%ve_&_te\x1b') },
  // Base64 wrapped at 76 columns (issue 11): one block holding a keyword's form on every line, cut anywhere.
  { name: 'wrapped base64 of sk-or-v1- + 65 hex, repeated', data: () => wrap(b64(flood(() => `sk-or-v1-${keys.chars('hex', 65)}\n`, wrappable(76, 1))), 76) },
  { name: 'wrapped base64 of tr_live_ repeated, CRLF at 64 columns', data: () => wrap(b64(flood('tr_live_', wrappable(64, 2))), 64, '\r\n') },
];

/** Bytes whose base64, wrapped at `width` with `lineEnd` bytes, comes to just under `size`. */
function wrappable(width: number, lineEnd: number): number {
  return Math.floor(((size * 0.997 * width) / (width + lineEnd) / 4) * 3);
}

/** Text cut into lines of `width` characters, as GNU base64 (76), PEM (64) and MIME (76, CRLF) write it. */
function wrap(data: Buffer, width: number, lineEnd = '\n'): Buffer {
  const text = data.toString('latin1');
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += width) lines.push(text.slice(at, at + width));
  return Buffer.from(lines.join(lineEnd), 'latin1');
}

describe('detectKeys runs in linear time on 512 KiB of adversarial input', () => {
  const detector = new DetectWorker();
  afterAll(() => detector.close());

  it.each(inputs)('$name', async ({ data }) => {
    const input = data();
    expect(input.length).toBeGreaterThan(size * 0.99);
    expect(input.length).toBeLessThanOrEqual(size);
    const timing = await detector.run(input, stopAfterMs);
    if ('timedOut' in timing) expect.fail(`did not finish within ${timing.timedOut} ms (stopped)`);
    expect(timing.findings).toBe(0);
  }, 60_000);
});
