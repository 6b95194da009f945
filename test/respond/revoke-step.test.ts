/**
 * The revoke step where keys are found (SPEC §5.1, issue 12 point 5): `scan|history|logs|staged
 * --verify --revoke` revokes the live keys the run found, after its live check, as
 * `keywarden revoke` would: a dry run unless `--yes`, never a key suppressed or not live.
 * What a run refuses and revokes runs in this process (test/helpers/in-process.ts); the built
 * CLI keeps what it prints where (the report on stdout, the plan on stderr), the command it
 * logs, and one refusal as the bin gives it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { history, logs, scan } from '../helpers/in-process.js';
import { isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { createAccount, labelOf } from '../helpers/openrouter-management.js';
import { startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs('all');

const keys = keyFactory(20261213);
const managementKey = keys.openrouter();

async function account(leaked: string[]) {
  const state = createAccount({ managementKey, keys: leaked.map((key, i) => ({ key, name: `key ${i}` })) });
  const standIn = await startStandIn((request) => state.answer(request.method, request.url, request.key, request.body));
  return { state, standIn, env: { OPENROUTER_BASE_URL: `${standIn.origin}/api/v1`, OPENROUTER_MANAGEMENT_KEY: managementKey, ...isolatedGitEnv } };
}

const patches = (standIn: { requests: { method: string }[] }) => standIn.requests.filter((request) => request.method === 'PATCH').length;

describe('--revoke on the scanning commands', () => {
  it.each([
    { flags: { revoke: true }, message: '--revoke needs --verify: only a key the live check calls live is revoked' },
    { flags: { verify: true, yes: true }, message: '--yes needs --revoke: without it nothing is revoked' },
    { flags: { verify: true, delete: true }, message: '--delete needs --revoke: without it nothing is revoked' },
    { flags: { verify: true, auditLog: 'a.jsonl' }, message: '--audit-log needs --revoke: without it nothing is revoked' },
  ])('refuses $flags', async ({ flags, message }) => {
    const run = await scan(makeTmpDir('step'), flags);
    expect(run.code).toBe(2);
    expect(run.error).toBe(message);
  });

  it('refuses a stray --yes from the command line, exit 2', async () => {
    const run = await runCli(['scan', '.', '--verify', '--yes'], { cwd: makeTmpDir('step') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('keywarden: --yes needs --revoke: without it nothing is revoked');
  });

  it('plans on a dry run: the report on stdout, the plan on stderr, nothing changed; suppressed keys are left alone', async () => {
    const [leaked, ignored] = [keys.openrouter(), keys.openrouter()];
    const setup = await account([leaked, ignored]);
    const root = writeTree(makeTmpDir('step'), { 'app.env': `OPENROUTER_API_KEY=${leaked}\n`, 'fixture.env': `OPENROUTER_API_KEY=${ignored}\n`, '.keywardenignore': 'fixture.env\n' });
    const run = await runCli(['scan', '.', '--verify', '--revoke', '--format', 'json'], { cwd: root, env: setup.env });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string; verification: { status: string } }[] };
    expect(report.findings.map((f) => [f.path, f.verification.status])).toEqual([['app.env', 'live']]);
    expect(run.stderr).toContain(`would-revoke  disable  key 0  ${labelOf(leaked)}`);
    expect(run.stderr).toContain('1 key: 1 would-revoke. Dry run: nothing was changed; run again with --yes to disable 1 key.');
    expect(patches(setup.standIn)).toBe(0);
    // The ignored key was never even checked: suppression comes before the live check.
    expect(setup.standIn.requestsFor(ignored)).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(leaked);
  });

  it('revokes with --yes and logs it as the scanning command', async () => {
    const leaked = keys.openrouter();
    const setup = await account([leaked]);
    const root = writeTree(makeTmpDir('step'), { 'app.env': `OPENROUTER_API_KEY=${leaked}\n`, 'copy.env': `KEY=${leaked}\n` });
    const audit = join(makeTmpDir('step-audit'), 'audit.jsonl');
    const run = await runCli(['scan', '.', '--verify', '--revoke', '--yes', '--audit-log', audit], { cwd: root, env: setup.env });
    expect(run.code).toBe(1); // the key is dead now, but it is still in the code
    expect(setup.state.stateOf(leaked)?.disabled).toBe(true);
    expect(patches(setup.standIn)).toBe(1); // two findings of one key: revoked once
    expect(run.stderr).toContain('1 key: 1 revoked.');
    const records = readFileSync(audit, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { command: string; outcome: string });
    expect(records.map((r) => [r.command, r.outcome])).toEqual([
      ['scan --revoke', 'started'],
      ['scan --revoke', 'revoked'],
    ]);
    expect(run.stdout + run.stderr + readFileSync(audit, 'utf8')).not.toMatch(new RegExp(`${leaked}|${managementKey}`));
  });

  it('revokes a key found in history, and one in a log on stdin', async () => {
    const [inHistory, inLog] = [keys.openrouter(), keys.openrouter()];
    const setup = await account([inHistory, inLog]);
    const repo = TestRepo.init(makeTmpDir('step-repo'));
    repo.commit({ 'config.env': `KEY=${inHistory}\n` }, 'add key');
    repo.commit({ 'config.env': 'KEY=from-the-environment\n' }, 'remove key');
    const inRepo = await history(repo.dir, { verify: true, revoke: true, yes: true }, setup.env);
    expect(inRepo.code).toBe(1);
    expect(inRepo.result?.revocations?.map((r) => r.outcome)).toEqual(['revoked']);
    expect(setup.state.stateOf(inHistory)?.disabled).toBe(true);
    const logged = await logs(repo.dir, { files: ['-'], verify: true, revoke: true, yes: true, stdin: `INFO auth=${inLog}\n` }, setup.env);
    expect(logged.code).toBe(1);
    expect(logged.result?.revocations?.map((r) => r.outcome)).toEqual(['revoked']);
    expect(setup.state.stateOf(inLog)?.disabled).toBe(true);
    expect(patches(setup.standIn)).toBe(2);
  });
});
