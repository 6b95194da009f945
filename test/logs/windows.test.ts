/**
 * A log is scanned as it streams in: complete lines at once, a line longer than a window in
 * overlapping windows. Keys across every kind of edge are found once, at the right place,
 * whatever size the chunks arrive in.
 */
import { describe, expect, it } from 'vitest';
import { StreamWindows, windowOverlap } from '../../src/sources/windows.js';
import { positionAt } from '../helpers/engine.js';
import { base64, keyFactory, keyKinds } from '../helpers/keys.js';
import { chunked, located, logFiller, place, scanSources } from '../helpers/logs.js';

const keys = keyFactory(0x6c6f6773);
const windowSize = 64 * 1024;
/** In a line longer than a window, window k starts at byte k * step. */
const step = windowSize - windowOverlap;
const chunkSizes = [1024 * 1024, windowSize + 7, 4096 + 3, 777];

interface Placed {
  at: number;
  key: string;
  /** What the finding's key is: the key itself, or for base64 text the key it encodes. */
  reported: string;
}

function keyFor(i: number): Omit<Placed, 'at'> {
  const kinds = [...keyKinds, 'base64'] as const;
  const kind = kinds[i % kinds.length] ?? 'openrouter';
  if (kind === 'base64') {
    const key = keys.openrouter();
    return { key: base64(key), reported: key };
  }
  const key = kind === 'openrouter' ? keys.openrouter() : keys[kind](128);
  return { key, reported: key };
}

function expected(text: string, placed: readonly Placed[]) {
  return placed.map(({ at, key, reported }) => ({ key: reported, path: 'app.log', ...positionAt(text, at, key.length) }));
}

async function scanText(text: string, chunkSize: number, size = windowSize) {
  const result = await scanSources([{ path: 'app.log', events: chunked(Buffer.from(text, 'latin1'), chunkSize) }], { windowSize: size });
  return located(result.findings);
}

describe('StreamWindows hands on complete lines at once', () => {
  it('a line is scanned when its newline arrives, not when a window fills', () => {
    const windows = new StreamWindows(windowSize);
    expect([...windows.push(Buffer.from('first line\nsecond li'))].map((w) => w.data.toString())).toEqual(['first line\n']);
    expect([...windows.push(Buffer.from('ne goes on'))]).toEqual([]);
    const [second] = [...windows.push(Buffer.from(' and ends\nthird'))];
    expect(second?.data.toString()).toBe('second line goes on and ends\n');
    expect(second?.startLine).toBe(2);
    const [last] = [...windows.end()];
    expect([last?.data.toString(), last?.startLine, last?.ownedFrom, last?.ownedTo]).toEqual(['third', 3, 0, 5]);
  });

  it('a line longer than a window is cut in windows that overlap by windowOverlap and own disjoint consecutive ranges', () => {
    const windows = new StreamWindows(windowSize);
    const line = Buffer.alloc(4 * step + 1000, 'x');
    const cut = [...windows.push(line), ...windows.push(Buffer.from('\n')), ...windows.end()];
    let owned = 0;
    let start = 0;
    for (const window of cut) {
      expect(start + window.ownedFrom).toBe(owned);
      owned = start + window.ownedTo;
      start += window.data.length === windowSize && window.data.indexOf(10) === -1 ? step : window.data.length;
    }
    expect(owned).toBe(line.length + 1);
    // Three full windows; the newline then ends the line within the fourth.
    expect(cut.map((w) => w.data.length)).toEqual([windowSize, windowSize, windowSize, line.length + 1 - 3 * step]);
  });

  it('rejects windows too small to hold the overlap twice', () => {
    expect(() => new StreamWindows(windowOverlap)).toThrow(RangeError);
  });
});

