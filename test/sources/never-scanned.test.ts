import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/sources/worktree.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * Files a scan of a tree once passed over in silence, exiting 0: names with a newline or
 * bytes that are not UTF-8, directories it could not read, paths past PATH_MAX, a FIFO named
 * on the command line. Each is now scanned, or a warning that makes the run exit 2 and says
 * so in its last line. And a deep tree is walked in linear time.
 */
const keys = keyFactory(11_0011);
const made: string[] = [];
// Paths past PATH_MAX: `rm -rf` removes them relative to each directory; Node's rmSync cannot.
afterAll(() => {
  for (const dir of made.splice(0)) execFileSync('rm', ['-rf', dir]);
});
cleanTmpDirs('all');

function tmp(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'keywarden-never-')));
  made.push(dir);
  return dir;
}

interface JsonFinding {
  path: string;
  line: number;
  column: number;
}

const scanJson = async (cwd: string, args: string[], nodeOptions: string[] = []): Promise<{ run: CliRun; findings: JsonFinding[] }> => {
  const run = await runCli(['scan', ...args, '--format', 'json'], { cwd, nodeOptions });
  return { run, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
};

const lastLine = (run: CliRun) => run.stdout.trim().split('\n').at(-1) ?? '';

/**
 * Make `names` nested directories under `dir` (each created relative to the one before, through
 * /proc/self/fd, so the chain can pass PATH_MAX) and write `content` at the bottom as `file`.
 */
function chain(dir: string, names: readonly string[], file: string, content: string): void {
  let fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    for (const name of names) {
      mkdirSync(`/proc/self/fd/${fd}/${name}`);
      const next = openSync(`/proc/self/fd/${fd}/${name}`, constants.O_RDONLY | constants.O_DIRECTORY);
      closeSync(fd);
      fd = next;
    }
    writeFileSync(`/proc/self/fd/${fd}/${file}`, content);
  } finally {
    closeSync(fd);
  }
}

/**
 * A preload (for `nodeOptions`) that wraps `fs.readdirSync`: listing a directory whose path
 * ends with `unreadable` fails with EACCES (as chmod 000 does for anyone but root, and the
 * tests run as root); and every listing's path is measured in the names the kernel resolves
 * (past `/proc/self/fd/N`), the most and the total written to `record` at exit.
 */
function readdirPreload(options: { unreadable?: string; record?: string }): string[] {
  const preload = join(makeTmpDir('never-preload'), 'readdir.cjs');
  writeFileSync(
    preload,
    [
      "const fs = require('node:fs');",
      "const { isMainThread } = require('node:worker_threads');",
      'const readdir = fs.readdirSync;',
      'let most = 0, total = 0, calls = 0;',
      "const names = (path) => String(path).replace(/^\\/proc\\/self\\/fd\\/\\d+/, '').split('/').filter(Boolean).length;",
      'fs.readdirSync = (path, ...rest) => {',
      `  if (${JSON.stringify(options.unreadable ?? null)} !== null && String(path).endsWith(${JSON.stringify(options.unreadable ?? '')})) { const e = new Error('EACCES: permission denied'); e.code = 'EACCES'; throw e; }`,
      '  const n = names(path); most = Math.max(most, n); total += n; calls++;',
      '  return readdir(path, ...rest);',
      '};',
      `if (${JSON.stringify(options.record ?? null)} !== null && isMainThread) process.on('exit', () => fs.writeFileSync(${JSON.stringify(options.record ?? '')}, JSON.stringify({ most, total, calls })));`,
      "require('node:module').syncBuiltinESMExports();",
      '',
    ].join('\n'),
  );
  return ['--require', preload];
}

describe('names that are not plain strings are read by their bytes', () => {
  it('a name with a newline and a name that is not UTF-8 are scanned', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'new\nline.env'), `KEY=${keys.openrouter()}\n`);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff]), Buffer.from('.env')]), `\nKEY=${keys.openrouter()}\n`);
    writeFileSync(join(dir, 'plain.env'), 'nothing here\n');
    const { run, findings } = await scanJson(dir, ['.']);
    expect(run.code, run.stderr).toBe(1);
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ['bad\ufffd.env', 2],
      ['new\nline.env', 1],
    ]);
  });

  it('two names that differ only in bytes that are not UTF-8 are two files', async () => {
    const dir = tmp();
    for (const byte of [0xfe, 0xff]) writeFileSync(Buffer.concat([Buffer.from(`${dir}/k`), Buffer.from([byte])]), `KEY=${keys.openrouter()}\n`);
    const { files } = await listFiles({ root: dir, paths: [dir], gitignore: true, exclude: [] });
    expect(files).toHaveLength(2);
  });
});

