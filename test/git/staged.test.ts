import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { git, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { staged as stagedRun, type InProcessRun } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

/**
 * `keywarden staged`, the pre-commit guard, on real repositories: it scans what the index
 * would commit (the added lines only, numbered as in the staged file), not the working tree,
 * and exits 2 rather than 0 whenever it cannot read the staged changes. What it reads and
 * reports runs in this process, as the command builds its run (test/helpers/in-process.ts);
 * the built CLI keeps the commit advice on stderr, the exit codes, and what only its
 * environment decides (GIT_INDEX_FILE, a PATH without git).
 */
const keys = keyFactory(3_0303);
cleanTmpDirs('all');
// The guard runs git in this process: keep the machine's git config out of it.

/** An empty repository, made once and copied for each test (a copy costs no git run). */
let template: string | undefined;

function repo(files: Tree = {}): string {
  if (template === undefined) {
    template = makeFileTmpDir('staged-template');
    git(template, ['init', '-q', '-b', 'main', '.']);
  }
  const dir = makeTmpDir('staged');
  cpSync(template, dir, { recursive: true });
  writeTree(dir, files);
  return dir;
}

function stage(dir: string, files: Tree): void {
  writeTree(dir, files);
  git(dir, ['add', '-A']);
}

/** Stage `files` and commit everything staged without running hooks (the history the guard must not re-report). */
function commit(dir: string, files: Tree, message = 'change'): void {
  new TestRepo(dir).commit(files, message);
}

const stagedCli = (cwd: string, args: string[] = [], env: Record<string, string> = {}) =>
  runCli(['staged', ...args], { cwd, env: { ...isolatedGitEnv, ...env } });

/** `keywarden staged FLAGS` in this process. */
const staged = (cwd: string, flags: NonNullable<Parameters<typeof stagedRun>[1]> = {}) => stagedRun(cwd, flags);

interface JsonFinding {
  ruleId: string;
  source: string;
  path: string;
  line: number;
  column: number;
  endColumn: number;
  redacted: string;
  fingerprint: string;
}

async function findings(cwd: string, flags: NonNullable<Parameters<typeof stagedRun>[1]> = {}): Promise<JsonFinding[]> {
  const run = await staged(cwd, { format: 'json', ...flags });
  expect(run.code, run.error).toBeLessThan(2);
  return (JSON.parse(run.report) as { findings: JsonFinding[] }).findings;
}

const where = (list: JsonFinding[]) => list.map((f) => `${f.path}:${f.line}`);

function expectNoRawKey(run: CliRun | InProcessRun, ...raw: string[]): void {
  const printed = 'stdout' in run ? run.stdout + run.stderr : [run.report, ...run.warnings, run.error ?? ''].join('\n');
  for (const key of raw) expect(printed).not.toContain(key);
}

describe('keywarden staged: what it scans', () => {
  it('blocks a staged key, naming file:line, the provider, the redacted key and how to proceed', async () => {
    const key = keys.openrouter();
    const dir = repo();
    commit(dir, { 'README.md': 'hello\n' });
    stage(dir, { 'src/client.ts': `import OpenAI from "openai";\n\nconst apiKey = "${key}";\n` });
    const run = await stagedCli(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('src/client.ts:3:17');
    expect(run.stdout).toContain('OpenRouter API key');
    expect(run.stdout).toContain(`sk-or-v1-${key.slice(9, 13)}…${key.slice(-4)}`);
    expect(run.stderr).toContain('commit blocked');
    expect(run.stderr).toMatch(/git add/);
    expect(run.stderr).toMatch(/[Rr]otate/);
    expect(run.stderr).toContain('keywarden:allow');
    expectNoRawKey(run, key);
  });

  it('passes a clean staged change with exit 0', async () => {
    const dir = repo();
    stage(dir, { 'a.txt': 'nothing to see\n', '.env.example': 'OPENROUTER_API_KEY=sk-or-v1-your_key_here\n' });
    const run = await staged(dir);
    expect(run.code).toBe(0);
    expect(run.report).toContain('no leaked keys');
  });

  it('reports findings with source "staged" and line numbers in the staged file', async () => {
    const key = keys.tokenrouterLive();
    const dir = repo();
    commit(dir, { 'config.yaml': 'a: 1\nb: 2\nc: 3\n' });
    stage(dir, { 'config.yaml': `a: 1\nnew: x\nb: 2\nc: 3\nd: 4\ntoken: ${key}\n` });
    const [finding, ...rest] = await findings(dir);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'tokenrouter.live-key', source: 'staged', path: 'config.yaml', line: 6, column: 8, endColumn: 8 + key.length });
  });

  it('does not block on a key that is only in an unstaged edit', async () => {
    const dir = repo();
    commit(dir, { 'app.env': 'A=1\n' });
    stage(dir, { 'other.txt': 'staged and clean\n' });
    writeTree(dir, { 'app.env': `A=1\nKEY=${keys.agentrouter()}\n` });
    expect((await staged(dir)).code).toBe(0);
  });

  it('still blocks a staged key that an unstaged edit has since removed from the working tree', async () => {
    const key = keys.openrouter();
    const dir = repo();
    commit(dir, { 'app.env': 'A=1\n' });
    stage(dir, { 'app.env': `A=1\nKEY=${key}\n` });
    writeTree(dir, { 'app.env': 'A=1\nKEY=${FROM_ENV}\n' });
    expect(where(await findings(dir))).toEqual(['app.env:2']);
  });

  it('reports only the lines the commit adds, not keys already committed in the same file', async () => {
    const old = keys.openrouter();
    const dir = repo();
    commit(dir, { 'settings.py': `OLD = "${old}"\nDEBUG = False\n` });
    stage(dir, { 'settings.py': `OLD = "${old}"\nDEBUG = True\n` });
    expect(await findings(dir)).toEqual([]);
  });

  it('works before the first commit (no HEAD)', async () => {
    const dir = repo();
    stage(dir, { 'first.env': `KEY=${keys.openrouter()}\n` });
    expect(where(await findings(dir))).toEqual(['first.env:1']);
    const clean = repo();
    stage(clean, { 'first.txt': 'hello\n' });
    expect((await staged(clean)).code).toBe(0);
  });

  it('works with nothing staged at all, even in an empty repository', async () => {
    expect((await staged(repo())).code).toBe(0);
  });

  it('scans the staged resolution of a merge in progress', async () => {
    const key = keys.openrouter();
    const dir = repo();
    commit(dir, { 'conf.ini': 'key = none\n' });
    git(dir, ['checkout', '-q', '-b', 'side']);
    commit(dir, { 'conf.ini': 'key = side\n' });
    git(dir, ['checkout', '-q', 'main']);
    commit(dir, { 'conf.ini': 'key = main\n' });
    expect(() => git(dir, ['merge', '-q', 'side'])).toThrow(); // a conflict
    stage(dir, { 'conf.ini': `key = ${key}\n` });
    expect(git(dir, ['rev-parse', '-q', '--verify', 'MERGE_HEAD'])).toMatch(/^[0-9a-f]{40}$/);
    expect(where(await findings(dir))).toEqual(['conf.ini:1']);
    stage(dir, { 'conf.ini': 'key = from-env\n' });
    expect((await staged(dir)).code).toBe(0);
  });

  it('skips binary files without crashing, and finds keys next to them', async () => {
    const key = keys.openrouter();
    const dir = repo();
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(`\n${keys.openrouter()}\n`), Buffer.alloc(64)]);
    stage(dir, { 'logo.png': binary, 'b.txt': `k=${key}\n` });
    const run = await staged(dir, { format: 'json' });
    expect(run.code).toBe(1);
    expect(where((JSON.parse(run.report) as { findings: JsonFinding[] }).findings)).toEqual(['b.txt:1']);
  });

  it('does not let .gitattributes hide a text file by calling it binary', async () => {
    const dir = repo();
    commit(dir, { '.gitattributes': '*.env binary\n*.lock -diff\n*.png binary\n' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from(`\n${keys.openrouter()}\n`)]);
    stage(dir, { 'prod.env': `A=1\nKEY=${keys.openrouter()}\n`, 'deps.lock': `x\ny\n${keys.agentrouter()}\n`, 'real.png': png });
    expect(where(await findings(dir)).sort()).toEqual(['deps.lock:3', 'prod.env:2']);
  });

  it('does not count a deleted file, even one holding a key', async () => {
    const dir = repo();
    commit(dir, { 'leak.env': `KEY=${keys.openrouter()}\n`, 'keep.txt': 'x\n' });
    git(dir, ['rm', '-q', 'leak.env']);
    expect((await staged(dir)).code).toBe(0);
  });

  it('follows a rename: moving a file adds nothing, an edit in the move is reported at the new path', async () => {
    const old = keys.openrouter();
    const dir = repo();
    commit(dir, { 'old/name.txt': `${'line\n'.repeat(20)}OLD=${old}\n` });
    git(dir, ['mv', 'old/name.txt', 'new-name.txt']);
    expect((await staged(dir)).code).toBe(0);
    stage(dir, { 'new-name.txt': `${'line\n'.repeat(20)}OLD=${old}\nNEW=${keys.tokenrouterTest()}\n` });
    expect(git(dir, ['diff', '--cached', '-M', '--name-status'])).toMatch(/^R\d+/);
    expect(where(await findings(dir))).toEqual(['new-name.txt:22']);
  });

  it('scans a copied file in full', async () => {
    const key = keys.openrouter();
    const dir = repo();
    commit(dir, { 'a.env': `KEY=${key}\n` }, 'an old leak');
    stage(dir, { 'b.env': `KEY=${key}\n` });
    expect(where(await findings(dir))).toEqual(['b.env:1']);
  });

  it('skips submodule pointers and still scans the superproject', async () => {
    const sub = repo({ 'inside.env': `KEY=${keys.openrouter()}\n` });
    git(sub, ['add', '-A']);
    git(sub, ['commit', '-q', '-m', 'sub']);
    const dir = repo();
    commit(dir, { 'README.md': 'super\n' });
    git(dir, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub']);
    expect((await staged(dir)).code).toBe(0);
    stage(dir, { 'app.env': `KEY=${keys.agentrouter()}\n` });
    expect(where(await findings(dir))).toEqual(['app.env:1']);
  });

  it('finds a key after a lone carriage return, on a CRLF line, and in quoted paths', async () => {
    const dir = repo();
    stage(dir, {
      'mac.txt': `a\rb\nKEY=${keys.openrouter()}\n`,
      'win.env': `A=1\r\nKEY=${keys.tokenrouterLive()}\r\n`,
      'dir with space/ключ "q".env': `KEY=${keys.agentrouter()}\n`,
    });
    expect(where(await findings(dir)).sort()).toEqual(['dir with space/ключ "q".env:1', 'mac.txt:2', 'win.env:2']);
  });

  it('reads the staged diff the same whatever the repository config says', async () => {
    const dir = repo();
    commit(dir, { 'sub/keep.txt': 'x\n' });
    for (const [name, value] of [
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['diff.relative', 'true'],
      ['diff.external', 'false'],
      ['color.diff', 'always'],
      ['color.ui', 'always'],
      ['diff.renames', 'copies'],
      ['diff.submodule', 'log'],
      ['core.quotepath', 'true'],
    ] as const) {
      git(dir, ['config', name, value]);
    }
    stage(dir, { 'top.env': `KEY=${keys.openrouter()}\n`, 'sub/é.env': `KEY=${keys.openrouter()}\n` });
    expect(where(await findings(join(dir, 'sub'))).sort()).toEqual(['sub/é.env:1', 'top.env:1']);
  });

  it('scans the index git commit is using (GIT_INDEX_FILE)', async () => {
    const dir = repo();
    commit(dir, { 'a.txt': 'x\n' });
    const index = join(dir, '.git', 'other-index');
    git(dir, ['read-tree', 'HEAD'], { env: { GIT_INDEX_FILE: index } });
    writeTree(dir, { 'b.env': `KEY=${keys.openrouter()}\n` });
    git(dir, ['add', 'b.env'], { env: { GIT_INDEX_FILE: index } });
    expect((await staged(dir)).code).toBe(0);
    const run = await stagedCli(dir, ['--format', 'json'], { GIT_INDEX_FILE: index });
    expect(run.code, run.stderr).toBe(1);
    expect(where((JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings)).toEqual(['b.env:1']);
  });
});

