import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/sources/git.js';
import { addedRuns, commitFormat, unquotePath, type AddedRun } from '../../src/sources/unified-diff.js';

async function runsOf(diff: string): Promise<AddedRun[]> {
  const lines = async function* () {
    yield* diff.split('\n');
  };
  const runs: AddedRun[] = [];
  for await (const run of addedRuns(lines())) runs.push(run);
  return runs;
}

const brief = (runs: AddedRun[]) => runs.map(({ path, startLine, lines }) => ({ path, startLine, lines }));

describe('addedRuns', () => {
  it('numbers the added lines of a new file from 1', async () => {
    const diff = ['diff --git a/f.txt b/f.txt', 'new file mode 100644', 'index 0000000..1111111', '--- /dev/null', '+++ b/f.txt', '@@ -0,0 +1,2 @@', '+one', '+two'].join('\n');
    expect(brief(await runsOf(diff))).toEqual([{ path: 'f.txt', startLine: 1, lines: ['one', 'two'] }]);
  });

  it('gives each hunk of a modified file its line numbers in the new file, dropping removed lines', async () => {
    const diff = [
      'diff --git a/src/app.ts b/src/app.ts',
      'index 1111111..2222222 100644',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -3 +3 @@ function main() {',
      '-old line',
      '+new line',
      '@@ -10,0 +11,2 @@',
      '+added a',
      '+added b',
      '@@ -20,2 +22,0 @@',
      '-gone',
      '-gone too',
    ].join('\n');
    expect(brief(await runsOf(diff))).toEqual([
      { path: 'src/app.ts', startLine: 3, lines: ['new line'] },
      { path: 'src/app.ts', startLine: 11, lines: ['added a', 'added b'] },
    ]);
  });

  it('keeps counting across context lines (diffs with -U1 and more)', async () => {
    const diff = ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1,3 +1,4 @@', ' keep', '+new 2', ' keep 3', '+new 4'].join('\n');
    expect(brief(await runsOf(diff))).toEqual([
      { path: 'f', startLine: 2, lines: ['new 2'] },
      { path: 'f', startLine: 4, lines: ['new 4'] },
    ]);
  });

  it('reads added lines that look like headers as content', async () => {
    const diff = ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -0,0 +1,3 @@', '+++ b/not-a-path', '+--- a/nor-this', '+diff --git a/x b/x'].join('\n');
    expect(brief(await runsOf(diff))).toEqual([{ path: 'f', startLine: 1, lines: ['++ b/not-a-path', '--- a/nor-this', 'diff --git a/x b/x'] }]);
  });

  it('skips deleted files, binary files and "no newline" markers', async () => {
    const diff = [
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-was here',
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'Binary files /dev/null and b/img.png differ',
      'diff --git a/last b/last',
      '--- a/last',
      '+++ b/last',
      '@@ -1 +1 @@',
      '-old',
      '\\ No newline at end of file',
      '+new',
      '\\ No newline at end of file',
    ].join('\n');
    expect(brief(await runsOf(diff))).toEqual([{ path: 'last', startLine: 1, lines: ['new'] }]);
  });

  it('unquotes paths git quotes, and drops the tab git puts after a path with spaces', async () => {
    const diff = [
      'diff --git "a/tab\\there" "b/tab\\there"',
      '--- /dev/null',
      '+++ "b/tab\\there"',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/with space b/with space',
      '--- /dev/null',
      '+++ b/with space\t',
      '@@ -0,0 +1 @@',
      '+y',
      'diff --git "a/caf\\303\\251" "b/caf\\303\\251"',
      '--- /dev/null',
      '+++ "b/caf\\303\\251"',
      '@@ -0,0 +1 @@',
      '+z',
    ].join('\n');
    expect((await runsOf(diff)).map((run) => run.path)).toEqual(['tab\there', 'with space', 'café']);
  });

  it('attributes the runs of `git log -p` to their commits', async () => {
    expect(commitFormat).toContain('%H');
    const header = (sha: string) => `\u0001commit ${sha}\tAda\tada@example.test\t2021-01-01T00:00:00+00:00`;
    const diff = [
      header('a'.repeat(40)),
      '',
      'diff --git a/f b/f',
      '--- /dev/null',
      '+++ b/f',
      '@@ -0,0 +1 @@',
      '+first',
      header('b'.repeat(40)),
      '',
      'diff --git a/f b/f',
      '--- a/f',
      '+++ b/f',
      '@@ -1,0 +2 @@',
      '+second',
    ].join('\n');
    const runs = await runsOf(diff);
    expect(runs.map((run) => [run.commit?.commit.slice(0, 1), run.commit?.author, run.startLine, run.lines])).toEqual([
      ['a', 'Ada', 1, ['first']],
      ['b', 'Ada', 2, ['second']],
    ]);
  });

  it('cuts a huge added file into bounded runs without losing line numbers', async () => {
    const line = 'x'.repeat(1023);
    const count = 5000; // 5 MiB: more than one run
    const diff = ['diff --git a/big b/big', '--- /dev/null', '+++ b/big', `@@ -0,0 +1,${count} @@`, ...Array.from({ length: count }, () => `+${line}`)].join('\n');
    const runs = await runsOf(diff);
    expect(runs.length).toBeGreaterThan(1);
    let expected = 1;
    for (const run of runs) {
      expect(run.startLine).toBe(expected);
      expected += run.lines.length;
    }
    expect(expected).toBe(count + 1);
  });
});

describe('splitLines', () => {
  const collect = async (chunks: string[]) => {
    const lines: string[] = [];
    for await (const line of splitLines(Readable.from(chunks.map((chunk) => Buffer.from(chunk, 'utf8'))))) lines.push(line);
    return lines;
  };

  it('splits at \\n only: a lone \\r stays inside its line, so it cannot end a hunk early', async () => {
    expect(await collect(['+a\rb\n+c\r\n', '+d'])).toEqual(['+a\rb', '+c\r', '+d']);
  });

  it('joins lines split across chunks, multi-byte characters included', async () => {
    const text = 'é'.repeat(10);
    const bytes = Buffer.from(`${text}\nnext\n`, 'utf8');
    const lines: string[] = [];
    const pieces = [bytes.subarray(0, 3), bytes.subarray(3, 7), bytes.subarray(7)];
    for await (const line of splitLines(Readable.from(pieces))) lines.push(line);
    expect(lines).toEqual([text, 'next']);
  });
});

describe('unquotePath', () => {
  it.each([
    ['plain/path.txt', 'plain/path.txt'],
    ['"a\\"b"', 'a"b'],
    ['"back\\\\slash"', 'back\\slash'],
    ['"new\\nline"', 'new\nline'],
    ['"\\346\\227\\245.txt"', '日.txt'],
  ])('%s → %s', (quoted, plain) => {
    expect(unquotePath(quoted)).toBe(plain);
  });
});
