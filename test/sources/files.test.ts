import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/detect/detect.js';
import { emptyBatch, scanFile, type BatchResult } from '../../src/run/scan-file.js';
import { looksBinary, openFile, windowOverlap, type FileWindow } from '../../src/sources/files.js';
import { builtin, positionAt } from '../helpers/engine.js';
import { base64, keyFactory, keyKinds } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(0x66696c65);
// The smallest window openFile accepts: the boundaries are the same code paths as with 64 KiB, reached with 4× less text.
const windowSize = 4 * windowOverlap;
/** Window k starts at byte k * step of the file. */
const step = windowSize - windowOverlap;

function engine(): Engine {
  return builtin().engine;
}

async function scan(path: string, options: { maxFileSize?: number; windowSize?: number } = {}): Promise<BatchResult> {
  const into = emptyBatch();
  await scanFile({ absolute: path, path: 'f.txt' }, engine(), { maxFileSize: options.maxFileSize ?? 1 << 30, ...(options.windowSize ? { windowSize: options.windowSize } : {}) }, into);
  return into;
}

function windowsOf(path: string, size = windowSize): FileWindow[] {
  const { read, close } = openFile(path, 1 << 30, size);
  try {
    if (read.kind !== 'windows') throw new Error(`not windows: ${read.kind}`);
    return [...read.windows].map((w) => ({ ...w, data: Buffer.from(w.data) }));
  } finally {
    close();
  }
}

/** Text filler: short lines of words, no key characters glued to what follows. */
function filler(length: number, lineLength = 61): string {
  const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '.repeat(2);
  let out = '';
  while (out.length < length) out += `${words.slice(0, lineLength - 1)}\n`;
  return out.slice(0, length);
}

/** Put `key` at byte `at` of `text` (ASCII), with a space on each side, overwriting the filler. */
function place(text: string, at: number, key: string): string {
  return `${text.slice(0, at - 1)} ${key} ${text.slice(at + key.length + 1)}`;
}

interface Expected {
  key: string;
  line: number;
  column: number;
  endColumn: number;
}

function expectedOf(text: string, placed: { at: number; key: string }[]): Expected[] {
  return placed.map(({ at, key }) => ({ key, ...positionAt(text, at, key.length) }));
}

function found(result: BatchResult): Expected[] {
  return result.findings.map((f) => ({ key: f.key, line: f.line, column: f.column, endColumn: f.endColumn }));
}

describe('openFile splits a large file into overlapping windows', () => {
  it('windows cover the file, overlap by windowOverlap, own disjoint consecutive ranges, and know their first line and column', () => {
    const dir = makeTmpDir('files');
    const text = `${filler(100_000)}${'x'.repeat(150_000)}\n${filler(30_000)}`;
    writeFileSync(join(dir, 'f.txt'), text);
    const windows = windowsOf(join(dir, 'f.txt'));
    expect(windows.length).toBe(Math.ceil((text.length - windowOverlap) / step));
    let owned = 0;
    windows.forEach((window, k) => {
      const start = k * step;
      expect(window.data.toString('latin1')).toBe(text.slice(start, start + windowSize));
      expect(start + window.ownedFrom).toBe(owned);
      owned = start + window.ownedTo;
      const position = positionAt(text, start, 0);
      expect([window.startLine, window.firstLineColumnOffset + 1]).toEqual([position.line, position.column]);
    });
    expect(owned).toBe(text.length);
  });

  it('a file no larger than a window is one window owning everything', () => {
    const dir = makeTmpDir('files');
    writeFileSync(join(dir, 'f.txt'), filler(windowSize));
    expect(windowsOf(join(dir, 'f.txt')).map((w) => [w.data.length, w.startLine, w.firstLineColumnOffset, w.ownedFrom, w.ownedTo])).toEqual([
      [windowSize, 1, 0, 0, windowSize],
    ]);
  });
});

