import { describe, expect, it } from 'vitest';
import { renderHuman } from '../../src/report/human.js';
import { keyFactory } from '../helpers/keys.js';
import { builtinRules, contextOf, findingOf, managementReason, openRouterDetail, resultOf, verifications } from './findings.js';

const keys = keyFactory(0x68756d6e);
const outcomes = verifications();
const human = (findings: Parameters<typeof resultOf>[0], color = false) => renderHuman(resultOf(findings), contextOf(), builtinRules(), color);

/** The block of the first finding: its heading and the lines under it. */
const firstBlock = (text: string) => text.split('\n\n')[0] ?? '';

describe('human report: each outcome at a glance', () => {
  it.each([
    {
      outcome: 'live' as const,
      heading: /^src\/client\.ts:3:27 {2}LIVE {2}OpenRouter API key {2}high {2}/,
      lines: ['  live: usage $12.50 of $100.00 limit ($87.50 left), expires never'],
    },
    {
      outcome: 'critical' as const,
      heading: /^src\/client\.ts:3:27 {2}LIVE {2}OpenRouter API key {2}critical {2}/,
      lines: [`  critical: ${managementReason}`, '  live: usage $12.50, no limit, expires never'],
    },
    {
      outcome: 'unknown' as const,
      heading: / {2}UNKNOWN {2}/,
      lines: ['  could not check: timed out after 10 s — treat as live until checked'],
    },
    {
      outcome: 'invalid' as const,
      heading: / {2}INVALID {2}/,
      lines: ['  invalid: the provider rejected it (HTTP 401)'],
    },
    {
      outcome: 'skipped' as const,
      heading: / {2}SKIPPED {2}/,
      lines: ['  not checked: AGENTROUTER_BASE_URL is not set'],
    },
  ])('$outcome', ({ outcome, heading, lines }) => {
    const [first, ...rest] = firstBlock(human([findingOf(keys.openrouter(), outcomes[outcome])])).split('\n');
    expect(first).toMatch(heading);
    // The outcome comes straight under the heading, before the advice.
    expect(rest.slice(0, lines.length)).toEqual(lines);
    expect(rest[lines.length]).toMatch(/^ {2}fix: /);
  });
});

describe('human report: what a live key can spend', () => {
  const liveLine = (detail: Record<string, unknown>) =>
    firstBlock(human([findingOf(keys.openrouter(), { verification: { status: 'live', detail } })]))
      .split('\n')
      .find((line) => line.startsWith('  live:'));

  it.each([
    { name: 'a limit with some left', detail: openRouterDetail(), line: '  live: usage $12.50 of $100.00 limit ($87.50 left), expires never' },
    { name: 'no limit', detail: openRouterDetail({ limit: null, limit_remaining: null }), line: '  live: usage $12.50, no limit, expires never' },
    { name: 'a free-tier key', detail: openRouterDetail({ usage: 0, limit: null, is_free_tier: true }), line: '  live: usage $0.00, no limit, expires never, free tier' },
    { name: 'an expiry date', detail: openRouterDetail({ expires_at: '2027-03-01T00:00:00Z' }), line: '  live: usage $12.50 of $100.00 limit ($87.50 left), expires 2027-03-01T00:00:00Z' },
    { name: 'sub-cent usage', detail: openRouterDetail({ usage: 0.0004, limit: 5, limit_remaining: 4.9996 }), line: '  live: usage <$0.01 of $5.00 limit ($5.00 left), expires never' },
    { name: 'a provider that tells nothing', detail: {}, line: undefined },
    { name: 'fields of the wrong type', detail: { usage: '12', limit: 'lots', expires_at: 5 }, line: undefined },
    {
      name: 'terminal escapes in provider text',
      detail: { expires_at: '\u001b[2J\u001b[31mnever\u202e' },
      // Shown as `?`, never dropped: dropping could join two parts of a text into a key.
      line: '  live: expires ?[2J?[31mnever?',
    },
  ])('$name', ({ detail, line }) => {
    expect(liveLine(detail)).toBe(line);
  });
});

describe('human report: colour', () => {
  const red = '\u001b[31m';
  const bold = '\u001b[1m';
  const magenta = '\u001b[35m';
  const yellow = '\u001b[33m';
  const dim = '\u001b[2m';

  it.each([
    { outcome: 'live' as const, tag: `${bold}${red}LIVE` },
    { outcome: 'critical' as const, tag: `${bold}${red}LIVE`, line: `${bold}${magenta}critical: ${managementReason}` },
    { outcome: 'unknown' as const, tag: `${bold}${yellow}UNKNOWN`, line: `${yellow}could not check:` },
    { outcome: 'invalid' as const, tag: `${dim}INVALID`, line: `${dim}invalid:` },
    { outcome: 'skipped' as const, tag: `${dim}SKIPPED`, line: `${dim}not checked:` },
  ])('$outcome', ({ outcome, tag, line }) => {
    const text = human([findingOf(keys.openrouter(), outcomes[outcome])], true);
    expect(text).toContain(tag);
    if (line) expect(text).toContain(line);
  });

  it('none without colour', () => {
    const text = human(Object.values(outcomes).map((outcome) => findingOf(keys.openrouter(), outcome)));
    expect(text).not.toContain('\u001b');
  });
});

