/**
 * `audit --concurrency N`: the next repositories are mirrored while the current one is
 * scanned. Whatever N, the report is the same: each repository's findings in the plan's order,
 * each marked with its repository, a failing clone a warning in its place, the same coverage.
 */
import { describe, expect, it } from 'vitest';
import { remoteAuditSource } from '../../src/run/remote-audit.js';
import { TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { runThrough } from '../helpers/run.js';
import { makeTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(20261405);

describe('the remote audit source, several repositories at once', () => {
  it('reports the same findings, warnings and coverage at concurrency 1 and 3', async () => {
    const repos = ['a', 'b', 'd'].map((name) => {
      const repo = TestRepo.init(makeTmpDir(`concurrent-${name}`));
      repo.commit({ [`${name}.env`]: `KEY=${keys.openrouter()}\n` });
      return { name, dir: repo.dir };
    });
    const listed = (name: string, cloneUrl: string) => ({ fullName: `acme/${name}`, cloneUrl, fork: false, archived: false, named: false, size: 1 });
    const plan = {
      repositories: [listed('a', repos[0]!.dir), listed('b', repos[1]!.dir), listed('c', makeTmpDir('no-repository-here')), listed('d', repos[2]!.dir)],
      notScanned: [],
    };
    const audit = async (concurrency: number) => {
      const result = await runThrough(remoteAuditSource(plan, { cache: makeTmpDir(`cache-${concurrency}`), apiUrl: 'https://api.github.com', maxBlobSize: 1 << 20, concurrency }));
      return {
        findings: result.findings.map((finding) => [finding.origin.repository, finding.origin.path]),
        warnings: result.warnings.map((warning) => warning.message.split(':')[0]),
        repositories: result.repositories,
      };
    };
    const one = await audit(1);
    expect(one.findings).toEqual([
      ['acme/a', 'a.env'],
      ['acme/b', 'b.env'],
      ['acme/d', 'd.env'],
    ]);
    expect(one.repositories).toEqual({ scanned: ['acme/a', 'acme/b', 'acme/d'], notScanned: [{ repository: 'acme/c', reason: expect.any(String) as unknown }] });
    expect(await audit(3)).toEqual(one);
  });
});
