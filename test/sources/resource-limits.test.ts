import { execFileSync, spawn } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxGitignorePatterns } from '../../src/sources/worktree.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * Inputs that once made a scan grow without bound: a 400,000-line `.gitignore` ran out of
 * heap (exit 134, a crash a hook reads as "blocked" only by luck), `--baseline /dev/zero`
 * grew to gigabytes. Each is now a clear error with exit 2, in bounded memory.
 */
const keys = keyFactory(11_0012);
cleanTmpDirs('all');

const patterns = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `dir${from + i}/file${from + i}.txt`).join('\n');

function expectClearExit2(run: CliRun, ...words: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  for (const word of words) expect(run.stderr).toContain(word);
  expect(run.stderr).not.toMatch(/heap|FATAL|Aborted|at .*\(.*\.js:\d+/);
}

describe('.gitignore files too large to match in bounded memory', () => {
  it.each([
    { name: 'a 400,000-line .gitignore (8 MB)', tree: () => ({ '.gitignore': patterns(400_000) }), says: ['.gitignore: over 4 MiB'] },
    { name: `a .gitignore of ${maxGitignorePatterns + 5_000} patterns`, tree: () => ({ '.gitignore': patterns(maxGitignorePatterns + 5_000) }), says: [`.gitignore: ${maxGitignorePatterns + 5_000} patterns`] },
    {
      name: 'nested .gitignore files that add up past the limit',
      tree: () => ({ '.gitignore': patterns(9_000), 'a/.gitignore': patterns(9_000, 9_000), 'a/b/.gitignore': patterns(9_000, 18_000), 'a/b/c.txt': 'x\n' }),
      says: ['a/b/.gitignore: 27000 patterns with the gitignore files read before it'],
    },
  ])('$name: exit 2 with an error that names the file and the way out', async ({ tree, says }) => {
    const dir = writeTree(makeTmpDir('limits'), { ...tree(), 'k.env': `KEY=${keys.openrouter()}\n` });
    const run = await runCli(['scan', '.'], { cwd: dir });
    expectClearExit2(run, ...says, '--no-gitignore');
  });

  it('a .gitignore within the limit is honoured; --no-gitignore scans past a large one', async () => {
    const dir = writeTree(makeTmpDir('limits'), { '.gitignore': `${patterns(5_000)}\nignored.env\n`, 'ignored.env': `KEY=${keys.openrouter()}\n` });
    expect((await runCli(['scan', '.'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, '.gitignore'), patterns(400_000));
    expect((await runCli(['scan', '.', '--no-gitignore'], { cwd: dir })).code).toBe(1);
  });

  it(`a .keywardenignore of more than ${maxGitignorePatterns} path patterns: exit 2`, async () => {
    const dir = writeTree(makeTmpDir('limits'), { '.keywardenignore': patterns(maxGitignorePatterns + 1), 'a.txt': 'x\n' });
    expectClearExit2(await runCli(['scan', '.'], { cwd: dir }), '.keywardenignore');
  });
});

describe('--baseline read in bounded memory', () => {
  it('/dev/zero: exit 2 at its first read (no report starts with a NUL), not gigabytes', async () => {
    const dir = writeTree(makeTmpDir('limits'), { 'a.txt': 'x\n' });
    expectClearExit2(await runCli(['scan', '.', '--baseline', '/dev/zero'], { cwd: dir }), '--baseline /dev/zero', 'not valid JSON');
  });

  it('a FIFO that starts like a report and never ends: exit 2 once it passes the size limit', async () => {
    const dir = writeTree(makeTmpDir('limits'), { 'a.txt': 'x\n' });
    execFileSync('mkfifo', [join(dir, 'endless.json')]);
    const writer = spawn('sh', ['-c', "{ printf '{'; yes ' '; } > endless.json"], { cwd: dir, stdio: 'ignore' });
    try {
      expectClearExit2(await runCli(['scan', '.', '--baseline', 'endless.json'], { cwd: dir }), '--baseline endless.json', 'larger than 128 MiB');
    } finally {
      writer.kill();
    }
  });

  it('a file larger than any report keywarden reads is refused before it is read', async () => {
    const dir = writeTree(makeTmpDir('limits'), { 'a.txt': 'x\n', 'huge.json': '' });
    truncateSync(join(dir, 'huge.json'), 4 * 1024 ** 3);
    expectClearExit2(await runCli(['scan', '.', '--baseline', 'huge.json'], { cwd: dir }), '--baseline huge.json', 'larger than');
  });
});