describe('keys around window boundaries are found once, at the right line and column', () => {
  // Boundaries between windows k-1 and k: where k starts, where ownership passes, where k-1 ends.
  const boundaries = [1, 2, 3].flatMap((k) => [k * step, k * step + windowOverlap / 2, k * step + windowOverlap]);
  const kinds = [...keyKinds, 'base64'] as const;

  it.each([
    { layout: 'short lines', lineLength: 61 },
    { layout: 'one long line (minified)', lineLength: 1_000_000 },
  ])('every key start from 140 bytes before to 4 bytes after each boundary ($layout)', async ({ lineLength }) => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'f.txt');
    const base = filler(4 * step + windowOverlap + 1000, lineLength);
    for (let delta = -140; delta <= 4; delta++) {
      let text = base;
      const placed = boundaries.map((boundary, i) => {
        const kind = kinds[i % kinds.length] ?? 'openrouter';
        const key = kind === 'base64' ? base64(keys.openrouter()) : kind === 'openrouter' ? keys.openrouter() : keys[kind](128);
        return { at: boundary + delta, key };
      });
      for (const { at, key } of placed) text = place(text, at, key);
      writeFileSync(path, text);
      const windowed = found(await scan(path, { windowSize }));
      const whole = found(await scan(path));
      const expected = expectedOf(text, placed).map((e) => (e.key.startsWith('c2st') ? { ...e, key: Buffer.from(e.key, 'base64').toString() } : e));
      expect(whole, `delta ${delta}, one window`).toEqual(expected);
      expect(windowed, `delta ${delta}, ${windowSize}-byte windows`).toEqual(expected);
    }
  });

  it('non-ASCII text before a key on a line that crosses a window boundary, split at every byte of a character', async () => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'f.txt');
    const key = keys.agentrouter();
    for (const char of ['é', '日', '🔑']) {
      const bytes = Buffer.byteLength(char);
      for (let split = 0; split < bytes; split++) {
        // The character starts `split` bytes before the first window's step, so the step cuts it.
        const head = 'x'.repeat(step - split);
        const text = `${head}${char}${'y'.repeat(5000)} ${key}\nnext line ${key}\n`;
        writeFileSync(path, text);
        const expected = expectedOf(text, [
          { at: text.indexOf(key), key },
          { at: text.lastIndexOf(key), key },
        ]);
        expect(found(await scan(path, { windowSize })), `${char} split after ${split} byte(s)`).toEqual(expected);
      }
    }
  });

  it('a base64 blob that spans windows: the key encoded past the first window is found', async () => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'f.txt');
    const key = keys.openrouter();
    const blob = base64(`${filler(100_000)}\nOPENROUTER_API_KEY=${key}\n`);
    const text = `kind: Secret\ndata:\n  env: ${blob}\n`;
    writeFileSync(path, text);
    const expected = [{ key, ...positionAt(text, text.indexOf(blob), blob.length) }];
    expect(found(await scan(path)), 'one window').toEqual(expected);
    expect(found(await scan(path, { windowSize })), `${windowSize}-byte windows`).toEqual(expected);
  });

  it('keywarden:allow suppresses a key on its line even when the line spans windows', async () => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'f.txt');
    writeFileSync(path, `/* keywarden:allow */ ${'z'.repeat(70_000)} ${keys.openrouter()}\n`);
    expect(found(await scan(path)), 'one window').toEqual([]);
    expect(found(await scan(path, { windowSize })), `${windowSize}-byte windows`).toEqual([]);
  });
});

