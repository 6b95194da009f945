/**
 * `keywarden merge` on reports written by hand: what it says of shards missing and of reports
 * that do not belong together. (Plan → shards → merge against the stand-ins, with --verify, is
 * test/workflow/org-audit.test.ts, run through the workflow's own scripts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { makeTmpDir } from '../helpers/tmp.js';

function cli(api: GitHubApi, args: string[]) {
  return runCli(args, { cwd: makeTmpDir('merge-cwd'), env: { GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: api.token } });
}

describe('keywarden merge', () => {
  it('without --verify: the shards’ findings as they reported them; a shard missing or a report of another version is said', async () => {
    const api = await startGitHubApi();
    const dir = makeTmpDir('merge-plain');
    const report = (version: string, index: number): string => {
      const file = join(dir, `shard-${index}.json`);
      const body = { version: 1, tool: { name: 'keywarden', version }, findings: [], stats: { files: 1, bytes: 10, durationMs: 1 }, shard: { plan: '0123456789abcdef', index, count: 3 }, repositories: { scanned: [`acme/r${index}`], notScanned: [] } };
      writeFileSync(file, JSON.stringify(body));
      return file;
    };
    const missing = await cli(api, ['merge', report('0.1.0', 1), report('0.1.0', 3), '--format', 'html', '--output', join(dir, 'merged.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 has no report: its repositories were not scanned');
    expect(readFileSync(join(dir, 'merged.html'), 'utf8')).toContain('acme/r3');

    const versions = await cli(api, ['merge', report('0.1.0', 1), report('9.9.9', 2)]);
    expect(versions.code).toBe(2);
    expect(versions.stderr).toMatch(/different keywarden versions: 0\.1\.0 \(.*shard-1\.json\); 9\.9\.9 \(.*shard-2\.json\)/);
  });
});