describe('human report: the summary counts outcomes when keys were checked', () => {
  const summary = (findings: Parameters<typeof resultOf>[0]) => human(findings).trimEnd().split('\n').at(-1);
  const or = () => keys.openrouter();

  it.each([
    { name: 'every outcome', findings: () => Object.values(outcomes).map((o) => findingOf(or(), o)), counts: '5 leaked keys (2 live, 1 unknown, 1 skipped, 1 invalid) in 1 file' },
    {
      name: 'the example of issue 4',
      findings: () => [outcomes.live, outcomes.critical, outcomes.unknown, outcomes.invalid].map((o) => findingOf(or(), o)),
      counts: '4 leaked keys (2 live, 1 unknown, 1 invalid) in 1 file',
    },
    { name: 'one live key', findings: () => [findingOf(or(), outcomes.live)], counts: '1 leaked key (1 live) in 1 file' },
    { name: 'no verification', findings: () => [findingOf(or())], counts: '1 leaked key in 1 file' },
  ])('$name', ({ findings, counts }) => {
    expect(summary(findings())).toBe(`✖ ${counts} · 2 files (2.0 KiB) scanned in 0.13 s`);
  });
});

describe('human report: the raw key', () => {
  const key = keys.openrouter();
  // A provider that echoes the key back in the text the report shows.
  const echoed = findingOf(key, { severity: 'critical', verification: { status: 'live', detail: { expires_at: key }, reason: `raised for ${key}` } });
  const findings = [...Object.values(outcomes).map((outcome) => findingOf(key, outcome)), echoed];

  it('appears nowhere by default, whatever the outcome, not even echoed by a provider', () => {
    const text = human(findings);
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(12, -4));
  });

  it('appears with --show-secrets', () => {
    expect(renderHuman(resultOf(findings), contextOf({ showSecrets: true }), builtinRules(), false)).toContain(key);
  });
});

describe('human report: provider text stays one short line', () => {
  it('a flood is cut, newlines do not start new lines', () => {
    const finding = findingOf(keys.openrouter(), { verification: { status: 'unknown', detail: {}, reason: `first\nsecond ${'x'.repeat(500)}` } });
    const line = firstBlock(human([finding])).split('\n')[1] ?? '';
    expect(line).toMatch(/^ {2}could not check: first second x+… — treat as live until checked$/);
    expect(line.length).toBeLessThan(260);
  });
});

describe('human report: text from the repository cannot drive the terminal', () => {
  it('escape sequences and bidi overrides in paths and authors are shown as ?', () => {
    const key = keyFactory(77).openrouter();
    const hostile = {
      kind: 'history' as const,
      path: 'x\u001b[2J\u001b]0;pwned\u0007.env',
      commit: 'a'.repeat(40),
      author: 'Mallory \u202eevil',
      email: 'm@example.test',
      date: '2026-11-24T00:00:00+00:00',
    };
    const text = renderHuman(resultOf([findingOf(key, { origin: hostile })]), contextOf(), builtinRules(), false);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(text).toContain('x?[2J?]0;pwned?.env:3:27');
    expect(text).toContain('by Mallory ?evil');
  });
});

describe('human report: findings of several repositories', () => {
  it.each([
    { name: 'a finding in a repository', repository: 'octo-org/web.app', where: 'octo-org/web.app:src/client.ts:3:27' },
    { name: 'a plain finding', repository: undefined, where: 'src/client.ts:3:27' },
  ])('$name', ({ repository, where }) => {
    const origin = { kind: 'file' as const, path: 'src/client.ts', ...(repository ? { repository } : {}) };
    expect(firstBlock(human([findingOf(keys.openrouter(), { origin })])).split('  ')[0]).toBe(where);
  });

  it('counts one path in two repositories as two files', () => {
    const inRepo = (repository: string) => findingOf(keys.openrouter(), { origin: { kind: 'file', path: 'src/client.ts', repository } });
    expect(human([inRepo('octo-org/web'), inRepo('octo-org/api')])).toContain('✖ 2 leaked keys in 2 files');
  });
});
