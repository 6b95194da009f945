import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli.js';
import { git } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { makeFileTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * `keywarden … | true`: the reader is gone before (or while) keywarden writes. Nothing is
 * wrong with the run, so it ends quietly (no EPIPE, no stack trace) with its own exit code,
 * also when stderr went into the same closed pipe (`2>&1 | true`) and there were warnings to print.
 *
 * One case per way the bin writes into a closed pipe: a report written whole at the end (a
 * human report larger than a pipe's buffer, 64 KiB, so a write is still pending when the reader
 * goes), a report written a finding at a time, a run with git children, a command that prints
 * without a run, a run that passes and prints a key at a time; with stderr closed too, warnings and a
 * usage error. Another format of the same report is the same single write; a run that exits 1
 * with nothing for stderr cannot tell a crash (exit 1) from its verdict under `2>&1 | true`.
 */
const keys = keyFactory(0x45504950);

interface ShellRun {
  code: number | null;
  stderr: string;
}

/** keywarden's exit code in a real shell pipeline (`PIPESTATUS`), and what it wrote to stderr when that stayed open. */
function inPipeline(args: string[], cwd: string, pipeline: '| true' | '2>&1 | true', input = '', env: Record<string, string> = {}): Promise<ShellRun> {
  const quoted = [process.execPath, cliPath, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `${quoted} ${pipeline}; exit "\${PIPESTATUS[0]}"`], {
      cwd,
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Keys in a file and in a log, committed: read by every case, written once. */
let tree: string;
/** Files the scan reads nothing from, two of them over the `--max-file-size 1k` of the warnings case. */
let cleanTree: string;
beforeAll(() => {
  tree = writeTree(makeFileTmpDir('closed'), {
    // ~300 bytes of human report a finding: ~90 KiB for the scan and history, over a pipe's buffer.
    'keys.env': Array.from({ length: 300 }, () => `KEY=${keys.openrouter()}`).join('\n'),
    'app.log': Array.from({ length: 30 }, (_, i) => `line ${i} ${keys.openrouter()}`).join('\n'),
  });
  git(tree, ['init', '-q', '-b', 'main', '.']);
  git(tree, ['add', '-A']);
  git(tree, ['commit', '-q', '-m', 'keys']);
  cleanTree = writeTree(makeFileTmpDir('closed-clean'), { 'a.txt': 'nothing here\n', 'big.txt': 'x'.repeat(5000), 'big2.txt': 'y'.repeat(5000) });
});

describe('a closed stdout ends quietly with the run\u2019s own exit code', () => {
  it.each([
    { name: 'scan with findings (a report written whole)', args: ['scan', '.'], dir: () => tree, code: 1 },
    { name: 'logs with findings (a finding at a time)', args: ['logs', 'app.log'], dir: () => tree, code: 1 },
    { name: 'history with findings (git children)', args: ['history', '.'], dir: () => tree, code: 1 },
    { name: 'rules list', args: ['rules', 'list'], dir: () => cleanTree, code: 0 },
  ])('$name | true', async ({ args, dir, code }) => {
    const run = await inPipeline(args, dir(), '| true');
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(run.code, run.stderr).toBe(code);
  });

  it.each([
    { name: 'a clean scan with warnings', args: ['scan', '.', '--max-file-size', '1k'], code: 0 },
    { name: 'a usage error', args: ['scan', '--no-such-flag'], code: 2 },
  ])('$name 2>&1 | true', async ({ args, code }) => {
    const run = await inPipeline(args, cleanTree, '2>&1 | true');
    expect(run.code, run.stderr).toBe(code);
  });
});

describe('a run that passes and prints its report a key at a time', () => {
  it('verify --fail-on live of 50 dead keys | true: exit 0', async () => {
    const provider = await startStandIn(openRouterLike());
    const input = Array.from({ length: 50 }, () => keys.openrouter()).join('\n');
    const env = { OPENROUTER_BASE_URL: `${provider.origin}/api/v1`, AGENTROUTER_BASE_URL: '', TOKENROUTER_BASE_URL: 'http://127.0.0.1:9' };
    const run = await inPipeline(['verify', '--fail-on', 'live'], cleanTree, '| true', input, env);
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(run.code, run.stderr).toBe(0);
  });
});
