/**
 * `keywarden redact` end to end: the built CLI as a filter between pipes, fed slowly, fed
 * binary, fed one huge line, and cut off by its reader.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { seededRandom } from '../../src/rules/examples.js';
import { cliPath, repoRoot, runCli } from '../helpers/cli.js';
import { readArgv, redact as redactInProcess } from '../helpers/in-process.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(0x72656463);
const or = keys.openrouter();
const ar = keys.agentrouter(48);
const live = keys.tokenrouterLive(40);

interface Filter {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout so far. */
  stdout: () => Buffer;
  /** Bytes written to stdout so far. */
  stdoutLength: () => number;
  stderr: () => string;
  /** Resolves once stdout has grown to hold `text`, or rejects after `ms` (generous: a CLI may take seconds to start on a busy machine). */
  waitFor: (text: string, ms?: number) => Promise<void>;
  exit: Promise<number | null>;
}

function startFilter(args: string[] = []): Filter {
  const child = spawn(process.execPath, [cliPath, 'redact', ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let outLength = 0;
  let err = '';
  let waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    outLength += chunk.length;
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const stdout = () => Buffer.concat(out);
  const waitFor = (text: string, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stdout().includes(text)) return;
        clearTimeout(timer);
        waiters = waiters.filter((w) => w !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== check);
        reject(new Error(`stdout did not show ${JSON.stringify(text)} within ${ms} ms; it holds ${JSON.stringify(stdout().toString())}`));
      }, ms);
      waiters.push(check);
      check();
    });
  const exit = once(child, 'close').then(([code]) => code as number | null);
  return { child, stdout, stdoutLength: () => outLength, stderr: () => err, waitFor, exit };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('keywarden redact', () => {
  it('masks every key, keeps every other byte, and exits 0', async () => {
    const input = `a ${or} b\r\n\x1b[1m${ar}\x1b[0m\n${prefixes.openrouter}your_key_here\nlast ${live}`;
    const run = await runCli(['redact'], { cwd: repoRoot, input });
    expect(run).toEqual({
      code: 0,
      stdout: `a ${redact(or, prefixes.openrouter)} b\r\n\x1b[1m${redact(ar, prefixes.agentrouter)}\x1b[0m\n${prefixes.openrouter}your_key_here\nlast ${redact(live, prefixes.tokenrouterLive)}`,
      stderr: '',
    });
  });

  it('--count says how many keys it masked on stderr, and still exits 0', async () => {
    expect(await runCli(['redact', '--count'], { cwd: repoRoot, input: `${or}\n${or} ${ar}\n` })).toMatchObject({ code: 0, stderr: 'keywarden: masked 3 keys\n' });
    expect(await runCli(['redact', '--count'], { cwd: repoRoot, input: 'nothing here\n' })).toEqual({ code: 0, stdout: 'nothing here\n', stderr: 'keywarden: masked 0 keys\n' });
    expect(await runCli(['redact', '--count'], { cwd: repoRoot, input: '' })).toEqual({ code: 0, stdout: '', stderr: 'keywarden: masked 0 keys\n' });
  });

  it('--mask picks the style; a wrong one is a usage error (exit 2)', async () => {
    const hash = await runCli(['redact', '--mask', 'hash'], { cwd: repoRoot, input: `${or}\n` });
    expect(hash.stdout).toMatch(/^sk-or-v1-\[sha256:[0-9a-f]{12}\]\n$/);
    // The bin reads --mask (above); the other style and the wrong one in process, argv read as the bin reads it.
    const stars = await readArgv(['redact', '--mask', 'stars']);
    expect(stars).toMatchObject({ command: 'redact', options: { mask: 'stars' } });
    expect((await redactInProcess(Buffer.from(`${ar}\n`), { mask: 'stars' })).toString()).toBe(`${prefixes.agentrouter}${'*'.repeat(48)}\n`);
    const wrong = await readArgv(['redact', '--mask', 'nope']);
    expect(wrong).toMatchObject({ code: 2, error: expect.stringMatching(/Argument: mask, Given: "nope"/) });
  });

  it('masks the keys of user rules too (--rules DIR)', async () => {
    const dir = writeTree(makeTmpDir('rules'), {
      'acme.yaml': [
        'provider: acme',
        'name: ACME gateway',
        'hosts: [gateway.acme.test]',
        'rules:',
        '  - id: acme.gateway-key',
        '    name: ACME gateway key',
        '    severity: medium',
        '    keywords: [acme_]',
        "    pattern: '(?<![A-Za-z0-9_])acme_[a-z0-9]{32}(?![A-Za-z0-9])'",
        "    examples: ['ACME_KEY=acme_{{lower:32}}']",
        "    negativeExamples: ['ACME_KEY=acme_your_key_here']",
        '',
      ].join('\n'),
    });
    const acme = `acme_${keys.body('lower', 32)}`;
    const run = await runCli(['redact', '--rules', dir, '--count'], { cwd: repoRoot, input: `${acme} ${or}\n` });
    expect(run).toEqual({ code: 0, stdout: `${redact(acme, 'acme_')} ${redact(or, prefixes.openrouter)}\n`, stderr: 'keywarden: masked 2 keys\n' });
  });

  it('passes binary input through unchanged', async () => {
    const random = seededRandom(7);
    // Four times the 64 KiB a pipe hands on per read, and the redactor's first hold buffer.
    const data = Buffer.alloc(256 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
    const filter = startFilter();
    filter.child.stdin.end(data);
    expect(await filter.exit).toBe(0);
    expect(filter.stdout().equals(data)).toBe(true);
  });

  it('releases each line as soon as it arrives, while its input is still open', async () => {
    const filter = startFilter(['--count']);
    filter.child.stdin.write(`first ${or}\n`);
    await filter.waitFor(`first ${redact(or, prefixes.openrouter)}\n`);
    filter.child.stdin.write('second line, no key\n');
    await filter.waitFor('second line, no key\n');
    // A partial line that cannot be part of a key follows after a short pause too.
    filter.child.stdin.write('Password: ');
    await filter.waitFor('Password: ');
    filter.child.stdin.end('done\n');
    expect(await filter.exit).toBe(0);
    expect(filter.stdout().toString()).toBe(`first ${redact(or, prefixes.openrouter)}\nsecond line, no key\nPassword: done\n`);
    expect(filter.stderr()).toBe('keywarden: masked 1 key\n');
  });

  it('masks a key split across two writes with a pause between them', async () => {
    const filter = startFilter();
    filter.child.stdin.write(`key: ${live.slice(0, 15)}`);
    // What comes before the key is out (however long the filter takes to start); nothing of the
    // key may be, then or a while later: it could still be completed.
    await filter.waitFor('key: ');
    await pause(300);
    expect(filter.stdout().toString()).toBe('key: ');
    filter.child.stdin.end(`${live.slice(15)}\n`);
    expect(await filter.exit).toBe(0);
    expect(filter.stdout().toString()).toBe(`key: ${redact(live, prefixes.tokenrouterLive)}\n`);
  });

  it('masks a key near the end of a 50 MB line in bounded memory', async () => {
    const filter = startFilter(['--count']);
    // No separator anywhere, as in a minified file or a query string: the line is cut by size only.
    const chunk = Buffer.alloc(64 * 1024, 'abc=defg&');
    const total = 50 * 1024 * 1024;
    let peakKiB = 0;
    const sample = () => {
      // Linux only: the resident set's high-water mark so far.
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${filter.child.pid}/status`, 'utf8'));
        if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
      } catch {
        // no /proc here, or the process has gone
      }
    };
    for (let written = 0; written < total; written += chunk.length) {
      if (!filter.child.stdin.write(chunk)) await once(filter.child.stdin, 'drain');
    }
    filter.child.stdin.write(`&key=${or}&tail`);
    // All but what is held of the line (at most 1 MiB) has gone through: the peak so far covers the long line.
    while (filter.stdoutLength() < total - 1100 * 1024) await pause(20);
    sample();
    filter.child.stdin.end();
    expect(await filter.exit).toBe(0);
    const out = filter.stdout();
    expect(out.length).toBe(total + Buffer.byteLength(`&key=${redact(or, prefixes.openrouter)}&tail`));
    expect(out.subarray(out.length - 200).toString()).toContain(`&key=${redact(or, prefixes.openrouter)}&tail`);
    expect(out.includes(or)).toBe(false);
    expect(filter.stderr()).toBe('keywarden: masked 1 key\n');
    if (process.env['KEYWARDEN_DEBUG_RSS']) console.log(`peak RSS ${peakKiB} KiB`);
    if (peakKiB > 0) expect(peakKiB / 1024).toBeLessThan(150);
  });

  it('stops quietly with exit 0 when its reader goes away (| head)', async () => {
    const filter = startFilter();
    filter.child.stdin.on('error', () => {}); // the filter may be gone before the last write
    filter.child.stdin.write('first\n');
    await filter.waitFor('first\n');
    filter.child.stdout.destroy();
    for (let i = 0; i < 50 && filter.child.exitCode === null; i++) {
      filter.child.stdin.write(`more ${or}\n`.repeat(1000));
      await pause(10);
    }
    expect(await filter.exit).toBe(0);
    expect(filter.stderr()).toBe('');
  });
});
