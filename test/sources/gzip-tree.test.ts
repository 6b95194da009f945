import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipped, GzipTrailingData } from '../../src/sources/gzip.js';
import { commandLine } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * gzip files inside a tree are scanned as `logs` scans them (by their magic bytes, whatever
 * the name, with the decompressed size capped by --max-file-size), and gzip data followed by
 * plain bytes keeps the keys of its compressed part. What the runs find, warn and decide is
 * checked in process, argv read as the bin reads it (test/helpers/in-process.ts).
 */
const keys = keyFactory(11_0004);
cleanTmpDirs('all');

/** Lines of filler text, `bytes` long. */
function filler(bytes: number): string {
  return 'lorem ipsum dolor sit amet consectetur adipiscing elit\n'.repeat(Math.ceil(bytes / 55)).slice(0, bytes);
}

interface JsonRun {
  code: number | null;
  findings: { path: string; line: number; column: number }[];
  /** The warnings, one a line, as the bin prints them on stderr (without `warning: `). */
  stderr: string;
}

/** Warnings one a line, as the bin prints them on stderr. */
const warningLines = (warnings: string[]) => warnings.map((warning) => `${warning}\n`).join('');

async function json(cwd: string, args: string[]): Promise<JsonRun> {
  const run = await commandLine(cwd, [...args, '--format', 'json']);
  return { code: run.code, findings: (JSON.parse(run.report) as { findings: JsonRun['findings'] }).findings, stderr: warningLines(run.warnings) };
}

async function collect(input: Buffer[]): Promise<{ text: string; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of gunzipped((async function* () {
      yield* input;
    })())) parts.push(chunk);
  } catch (error) {
    return { text: Buffer.concat(parts).toString(), error };
  }
  return { text: Buffer.concat(parts).toString() };
}

/** A gzip member written by hand, with every optional header field (extra, name, comment, header CRC). */
function memberWithAllFields(text: string): Buffer {
  const plain = gzipSync(text);
  const header = Buffer.from([0x1f, 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3]);
  // Four bytes of extra field: one subfield `AB` of length 0.
  const extra = Buffer.from([4, 0, 0x41, 0x42, 0, 0]);
  return Buffer.concat([header, extra, Buffer.from('name.txt\0comment\0'), Buffer.from([0, 0]), plain.subarray(10)]);
}

describe('gunzipped: member by member', () => {
  it.each([
    { name: 'one member', input: () => [gzipSync('hello\n')], text: 'hello\n' },
    { name: 'two members', input: () => [Buffer.concat([gzipSync('one\n'), gzipSync('two\n')])], text: 'one\ntwo\n' },
    { name: 'two members, cut at every read', input: () => [...Buffer.concat([gzipSync('one\n'), gzipSync('two\n')])].map((byte) => Buffer.from([byte])), text: 'one\ntwo\n' },
    { name: 'zero padding after the last member', input: () => [Buffer.concat([gzipSync('padded\n'), Buffer.alloc(512)])], text: 'padded\n' },
    { name: 'every optional header field', input: () => [memberWithAllFields('fields\n')], text: 'fields\n' },
  ])('$name', async ({ input, text }) => {
    expect(await collect(input())).toEqual({ text });
  });

  it('plain bytes after a member: everything the member held, then GzipTrailingData', async () => {
    const text = filler(1_000_000);
    const result = await collect([Buffer.concat([gzipSync(text), Buffer.from('plain text appended later\n')])]);
    expect(result.text).toBe(text);
    expect(result.error).toBeInstanceOf(GzipTrailingData);
  });

  it.each([
    { name: 'truncated in its deflate data', bytes: () => gzipSync(filler(10_000)).subarray(0, 30), code: 'Z_BUF_ERROR' },
    { name: 'truncated in its trailer', bytes: () => gzipSync('trailer\n').subarray(0, -3), code: 'Z_BUF_ERROR' },
    { name: 'truncated in its header', bytes: () => gzipSync('header\n').subarray(0, 6), code: 'Z_BUF_ERROR' },
    { name: 'a wrong CRC', bytes: () => Buffer.from(gzipSync('crc\n').map((byte, i, all) => (i === all.length - 8 ? byte ^ 1 : byte))), code: 'Z_DATA_ERROR' },
    { name: 'a wrong length', bytes: () => Buffer.from(gzipSync('length\n').map((byte, i, all) => (i === all.length - 4 ? byte ^ 1 : byte))), code: 'Z_DATA_ERROR' },
    { name: 'a bad compression method', bytes: () => Buffer.from(gzipSync('method\n').map((byte, i) => (i === 2 ? 7 : byte))), code: 'Z_DATA_ERROR' },
  ])('$name: a zlib-coded error', async ({ bytes, code }) => {
    expect(((await collect([bytes()])).error as { code?: string }).code).toBe(code);
  });
});

