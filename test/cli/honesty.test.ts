/**
 * The CLI says what it did, and its exit code agrees (SPEC §2–§4), in real temp dirs and real
 * git repositories. Each table row is one behaviour a user relies on: a path is not taken for
 * a flag's value, a flag without its value is an error, a path named is scanned or said to be
 * skipped, the summary line never contradicts the exit code, paths and fingerprints do not
 * depend on where the scan started, a closed pipe is not a crash, hints fit the source, a typo
 * gets a suggestion, and the README's flags exist. What the run decides and reports is tested
 * in this process (test/helpers/in-process.ts, `cwd` standing for where the bin starts), and so
 * is how argv is read (`commandLine`: the bin's two readers, then the command) and the help yargs
 * renders; stdout, stderr and exit codes as a process through the built CLI, once per behaviour.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, startCli, type CliRun } from '../helpers/cli.js';
import { historyTable, logsTable, redactTable, rulesListTable, scanTable, verifyTable } from '../../src/cli/options.js';
import { TestRepo } from '../helpers/history-repos.js';
import { commandLine, helpText, history, logs, scan, type InProcessRun } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';
import { unreadableFiles } from '../helpers/unreadable.js';

cleanTmpDirs('all');

const keys = keyFactory(7_1717);
/** Every raw key this file made: none may be printed, since no run here asks for --show-secrets. */
const made: string[] = [];
const openrouterKey = () => {
  const key = keys.openrouter();
  made.push(key);
  return key;
};
const acmeKey = () => {
  const key = `acme_${keys.body('lower', 20)}`;
  made.push(key);
  return key;
};

async function cli(args: string[], options: Parameters<typeof runCli>[1]): Promise<CliRun> {
  const run = await runCli(args, options);
  for (const key of made) expect(run.stdout + run.stderr, `a raw key in the output of keywarden ${args.join(' ')}`).not.toContain(key);
  return run;
}

/** A run in this process, its output checked for raw keys as the bin's is. */
async function noKeyIn(running: Promise<InProcessRun>): Promise<InProcessRun> {
  const run = await running;
  const output = [run.report, ...run.warnings, run.why ?? '', run.error ?? ''].join('\n');
  for (const key of made) expect(output, 'a raw key in the output').not.toContain(key);
  return run;
}

// History runs git in this process: keep the machine's git config out of it.

const tree = (files: Tree) => writeTree(makeTmpDir('honesty'), files);

/** A user rule for `acme_` + 20 lowercase alphanumerics, as `--rules DIR` reads it. */
const acmeRule = [
  'provider: acme',
  'name: Acme',
  'rules:',
  '  - id: acme.key',
  '    name: Acme key',
  '    severity: medium',
  '    keywords: [acme_]',
  '    pattern: "(?<![a-z0-9_])acme_[a-z0-9]{20}(?![a-z0-9])"',
  '    examples: ["k=acme_{{lower:20}}"]',
  '    negativeExamples: ["acme_short"]',
  '',
].join('\n');

interface JsonlFinding {
  path: string;
  line: number;
  column: number;
  fingerprint: string;
  source: string;
}

/** Every line of a jsonl report (a run's stdout), parsed: it throws on a line that is not a finding (a summary, say). */
const jsonl = (report: string): JsonlFinding[] =>
  report
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonlFinding);

const pathsIn = (report: string) => jsonl(report).map((finding) => finding.path).sort();
/** What the bin prints on stderr for the error of an in-process run (src/cli/main.ts). */
const stderrOf = (run: InProcessRun) => (run.error === undefined ? '' : `keywarden: ${run.error}\n`);
const jsonFindings = (run: InProcessRun) => (JSON.parse(run.report) as { findings: JsonlFinding[] }).findings;
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

/** A git work tree (branch main) with these files committed. */
function repoWith(files: Tree): TestRepo {
  const repo = TestRepo.init(makeTmpDir('honesty-repo'));
  repo.commit(files, 'add files');
  return repo;
}

