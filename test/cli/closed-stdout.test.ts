import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli.js';
import { git } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * `keywarden … | true`: the reader is gone before (or while) keywarden writes. Nothing is
 * wrong with the run, so it ends quietly (no EPIPE, no stack trace) with its own exit code,
 * also when stderr went into the same closed pipe (`2>&1 | true`) and there were warnings to print.
 */
cleanTmpDirs('all');
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

function tree(): string {
  const root = writeTree(makeTmpDir('closed'), {
    'keys.env': Array.from({ length: 300 }, () => `KEY=${keys.openrouter()}`).join('\n'),
    'app.log': Array.from({ length: 300 }, (_, i) => `line ${i} ${keys.openrouter()}`).join('\n'),
  });
  git(root, ['init', '-q', '-b', 'main', '.']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'keys']);
  return root;
}

function cleanTree(): string {
  return writeTree(makeTmpDir('closed-clean'), { 'a.txt': 'nothing here\n', 'big.txt': 'x'.repeat(5000), 'big2.txt': 'y'.repeat(5000) });
}

const cases = [
  { name: 'scan with findings', args: ['scan', '.'], dir: tree, code: 1 },
  { name: 'scan --format json with findings', args: ['scan', '.', '--format', 'json'], dir: tree, code: 1 },
  { name: 'scan --format jsonl with findings', args: ['scan', '.', '--format', 'jsonl'], dir: tree, code: 1 },
  { name: 'scan --format sarif with findings', args: ['scan', '.', '--format', 'sarif'], dir: tree, code: 1 },
  { name: 'logs with findings', args: ['logs', 'app.log'], dir: tree, code: 1 },
  { name: 'history with findings', args: ['history', '.'], dir: tree, code: 1 },
  { name: 'a clean scan with warnings on stderr', args: ['scan', '.', '--max-file-size', '1k'], dir: cleanTree, code: 0 },
  { name: 'a clean scan with warnings, --format json', args: ['scan', '.', '--max-file-size', '1k', '--format', 'json'], dir: cleanTree, code: 0 },
  { name: 'verify with no key on stdin (a warning)', args: ['verify'], dir: cleanTree, code: 0, input: 'no key here\n' },
  { name: 'rules list', args: ['rules', 'list'], dir: cleanTree, code: 0 },
  { name: 'a usage error', args: ['scan', '--no-such-flag'], dir: cleanTree, code: 2 },
];

describe('a closed stdout ends quietly with the run\u2019s own exit code', () => {
  it.each(cases)('$name | true', async ({ args, dir, code, input }) => {
    const run = await inPipeline(args, dir(), '| true', input);
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(run.code, run.stderr).toBe(code);
  });

  it.each(cases)('$name 2>&1 | true', async ({ args, dir, code, input }) => {
    const run = await inPipeline(args, dir(), '2>&1 | true', input);
    expect(run.code, run.stderr).toBe(code);
  });
});

describe('a run that passes and prints a long report', () => {
  it.each(['| true', '2>&1 | true'] as const)('verify --fail-on live of 300 dead keys %s: exit 0', async (pipeline) => {
    const provider = await startStandIn(openRouterLike());
    const input = Array.from({ length: 300 }, () => keys.openrouter()).join('\n');
    const env = { OPENROUTER_BASE_URL: `${provider.origin}/api/v1`, AGENTROUTER_BASE_URL: '', TOKENROUTER_BASE_URL: 'http://127.0.0.1:9' };
    const run = await inPipeline(['verify', '--fail-on', 'live'], cleanTree(), pipeline, input, env);
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(run.code, run.stderr).toBe(0);
  });
});
