/**
 * Findings are handed on as they are found (SPEC §3: jsonl "one a line, as they are found"):
 * `scan --format jsonl` prints findings only, one JSON object a line; `verify` answers each key
 * on stdin as soon as its check ends, before the next key has even been written; and a scan
 * that could not read everything it was asked to says so through its exit code (2).
 */
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';
import { unreadableFiles } from '../helpers/unreadable.js';

cleanTmpDirs('all');

const keys = keyFactory(3_0303);

interface JsonlFinding {
  path?: string;
  line?: number;
  source: string;
  secretHash: string;
  verification?: { status: string };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('scan --format jsonl', () => {
  it.each([{ files: 1 }, { files: 40 }, { files: 300 }])('prints one finding a line and nothing else ($files files, a key each)', async ({ files }) => {
    const made = Array.from({ length: files }, () => keys.openrouter());
    const root = writeTree(makeTmpDir('stream'), Object.fromEntries(made.map((key, i) => [`dir${i % 7}/f${i}.env`, `KEY=${key}\n`])));
    const run = await runCli(['scan', '.', '--format', 'jsonl'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const findings = lines(run.stdout).map((line) => JSON.parse(line) as JsonlFinding);
    expect(findings).toHaveLength(files);
    expect(findings.every((finding) => finding.source === 'file' && finding.line === 1)).toBe(true);
    expect(new Set(findings.map((finding) => finding.path)).size).toBe(files);
    for (const key of made) expect(run.stdout + run.stderr).not.toContain(key);
    // No summary anywhere: stdout is findings only, and stderr says nothing on a run that read everything.
    expect(run.stderr).toBe('');
  });

  it('exits 2 when a file could not be read, and says so on stderr (jsonl has no summary line)', async () => {
    const root = writeTree(makeTmpDir('stream'), { 'locked.env': 'x\n', 'ok.txt': 'fine\n' });
    // Tests run as root, whom chmod 000 does not stop: the preload makes opening the file fail as it would for anyone else.
    const run = await runCli(['scan', '.', '--format', 'jsonl'], { cwd: root, nodeOptions: unreadableFiles(makeTmpDir('preload'), 'locked.env') });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/warning: locked\.env: not scanned: EACCES/);
    expect(run.stderr).toMatch(/keywarden: exit 2: not every file could be read to its end \(1 warning: locked\.env\)\n$/);
  });
});

describe('verify --format jsonl with keys written slowly', () => {
  it('answers each key as soon as its check ends, before stdin has ended', async () => {
    const [live, dead] = [keys.openrouter(), keys.openrouter()];
    const provider = await startStandIn(openRouterLike({ live: [live] }));
    const child = startCli(['verify', '--format', 'jsonl'], { cwd: makeTmpDir('stream'), env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` }, keepStdinOpen: true });
    let stdout = '';
    let stderr = '';
    const waiters: { count: number; resolve: () => void }[] = [];
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const waiter of waiters.filter((w) => lines(stdout).length >= w.count)) waiter.resolve();
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    /** Resolves once stdout holds `count` lines; rejects if the CLI ends first. */
    const answered = (count: number) =>
      Promise.race([
        new Promise<void>((resolve) => (lines(stdout).length >= count ? resolve() : waiters.push({ count, resolve }))),
        closed.then(() => Promise.reject(new Error(`keywarden ended before answering key ${count}: ${stderr}`))),
      ]);

    child.stdin.write(`${live}\n`);
    await answered(1);
    // The first answer is out while stdin is still open and the second key not yet written.
    expect(provider.requests).toHaveLength(1);
    child.stdin.write(`${dead}\n`);
    await answered(2);
    child.stdin.end();
    expect(await closed).toBe(1);

    const findings = lines(stdout).map((line) => JSON.parse(line) as JsonlFinding);
    expect(findings.map((finding) => [finding.source, finding.verification?.status])).toEqual([
      ['input', 'live'],
      ['input', 'invalid'],
    ]);
    expect(stdout + stderr).not.toContain(live);
    expect(stdout + stderr).not.toContain(dead);
  });
});

describe('reports printed whole', () => {
  it('a run that fails leaves --output as it was, never emptied for a later step to upload', async () => {
    const root = writeTree(makeTmpDir('whole'), { 'results.sarif': 'previous report\n' });
    const run = await runCli(['history', 'no-such-repo', '--format', 'sarif', '--output', 'results.sarif'], { cwd: root });
    expect(run.code).toBe(2);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${root}/results.sarif`, 'utf8')).toBe('previous report\n');
  });

  it('verify --format json lists keys from stdin in the order given, however the answers arrived', async () => {
    const made = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const run = await runCli(['verify', '--format', 'json'], { cwd: makeTmpDir('order'), input: `${made.join('\n')}\n` });
    const report = JSON.parse(run.stdout) as { findings: JsonlFinding[] };
    expect(report.findings.map((finding) => finding.line)).toEqual([1, 2, 3]);
  });
});