describe('a repeatable flag takes one value per use: the path after it stays a path', () => {
  const acme = acmeKey();
  const other = acmeKey();
  const onMain = openrouterKey();
  const onSide = openrouterKey();
  /** Built once: no run writes to it. */
  let root: string | undefined;
  const setup = () => {
    if (root) return root;
    root = tree({ 'rules/acme.yaml': acmeRule, 'sub/app.env': `ACME=${acme}\n`, 'top.env': `ACME=${other}\n`, 'app.log': `token ${acme}\n`, 'repo/.keep': '' });
    const repo = TestRepo.init(join(root, 'repo'));
    repo.commit({ 'main.env': `KEY=${onMain}\n` });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ 'side.env': `KEY=${onSide}\n` });
    repo.git('checkout', '-q', 'main');
    return root;
  };

  // Read as the bin reads argv (the quick reader, else yargs), run in this process.
  it.each([
    // `--rules rules sub`: were `sub` a second rule directory, `.` would be scanned and top.env found too.
    { args: ['scan', '--rules', 'rules', 'sub'], found: ['app.env'] },
    { args: ['scan', '--rules', 'rules', 'sub', '--rules', 'rules'], found: 'no rule twice' },
    // Were app.log swallowed, logs would read (empty) stdin and find nothing.
    { args: ['logs', '--rules', 'rules', 'app.log'], found: ['app.log'] },
    // Were repo swallowed, history would read the temp dir, which is no repository.
    { args: ['history', '--branch', 'main', 'repo'], found: ['main.env'] },
    { args: ['history', '--branch', 'main', '--branch', 'side', 'repo'], found: ['main.env', 'side.env'] },
  ])('keywarden $args', async ({ args, found }) => {
    const run = await noKeyIn(commandLine(setup(), [...args, '--format', 'jsonl']));
    if (found === 'no rule twice') {
      // The same directory twice loads its rules twice: proof that both uses were read as rule directories.
      expect(run.code).toBe(2);
      expect(run.error).toMatch(/already defined/);
      return;
    }
    // Nothing the bin would print on stderr: no warning, no reason, no error.
    expect([...run.warnings, run.why ?? '', run.error ?? ''].join('')).toBe('');
    expect(run.code).toBe(1);
    expect(pathsIn(run.report)).toEqual(found);
  });

  it('end to end: keywarden history --branch main --branch side repo --format jsonl', async () => {
    const run = await cli(['history', '--branch', 'main', '--branch', 'side', 'repo', '--format', 'jsonl'], { cwd: setup() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(pathsIn(run.stdout)).toEqual(['main.env', 'side.env']);
  });
});