describe('what openFile and scanFile read', () => {
  it.each([
    { name: 'a NUL byte at the start', content: () => Buffer.concat([Buffer.from([0]), Buffer.from(`k=${keys.openrouter()}`)]), kind: 'skipped', findings: 0 },
    { name: 'a NUL byte within the first 8000 bytes', content: () => Buffer.from(`k=${keys.openrouter()}\n${'a'.repeat(7000)}\0`), kind: 'skipped', findings: 0 },
    { name: 'a NUL byte after the first 8000 bytes', content: () => Buffer.from(`${'a'.repeat(8000)}\0\nk=${keys.openrouter()}\n`), kind: 'windows', findings: 1 },
    { name: 'UTF-16 text (NULs between ASCII bytes): decoded, not binary', content: () => Buffer.from(`k=${keys.openrouter()}`, 'utf16le'), kind: 'encoded', findings: 1 },
    { name: 'text with high bytes but no NUL (Latin-1)', content: () => Buffer.from(`caf\xe9 k=${keys.openrouter()}`, 'latin1'), kind: 'windows', findings: 1 },
  ])('$name → $kind', async ({ content, kind, findings }) => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'f.bin');
    writeFileSync(path, content());
    const { read, close } = openFile(path, 1 << 30);
    close();
    expect(read.kind === 'skipped' ? `${read.kind}:${read.reason}` : read.kind).toBe(kind === 'skipped' ? 'skipped:binary' : kind);
    const result = await scan(path);
    expect(result.findings).toHaveLength(findings);
    expect(result.warnings).toEqual([]);
    expect(result.files).toBe(kind === 'skipped' ? 0 : 1);
  });

  it.each(['secrets.dat', 'dump.bin', 'image.png', 'no-extension'])('a text file named %s is scanned: sniffing is by content, not name', async (name) => {
    const dir = makeTmpDir('files');
    const path = join(dir, name);
    const key = keys.tokenrouterLive();
    writeFileSync(path, `token=${key}\n`);
    const result = await scan(path);
    expect(result.findings.map((f) => f.key)).toEqual([key]);
    expect([result.files, result.bytes]).toEqual([1, key.length + 7]);
  });

  it('an empty file is skipped without a warning', async () => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'empty.env');
    writeFileSync(path, '');
    const { read, close } = openFile(path, 1 << 30);
    close();
    expect(read).toEqual({ kind: 'skipped', reason: 'empty' });
    expect(await scan(path)).toEqual(emptyBatch());
  });

  it('a file over maxFileSize is not read and gives a warning naming it and both sizes', async () => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'big.log');
    writeFileSync(path, `k=${keys.openrouter()}\n${'a'.repeat(2 * 1024 * 1024)}`);
    const { read, close } = openFile(path, 1024 * 1024);
    close();
    expect(read.kind).toBe('too-large');
    const result = await scan(path, { maxFileSize: 1024 * 1024 });
    expect(result.findings).toEqual([]);
    expect(result.files).toBe(0);
    expect(result.warnings).toEqual([{ path: 'f.txt', message: 'not scanned: 2.0 MiB is over --max-file-size 1.0 MiB' }]);
  });

  it('a file of exactly maxFileSize is scanned', async () => {
    const dir = makeTmpDir('files');
    const path = join(dir, 'edge.txt');
    const text = `k=${keys.openrouter()}\n`;
    writeFileSync(path, text);
    expect((await scan(path, { maxFileSize: text.length })).findings).toHaveLength(1);
    expect((await scan(path, { maxFileSize: text.length - 1 })).warnings).toHaveLength(1);
  });

  it('a file that cannot be opened is a warning (incomplete: the run cannot pass), not an exception', async () => {
    const dir = makeTmpDir('files');
    const into = emptyBatch();
    await scanFile({ absolute: join(dir, 'gone.txt'), path: 'gone.txt' }, engine(), { maxFileSize: 1 << 20 }, into);
    expect(into).toEqual({ findings: [], warnings: [{ path: 'gone.txt', message: 'not scanned: ENOENT', kind: 'incomplete' }], files: 0, bytes: 0 });
  });

  it('looksBinary checks the first 8000 bytes for a NUL', () => {
    expect(looksBinary(Buffer.from('plain text'))).toBe(false);
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe(true);
    expect(looksBinary(Buffer.concat([Buffer.alloc(7999, 'a'), Buffer.from([0])]))).toBe(true);
    expect(looksBinary(Buffer.concat([Buffer.alloc(8000, 'a'), Buffer.from([0])]))).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
});
