import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { jsonFindings, scan } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * Review findings pinned down: no input path may echo a raw key, and no flag may let a finding
 * pass silently. The bin's own error path (argv echoed by yargs, messages redacted before they
 * reach stderr) and its summary are tested end to end; what the run reads and decides, in this
 * process (test/helpers/in-process.ts: its errors redacted as the bin redacts them).
 */
const keys = keyFactory(0x68617264);
cleanTmpDirs('all');

describe('a raw key never reaches stderr through an error message', () => {
  const key = keys.openrouter();
  it.each([
    ['an unknown command', ['verify', key]],
    ['a bad --format value', ['scan', '.', '--format', key]],
    ['a missing path', ['scan', key]],
    ['a bad --max-file-size', ['scan', '.', '--max-file-size', key]],
  ])('%s', async (_name, args) => {
    const run = await runCli(args, { cwd: writeTree(makeTmpDir('err'), { 'a.txt': 'x' }) });
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).not.toContain(key);
    expect(run.stderr).toContain(`sk-or-v1-${key.slice(9, 13)}…`);
  });

  // In process the file is named as the bin started in `root` would resolve it.
  it('a --baseline that is not JSON', async () => {
    const root = writeTree(makeTmpDir('err'), { 'base.json': `{"findings": ${key}}`, 'a.txt': 'x' });
    const run = await scan(root, { paths: ['a.txt'], baseline: 'base.json' });
    expect(run.code).toBe(2);
    expect(run.error).toContain(`--baseline ${join(root, 'base.json')}: not valid JSON`);
    expect(run.error).not.toContain(key.slice(9, 20));
  });

  it('a --baseline whose finding holds a key where its fingerprint should be', async () => {
    const root = writeTree(makeTmpDir('err'), { 'a.env': `K=${keys.openrouter()}\n` });
    const made = await scan(root, { paths: ['a.env'], format: 'json' });
    expect(made.code).toBe(1);
    const report = JSON.parse(made.report) as { findings: Record<string, unknown>[] };
    report.findings[0] = { ...report.findings[0], fingerprint: 7, line: key };
    writeFileSync(join(root, 'base.json'), JSON.stringify(report));
    const run = await scan(root, { paths: ['a.env'], baseline: 'base.json' });
    expect(run.code).toBe(2);
    expect(run.error).toContain(`--baseline ${join(root, 'base.json')}: findings[0].fingerprint is not a fingerprint; findings[0].line is not a whole number from 1`);
    expect(run.error).not.toContain(key.slice(9, 20));
  });

  it('a --config with a key as an unknown field', async () => {
    const root = writeTree(makeTmpDir('err'), { 'kw.yaml': `${key}: true\n`, 'a.txt': 'x' });
    const run = await scan(root, { paths: ['a.txt'], config: 'kw.yaml' });
    expect(run.code).toBe(2);
    expect(run.error).not.toContain(key);
  });
});

describe('exit codes cannot be talked down', () => {
  it('--fail-on live without verification is a usage error, not a silent pass', async () => {
    const root = writeTree(makeTmpDir('live'), { 'a.env': `K=${keys.openrouter()}\n` });
    const run = await scan(root, { failOn: 'live' });
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/--fail-on live needs --verify/);
  });

  it('a flag given on the command line beats the config file', async () => {
    const root = writeTree(makeTmpDir('prec'), { 'kw.yaml': 'maxFileSize: 1k\n', 'big.env': `${'#'.repeat(4000)}\nK=${keys.openrouter()}\n` });
    expect((await scan(root, { config: 'kw.yaml' })).code).toBe(0);
    expect((await scan(root, { config: 'kw.yaml', maxFileSize: '1MiB' })).code).toBe(1);
  });

  it('the summary says when files were not scanned', async () => {
    const root = writeTree(makeTmpDir('warn'), { 'big.txt': 'x'.repeat(5000) });
    const run = await runCli(['scan', '.', '--max-file-size', '1k'], { cwd: root });
    expect(run.stdout).toMatch(/1 warning: not everything was scanned/);
  });
});

describe('reports', () => {
  it('SARIF URIs are relative to the repository top when a subdirectory is scanned', async () => {
    const root = writeTree(makeTmpDir('sarif'), { 'pkg/app/k.env': `K=${keys.openrouter()}\n` });
    execFileSync('git', ['init', '-q'], { cwd: root });
    const run = await scan(root, { paths: ['pkg'], format: 'sarif' });
    const sarif = JSON.parse(run.report) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('pkg/app/k.env');
  });

  it('markdown shows the fingerprint as it must be pasted into .keywardenignore', async () => {
    const root = writeTree(makeTmpDir('md'), { 'a`b.env': `K=${keys.openrouter()}\n` });
    const [finding] = jsonFindings(await scan(root, { format: 'json' }));
    const markdown = (await scan(root, { format: 'markdown' })).report;
    const fingerprint = finding?.fingerprint ?? '';
    expect(markdown).toContain(fingerprint.replace(/`/g, '\\`'));
  });
});

describe('rules check DIR', () => {
  it('checks DIR together with the built-in rules: a duplicate id is an error', async () => {
    const root = writeTree(makeTmpDir('dup'), {
      'r/dup.yaml': 'provider: dup\nname: Dup\nrules:\n  - id: openrouter.api-key\n    name: Dup\n    severity: low\n    keywords: [dup_]\n    pattern: "dup_[a-z]{20}"\n    examples: ["dup_{{lower:20}}"]\n    negativeExamples: ["x"]\n',
    });
    const run = await runCli(['rules', 'check', 'r'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dup\.yaml: rules\[0\]\.id: 'openrouter\.api-key' is already defined/);
  });
});

describe('detection', () => {
  it('finds a base64 key after more than 1 MiB of base64 text', async () => {
    const key = keys.openrouter();
    const filler = Buffer.from(keys.chars('alnum', 1_200_000)).toString('base64');
    const root = writeTree(makeTmpDir('b64'), {});
    writeFileSync(join(root, 'blob.yaml'), `data:\n  blob: ${Buffer.from(`${Buffer.from(filler, 'base64').toString('latin1')}\nK=${key}\n`, 'latin1').toString('base64')}\n`);
    const run = await scan(root, { format: 'json' });
    expect(jsonFindings(run)).toMatchObject([{ encoding: 'base64' }]);
  });

  it('a long random key that happens to contain a placeholder word is still a key', async () => {
    const body = `${keys.body('alnum', 60)}fake${keys.body('alnum', 64)}`;
    const root = writeTree(makeTmpDir('word'), { 'a.env': `K=sk-ar-${body}\n` });
    expect((await scan(root)).code).toBe(1);
  });
});