describe('a flag given without its value is a usage error, never silently dropped', () => {
  // What makes yargs refuse a flag without its value: every option that takes one says so.
  it.each(Object.entries({ scanTable, historyTable, logsTable, verifyTable, redactTable, rulesListTable }))('%s: every option that takes a value requires it', (_name, table) => {
    const options: Record<string, { type?: string; choices?: readonly unknown[]; requiresArg?: boolean }> = table;
    const takingValues = Object.entries(options).filter(([, option]) => option.type !== 'boolean');
    expect(takingValues.length).toBeGreaterThan(0);
    for (const [name, option] of takingValues) expect(option.requiresArg, `--${name}`).toBe(true);
  });

  // How the bin says so, for a short alias, a flag followed by another, a repeatable one, and in each command's words:
  // argv read as the bin reads it, in this process; and once by the bin.
  it.each([
    { args: ['scan', '-f'], flag: '-f', help: 'scan' },
    { args: ['scan', '--output', '--verify'], flag: '--output', help: 'scan' },
    { args: ['scan', '.', '--rules'], flag: '--rules', help: 'scan' },
    { args: ['history', '--branch'], flag: '--branch', help: 'history' },
    { args: ['logs', 'app.log', '--format'], flag: '--format', help: 'logs' },
  ])('keywarden $args', async ({ args, flag, help }) => {
    const run = await commandLine(makeTmpDir('honesty'), args);
    expect(run.code).toBe(2);
    expect(run.report).toBe('');
    expect(stderrOf(run)).toBe(`keywarden: ${flag} needs a value\nRun 'keywarden ${help} --help' for usage.\n`);
  });

  it('end to end: keywarden logs app.log --format', async () => {
    const run = await cli(['logs', 'app.log', '--format'], { cwd: tree({ 'app.log': 'nothing\n' }) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`keywarden: --format needs a value\nRun 'keywarden logs --help' for usage.\n`);
  });
});

describe('a path named on the command line is scanned, or the run says why not', () => {
  const inModules = openrouterKey();
  const inNestedIgnored = openrouterKey();
  const inBinary = openrouterKey();
  /** Built once: no run writes to it. */
  let built: string | undefined;
  const setup = () =>
    (built ??= repoWith({
      '.gitignore': 'node_modules/\n',
      'app.ts': 'export {};\n',
      'node_modules/pkg/index.js': `module.exports = "${inModules}";\n`,
      // The named directory's own .gitignore files still apply inside it.
      'node_modules/pkg/.gitignore': 'build/\n',
      'node_modules/pkg/build/out.js': `x = "${inNestedIgnored}";\n`,
      'bin.dat': Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(` ${inBinary} `)]),
      't.zip': Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.alloc(32)]),
    }).dir);

  it.each([
    { args: ['scan', 'node_modules'], paths: ['node_modules'], code: 1, found: ['node_modules/pkg/index.js'], warned: [] },
    { args: ['scan', 'node_modules/pkg'], paths: ['node_modules/pkg'], code: 1, found: ['node_modules/pkg/index.js'], warned: [] },
    // Not named: .gitignore hides it, as git does.
    { args: ['scan', '.'], paths: ['.'], code: 0, found: [], warned: [] },
    { args: ['scan', 'bin.dat'], paths: ['bin.dat'], code: 0, found: [], warned: ['bin.dat'] },
    { args: ['scan', 't.zip'], paths: ['t.zip'], code: 0, found: [], warned: ['t.zip'] },
    { args: ['scan', 'bin.dat', 't.zip', 'app.ts'], paths: ['bin.dat', 't.zip', 'app.ts'], code: 0, found: [], warned: ['bin.dat', 't.zip'] },
    // Found by a walk, a binary file is skipped quietly.
    { args: ['scan', '--no-gitignore', '.'], paths: ['.'], gitignore: false, code: 1, found: ['node_modules/pkg/build/out.js', 'node_modules/pkg/index.js'], warned: [] },
  ])('keywarden $args', async ({ paths, gitignore, code, found, warned }) => {
    const root = setup();
    // The bin names a path as it was given: here, relative to the root.
    const given = (text: string) => text.split(`${root}/`).join('');
    const run = await noKeyIn(scan(root, { paths, ...(gitignore === false ? { gitignore } : {}), format: 'json' }));
    expect(run.code, run.error).toBe(code);
    expect(jsonFindings(run).map((finding) => finding.path).sort()).toEqual(found);
    expect(run.warnings.map(given)).toEqual(warned.map((path) => `${path}: not scanned: a binary file (a NUL byte in its first 8000 bytes)`));
    if (warned.length > 0) {
      const human = await noKeyIn(scan(root, { paths }));
      // The summary does not claim a clean scan of nothing: it counts the warnings.
      expect(lastLine(human.report)).toMatch(new RegExp(`${warned.length} warnings?: not everything was scanned`));
    }
  });
});