describe('keys around window edges, streamed in chunks of any size, are found once at the right line and column', () => {
  const boundaries = [1, 2, 3].flatMap((k) => [k * step, k * step + windowOverlap / 2, k * step + windowOverlap]);

  it.each([
    { layout: 'short lines', lineLength: 61 },
    { layout: 'one long line', lineLength: 1_000_000 },
  ])('every key start from 140 bytes before to 4 bytes after each edge ($layout)', async ({ lineLength }) => {
    const base = logFiller(4 * step + windowOverlap + 1000, lineLength);
    for (let delta = -140; delta <= 4; delta += 3) {
      let text = base;
      const placed = boundaries.map((boundary, i) => ({ at: boundary + delta, ...keyFor(i) }));
      for (const { at, key } of placed) text = place(text, at, key);
      for (const chunkSize of [chunkSizes[0] ?? 1, chunkSizes[3] ?? 1]) {
        expect(await scanText(text, chunkSize), `delta ${delta}, chunks of ${chunkSize}`).toEqual(expected(text, placed));
      }
    }
  });

  it('a newline near the end of a window cut inside a long line: keys on both sides are owned by exactly one window', async () => {
    // A line longer than a window (cut with an overlap), a newline near where the next window
    // starts or ends, then another long line: windows of both kinds meet around the newline.
    for (const gap of [-1, 0, 1, 100, windowOverlap / 2 - 1, windowOverlap / 2, windowOverlap / 2 + 1, windowOverlap - 1, windowOverlap, windowOverlap + 1]) {
      const newlineAt = windowSize + gap;
      const longLine = (length: number) => 'x '.repeat(length).slice(0, length);
      let text = `${longLine(newlineAt)}\n${longLine(2 * windowSize)}\n${logFiller(windowSize)}`;
      const candidates = [step + windowOverlap / 2 - 100, step + windowOverlap / 2 + 10, newlineAt - 150, newlineAt + 2, newlineAt + 1 + step - 60, newlineAt + 1 + step + windowOverlap / 2 + 3];
      const placed: Placed[] = [];
      for (const at of candidates) {
        const crossesNewline = at - 1 <= newlineAt && at + 142 >= newlineAt;
        if (at < 2 || crossesNewline || placed.some((p) => Math.abs(p.at - at) < 145)) continue;
        placed.push({ at, ...keyFor(placed.length) });
      }
      expect(placed.length).toBeGreaterThanOrEqual(4);
      for (const { at, key } of placed) text = place(text, at, key);
      for (const chunkSize of chunkSizes) {
        expect(await scanText(text, chunkSize), `newline at windowSize + ${gap}, chunks of ${chunkSize}`).toEqual(expected(text, placed));
      }
    }
  });

  it('non-ASCII text before a key on a line longer than a window, cut inside a character', async () => {
    const key = keys.agentrouter();
    for (const char of ['é', '日', '🔑']) {
      for (let split = 0; split < Buffer.byteLength(char); split++) {
        const text = `${'x'.repeat(step - split)}${char}${'y'.repeat(5000)} ${key}\nnext line ${key}\n`;
        const bytes = Buffer.from(text, 'utf8');
        const result = await scanSources([{ path: 'app.log', events: chunked(bytes, 4096) }], { windowSize });
        expect(located(result.findings), `${char} cut after ${split} byte(s)`).toEqual([
          { key, path: 'app.log', ...positionAt(text, text.indexOf(key), key.length) },
          { key, path: 'app.log', ...positionAt(text, text.lastIndexOf(key), key.length) },
        ]);
      }
    }
  });

  it('keywarden:allow suppresses a key on its line even when the line spans windows', async () => {
    const text = `/* keywarden:allow */ ${'z'.repeat(3 * windowSize)} ${keys.openrouter()}\nnot allowed ${keys.openrouter()}\n`;
    const found = await scanText(text, 5000);
    expect(found.map((f) => f.line)).toEqual([2]);
  });

  it('a base64 blob on a line longer than a window: a key encoded past the first window is found, at the blob', async () => {
    const key = keys.openrouter();
    const blob = base64(`${logFiller(3 * windowSize)}\nOPENROUTER_API_KEY=${key}\n`);
    const text = `secret: ${blob}\n`;
    expect(await scanText(text, 3000)).toEqual([{ key, path: 'app.log', ...positionAt(text, text.indexOf(blob), blob.length) }]);
  });
});