describe('keywarden staged: suppressions and options', () => {
  it('honours keywarden:allow on the line', async () => {
    const dir = repo();
    stage(dir, { 'fixture.ts': `const fake = "${keys.openrouter()}"; // keywarden:allow\n` });
    expect((await staged(dir)).code).toBe(0);
  });

  it('honours .keywardenignore at the top (fingerprints and path globs), also from a subdirectory', async () => {
    const dir = repo();
    mkdirSync(join(dir, 'src'));
    stage(dir, { 'fixtures/a.env': `K=${keys.openrouter()}\n`, 'src/b.env': `K=${keys.openrouter()}\n` });
    const all = await findings(dir);
    expect(where(all).sort()).toEqual(['fixtures/a.env:1', 'src/b.env:1']);
    const fingerprint = all.find((f) => f.path === 'src/b.env')?.fingerprint ?? '';
    writeFileSync(join(dir, '.keywardenignore'), `# test data\nfixtures/\n${fingerprint}\n`);
    const run = await staged(join(dir, 'src'));
    expect(run.code).toBe(0);
    expect(run.report).toContain('1 suppressed');
  });

  it('honours --baseline, --config excludes and --rules', async () => {
    const dir = repo();
    stage(dir, { 'a.env': `K=${keys.openrouter()}\n`, 'b.env': `K=${keys.agentrouter()}\n` });
    const baseline = join(makeTmpDir('staged-baseline'), 'baseline.json');
    writeFileSync(baseline, (await staged(dir, { format: 'json' })).report);
    expect((await staged(dir, { baseline })).code).toBe(0);

    const config = join(makeTmpDir('staged-config'), 'keywarden.yaml');
    writeFileSync(config, 'exclude:\n  - "*.env"\n');
    expect((await staged(dir, { config })).code).toBe(0);

    const rules = makeTmpDir('staged-rules');
    writeFileSync(
      join(rules, 'acme.yaml'),
      'provider: acme\nname: Acme\nrules:\n  - id: acme.key\n    name: Acme key\n    severity: medium\n    keywords: [acme_]\n    pattern: "(?<![a-z0-9_])acme_[a-z0-9]{20}(?![a-z0-9])"\n    examples: ["k=acme_{{lower:20}}"]\n    negativeExamples: ["acme_short"]\n',
    );
    const custom = repo();
    stage(custom, { 'x.txt': `token acme_${keys.body('lower', 20)}\n` });
    expect((await staged(custom)).code).toBe(0);
    const withRules = await staged(custom, { rules: [rules], format: 'json' });
    expect(withRules.code).toBe(1);
    expect((JSON.parse(withRules.report) as { findings: JsonFinding[] }).findings.map((f) => f.ruleId)).toEqual(['acme.key']);
  });

  it('prints the raw key only with --show-secrets', async () => {
    const key = keys.openrouter();
    const dir = repo();
    stage(dir, { 'a.env': `K=${key}\n` });
    for (const format of ['human', 'json', 'sarif'] as const) expectNoRawKey(await staged(dir, { format }), key);
    expect((await staged(dir, { showSecrets: true })).report).toContain(key);
  });
});

describe('keywarden staged: fails closed', () => {
  it('exits 2 outside a git work tree', async () => {
    const run = await staged(makeTmpDir('not-a-repo'));
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/not inside a git work tree/);
  });

  it('exits 2 in a bare repository', async () => {
    const dir = makeTmpDir('bare');
    git(dir, ['init', '-q', '--bare', '.']);
    expect((await staged(dir)).code).toBe(2);
  });

  it('exits 2 when git is missing', async () => {
    const dir = repo();
    stage(dir, { 'a.env': `K=${keys.openrouter()}\n` });
    const bin = makeTmpDir('no-git-path');
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = await stagedCli(dir, [], { PATH: bin });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/git is not installed/);
  });

  it('exits 2 when git fails (a corrupt index)', async () => {
    const dir = repo();
    stage(dir, { 'a.env': `K=${keys.openrouter()}\n` });
    writeFileSync(join(dir, '.git', 'index'), 'not an index');
    const run = await staged(dir);
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/git .*failed/);
  });

  it('exits 2 on a bad option value rather than scanning with defaults', async () => {
    const dir = repo();
    expect((await staged(dir, { baseline: join(dirname(dir), 'missing.json') })).code).toBe(2);
  });
});
