/**
 * SARIF from an audit of several repositories: one run per repository, named by its
 * `automationDetails.id`, so the same path in two repositories is never the same artifact;
 * a scan of one repository keeps its one run.
 */
import { describe, expect, it } from 'vitest';
import type { ScanWarning } from '../../src/core/types.js';
import { renderSarif } from '../../src/report/sarif.js';
import { keyFactory } from '../helpers/keys.js';
import { builtinRules, contextOf, findingOf, resultOf } from './findings.js';

interface Run {
  automationDetails?: { id: string };
  results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  invocations?: { toolExecutionNotifications: unknown[] }[];
}

const keys = keyFactory(0x73617267);
const runsOf = (findings: Parameters<typeof resultOf>[0], warnings: ScanWarning[] = []) =>
  (JSON.parse(renderSarif({ ...resultOf(findings), warnings }, contextOf({}), builtinRules())) as { runs: Run[] }).runs;
const inRepository = (repository: string, path: string) => findingOf(keys.openrouter(), { origin: { kind: 'history', path, commit: 'a'.repeat(40), author: 'A', email: 'a@example.test', date: '2026-01-01T00:00:00Z', repository } });

describe('sarif from an audit of several repositories', () => {
  it('has one run per repository, in the order they first appear, each with its results only', () => {
    const runs = runsOf([inRepository('acme/a', '.env'), inRepository('acme/b', '.env'), inRepository('acme/a', 'src/x.ts')], [{ message: 'not scanned: acme/c: repository not found', kind: 'incomplete' }]);
    expect(runs.map((run) => run.automationDetails?.id)).toEqual(['keywarden/acme/a/', 'keywarden/acme/b/']);
    expect(runs.map((run) => run.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri))).toEqual([['.env', 'src/x.ts'], ['.env']]);
    // The audit's warnings once, in the first run.
    expect(runs.map((run) => run.invocations?.[0]?.toolExecutionNotifications.length ?? 0)).toEqual([1, 0]);
  });

  it('keeps one run, with no automation id, for findings of no named repository and for none at all', () => {
    expect(runsOf([findingOf(keys.openrouter(), { origin: { kind: 'file', path: '.env' } })]).map((run) => run.automationDetails)).toEqual([undefined]);
    expect(runsOf([])).toHaveLength(1);
  });
});
