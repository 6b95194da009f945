/**
 * `mergeReports` (src/run/merge.ts): the shards' json reports joined into one, as pure data.
 * Reports are built as the json writer prints them (schema-checked), with generated keys.
 */
import { describe, expect, it } from 'vitest';
import { KeywardenError } from '../../src/core/errors.js';
import { fingerprintOf, secretHashOf } from '../../src/detect/finding.js';
import { redact } from '../../src/core/secret.js';
import { mergeReports, type MergeInput } from '../../src/run/merge.js';
import { parseReport, type Report, type ReportFinding } from '../../src/report/schema.js';
import { keyFactory } from '../helpers/keys.js';

const keys = keyFactory(0x6d657267);
const plan = 'a1b2c3d4e5f60718';

function finding(repository: string, key: string, path = 'app.env'): ReportFinding {
  const secretHash = secretHashOf(key);
  return {
    ruleId: 'openrouter.api-key',
    provider: 'openrouter',
    severity: 'high',
    secretHash,
    redacted: redact(key, 'sk-or-v1-'),
    fingerprint: fingerprintOf(path, 'openrouter.api-key', secretHash, repository),
    repository,
    source: 'history',
    path,
    line: 1,
    column: 5,
    endColumn: 5 + key.length,
    commit: 'c'.repeat(40),
    author: 'A',
    email: 'a@example.test',
    date: '2021-01-01T00:00:00+00:00',
  };
}

function shardReport(index: number | undefined, findings: ReportFinding[], coverage: Report['repositories'], extra: Partial<Report> = {}): Report {
  return parseReport({
    version: 1,
    tool: { name: 'keywarden', version: '0.1.0' },
    findings,
    stats: { files: 10 * (index ?? 1), bytes: 1000 * (index ?? 1), durationMs: 5 },
    ...(index !== undefined ? { shard: { plan, index, count: 3 } } : {}),
    ...(coverage ? { repositories: coverage } : {}),
    ...extra,
  });
}

const inputs = (...reports: Report[]): MergeInput[] => reports.map((report, i) => ({ name: `shard-${i + 1}.json`, report }));

describe('mergeReports', () => {
  it('keeps each finding once by fingerprint, the same key in two repositories twice; sums what was read; joins the repositories', () => {
    const [shared, own] = [keys.openrouter(), keys.openrouter()];
    const merged = mergeReports(
      inputs(
        shardReport(1, [finding('acme/a', shared)], { scanned: ['acme/a'], notScanned: [{ repository: 'acme/x', reason: 'empty repository' }] }),
        shardReport(2, [finding('acme/b', shared), finding('acme/b', own), finding('acme/b', own)], { scanned: ['acme/b'], notScanned: [] }),
        shardReport(3, [], { scanned: ['acme/c'], notScanned: [] }),
      ),
    );
    expect(merged.findings.map((f) => [f.repository, f.secretHash === secretHashOf(shared) ? 'shared' : 'own'])).toEqual([
      ['acme/a', 'shared'],
      ['acme/b', 'shared'],
      ['acme/b', 'own'],
    ]);
    expect([merged.files, merged.bytes]).toEqual([60, 6000]);
    expect(merged.repositories).toEqual({ scanned: ['acme/a', 'acme/b', 'acme/c'], notScanned: [{ repository: 'acme/x', reason: 'empty repository' }] });
    expect(merged.warnings).toEqual([]);
  });

  it('says each shard of the plan that has no report, as an incomplete run', () => {
    const merged = mergeReports(inputs(shardReport(1, [], { scanned: ['acme/a'], notScanned: [] }), shardReport(3, [], { scanned: ['acme/c'], notScanned: [] })));
    expect(merged.warnings).toEqual([{ message: 'shard 2/3 has no report: its repositories were not scanned', kind: 'incomplete' }]);
  });

  it("keeps the shards' own warnings, and a repository not scanned in one shard but scanned in another counts as scanned", () => {
    const warning = { message: 'not scanned: acme/x: git clone failed', kind: 'incomplete' as const };
    const merged = mergeReports(
      inputs(
        shardReport(1, [], { scanned: [], notScanned: [{ repository: 'acme/x', reason: 'git clone failed' }] }, { warnings: [warning] }),
        shardReport(2, [], { scanned: ['acme/x'], notScanned: [] }),
        shardReport(3, [], { scanned: [], notScanned: [] }),
      ),
    );
    expect(merged.warnings).toEqual([warning]);
    expect(merged.repositories).toEqual({ scanned: ['acme/x'], notScanned: [] });
  });

  it.each([
    { name: 'different tool versions', second: shardReport(2, [], undefined, { tool: { name: 'keywarden', version: '0.2.0' } }), message: /different keywarden versions: 0\.1\.0 \(shard-1\.json\); 0\.2\.0 \(shard-2\.json\)/ },
    { name: 'different plans', second: parseReport({ ...shardReport(2, [], undefined), shard: { plan: 'ffffffffffffffff', index: 2, count: 3 } }), message: /different plans/ },
    { name: 'a shard and a report of no plan', second: shardReport(undefined, [], undefined), message: /different plans: .*none \(shard-2\.json\)/ },
    { name: 'one shard given twice', second: shardReport(1, [], undefined), message: /shard-1\.json and shard-2\.json are both shard 1\/3/ },
  ])('refuses reports of $name (exit 2)', ({ second, message }) => {
    const run = () => mergeReports(inputs(shardReport(1, [], undefined), second));
    expect(run).toThrow(KeywardenError);
    expect(run).toThrow(message);
  });

  it('refuses nothing to merge', () => {
    expect(() => mergeReports([])).toThrow('no reports to merge');
  });
});