describe('scan: gzip files inside a tree', () => {
  it('a .gz file, and a gzip file whatever its name, are decompressed and scanned: keys at their decompressed line', async () => {
    const dir = makeTmpDir('gzip-tree');
    const key = keys.openrouter();
    const text = `${filler(300_000)}\nKEY=${key}\n`;
    const line = text.split('\n').length - 1;
    writeTree(dir, { 'logs/app.log.1.gz': gzipSync(text), 'backup.dat': gzipSync(`TOKEN=${keys.tokenrouterLive()}\n`), 'plain.txt': 'nothing\n' });
    const run = await json(dir, ['scan', '.']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.findings.map((f) => [f.path, f.line, f.column])).toEqual([
      ['backup.dat', 1, 7],
      ['logs/app.log.1.gz', line, 5],
    ]);
  });

  it('a gzip of binary content (a .tar.gz) found by the walk is skipped quietly, as a binary file is', async () => {
    const dir = makeTmpDir('gzip-tree');
    writeTree(dir, { 'release.tar.gz': gzipSync(Buffer.concat([Buffer.alloc(512), Buffer.from(`K=${keys.openrouter()}`)])) });
    const run = await commandLine(dir, ['scan', '.']);
    expect(run.code, run.error).toBe(0);
    expect(run.warnings).toEqual([]);
  });

  it('decompressing more than --max-file-size stops there: the keys before are reported, the rest is a warning (exit 2 when nothing was found)', async () => {
    const dir = makeTmpDir('gzip-tree');
    const key = keys.openrouter();
    writeTree(dir, { 'early.gz': gzipSync(`KEY=${key}\n${filler(3_000_000)}`), 'late.gz': gzipSync(`${filler(3_000_000)}\nKEY=${keys.openrouter()}\n`) });
    const run = await json(dir, ['scan', '.', '--max-file-size', '1MiB']);
    expect(run.code).toBe(1);
    expect(run.findings.map((f) => f.path)).toEqual(['early.gz']);
    expect(run.stderr).toContain('late.gz: not fully scanned: decompresses to more than --max-file-size 1.0 MiB');
    const clean = makeTmpDir('gzip-tree');
    writeTree(clean, { 'bomb.gz': gzipSync(filler(3_000_000)) });
    const bomb = await commandLine(clean, ['scan', '.', '--max-file-size', '1MiB']);
    expect(bomb.code).toBe(2);
    expect(bomb.report.trim().split('\n').at(-1)).toMatch(/exit 2: not every file could be read to its end.*bomb\.gz/);
  });

  it('a corrupt or truncated gzip in a tree is a warning that makes a clean run exit 2', async () => {
    const dir = makeTmpDir('gzip-tree');
    writeTree(dir, { 'cut.gz': gzipSync(filler(100_000)).subarray(0, 300) });
    const run = await commandLine(dir, ['scan', '.']);
    expect(run.code).toBe(2);
    expect(warningLines(run.warnings)).toContain('cut.gz: not fully scanned: the gzip data ends early (truncated)');
  });
});

describe('gzip followed by plain bytes keeps the compressed part\'s keys', () => {
  // The key sits at the very end of the compressed part: zlib used to drop the output of its last step (up to 256 KiB).
  function appended(key: string): Buffer {
    return Buffer.concat([gzipSync(`${filler(1_000_000)}\nKEY=${key}\n`), Buffer.from('a plain line appended after compression\n')]);
  }

  it.each([
    { command: 'scan', args: ['scan', '.'] },
    { command: 'logs', args: ['logs', 'app.log.gz'] },
  ])('$command: the key is found, and the plain tail is a warning', async ({ args }) => {
    const dir = makeTmpDir('gzip-tree');
    const key = keys.openrouter();
    writeFileSync(join(dir, 'app.log.gz'), appended(key));
    const run = await json(dir, args);
    expect(run.code, run.stderr).toBe(1);
    expect(run.findings).toMatchObject([{ path: 'app.log.gz', column: 5 }]);
    expect(run.stderr).toContain('app.log.gz: not fully scanned: what follows the gzip data is not gzip, and was not read');
  });
});
