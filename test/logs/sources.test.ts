/**
 * What `keywarden logs` reads: which files a command line names (globs of rotated sets in
 * version order), and their bytes, decompressed when the content is gzip, whatever the name.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { readLog, readLogBytes, resolveLogInputs, stdinPath, type LogEvent, type LogInput } from '../../src/sources/logs.js';
import { positionAt } from '../helpers/engine.js';
import { seededRandom } from '../../src/rules/examples.js';
import { keyFactory } from '../helpers/keys.js';
import { located, logFiller, place, scanSources } from '../helpers/logs.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(0x677a6970);

async function bytesOf(events: AsyncIterable<LogEvent>): Promise<{ text: string; starts: number }> {
  const parts: Buffer[] = [];
  let starts = 0;
  for await (const event of events) {
    if (event.kind === 'start') starts++;
    else parts.push(event.data);
  }
  return { text: Buffer.concat(parts).toString('utf8'), starts };
}

const fileInput = (dir: string, name: string): LogInput => ({ kind: 'file', path: name, absolute: join(dir, name), regular: true });
const paths = (inputs: readonly LogInput[]) => inputs.map((input) => input.path);

describe('resolveLogInputs', () => {
  it('expands a glob of a rotated set in version order: app.log, app.log.1, app.log.2.gz, … app.log.10.gz', async () => {
    const dir = writeTree(makeTmpDir('logs'), { 'app.log': 'a', 'app.log.1': 'b', 'app.log.2.gz': 'c', 'app.log.10.gz': 'd', 'app.log.3': 'e', 'other.log': 'f' });
    const { inputs, warnings } = await resolveLogInputs(['app.log*'], { stdinIsTTY: true, cwd: dir });
    expect(paths(inputs)).toEqual(['app.log', 'app.log.1', 'app.log.2.gz', 'app.log.3', 'app.log.10.gz']);
    expect(warnings).toEqual([]);
  });

  it('reads each file once, in the order given; a file named like a glob is read as it is', async () => {
    const dir = writeTree(makeTmpDir('logs'), { 'b.log': 'b', 'a.log': 'a', 'app[1].log': 'x' });
    const { inputs } = await resolveLogInputs(['b.log', '*.log', 'app[1].log', './b.log'], { stdinIsTTY: true, cwd: dir });
    expect(paths(inputs)).toEqual(['b.log', 'a.log', 'app[1].log']);
  });

  it('a glob that matches nothing is a warning; a missing path or a directory is a usage error', async () => {
    const dir = writeTree(makeTmpDir('logs'), { 'logs/app.log': 'a' });
    expect(await resolveLogInputs(['nothing*.log'], { stdinIsTTY: true, cwd: dir })).toEqual({ inputs: [], warnings: [{ path: 'nothing*.log', message: 'no file matches this pattern' }] });
    await expect(resolveLogInputs(['missing.log'], { stdinIsTTY: true, cwd: dir })).rejects.toThrow(new UsageError('no such file: missing.log'));
    await expect(resolveLogInputs(['logs'], { stdinIsTTY: true, cwd: dir })).rejects.toThrow(/logs is a directory: name its files, or a quoted glob such as "logs\/\*\.log"/);
    expect(paths((await resolveLogInputs(['logs/*.log'], { stdinIsTTY: true, cwd: dir })).inputs)).toEqual(['logs/app.log']);
  });

  it('- is stdin, read once; no FILE reads stdin when it is piped and is a usage error at a terminal', async () => {
    const dir = writeTree(makeTmpDir('logs'), { 'a.log': 'a' });
    expect(paths((await resolveLogInputs(['-', 'a.log', '-'], { stdinIsTTY: true, cwd: dir })).inputs)).toEqual([stdinPath, 'a.log']);
    expect((await resolveLogInputs([], { stdinIsTTY: false, cwd: dir })).inputs).toEqual([{ kind: 'stdin', path: '<stdin>' }]);
    await expect(resolveLogInputs([], { stdinIsTTY: true, cwd: dir })).rejects.toThrow(UsageError);
  });

  it('paths are relative to the current directory inside it, absolute outside; excluded paths are left out', async () => {
    const outside = writeTree(makeTmpDir('logs'), { 'far.log': 'x' });
    const dir = writeTree(makeTmpDir('logs'), { 'sub/a.log': 'a', 'sub/skip.log': 's' });
    const { inputs } = await resolveLogInputs(['sub/*.log', join(outside, 'far.log')], { stdinIsTTY: true, cwd: dir, excluded: (path) => path.endsWith('skip.log') });
    expect(paths(inputs)).toEqual(['sub/a.log', join(outside, 'far.log')]);
  });
});

describe('readLog: gzip is told apart by content', () => {
  const text = `first line\nsecond ${'line '.repeat(50)}\nthird\n`;

  it.each([
    ['a plain file', () => Buffer.from(text), 'app.log'],
    ['gzip named .gz', () => gzipSync(text), 'app.log.1.gz'],
    ['gzip without the suffix', () => gzipSync(text), 'app.log.1'],
    ['gzip of several members (concatenated, as logrotate may write)', () => Buffer.concat([gzipSync(text.slice(0, 15)), gzipSync(text.slice(15, 100)), gzipSync(text.slice(100))]), 'app.log.2.gz'],
    ['a plain file named .gz', () => Buffer.from(text), 'not-really.gz'],
  ])('%s', async (_name, content, name) => {
    const dir = makeTmpDir('logs');
    writeFileSync(join(dir, name), content());
    expect(await bytesOf(readLog(fileInput(dir, name)))).toEqual({ text, starts: 1 });
  });

  it('an empty file and a one-byte file are plain', async () => {
    const dir = writeTree(makeTmpDir('logs'), { empty: '', one: Buffer.from([0x1f]) });
    expect(await bytesOf(readLog(fileInput(dir, 'empty')))).toEqual({ text: '', starts: 1 });
    expect((await bytesOf(readLog(fileInput(dir, 'one')))).text).toBe('\x1f');
  });

  it('corrupt or truncated gzip throws a zlib error after the bytes it could decompress', async () => {
    const dir = makeTmpDir('logs');
    const whole = gzipSync(logFiller(200_000));
    writeFileSync(join(dir, 'cut.gz'), whole.subarray(0, whole.length >> 1));
    writeFileSync(join(dir, 'garbage.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not gzip at all')]));
    const parts: Buffer[] = [];
    await expect(async () => {
      for await (const event of readLog(fileInput(dir, 'cut.gz'))) if (event.kind === 'data') parts.push(event.data);
    }).rejects.toMatchObject({ code: 'Z_BUF_ERROR' });
    expect(Buffer.concat(parts).length).toBeGreaterThan(0);
    await expect(bytesOf(readLog(fileInput(dir, 'garbage.gz')))).rejects.toMatchObject({ code: expect.stringMatching(/^Z_/) as unknown });
  });

  it('stdin is read as a stream, gzip too', async () => {
    const stdin = new PassThrough();
    stdin.end(gzipSync(text));
    expect(await bytesOf(readLog({ kind: 'stdin', path: stdinPath }, { stdin }))).toEqual({ text, starts: 1 });
  });

  it('a stream that never ends stops when the signal aborts, handing on what it read', async () => {
    const stdin = new PassThrough();
    stdin.write('a line read before the stop\n');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await bytesOf(readLog({ kind: 'stdin', path: stdinPath }, { stdin, signal: controller.signal }))).toEqual({ text: 'a line read before the stop\n', starts: 1 });
  });

  it('readLogBytes (key recovery for verify --report) decompresses by content too', async () => {
    const dir = makeTmpDir('logs');
    writeFileSync(join(dir, 'rotated'), gzipSync(text));
    const parts: Buffer[] = [];
    for await (const chunk of readLogBytes(join(dir, 'rotated'))) parts.push(chunk);
    expect(Buffer.concat(parts).toString()).toBe(text);
  });
});

describe('lines in gzip are lines of the decompressed text', () => {
  it('keys in a multi-member gzip log, across 64 KiB windows and members, at their decompressed line and column', async () => {
    const dir = makeTmpDir('logs');
    let text = logFiller(400_000);
    const at = [10, 65_000, 65_536 - 30, 131_000, 250_000, 399_000 - 200];
    const placed = at.map((offset, i) => ({ at: offset, key: i % 2 ? keys.openrouter() : keys.tokenrouterTest(64) }));
    for (const { at: offset, key } of placed) text = place(text, offset, key);
    const bytes = Buffer.from(text);
    writeFileSync(join(dir, 'app.log.3'), Buffer.concat([gzipSync(bytes.subarray(0, 100_000)), gzipSync(bytes.subarray(100_000))]));
    const result = await scanSources([{ path: 'app.log.3', events: readLog(fileInput(dir, 'app.log.3')) }], { windowSize: 64 * 1024 });
    expect(located(result.findings)).toEqual(placed.map(({ at: offset, key }) => ({ key, path: 'app.log.3', ...positionAt(text, offset, key.length) })));
    expect(result.stats).toMatchObject({ files: 1, bytes: bytes.length });
  });

  it('a corrupt gzip is a warning for that file; what was decompressed before the damage is still scanned, and the next file too', async () => {
    const dir = makeTmpDir('logs');
    const key = keys.openrouter();
    const good = gzipSync(`before the damage ${key}\n${logFiller(1_000_000)}`);
    writeFileSync(join(dir, 'bad.gz'), Buffer.concat([good, Buffer.from('trailing junk that is not gzip')]));
    writeFileSync(join(dir, 'next.log'), `fine ${key}\n`);
    const result = await scanSources([
      { path: 'bad.gz', events: readLog(fileInput(dir, 'bad.gz')) },
      { path: 'next.log', events: readLog(fileInput(dir, 'next.log')) },
    ]);
    expect(located(result.findings).map((f) => [f.path, f.line])).toEqual([
      ['bad.gz', 1],
      ['next.log', 1],
    ]);
    expect(result.warnings).toEqual([{ path: 'bad.gz', message: 'not fully scanned: what follows the gzip data is not gzip, and was not read', kind: 'incomplete' }]);
  });
});

describe('reuseBuffers: the reads of a plain file share two buffers, and nothing found changes', () => {
  const mib = 1024 * 1024;
  // Keys before, across and after each read's edge (reads are 1 MiB) of a 5 MiB log, and at its start and end.
  let text = logFiller(5 * mib);
  const offsets = [2, ...[1, 2, 3, 4].flatMap((k) => [k * mib - 200, k * mib - 40, k * mib + 60]), 5 * mib - 200];
  const placed = offsets.map((at, i) => ({ at, key: i % 2 ? keys.openrouter() : keys.agentrouter() }));
  for (const { at, key } of placed) text = place(text, at, key);
  const encodings = {
    plain: () => Buffer.from(text),
    gzip: () => gzipSync(text),
    utf16le: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  };
  const written = (name: keyof typeof encodings) => {
    const dir = makeTmpDir('logs');
    writeFileSync(join(dir, name), encodings[name]());
    return fileInput(dir, name);
  };

  it.each(Object.keys(encodings) as (keyof typeof encodings)[])('%s: every key found at its line and column, with and without reuse', async (name) => {
    const input = written(name);
    const want = placed.map(({ at, key }) => ({ key, path: name, ...positionAt(text, at, key.length) }));
    for (const reuseBuffers of [true, false]) {
      const result = await scanSources([{ path: name, events: readLog(input, { reuseBuffers }) }]);
      expect(located(result.findings), `reuseBuffers: ${reuseBuffers}`).toEqual(want);
    }
  });

  it('a gzip log of many members over several reads, read with reuseBuffers, loses nothing', async () => {
    // Punctuation that compresses poorly (~4.5 bits a byte): 8 MiB of text is ~4.5 MiB of gzip, five reads.
    const random = seededRandom(17);
    const marks = '!#$()*,.:;<>?@[]^`{|}~ ';
    const lines: string[] = [];
    let length = 0;
    while (length < 8 * mib) {
      const line = Array.from({ length: 99 }, () => marks[Math.floor(random() * marks.length)]).join('');
      lines.push(line);
      length += line.length + 1;
    }
    const keysAt = new Map(Array.from({ length: 9 }, (_, i) => [Math.floor((i * lines.length) / 9) + 3, i % 2 ? keys.openrouter() : keys.agentrouter()] as const));
    for (const [index, key] of keysAt) lines[index] = `token ${key} here`;
    const noisy = `${lines.join('\n')}\n`;
    // Members of odd sizes, so that their ends fall inside reads and each next member starts in a read's tail.
    const bytes = Buffer.from(noisy);
    const members: Buffer[] = [];
    for (let at = 0, size = 700_001; at < bytes.length; at += size, size += 99_991) members.push(gzipSync(bytes.subarray(at, at + size)));
    const gz = Buffer.concat(members);
    expect(gz.length).toBeGreaterThan(3 * mib);
    expect(members.length).toBeGreaterThan(5);
    const dir = makeTmpDir('logs');
    writeFileSync(join(dir, 'noisy.gz'), gz);
    const result = await scanSources([{ path: 'noisy.gz', events: readLog(fileInput(dir, 'noisy.gz'), { reuseBuffers: true }) }]);
    expect(result.warnings).toEqual([]);
    expect(located(result.findings).map((found) => [found.key, found.line])).toEqual([...keysAt].map(([index, key]) => [key, index + 1]));
  });

  it('a plain file: after the first two reads (made before the content is known to be plain), two buffers take turns', async () => {
    const input = written('plain');
    // A buffer is its memory and where in it (the two that take turns may be views of the SIMD kernels' one memory).
    const buffers = async (reuseBuffers: boolean) => {
      const memories = new Map<ArrayBufferLike, number>();
      const seen = new Set<string>();
      for await (const event of readLog(input, { reuseBuffers })) {
        if (event.kind !== 'data') continue;
        const memory = memories.get(event.data.buffer) ?? memories.set(event.data.buffer, memories.size).size - 1;
        seen.add(`${memory}@${event.data.byteOffset}`);
      }
      return seen.size;
    };
    expect(await buffers(true)).toBe(4);
    expect(await buffers(false)).toBe(5);
  });
});
