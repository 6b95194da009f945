/**
 * `keywarden scan` and `keywarden rules`. What a scan finds, suppresses and reports runs in
 * this process, as scan builds its run (test/helpers/in-process.ts), and argv (`--`, paths) read
 * there as the bin reads it (`commandLine`); stdout and stderr, --output, colour, exit codes,
 * worker threads and the other commands through the built CLI, one run per behaviour.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { commandLine, jsonFindings, scan } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

const keys = keyFactory(20261124);
const openrouterKey = () => keys.openrouter();
const agentrouterKey = () => keys.agentrouter();
const tokenrouterLiveKey = () => keys.tokenrouterLive();

cleanTmpDirs('all');

const tree = (files: Tree) => writeTree(makeTmpDir('cli'), files);

function expectNoRawKey(text: string, keys: string[]) {
  for (const key of keys) expect(text).not.toContain(key);
}

describe('keywarden scan', () => {
  let key: string;
  beforeEach(() => {
    key = openrouterKey();
  });

  it('exits 0 and says so on a clean tree', async () => {
    const run = await commandLine(tree({ 'README.md': 'Set OPENROUTER_API_KEY=sk-or-v1-your_key_here\n' }), ['scan', '.']);
    expect(run.code).toBe(0);
    expect(run.report).toContain('no leaked keys');
  });

  it('exits 1 and names path:line:col, the provider and the redacted key — never the raw key', async () => {
    const root = tree({ 'src/client.ts': `import OpenAI from "openai";\n\nconst client = new OpenAI({ apiKey: "${key}" });\n` });
    const run = await runCli(['scan', '.'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('src/client.ts:3:38');
    expect(run.stdout).toContain('OpenRouter API key');
    expect(run.stdout).toContain(`sk-or-v1-${key.slice(9, 13)}…${key.slice(-4)}`);
    expect(run.stdout).toContain('keywarden:allow');
    expectNoRawKey(run.stdout + run.stderr, [key]);
  });

  it.each(['human', 'json', 'jsonl', 'sarif', 'markdown'] as const)('keeps the raw key out of the %s report unless --show-secrets', async (format) => {
    const keys = [key, agentrouterKey(), tokenrouterLiveKey()];
    const root = tree({ '.env': keys.map((k, i) => `KEY_${i}=${k}`).join('\n') });
    const hidden = await scan(root, { format });
    expect(hidden.code).toBe(1);
    expectNoRawKey([hidden.report, ...hidden.warnings].join('\n'), keys);
    const shown = await scan(root, { format, showSecrets: true });
    for (const k of keys) expect(shown.report).toContain(k);
  });

  it('writes the json report of SPEC §3', async () => {
    const root = tree({ 'config/app.yaml': `llm:\n  key: ${key}\n` });
    const run = await scan(root, { format: 'json' });
    const report = JSON.parse(run.report) as { version: number; tool: { name: string }; findings: Record<string, unknown>[]; stats: Record<string, number> };
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe('keywarden');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'openrouter.api-key',
      provider: 'openrouter',
      severity: 'high',
      source: 'file',
      path: 'config/app.yaml',
      line: 2,
      column: 8,
      endColumn: 8 + key.length,
      redacted: `sk-or-v1-${key.slice(9, 13)}…${key.slice(-4)}`,
    });
    expect(report.findings[0]?.['secretHash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.stats['files']).toBe(1);
  });

  it('writes SARIF 2.1.0 that code scanning accepts', async () => {
    const root = tree({ 'dir with space/k.env': `K=${key}\n` });
    const run = await scan(root, { format: 'sarif' });
    const sarif = JSON.parse(run.report) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const sarifRun = sarif.runs[0];
    expect(sarifRun?.tool.driver.rules.map((r) => r.id)).toContain('openrouter.api-key');
    expect(sarifRun?.results[0]).toMatchObject({
      ruleId: 'openrouter.api-key',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'dir%20with%20space/k.env' }, region: { startLine: 1, startColumn: 3 } } }],
    });
    expect(sarifRun?.results[0]?.['partialFingerprints']).toHaveProperty('keywarden/v1');
  });

  it('writes --output to a file and keeps stdout empty', async () => {
    const root = tree({ 'a.txt': key });
    const run = await runCli(['scan', 'a.txt', '--format', 'json', '--output', 'report.json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'))).toHaveProperty('findings.length', 1);
  });

  it('reads everything after `--` as a path, so a file named like an option is scanned, not obeyed', async () => {
    // The pre-commit framework passes file names: a tracked `--help` or `--version` must not end the run with exit 0.
    for (const name of ['--help', '--version']) {
      const root = tree({ [name]: `K=${key}\n`, 'clean.txt': 'hello\n' });
      const run = await commandLine(root, ['scan', '--', name, 'clean.txt']);
      expect(run.code).toBe(1);
      expect(run.report).toContain(`${name}:1:3`);
    }
    // `-o FILE` after `--` names two files to scan; it must not write a report over one of them (the bin, which writes reports).
    const root = tree({ '-o': 'nothing\n', 'victim.txt': `K=${key}\n` });
    const run = await runCli(['scan', '--', '-o', 'victim.txt'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('victim.txt:1:3');
    expect(readFileSync(join(root, 'victim.txt'), 'utf8')).toBe(`K=${key}\n`);
  });

  it('scans only the paths after `--`, and `.` only when no path is given at all', async () => {
    const root = tree({ 'a.txt': 'clean\n', 'b.env': `K=${key}\n` });
    const aOnly = await commandLine(root, ['scan', '-f', 'json', '--', 'a.txt']);
    expect(aOnly.code).toBe(0);
    expect((JSON.parse(aOnly.report) as { stats: { files: number } }).stats.files).toBe(1);
    // After `--` even `-f` is a file name (and there is no such file; in process it was resolved against `root`).
    const notAnOption = await commandLine(root, ['scan', '--', 'a.txt', '-f', 'json']);
    expect(notAnOption.code).toBe(2);
    expect(notAnOption.error?.split('\n')[0]).toBe(`no such file or directory: ${join(root, '-f')}`);
    const both = await commandLine(root, ['scan', 'a.txt', '-f', 'json', '--', 'b.env']);
    expect(both.code).toBe(1);
    expect((JSON.parse(both.report) as { stats: { files: number } }).stats.files).toBe(2);
    const everything = await commandLine(root, ['scan', '-f', 'json']);
    expect(everything.code).toBe(1);
    expect((JSON.parse(everything.report) as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual(['b.env']);
    expect((await commandLine(root, ['scan'])).code).toBe(1);
  });

  it('honours .gitignore, nested too, unless --no-gitignore', async () => {
    const root = tree({ '.gitignore': 'secrets/\n', 'secrets/k.env': key, 'app/.gitignore': '*.log\n', 'app/x.log': openrouterKey() });
    expect((await scan(root)).code).toBe(0);
    const all = await scan(root, { gitignore: false, format: 'json' });
    expect(jsonFindings(all)).toHaveLength(2);
  });

  it('honours keywarden:allow and gitleaks:allow on the line', async () => {
    const root = tree({ 'a.ts': `const fake = "${key}"; // keywarden:allow\nconst other = "${openrouterKey()}"; // gitleaks:allow\n` });
    expect((await scan(root)).code).toBe(0);
  });

  it('suppresses a fingerprint from .keywardenignore, but not a different key put on the same line', async () => {
    const root = tree({ 'a.env': `KEY=${key}\n` });
    const [first] = jsonFindings(await scan(root, { format: 'json' }));
    writeFileSync(join(root, '.keywardenignore'), `# known test fixture\n${first?.fingerprint}\n`);
    expect((await scan(root)).code).toBe(0);
    writeFileSync(join(root, 'a.env'), `KEY=${openrouterKey()}\n`);
    expect((await scan(root)).code).toBe(1);
  });

  it('suppresses paths listed in .keywardenignore', async () => {
    const root = tree({ '.keywardenignore': 'fixtures/\n', 'fixtures/k.env': key });
    expect((await scan(root)).code).toBe(0);
  });

  it('matches a --baseline without line numbers: lines added above an old finding do not bring it back', async () => {
    const root = tree({ 'a.env': `KEY=${key}\n` });
    writeFileSync(join(root, 'baseline.json'), (await scan(root, { format: 'json' })).report);
    writeFileSync(join(root, 'a.env'), `# a comment\n\nOTHER=1\nKEY=${key}\n`);
    expect((await scan(root, { paths: ['a.env'], baseline: 'baseline.json' })).code).toBe(0);
    writeFileSync(join(root, 'a.env'), `KEY=${key}\nNEW=${tokenrouterLiveKey()}\n`);
    const run = await scan(root, { paths: ['a.env'], baseline: 'baseline.json', format: 'json' });
    expect(run.code).toBe(1);
    expect(jsonFindings(run).map((f) => f.ruleId)).toEqual(['tokenrouter.live-key']);
  });

  it('scans a .dat file of text but skips a binary file', async () => {
    const root = tree({ 'data.dat': `key ${key}\n` });
    writeFileSync(join(root, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(openrouterKey())]));
    const run = await scan(root, { format: 'json' });
    expect(jsonFindings(run).map((f) => f.path)).toEqual(['data.dat']);
  });

  it('warns about a file over --max-file-size instead of skipping it silently', async () => {
    const root = tree({ 'big.txt': `${'x'.repeat(4096)}\n${key}\n` });
    const run = await scan(root, { maxFileSize: '1k' });
    expect(run.code).toBe(0);
    expect(run.warnings.join('\n')).toMatch(/^big\.txt: not scanned: .* over --max-file-size/);
  });

  it('finds keys across a tree large enough to use worker threads', async () => {
    const files: Record<string, string> = {};
    const keys: string[] = [];
    for (let i = 0; i < 600; i++) {
      files[`pkg/m${i}/index.js`] = `module.exports = ${i};\n`;
      if (i % 50 === 7) {
        const k = openrouterKey();
        keys.push(k);
        files[`pkg/m${i}/index.js`] += `const key = "${k}";\n`;
      }
    }
    // Two threads whatever the machine (by default none below four cores: see threadsForTrees).
    const run = await runCli(['scan', '.', '-f', 'json'], { cwd: tree(files), env: { KEYWARDEN_THREADS: '2' } });
    const report = JSON.parse(run.stdout) as { findings: { line: number }[]; stats: { files: number } };
    expect(report.findings).toHaveLength(keys.length);
    expect(report.findings.every((f) => f.line === 2)).toBe(true);
    expect(report.stats.files).toBe(600);
  });

  // The bin prints the error on stderr, naming the path as given, and exits 2: one run; argv's own errors read in process as the bin reads it.
  it('exits 2 on ["scan","does-not-exist"], on stderr', async () => {
    const run = await runCli(['scan', 'does-not-exist'], { cwd: tree({ 'a.txt': 'hello' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such file or directory: does-not-exist/);
  });

  it('exits 2 on ["scan",".","--format","xml"]', async () => {
    const run = await commandLine(tree({ 'a.txt': 'hello' }), ['scan', '.', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/Invalid values/);
  });

  // The bin names a path as given; in process it was resolved against the directory the bin would start in.
  it.each([
    [{ maxFileSize: 'lots' }, /--max-file-size/],
    [{ baseline: 'missing.json' }, /--baseline \/\S+\/missing\.json: cannot read it \(ENOENT\)/],
    [{ rules: ['nowhere'] }, /rules directory \/\S+\/nowhere/],
  ])('exits 2 on %j', async (flags, message) => {
    const run = await scan(tree({ 'a.txt': 'hello' }), flags);
    expect(run.code).toBe(2);
    expect(run.error).toMatch(message);
  });

  it('exits 2 naming the file and the field of a malformed user rule', async () => {
    const root = tree({
      'my-rules/acme.yaml': 'provider: acme\nname: Acme\nrules:\n  - id: acme.key\n    name: Acme key\n    severity: severe\n    keywords: [acme_]\n    pattern: "acme_[a-z]{20}"\n    examples: ["acme_{{lower:20}}"]\n    negativeExamples: ["acme_short"]\n',
    });
    const run = await scan(root, { rules: ['my-rules'] });
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/acme\.yaml: rules\[0\]\.severity/);
  });

  it('uses a user rule from --rules', async () => {
    const root = tree({
      'my-rules/acme.yaml': 'provider: acme\nname: Acme\nrules:\n  - id: acme.key\n    name: Acme key\n    severity: medium\n    keywords: [acme_]\n    pattern: "(?<![a-z0-9_])acme_[a-z0-9]{20}(?![a-z0-9])"\n    examples: ["k=acme_{{lower:20}}"]\n    negativeExamples: ["acme_short"]\n',
      'app.env': `ACME=acme_${keys.body('lower', 20)}\n`,
    });
    const run = await scan(root, { paths: ['app.env'], rules: ['my-rules'], format: 'json' });
    expect(run.code).toBe(1);
    expect(jsonFindings(run)[0]?.ruleId).toBe('acme.key');
  });

  it('colours only for a terminal or FORCE_COLOR, and never with NO_COLOR or --no-color', async () => {
    const root = tree({ 'a.env': key });
    const ansi = /\x1b\[/;
    expect((await runCli(['scan', '.'], { cwd: root })).stdout).not.toMatch(ansi);
    expect((await runCli(['scan', '.'], { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(['scan', '.'], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['scan', '.', '--no-color'], { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
  });
});

describe('keywarden rules', () => {
  it('check passes on the built-in rules', async () => {
    const run = await runCli(['rules', 'check'], { cwd: repoRoot });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 failed/);
  });

  it('check fails on a rule whose example does not match, naming file, rule and example', async () => {
    const root = tree({
      'r/acme.yaml': 'provider: acme\nname: Acme\nrules:\n  - id: acme.key\n    name: Acme key\n    severity: low\n    keywords: [acme_]\n    pattern: "acme_[a-z]{20}"\n    examples: ["acme_TOOSHORT"]\n    negativeExamples: ["nothing"]\n',
    });
    const run = await runCli(['rules', 'check', 'r'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/acme\.yaml: acme\.key examples\[0\]/);
  });

  it('list shows every built-in rule', async () => {
    const run = await runCli(['rules', 'list', '--format', 'json'], { cwd: repoRoot });
    expect((JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id).sort()).toEqual([
      'agentrouter.api-key',
      'openrouter.api-key',
      'tokenrouter.live-key',
      'tokenrouter.test-key',
    ]);
  });
});

describe('this repository', () => {
  it('scans clean: no realistic key is committed, not even in fixtures', async () => {
    const run = await runCli(['scan', '.'], { cwd: repoRoot });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