describe('the summary line never contradicts the exit code', () => {
  it('a key answered invalid and left out by --results live: exit 1, and the last line says why, not ✔', async () => {
    const dead = openrouterKey();
    const provider = await startStandIn(openRouterLike());
    const run = await noKeyIn(scan(tree({ '.env': `KEY=${dead}\n` }), { verify: true, results: 'live' }, { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` }));
    expect(run.code).toBe(1);
    expect(provider.requestsFor(dead)).toHaveLength(1);
    const last = lastLine(run.report);
    expect(last).not.toMatch(/^✔/);
    expect(last).toMatch(/exit 1: 1 failing finding not shown/);
  });

  it.each([{ flags: ['--quiet'] }, { flags: ['--format', 'json'] }, { flags: ['--output', 'report.json'] }])('the same with $flags: no summary on stdout, so the reason goes to stderr', async ({ flags }) => {
    const dead = openrouterKey();
    const provider = await startStandIn(openRouterLike());
    const run = await cli(['scan', '.', '--verify', '--results', 'live', ...flags], { cwd: tree({ '.env': `KEY=${dead}\n` }), env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/✔/);
    expect(lastLine(run.stderr)).toBe('keywarden: exit 1: 1 failing finding not shown (see the --results note)');
  });

  it('scan: a file that cannot be opened: exit 2, and the last line says exit 2', async () => {
    const root = tree({ 'locked.env': 'x\n', 'ok.txt': 'fine\n' });
    const run = await cli(['scan', '.'], { cwd: root, nodeOptions: unreadableFiles(makeTmpDir('preload'), 'locked.env') });
    expect(run.code, run.stderr).toBe(2);
    const last = lastLine(run.stdout);
    expect(last).not.toMatch(/^✔/);
    expect(last).toMatch(/exit 2: not every file could be read/);
  });

  it('logs: a truncated gzip: exit 2, and the last line says exit 2', async () => {
    const root = tree({ 'app.log.gz': gzipSync('a line\n'.repeat(1000)).subarray(0, 40) });
    const run = await noKeyIn(logs(root, { files: ['app.log.gz'] }));
    expect(run.code, run.error).toBe(2);
    const last = lastLine(run.report);
    expect(last).not.toMatch(/^✔/);
    expect(last).toMatch(/exit 2: not every log could be read/);
  });

  it('a key found beside an unreadable file: exit 1 (a finding decides), and the unread file is still counted', async () => {
    const key = openrouterKey();
    const run = await cli(['scan', '.'], { cwd: tree({ 'locked.env': 'x\n', 'app.env': `KEY=${key}\n` }), nodeOptions: unreadableFiles(makeTmpDir('preload'), 'locked.env') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/locked\.env: not scanned: EACCES/);
    expect(lastLine(run.stdout)).toMatch(/^✖ 1 leaked key .*1 warning: not everything was scanned/);
  });
});

describe('paths and fingerprints do not depend on where the scan starts', () => {
  const key = openrouterKey();
  const fresh = () => repoWith({ 'src/client.ts': `import OpenAI from "openai";\n\nconst client = new OpenAI({ apiKey: "${key}" });\n`, 'README.md': 'hello\n' }).dir;
  /** Shared by the runs that write nothing into it. */
  let shared: string | undefined;
  const setup = () => (shared ??= fresh());
  const where = (run: CliRun) => jsonl(run.stdout).map((f) => `${f.path}:${f.line}:${f.column} ${f.fingerprint}`);

  it.each([
    { from: '.', paths: ['src'] },
    { from: '.', paths: ['.'] },
    { from: '.', paths: ['src/client.ts'] },
    { from: 'src', paths: ['.'] },
    { from: 'src', paths: ['client.ts'] },
  ])('from $from: keywarden scan $paths reports src/client.ts with one fingerprint', async ({ from, paths }) => {
    const run = await noKeyIn(scan(join(setup(), from), { paths, format: 'json' }));
    expect(run.code).toBe(1);
    expect(jsonFindings(run).map((f) => `${f.path}:${f.line}:${f.column} ${f.fingerprint}`)).toEqual([expect.stringMatching(/^src\/client\.ts:3:38 src\/client\.ts:openrouter\.api-key:[0-9a-f]{16}$/)]);
  });

  it('from a subdirectory the hint names the .keywardenignore at the top, and that file applies', async () => {
    const root = fresh();
    const run = await noKeyIn(scan(join(root, 'src')));
    expect(run.report).toMatch(/"src\/client\.ts:openrouter\.api-key:[0-9a-f]{16}" to \.\.\/\.keywardenignore\n/);
    const fingerprint = /"(src\/client\.ts:openrouter\.api-key:[0-9a-f]{16})"/.exec(run.report)?.[1] ?? '';
    writeFileSync(join(root, '.keywardenignore'), `${fingerprint}\n`);
    for (const cwd of [root, join(root, 'src')]) expect((await scan(cwd)).code).toBe(0);
  });

  it('a baseline made by scan src suppresses the finding in scan .', async () => {
    const root = setup();
    const baseline = join(makeTmpDir('baseline'), 'baseline.json');
    const made = await noKeyIn(scan(root, { paths: ['src'], format: 'json' }));
    expect(made.code).toBe(1);
    writeFileSync(baseline, made.report);
    const run = await noKeyIn(scan(root, { baseline }));
    expect(run.code, run.report).toBe(0);
    expect(lastLine(run.report)).toMatch(/1 suppressed/);
  });

  it('end to end: from src, keywarden scan . and scan client.ts report src/client.ts, and the hint names ../.keywardenignore', async () => {
    const src = join(setup(), 'src');
    const run = await cli(['scan', '.'], { cwd: src });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^src\/client\.ts:3:38 /);
    expect(run.stdout).toMatch(/"src\/client\.ts:openrouter\.api-key:[0-9a-f]{16}" to \.\.\/\.keywardenignore\n/);
    const file = await cli(['scan', 'client.ts', '--format', 'jsonl'], { cwd: src });
    expect(where(file)).toEqual([expect.stringMatching(/^src\/client\.ts:3:38 src\/client\.ts:openrouter\.api-key:[0-9a-f]{16}$/)]);
  });
});

describe('a reader that goes away is not an error', () => {
  /** Start keywarden with stdout read until `after` says stop (0: not at all), then the read side closed. */
  function closedEarly(args: string[], cwd: string, afterChunks: number): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = startCli(args, { cwd, env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      let stderr = '';
      let chunks = 0;
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      if (afterChunks === 0) child.stdout.destroy();
      else child.stdout.on('data', () => ++chunks >= afterChunks && child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
  }

  // `rules list --format json` is no row of its own: one write, after which nothing is left to fail.
  it.each([
    { args: ['rules', 'list'], code: 0 },
    { args: ['rules', 'check'], code: 0 },
    { args: ['hook', 'install'], code: 0 },
    { args: ['scan', '--help'], code: 0 },
  ])('keywarden $args | head -1', async ({ args, code }) => {
    for (const afterChunks of [0, 1]) {
      const cwd = args[0] === 'hook' ? repoWith({ 'a.txt': 'a\n' }).dir : repoRoot;
      const run = await closedEarly(args, cwd, afterChunks);
      expect(run.stderr, `stdout closed after ${afterChunks} chunks`).not.toMatch(/EPIPE|Error|at /);
      expect(run.code, run.stderr).toBe(code);
    }
  });
});

describe('hints fit the source', () => {
  const key = openrouterKey();
  let root: string | undefined;
  const run = { scan, logs: (cwd: string) => logs(cwd, { files: ['app.log'] }), history };
  it.each([
    { source: 'scan', says: /add "keywarden:allow" on the line/, never: undefined },
    { source: 'logs', says: /the log keeps the key/, never: /keywarden:allow/ },
    { source: 'history', says: /stays in history until it is revoked/, never: /keywarden:allow/ },
  ] as const)('$source', async ({ source, says, never }) => {
    root ??= repoWith({ 'app.log': `request with ${key}\n` }).dir;
    const done = await noKeyIn(run[source](root));
    expect(done.code).toBe(1);
    expect(done.report).toMatch(says);
    if (never) expect(done.report).not.toMatch(never);
  });
});

describe('usage errors: exit 2, a suggestion when a name is close, and where the help is', () => {
  /** Built once: no run writes to it. */
  let dir: string | undefined;
  const setup = () => (dir ??= repoWith({ 'a.txt': 'hello\n' }).dir);
  // argv read as the bin reads it and the command run in this process: the reader's errors, and the run's own.
  it.each([
    { args: ['scn'], says: /^keywarden: unknown command: scn; did you mean scan\?$/m, help: '' },
    { args: ['rules', 'lst'], says: /unknown command: lst; did you mean list\?/, help: 'rules ' },
    { args: ['scan', '--verfy'], says: /unknown argument: verfy; did you mean --verify\?/, help: 'scan ' },
    { args: ['history', '--brnch', 'main'], says: /did you mean --branch\?/, help: 'history ' },
    { args: ['scan', '.', '--results', 'live'], says: /--results needs --verify/, help: 'scan ' },
    { args: ['history', '--since', 'yesterday-ish', '.'], says: /--since: cannot read 'yesterday-ish' as a date/, help: 'history ' },
    { args: ['scan', '--format', 'xml'], says: /Invalid values/, help: 'scan ' },
  ])('keywarden $args', async ({ args, says, help }) => {
    const run = await commandLine(setup(), args);
    const stderr = stderrOf(run);
    expect(run.code).toBe(2);
    expect(run.report).toBe('');
    expect(stderr).toMatch(says);
    expect(stderr.endsWith(`\nRun 'keywarden ${help}--help' for usage.\n`), stderr).toBe(true);
  });

  // Checks the command modules make before their run (src/cli/scan.ts, src/cli/logs.ts), through the bin.
  it.each([
    { args: ['scan', '-'], says: /use 'keywarden logs -'/, help: 'scan ' },
    { args: ['logs', '--from-end', 'a.txt'], says: /--from-end needs --follow/, help: 'logs ' },
  ])('keywarden $args', async ({ args, says, help }) => {
    const run = await cli(args, { cwd: setup() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(says);
    expect(run.stderr.endsWith(`\nRun 'keywarden ${help}--help' for usage.\n`), run.stderr).toBe(true);
  });

  /** Built once: the runs only read it. */
  let dated: string | undefined;
  it.each([
    { since: '2020-06-30', code: 1 },
    { since: '2 weeks ago', code: 0 },
    { since: 'yesterday', code: 0 },
    { since: '2024-01-31T10:00:00Z', code: 0 },
  ])('history --since $since is a date (the one commit is from 2021)', async ({ since, code }) => {
    dated ??= repoWith({ 'app.env': `KEY=${openrouterKey()}\n` }).dir;
    const run = await noKeyIn(history(dated, { since }));
    expect(run.error).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(run.code).toBe(code);
  });

  it('bare keywarden prints the help on stderr and exits 2', async () => {
    const run = await cli([], { cwd: setup() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^keywarden <command> \[options\]/);
    expect(run.stderr).toMatch(/keywarden scan \[paths\.\.\]/);
  });

  it('--version prints package.json\'s version alone on stdout and exits 0, as yargs prints it', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'], { cwd: setup() })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    // With anything else on the line, yargs reads it (here: the help wins, as yargs decides).
    const both = await cli(['--version', '--help'], { cwd: setup() });
    expect(both.code).toBe(0);
    expect(both.stdout).not.toBe(`${version}\n`);
  });

  // -q is --quiet's alias (yargs): each spelling is used once.
  it('-q prints nothing on a clean scan, and --quiet only the findings otherwise', async () => {
    const clean = await cli(['scan', '.', '-q'], { cwd: setup() });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    const dirty = await cli(['scan', '.', '--quiet'], { cwd: tree({ 'a.env': `KEY=${openrouterKey()}\n`, 'b.dat': Buffer.from([0, 0]) }) });
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/^a\.env:1:5 /);
    expect(dirty.stdout).not.toMatch(/leaked key|scanned/);
    expect(dirty.stderr).toBe('');
  });
});

describe("the README's flags exist in each command's --help", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  /** The README's text under each `## ` heading. */
  const sections = new Map(readme.split(/^## /m).map((part) => [part.slice(0, part.indexOf('\n')), part]));
  /** Long flags in README text, leaving out other tools' (`git cat-file --batch`, `pre-commit run --all-files`, `--filter=blob:none`). */
  const flagsIn = (text: string) => {
    const ours = text.replace(/`(?:git|pre-commit|npm|npx) [^`]*`/g, '');
    return [...new Set([...ours.matchAll(/(?<![\w-])--[a-z][a-z-]+(?![\w=-])/g)].map((m) => m[0]))];
  };
  /** Flags written after `keywarden CMD` in the same paragraph, in any section. */
  const flagsAfterCommand = (command: string) =>
    readme.split(/\n\s*\n/).flatMap((paragraph) => paragraph.split(/(?=keywarden [a-z]+)/).filter((part) => part.startsWith(`keywarden ${command}`)).flatMap(flagsIn));

  it.each([
    { command: 'scan', section: 'Scanning' },
    { command: 'history', section: 'Auditing history' },
    { command: 'audit', section: 'Auditing a repository or an organisation' },
    { command: 'logs', section: 'Scanning logs' },
    { command: 'verify', section: undefined },
  ])('keywarden $command', async ({ command, section }) => {
    const documented = [...new Set([...(section ? flagsIn(sections.get(section) ?? '') : []), ...flagsAfterCommand(command)])];
    expect(documented.length).toBeGreaterThan(2);
    // The help as yargs renders it from the CLI's grammar; the bin prints it (scan --help above, with its reader gone).
    const help = await helpText([command]);
    const known = new Set([...help.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z-]+)/gm)].map((m) => m[1]));
    // `--no-X` is the negation yargs gives every boolean `--X`.
    const missing = documented.filter((flag) => !known.has(flag) && !(flag.startsWith('--no-') && known.has(`--${flag.slice(5)}`)));
    expect(missing).toEqual([]);
  });
});
