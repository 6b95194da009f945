/**
 * `keywarden report FILE`: a json report rendered in another format. The command runs in this
 * process (src/cli/report.ts, writing to `--output`); the reports it reads are made by real
 * runs over real files and a real git history (test/helpers/in-process.ts). argv, stderr and
 * the exit code through the built CLI in the last describe.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.js';
import { defaultsOf, renderTable } from '../../src/cli/options.js';
import { UsageError } from '../../src/core/errors.js';
import { redact } from '../../src/core/secret.js';
import { renderJson } from '../../src/report/json.js';
import type { Format } from '../../src/report/index.js';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/history-repos.js';
import { history, scan } from '../helpers/in-process.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';
import { auditFixture } from '../report/html-fixtures.js';

cleanTmpDirs();
// History runs git in this process: keep the machine's git config out of it.

const keys = keyFactory(0x72706f72);

/** `keywarden report FILE -f FORMAT -o OUT [--show-secrets]` in this process; the rendered text. */
async function reportOf(file: string, format: Format, flags: { showSecrets?: boolean; rules?: string[] } = {}): Promise<string> {
  const output = join(makeTmpDir('report-out'), `out.${format}`);
  const code = await runReport({ ...defaultsOf(renderTable), ...flags, file, format, output, quiet: true });
  expect(code).toBe(0);
  return readFileSync(output, 'utf8');
}

function saved(text: string): string {
  const file = join(makeTmpDir('report-in'), 'report.json');
  writeFileSync(file, text);
  return file;
}

/** A repository whose history holds two keys, one in a file whose name is markup. */
function repoWithKeys(): { dir: string; keys: string[] } {
  const repo = TestRepo.init(makeTmpDir('report-repo'));
  const first = keys.openrouter();
  const second = keys.tokenrouterLive();
  repo.commit({ 'config/app.env': `OPENROUTER_API_KEY=${first}\n` });
  repo.commit({ 'x<img src=q onerror=alert(1)>.env': `TOKEN=${second}\n`, 'config/app.env': 'OPENROUTER_API_KEY=\n' });
  return { dir: repo.dir, keys: [first, second] };
}

describe('keywarden report: the formats a run would have printed', () => {
  it.each(['markdown', 'sarif', 'jsonl'] as const)('history json → %s: the same text as the history run printed in it', async (format) => {
    const { dir } = repoWithKeys();
    const json = await history(dir, { format: 'json' });
    const direct = await history(dir, { format });
    expect(json.code).toBe(1);
    expect(await reportOf(saved(json.report), format)).toBe(direct.report);
  });

  it('json → json gives the report back byte for byte, the repositories an audit covered included', async () => {
    const original = renderJson(auditFixture().result, { toolVersion: '9.9.9', showSecrets: false });
    expect((JSON.parse(original) as Report).repositories?.notScanned).toHaveLength(1);
    expect(await reportOf(saved(original), 'json')).toBe(original);
  });

  it('json → html: the page of the run, without a raw key', async () => {
    const { dir, keys: raw } = repoWithKeys();
    const json = await history(dir, { format: 'json', showSecrets: true });
    const page = await reportOf(saved(json.report), 'html', { showSecrets: true });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>keywarden: 2 leaked keys</title>');
    expect(page).toContain('x&lt;img src=q onerror=alert(1)&gt;.env:1');
    expect(page).not.toContain('<img');
    for (const key of raw) {
      expect(json.report, 'the json report holds the key').toContain(key);
      expect(page).not.toContain(key);
    }
  });
});

describe('keywarden report: raw keys', () => {
  const withKey = async () => {
    const key = keys.openrouter();
    const dir = writeTree(makeTmpDir('report-scan'), { 'app.env': `KEY=${key}\n` });
    const json = await scan(dir, { format: 'json', showSecrets: true });
    return { key, file: saved(json.report), report: JSON.parse(json.report) as Report };
  };

  it('are dropped unless --show-secrets is given (a report shared on is made safe)', async () => {
    const { key, file } = await withKey();
    const json = JSON.parse(await reportOf(file, 'json')) as Report;
    expect(json.findings[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(json)).not.toContain(key);
  });

  it('are kept with --show-secrets when each is the key its hash names', async () => {
    const { key, file } = await withKey();
    expect(await reportOf(file, 'markdown', { showSecrets: true })).toContain(`\`${key}\``);
  });

  it('a secret that is not the key its hash names is never printed, even with --show-secrets', async () => {
    const { report } = await withKey();
    const other = keys.openrouter();
    const [finding] = report.findings;
    if (!finding) throw new Error('no finding');
    const tampered = saved(JSON.stringify({ ...report, findings: [{ ...finding, secret: other }] }));
    const markdown = await reportOf(tampered, 'markdown', { showSecrets: true });
    expect(markdown).not.toContain(other);
    expect(markdown).toContain(`\`${finding.redacted}\``);
  });

  it('a key in a path of a hand-made report is masked, as in a run', async () => {
    const { report } = await withKey();
    const hidden = keys.openrouter();
    const [finding] = report.findings;
    if (!finding) throw new Error('no finding');
    const file = saved(JSON.stringify({ ...report, findings: [{ ...finding, path: `backup-${hidden}.env` }] }));
    for (const format of ['html', 'markdown', 'json'] as const) {
      const text = await reportOf(file, format);
      expect(text).not.toContain(hidden);
      expect(text).toContain(redact(hidden, prefixes.openrouter));
    }
  });
});

describe('keywarden report: what is not a report', () => {
  it.each([
    { name: 'a missing file', write: undefined, message: /nope\.json: cannot read it \(ENOENT\)$/ },
    { name: 'not JSON', write: 'sk-or-v1-not json', message: /: not valid JSON \(a keywarden report made with --format json\)$/ },
    { name: 'JSON of another shape', write: '{"results": []}', message: /: not a keywarden json report \(no "findings" array\)$/ },
  ])('$name: a usage error naming the file, quoting nothing from it', async ({ write, message }) => {
    const dir = makeTmpDir('report-bad');
    const file = join(dir, 'nope.json');
    if (write !== undefined) writeFileSync(file, write);
    const run = runReport({ ...defaultsOf(renderTable), file, format: 'html', output: join(dir, 'out.html') });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.not.toThrow(/sk-or-v1/);
  });
});

describe('keywarden report: the built CLI', () => {
  it('reads the file from argv, writes --output, says so on stderr and exits 0', async () => {
    const dir = makeTmpDir('report-cli');
    writeFileSync(join(dir, 'report.json'), renderJson(auditFixture().result, { toolVersion: '0.1.0', showSecrets: false }));
    const run = await runCli(['report', 'report.json', '--format', 'html', '--output', 'audit.html'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('keywarden: 7 findings; html report written to audit.html\n');
    expect(readFileSync(join(dir, 'audit.html'), 'utf8')).toContain('<title>keywarden: 6 leaked keys</title>');
  });

  it('without a file: a usage error', async () => {
    const run = await runCli(['report', '--format', 'html'], { cwd: makeTmpDir('report-cli') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Run 'keywarden report --help' for usage.");
  });
});