describe('a directory that cannot be read is a warning that makes the run exit 2', () => {
  it('says which, and ends with why the exit code is 2; the rest of the tree is scanned', async () => {
    const dir = tmp();
    writeTree(dir, { 'locked/secret.env': `KEY=${keys.openrouter()}\n`, 'open/a.txt': 'fine\n' });
    const run = await runCli(['scan', '.', '--no-color'], { cwd: dir, nodeOptions: readdirPreload({ unreadable: '/locked' }) });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain('locked: not scanned: this directory could not be read (EACCES)');
    expect(run.stdout).toContain('1 file');
    expect(lastLine(run)).toMatch(/exit 2: not every file could be read to its end \(1 warning: locked\)/);
  });

  it('a key elsewhere still fails the run with exit 1', async () => {
    const dir = tmp();
    writeTree(dir, { 'locked/a.txt': 'x\n', 'k.env': `KEY=${keys.openrouter()}\n` });
    const run = await runCli(['scan', '.'], { cwd: dir, nodeOptions: readdirPreload({ unreadable: '/locked' }) });
    expect(run.code).toBe(1);
  });
});

describe('paths past PATH_MAX are read relative to their directory', () => {
  it('a key 5,000 bytes deep is found, with and without .gitignore files on the way', async () => {
    const dir = tmp();
    const names = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')}${'d'.repeat(248)}`);
    chain(dir, names, 'deep.env', `\n\nKEY=${keys.openrouter()}\n`);
    writeFileSync(join(dir, '.gitignore'), '*.log\n');
    writeFileSync(`${dir}/${names.slice(0, 3).join('/')}/.gitignore`, 'nothing-matches\n');
    for (const args of [['.'], ['.', '--no-gitignore']]) {
      const { run, findings } = await scanJson(dir, args);
      expect(run.code, run.stderr).toBe(1);
      expect(findings.map((f) => [f.path, f.line])).toEqual([[`${names.join('/')}/deep.env`, 3]]);
    }
  });
});

describe('a path named on the command line that is not a regular file', () => {
  it('a FIFO named is a warning that makes the run exit 2 (it is not opened: that would wait for a writer)', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const run = await runCli(['scan', 'pipe', '--no-color'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pipe: not scanned: a FIFO, not a regular file');
    expect(lastLine(run)).toContain('exit 2');
  });

  it('a FIFO found by a walk is left alone, as git leaves it', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    writeFileSync(join(dir, 'a.txt'), 'fine\n');
    const run = await runCli(['scan', '.'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('a deep tree is walked in linear time', () => {
  // Bounded work, not time: each directory listing makes the kernel resolve a bounded number of
  // names, where reading every directory by its full path costs as many names as its depth.
  it('2,000 levels: the key at the bottom is found, and no listing resolves more than ~70 names', async () => {
    const dir = tmp();
    const depth = 2000;
    chain(dir, Array.from({ length: depth }, () => 'a'), 'k.env', `KEY=${keys.openrouter()}\n`);
    writeFileSync(join(dir, '.gitignore'), '*.log\nbuild/\n');
    const record = join(makeTmpDir('never-record'), 'readdir.json');
    // Listings other than the tree's (the rules directory) are counted too.
    const { run, findings } = await scanJson(dir, ['.'], readdirPreload({ record }));
    expect(run.code, run.stderr).toBe(1);
    expect(findings.map((f) => f.path)).toEqual([`${'a/'.repeat(depth)}k.env`]);
    const measured = JSON.parse(readFileSync(record, 'utf8')) as { most: number; total: number; calls: number };
    expect(measured.calls).toBeGreaterThan(depth);
    expect(measured.most).toBeLessThanOrEqual(70 + dir.split('/').length);
    expect(measured.total).toBeLessThan(80 * measured.calls);
  });
});
