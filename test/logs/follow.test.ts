/**
 * `keywarden logs --follow`: a file read as it grows, through truncation (copytruncate) and
 * replacement (rename and create), each finding printed as it appears, ended cleanly by
 * SIGINT/SIGTERM with the exit code of what was found.
 */
import { appendFileSync, existsSync, readdirSync, readlinkSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followLog, type LogEvent } from '../../src/sources/logs.js';
import { startCli } from '../helpers/cli.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(0x666f6c6c);

/**
 * Resolves once `check` passes, polling; fails after `ms` with what `describe` says. The wait is
 * generous because it is not a speed limit: a CLI may take seconds to start on a busy machine.
 */
async function eventually(check: () => boolean, what: () => string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** followLog running in the background: its events as they come, as text with `[start line reason]` marks. */
function follow(path: string, options: { fromEnd?: boolean; pollMs?: number } = {}) {
  const controller = new AbortController();
  const events: LogEvent[] = [];
  const done = (async () => {
    for await (const event of followLog(path, { fromEnd: options.fromEnd ?? false, signal: controller.signal, pollMs: options.pollMs ?? 20 })) events.push(event);
  })();
  const text = () => events.map((e) => (e.kind === 'start' ? `[${e.line} ${e.reason}]` : e.data.toString())).join('');
  return {
    text,
    until: (expected: string) => eventually(() => text() === expected, () => JSON.stringify(text())),
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

describe('followLog', () => {
  it('reads the file, then what is appended as it is appended', async () => {
    const path = join(makeTmpDir('follow'), 'app.log');
    writeFileSync(path, 'one\n');
    const f = follow(path);
    await f.until('[1 opened]one\n');
    appendFileSync(path, 'two\n');
    await f.until('[1 opened]one\ntwo\n');
    appendFileSync(path, 'three, no newline yet');
    await f.until('[1 opened]one\ntwo\nthree, no newline yet');
    await f.stop();
  });

  it('a file truncated in place (copytruncate) is read again from its start, as line 1', async () => {
    const path = join(makeTmpDir('follow'), 'app.log');
    writeFileSync(path, 'old line one\nold line two\n');
    const f = follow(path);
    await f.until('[1 opened]old line one\nold line two\n');
    truncateSync(path, 0);
    appendFileSync(path, 'new\n');
    await f.until('[1 opened]old line one\nold line two\n[1 truncated]new\n');
    await f.stop();
  });

  it('a file truncated and rewritten past the old position before the next look is still read again from its start', async () => {
    const path = join(makeTmpDir('follow'), 'app.log');
    writeFileSync(path, 'start line\n');
    const f = follow(path, {});
    await f.until('[1 opened]start line\n');
    // One write, as fast as a logger: the size never drops below the read position.
    writeFileSync(path, `new first line\n${'filler line\n'.repeat(3)}`);
    await f.until(`[1 opened]start line\n[1 truncated]new first line\n${'filler line\n'.repeat(3)}`);
    await f.stop();
  });

  it('a file replaced at its path (renamed away, created anew): the old one is read to its end, then the new one from its start', async () => {
    const dir = makeTmpDir('follow');
    const path = join(dir, 'app.log');
    writeFileSync(path, 'first\n');
    const f = follow(path);
    await f.until('[1 opened]first\n');
    renameSync(path, join(dir, 'app.log.1'));
    // The writer has not reopened yet: it still appends to the renamed file.
    appendFileSync(join(dir, 'app.log.1'), 'last words of the old file\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeFileSync(path, 'fresh\n');
    await f.until('[1 opened]first\nlast words of the old file\n[1 replaced]fresh\n');
    appendFileSync(path, 'more\n');
    await f.until('[1 opened]first\nlast words of the old file\n[1 replaced]fresh\nmore\n');
    await f.stop();
  });

  it('--from-end starts at the last line, numbered as it is in the file', async () => {
    const path = join(makeTmpDir('follow'), 'app.log');
    writeFileSync(path, 'l1\nl2\nl3 unfinished');
    const f = follow(path, { fromEnd: true });
    await f.until('[3 opened]l3 unfinished');
    appendFileSync(path, ' now done\nl4\n');
    await f.until('[3 opened]l3 unfinished now done\nl4\n');
    await f.stop();
  });

  it('stops when the signal aborts, also while waiting for the file to grow', async () => {
    const path = join(makeTmpDir('follow'), 'app.log');
    writeFileSync(path, 'x\n');
    // Between two looks an hour apart: stopping must cut the wait short, or the test times out.
    const f = follow(path, { pollMs: 3_600_000 });
    await f.until('[1 opened]x\n');
    await f.stop();
    expect(f.text()).toBe('[1 opened]x\n');
  });
});

/**
 * Resolves once the process has `path` open (it is following it, its signal handlers set),
 * read from /proc; where there is no /proc, after a generous pause.
 */
async function opened(pid: number | undefined, path: string): Promise<void> {
  const fds = `/proc/${pid}/fd`;
  if (pid === undefined || !existsSync(fds)) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return;
  }
  const holds = () => {
    try {
      return readdirSync(fds).some((fd) => {
        try {
          return readlinkSync(join(fds, fd)) === path;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  };
  await eventually(holds, () => `process ${pid} to open ${path}`);
}

interface Followed {
  /** Resolves once the CLI follows `path`. */
  ready: (path: string) => Promise<void>;
  lines: () => { line: number; path: string; secretHash: string }[];
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

function followCli(args: string[], cwd: string): Followed {
  const child = startCli(['logs', '--follow', ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    ready: (path) => opened(child.pid, path),
    lines: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { line: number; path: string; secretHash: string }),
    stdout: () => stdout,
    stderr: () => stderr,
    exit,
    kill: (signal) => child.kill(signal),
  };
}

describe('keywarden logs --follow', () => {
  it('prints each finding as jsonl as it appears, through truncation and replacement; SIGTERM ends it with exit 1', async () => {
    const dir = makeTmpDir('follow');
    const path = join(dir, 'app.log');
    const [a, b, c, d, e] = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive(), keys.tokenrouterTest(), keys.openrouter()];
    writeFileSync(path, `boot\nalready there ${a}\n`);
    const run = followCli(['app.log', '--format', 'jsonl'], dir);
    const count = (n: number) => eventually(() => run.lines().length === n, () => `${n} findings, have: ${run.stdout()} ${run.stderr()}`);
    await count(1);

    // The finding comes as its line is appended, with no further input and no signal (how soon is bench/'s to measure).
    appendFileSync(path, `request 1\nrequest 2 Bearer ${b}\n`);
    await count(2);

    truncateSync(path, 0);
    appendFileSync(path, `after copytruncate ${c}\n`);
    await count(3);

    renameSync(path, join(dir, 'app.log.1'));
    appendFileSync(join(dir, 'app.log.1'), `late line in the old file ${d}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeFileSync(path, `new file\nline two ${e}\n`);
    await count(5);

    run.kill('SIGTERM');
    expect(await run.exit).toBe(1);
    expect(run.lines().map((f) => f.line)).toEqual([2, 4, 1, 2, 2]);
    expect(run.lines().every((f) => f.path === 'app.log')).toBe(true);
    expect(run.stderr()).toBe('');
  }, 30_000);

  it('SIGINT with nothing found: the human summary, exit 0, no stack trace', async () => {
    const dir = makeTmpDir('follow');
    writeFileSync(join(dir, 'app.log'), 'quiet\n');
    const run = followCli(['app.log', '--no-color'], dir);
    await run.ready(join(dir, 'app.log'));
    appendFileSync(join(dir, 'app.log'), 'still quiet\n');
    await new Promise((resolve) => setTimeout(resolve, 400));
    run.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toMatch(/^✔ no leaked keys · 1 file \(\d+ B\) scanned in [\d.]+ s\n$/);
    expect(run.stderr()).toBe('');
  }, 30_000);

  it('--from-end skips what the file held, and numbers new lines as lines of the file', async () => {
    const dir = makeTmpDir('follow');
    const path = join(dir, 'app.log');
    writeFileSync(path, `old ${keys.openrouter()}\nline 2\n`);
    const run = followCli(['app.log', '--from-end', '--format', 'jsonl'], dir);
    await run.ready(path);
    await new Promise((resolve) => setTimeout(resolve, 100));
    appendFileSync(path, `line 3 ${keys.agentrouter()}\n`);
    await eventually(() => run.lines().length === 1, () => run.stdout());
    run.kill('SIGTERM');
    expect(await run.exit).toBe(1);
    expect(run.lines().map((f) => f.line)).toEqual([3]);
  }, 30_000);

  it('--from-end without --follow is a usage error', async () => {
    const dir = makeTmpDir('follow');
    writeFileSync(join(dir, 'app.log'), 'x\n');
    const child = startCli(['logs', 'app.log', '--from-end'], { cwd: dir });
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
  });
});
