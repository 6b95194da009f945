/**
 * `keywarden merge` end to end (SPEC §9): reports of audits run apart, each with --no-verify,
 * merged into what one audit of all the repositories reports, with each distinct key checked
 * once at the merge, its line read again through the GitHub API stand-in (the reports hold no
 * keys), and no key or token printed anywhere.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli.js';
import { startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { makeTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(0x6d726765);

/** (repository, path, commit, key hash, status): what must be the same whichever way the audit ran. */
const placesOf = (report: Report) => report.findings.map((f) => [f.repository, f.path, f.commit, f.secretHash, f.verification?.status].join(' ')).sort();

function cli(api: GitHubApi, args: string[], provider?: { origin: string }) {
  const env = { GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: api.token, ...(provider ? { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` } : {}) };
  return runCli(args, { cwd: makeTmpDir('merge-cwd'), env });
}

describe('keywarden audit --plan / --shard, then merge', () => {
  it('gives exactly what one audit gives: each key checked once at the merge, its line read again from GitHub; a missing shard is said', async () => {
    const api = await startGitHubApi();
    const [shared, own, dead, lone] = [keys.openrouter(), keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const widgets = TestRepo.init(makeTmpDir('merge-widgets'));
    widgets.commit({ 'app.env': `KEY=${shared}\n` }, 'key');
    widgets.commit({ 'app.env': 'KEY=from-the-vault\n' }, 'removed, still in history');
    const gadgets = TestRepo.init(makeTmpDir('merge-gadgets'));
    // big.txt is over 1 MB: GitHub's contents API leaves it out, and the blobs API serves it.
    gadgets.commit({ 'config/app.env': `# settings\nKEY=${shared}\nOTHER=${own}\n`, 'big.txt': `${'filler line\n'.repeat(100_000)}KEY=${dead}\n` }, 'keys');
    const tools = TestRepo.init(makeTmpDir('merge-tools'));
    tools.commit({ 'tool.env': `KEY=${lone}\n` }, 'key');
    const docs = TestRepo.init(makeTmpDir('merge-docs'));
    docs.commit({ 'README.md': 'hello\n' }, 'docs');
    api.seedRepositories([
      { fullName: 'acme/widgets', cloneUrl: widgets.dir, size: 900 },
      { fullName: 'acme/gadgets', cloneUrl: gadgets.dir, size: 2000 },
      { fullName: 'acme/tools', cloneUrl: tools.dir, size: 500 },
      { fullName: 'acme/docs', cloneUrl: docs.dir, size: 400 },
    ]);
    const provider = await startStandIn(openRouterLike({ live: [shared, own, lone] }));
    const dir = makeTmpDir('merge-reports');
    const planFile = join(dir, 'plan.json');

    const planned = await cli(api, ['audit', '--org', 'acme', '--plan', '3', '--output', planFile]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(JSON.parse(planned.stdout)).toEqual({ include: [{ shard: '1/3' }, { shard: '2/3' }, { shard: '3/3' }] });
    // Largest first into the lightest shard: gadgets alone, widgets alone, tools and docs together.
    expect(planned.stderr).toMatch(/in 3 shards by size \(1: 1 \(2 MiB\), 2: 1 \(1 MiB\), 3: 2 \(1 MiB\)\)/);

    const shards: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const file = join(dir, `shard-${shard[0]}.json`);
      const run = await cli(api, ['audit', '--org', 'acme', '--shard', shard, '--plan-file', planFile, '--no-verify', '--format', 'json', '--output', file, '--cache', join(dir, 'cache')]);
      expect(run.code, run.stderr).toBe(1);
      shards.push(file);
    }
    expect(provider.requests).toHaveLength(0);

    const merged = await cli(api, ['merge', ...shards, '--verify', '--format', 'json'], provider);
    expect(merged.code, merged.stderr).toBe(1);
    const mergedReport = JSON.parse(merged.stdout) as Report;
    // Each distinct key once: the shared key is in two repositories of two shards.
    for (const key of [shared, own, dead, lone]) expect(provider.requestsFor(key)).toHaveLength(1);
    expect(mergedReport.repositories?.scanned).toEqual(['acme/docs', 'acme/gadgets', 'acme/tools', 'acme/widgets']);

    const one = await cli(api, ['audit', '--org', 'acme', '--format', 'json', '--cache', join(dir, 'cache')], provider);
    expect(one.code, one.stderr).toBe(1);
    expect(placesOf(mergedReport)).toEqual(placesOf(JSON.parse(one.stdout) as Report));
    expect(placesOf(mergedReport).filter((place) => place.endsWith(' live'))).toHaveLength(4);
    for (const secret of [shared, own, dead, lone, api.token]) expect(merged.stdout + merged.stderr + planned.stdout + readFileSync(planFile, 'utf8')).not.toContain(secret);

    // A shard whose job failed left no report: the merge names its repositories as not scanned (exit 1 still: keys were found).
    const partial = await cli(api, ['merge', shards[0]!, shards[2]!, '--plan-file', planFile, '--format', 'json']);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('shard 2/3 has no report: its 1 repository was not scanned');
    expect((JSON.parse(partial.stdout) as Report).repositories?.notScanned).toEqual([{ repository: 'acme/widgets', reason: 'shard 2/3 has no report' }]);
  });

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
