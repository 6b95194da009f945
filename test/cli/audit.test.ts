/**
 * `keywarden audit [PATH]` on a local repository (SPEC §8): the whole history and the working
 * tree in one report, each key once per path (with the commit that introduced it when history
 * has it), live checks on unless --no-verify, a bare mirror read for its history alone.
 */
import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli.js';
import { git, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { makeTmpDir, writeTree } from '../helpers/tmp.js';

const keys = keyFactory(20261214);

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: ReportFinding[] }).findings;
const placeOf = (finding: ReportFinding) => [finding.source, finding.path, finding.commit ?? null];

/** A key committed and later deleted, one committed and still there, one not committed yet. */
function auditedRepo() {
  const [deleted, kept, uncommitted] = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive()];
  const repo = TestRepo.init(makeTmpDir('audit'));
  const first = repo.commit({ 'old.env': `KEY=${deleted}\n`, 'app.env': `KEY=${kept}\n` }, 'keys');
  repo.commit({ 'old.env': null, 'README.md': 'hello\n' }, 'drop the old key');
  writeTree(repo.dir, { 'local.env': `KEY=${uncommitted}\n` });
  return { repo, first, deleted, kept, uncommitted };
}

describe('keywarden audit', () => {
  it('reports history and the working tree once per key and path: committed keys with their commit, an uncommitted one from the tree', async () => {
    const { repo, first } = auditedRepo();
    const run = await runCli(['audit', repo.dir, '--no-verify', '--format', 'json'], { cwd: makeTmpDir('elsewhere'), env: isolatedGitEnv });
    expect(run.code).toBe(1);
    expect(findingsOf(run.stdout).map(placeOf).sort()).toEqual([
      ['file', 'local.env', null],
      ['history', 'app.env', first],
      ['history', 'old.env', first],
    ]);
    expect(findingsOf(run.stdout).every((finding) => finding.verification === undefined)).toBe(true);
  });

  it('checks each key live by default, and a bare mirror is read for its history alone', async () => {
    const { repo, kept, deleted } = auditedRepo();
    const mirror = makeTmpDir('audit-mirror');
    git(mirror, ['clone', '-q', '--mirror', repo.dir, '.']);
    const provider = await startStandIn(openRouterLike({ live: [deleted] }));
    const run = await runCli(['audit', mirror, '--format', 'json'], { cwd: mirror, env: { ...isolatedGitEnv, OPENROUTER_BASE_URL: `${provider.origin}/api/v1` } });
    expect(run.code).toBe(1);
    const findings = findingsOf(run.stdout);
    expect(findings.map((finding) => [finding.path, finding.verification?.status]).sort()).toEqual([
      ['app.env', 'skipped'],
      ['old.env', 'live'],
    ]);
    for (const key of [kept, deleted]) expect(run.stdout + run.stderr).not.toContain(key);
  });
});
