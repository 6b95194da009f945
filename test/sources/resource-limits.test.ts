import { execFileSync, spawn } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUpTo } from '../../src/sources/files.js';
import { maxGitignorePatterns } from '../../src/sources/worktree.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { scan, type InProcessRun } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * Inputs that once made a scan grow without bound: a 400,000-line `.gitignore` ran out of
 * heap (exit 134, a crash a hook reads as "blocked" only by luck), `--baseline /dev/zero`
 * grew to gigabytes. Each is now a clear error with exit 2, in bounded memory. The scans run
 * in this process (test/helpers/in-process.ts); the built CLI keeps one of each kind of error
 * as it prints it, and its exit code.
 */
const keys = keyFactory(11_0012);
cleanTmpDirs('all');

const patterns = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `dir${from + i}/file${from + i}.txt`).join('\n');

/** The 400,000-line (8 MB) .gitignore, built once: building it is most of what its tests cost. */
let large: string | undefined;
const largeGitignore = () => (large ??= patterns(400_000));

function expectClearExit2(run: CliRun, ...words: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  for (const word of words) expect(run.stderr).toContain(word);
  expect(run.stderr).not.toMatch(/heap|FATAL|Aborted|at .*\(.*\.js:\d+/);
}

/** The run stopped with exit 2 and an error that says `words`. */
function expectExit2(run: InProcessRun, ...words: string[]): void {
  expect(run.code, run.error).toBe(2);
  for (const word of words) expect(run.error).toContain(word);
}

describe('.gitignore files too large to match in bounded memory', () => {
  it.each([
    { name: 'a 400,000-line .gitignore (8 MB)', tree: () => ({ '.gitignore': largeGitignore() }), says: ['.gitignore: over 4 MiB'] },
    { name: `a .gitignore of ${maxGitignorePatterns + 5_000} patterns`, tree: () => ({ '.gitignore': patterns(maxGitignorePatterns + 5_000) }), says: [`.gitignore: ${maxGitignorePatterns + 5_000} patterns`] },
    {
      // Each file within the limit, the three one past it: the files read before the last are compiled, so they are the smaller.
      name: 'nested .gitignore files that add up past the limit',
      tree: () => ({ '.gitignore': patterns(5_000), 'a/.gitignore': patterns(5_000, 5_000), 'a/b/.gitignore': patterns(maxGitignorePatterns - 10_000 + 1, 10_000), 'a/b/c.txt': 'x\n' }),
      says: [`a/b/.gitignore: ${maxGitignorePatterns + 1} patterns with the gitignore files read before it`],
    },
  ])('$name: exit 2 with an error that names the file and the way out', async ({ tree, says }) => {
    const dir = writeTree(makeTmpDir('limits'), { ...tree(), 'k.env': `KEY=${keys.openrouter()}\n` });
    expectExit2(await scan(dir), ...says, '--no-gitignore');
  });

  it('a 400,000-line .gitignore, end to end: exit 2 and the error on stderr, not a crash', async () => {
    const dir = writeTree(makeTmpDir('limits'), { '.gitignore': largeGitignore(), 'k.env': `KEY=${keys.openrouter()}\n` });
    expectClearExit2(await runCli(['scan', '.'], { cwd: dir }), '.gitignore: over 4 MiB', '--no-gitignore');
  });

  it('a .gitignore within the limit is honoured; --no-gitignore scans past a large one', async () => {
    const dir = writeTree(makeTmpDir('limits'), { '.gitignore': `${patterns(5_000)}\nignored.env\n`, 'ignored.env': `KEY=${keys.openrouter()}\n` });
    expect((await scan(dir)).code).toBe(0);
    writeFileSync(join(dir, '.gitignore'), largeGitignore());
    expect((await scan(dir, { gitignore: false })).code).toBe(1);
  });

  it(`a .keywardenignore of more than ${maxGitignorePatterns} path patterns: exit 2`, async () => {
    const dir = writeTree(makeTmpDir('limits'), { '.keywardenignore': patterns(maxGitignorePatterns + 1), 'a.txt': 'x\n' });
    expectExit2(await scan(dir), '.keywardenignore');
  });
});

describe('--baseline read in bounded memory', () => {
  it('/dev/zero: exit 2 at its first read (no report starts with a NUL), not gigabytes', async () => {
    const dir = writeTree(makeTmpDir('limits'), { 'a.txt': 'x\n' });
    expectClearExit2(await runCli(['scan', '.', '--baseline', '/dev/zero'], { cwd: dir }), '--baseline /dev/zero', 'not valid JSON');
  });

  it('a FIFO that starts like a report and goes on past the limit: the read stops at the limit, not at its end', async () => {
    // The limit a report is read to is 128 MiB; the same read bounded at 256 KiB, from a writer of 4 MiB, is a fraction of the work.
    const limit = 256 * 1024;
    const dir = makeTmpDir('limits');
    execFileSync('mkfifo', [join(dir, 'endless.json')]);
    const writer = spawn('sh', ['-c', `{ printf '{'; head -c ${16 * limit} /dev/zero | tr '\\0' ' '; } > endless.json`], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => writer.on('close', (code) => resolve(code)));
    try {
      const read = readUpTo(join(dir, 'endless.json'), limit);
      expect(read.more).toBe(true);
      expect(read.data.length).toBe(limit);
      expect(read.data.subarray(0, 2).toString()).toBe('{ ');
      // The reader closed the pipe with most of it unread: the writer could not finish (SIGPIPE).
      expect(await exited).not.toBe(0);
    } finally {
      writer.kill();
    }
  });

  it('a file larger than any report keywarden reads is refused before it is read', async () => {
    const dir = writeTree(makeTmpDir('limits'), { 'a.txt': 'x\n', 'huge.json': '' });
    const huge = join(dir, 'huge.json');
    truncateSync(huge, 4 * 1024 ** 3);
    expectExit2(await scan(dir, { baseline: huge }), `--baseline ${huge}`, 'larger than 128 MiB');
  });
});
