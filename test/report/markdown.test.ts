import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { keyFactory } from '../helpers/keys.js';
import { contextOf, findingOf, managementReason, resultOf, verifications } from './findings.js';

const keys = keyFactory(0x6d64776e);
const outcomes = verifications();
const markdown = (findings: Parameters<typeof resultOf>[0], showSecrets = false) => renderMarkdown(resultOf(findings), contextOf({ showSecrets }));

/** The cells of the table's first data row, by column name. */
function firstRow(text: string): Record<string, string> {
  const rows = text.split('\n').filter((line) => line.startsWith('| '));
  const split = (line: string) => line.slice(2, -2).split(/(?<!\\) \| /);
  const [header = '', row = ''] = rows;
  const names = split(header);
  return Object.fromEntries(split(row).map((value, index) => [names[index] ?? String(index), value]));
}

describe('markdown report: status and why, per finding', () => {
  it.each([
    { outcome: 'live' as const, severity: 'high', status: '**live**', details: 'live: usage \\$12.50 of \\$100.00 limit (\\$87.50 left), expires never' },
    { outcome: 'critical' as const, severity: '**critical**', status: '**live**', details: `${managementReason}; live: usage \\$12.50, no limit, expires never` },
    { outcome: 'unknown' as const, severity: 'high', status: '**unknown**', details: 'could not check: timed out after 10 s — treat as live until checked' },
    { outcome: 'invalid' as const, severity: 'high', status: 'invalid', details: 'invalid: the provider rejected it (HTTP 401)' },
    { outcome: 'skipped' as const, severity: 'high', status: 'skipped', details: 'not checked: AGENTROUTER\\_BASE\\_URL is not set' },
  ])('$outcome', ({ outcome, severity, status, details }) => {
    expect(firstRow(markdown([findingOf(keys.openrouter(), outcomes[outcome])]))).toMatchObject({ Severity: severity, Status: status, Details: details });
  });

  it('a live key whose provider told nothing has an empty Details cell', () => {
    expect(firstRow(markdown([findingOf(keys.tokenrouterLive(), { verification: { status: 'live', detail: {} } })]))).toMatchObject({ Status: '**live**', Details: '' });
  });

  it('provider text cannot break the table or add markup', () => {
    const text = markdown([findingOf(keys.openrouter(), { verification: { status: 'unknown', detail: {}, reason: 'a | b\n**c** <img src=x>' } })]);
    expect(firstRow(text)['Details']).toBe('could not check: a \\| b \\*\\*c\\*\\* \\<img src=x\\> — treat as live until checked');
  });
});

describe('markdown report: heading and advice', () => {
  const every = () => Object.values(outcomes).map((outcome) => findingOf(keys.openrouter(), outcome));

  it.each([
    { name: 'every outcome', findings: every, heading: '### keywarden: 5 leaked keys (2 live, 1 unknown, 1 skipped, 1 invalid) in 1 file', advice: ['revoke them at the provider first', 'treat them as live until checked'] },
    { name: 'dead keys only', findings: () => [findingOf(keys.openrouter(), outcomes.invalid)], heading: '### keywarden: 1 leaked key (1 invalid) in 1 file', advice: [] },
    { name: 'no verification', findings: () => [findingOf(keys.openrouter())], heading: '### keywarden: 1 leaked key in 1 file', advice: [] },
  ])('$name', ({ findings, heading, advice }) => {
    const text = markdown(findings());
    expect(text.split('\n')[0]).toBe(heading);
    for (const words of advice) expect(text).toContain(words);
    if (advice.length === 0) expect(text).not.toMatch(/revoke them|treat them as live/);
  });
});

describe('markdown report: the raw key', () => {
  const key = keys.openrouter();
  const echoed = findingOf(key, { verification: { status: 'live', detail: { expires_at: key }, reason: key } });
  const findings = [...Object.values(outcomes).map((outcome) => findingOf(key, outcome)), echoed];

  it('appears nowhere by default, not even echoed by a provider', () => {
    expect(markdown(findings)).not.toContain(key);
  });

  it('appears with --show-secrets', () => {
    expect(markdown(findings, true)).toContain(`\`${key}\``);
  });
});

describe('markdown report: findings of several repositories', () => {
  const inRepo = (repository: string, path = 'src/client.ts') => findingOf(keys.openrouter(), { origin: { kind: 'file', path, repository } });

  it.each([
    { name: 'a finding in a repository', findings: () => [inRepo('octo-org/web.app')], file: 'octo-org/web.app:src/client.ts', heading: 'in 1 file' },
    { name: 'a plain finding', findings: () => [findingOf(keys.openrouter())], file: 'src/client.ts', heading: 'in 1 file' },
    { name: 'one path in two repositories is two files', findings: () => [inRepo('octo-org/web'), inRepo('octo-org/api')], file: 'octo-org/web:src/client.ts', heading: 'in 2 files' },
  ])('$name', ({ findings, file, heading }) => {
    const text = markdown(findings());
    expect(firstRow(text)['File']).toBe(file);
    expect(text.split('\n')[0]).toMatch(new RegExp(`${heading}$`));
  });
});

describe('markdown report: how to keep out a deliberate fake fits where the keys are', () => {
  const file = () => findingOf(keys.openrouter());
  const committed = () => findingOf(keys.agentrouter(), { origin: { kind: 'history', path: 'config/old.env', commit: 'a'.repeat(40), author: 'Ada', email: 'ada@example.com', date: '2021-01-01T00:00:00Z' } });
  const logged = () => findingOf(keys.agentrouter(), { origin: { kind: 'log', path: 'logs/app.log' } });
  const lastLine = (text: string) => text.trimEnd().split('\n').pop() ?? '';

  it.each([
    { name: 'keys in files', findings: () => [file()], advice: 'A deliberate fake (a test fixture)? Add `keywarden:allow` to its line, or its fingerprint to `.keywardenignore`.' },
    { name: 'keys in commits', findings: () => [committed()], advice: 'A deliberate fake (a test fixture)? Add its fingerprint to `.keywardenignore`.' },
    { name: 'keys in a log', findings: () => [logged()], advice: 'A deliberate fake (a test fixture)? Add its fingerprint to `.keywardenignore`.' },
    {
      name: 'both',
      findings: () => [file(), committed()],
      advice: 'A deliberate fake (a test fixture)? Add `keywarden:allow` to its line if it is in a file you can edit, or its fingerprint to `.keywardenignore` (the only way for a key in a past commit or a log).',
    },
  ])('$name', ({ findings, advice }) => {
    expect(lastLine(markdown(findings()))).toContain(advice);
  });

  it('a key in a past commit is not told that removing it is enough', () => {
    expect(lastLine(markdown([committed()]))).toContain('stays readable there until it is revoked');
    expect(lastLine(markdown([file()]))).not.toContain('stays readable');
  });

  it('names the ignore file that applies', () => {
    expect(renderMarkdown(resultOf([committed()]), contextOf({ ignoreFile: '../.keywardenignore' }))).toContain('to `../.keywardenignore`.');
  });
});
