import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding, Origin } from '../../src/core/types.js';
import { renderHtml, type HtmlResult } from '../../src/report/html.js';
import { render } from '../../src/report/index.js';
import type { Masked } from '../../src/report/mask.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { builtinRules, contextOf, findingOf, resultOf, verifications } from './findings.js';
import { auditFixture } from './html-fixtures.js';

const keys = keyFactory(0x68746d31);
const outcomes = verifications();
const commit = 'c0ffee'.repeat(6) + 'c0ff';
const history = (overrides: Partial<Extract<Origin, { kind: 'history' }>> = {}): Origin => ({
  kind: 'history',
  path: 'config/app.env',
  commit,
  author: 'Ada',
  email: 'ada@example.com',
  date: '2024-05-06T07:08:09Z',
  ...overrides,
});

/** The page's `<dl class="totals">`, as name → number. */
function totalsIn(page: string): Record<string, number> {
  const list = /<dl class="totals"[^>]*>(.*?)<\/dl>/s.exec(page)?.[1] ?? '';
  return Object.fromEntries([...list.matchAll(/<dt>(.*?)<\/dt><dd>(\d+)<\/dd>/g)].map(([, name = '', value]) => [name, Number(value)]));
}

/** The bars of the chart captioned `caption` (its start), as label → value, in drawing order. */
function chartIn(page: string, caption: string): [string, number][] | undefined {
  const figures = [...page.matchAll(/<figure class="chart"><figcaption>(.*?)<\/figcaption>(.*?)<\/figure>/gs)];
  const figure = figures.find(([, named = '']) => named.startsWith(caption));
  if (!figure) return undefined;
  return [...(figure[2] ?? '').matchAll(/<g class="bar[^"]*" data-label="([^"]*)" data-value="(\d+)"/g)].map(([, label = '', value]) => [label, Number(value)]);
}

/** Each table's heading (before its count) and its rows' data-status, in page order. */
function tablesIn(page: string): { heading: string; rows: number }[] {
  return [...page.matchAll(/<section class="repository"><h2>(.*?) <small>.*?<tbody>(.*?)<\/tbody>/gs)].map(([, heading = '', body = '']) => ({
    heading,
    rows: body.split('<tr ').length - 1,
  }));
}

/** Every attribute name in the page's tags (quoted values, which hold escaped text, left out). */
function attributeNames(page: string): string[] {
  return [...page.matchAll(/<[a-z][^>]*>/gi)].flatMap(([tag]) => [...tag.replace(/="[^"]*"/g, '').matchAll(/\s([^\s=/>]+)/g)].map(([, name = '']) => name.toLowerCase()));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('html report: every text from a repository is escaped', () => {
  const hostile = 'x<img src=q onerror=alert(1)>"\'&.env';
  const escaped = 'x&lt;img src=q onerror=alert(1)&gt;&quot;&#39;&amp;.env';
  const key = keys.openrouter();
  const page = (finding: Finding | undefined, result: Partial<HtmlResult> = {}, context: Parameters<typeof contextOf>[0] = {}) =>
    renderHtml({ ...resultOf(finding ? [finding] : []), ...result }, contextOf(context));

  it.each([
    { field: 'path', page: () => page(findingOf(key, { origin: { kind: 'file', path: `src/${hostile}` } })) },
    { field: 'history path', page: () => page(findingOf(key, { origin: history({ path: hostile, repository: 'acme/app' }) })) },
    { field: 'author', page: () => page(findingOf(key, { origin: history({ author: hostile }) })) },
    { field: 'date', page: () => page(findingOf(key, { origin: history({ date: hostile }) })) },
    { field: 'repository (a name no audit writes)', page: () => page(findingOf(key, { origin: history({ repository: hostile }) })) },
    { field: 'provider text (the check’s reason)', page: () => page(findingOf(key, { verification: { status: 'unknown', detail: {}, reason: hostile } })) },
    { field: 'live detail', page: () => page(findingOf(key, { verification: { status: 'live', detail: { expires_at: hostile } } })) },
    { field: 'fingerprint', page: () => page({ ...findingOf(key), fingerprint: hostile }) },
    { field: 'provider (a user rule)', page: () => page({ ...findingOf(key), provider: hostile }) },
    { field: 'warning path', page: () => page(undefined, { warnings: [{ path: hostile, message: 'unreadable' }] }) },
    { field: 'warning message', page: () => page(undefined, { warnings: [{ message: hostile }] }) },
    { field: 'a repository not scanned, and why', page: () => page(undefined, { repositories: { scanned: [], notScanned: [{ repository: hostile, reason: hostile }] } }) },
    { field: 'a clean repository', page: () => page(findingOf(key), { repositories: { scanned: [hostile], notScanned: [] } }) },
    { field: 'the ignore file named in the advice', page: () => page(findingOf(key), {}, { ignoreFile: hostile }) },
    { field: 'the verdict’s reason', page: () => page(findingOf(key), {}, { verdict: { exitCode: 2, why: hostile } }) },
  ])('$field', ({ page: make }) => {
    const html = make();
    expect(html).toContain(escaped);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"\'&.env');
    // The page's own markup only: one script, no event handler attribute, no element from the text.
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('control and bidi characters show as ?, as in every report', () => {
    const html = page(findingOf(key, { origin: { kind: 'file', path: 'evil\u202Egnp.js\u001b[2J' } }));
    expect(html).toContain('evil?gnp.js?[2J');
    expect(html).not.toMatch(/[\u202E\u001b]/);
  });
});

describe('html report: loads nothing, runs only its own script', () => {
  const { result } = auditFixture();
  const html = renderHtml(result, contextOf());

  it('states a Content-Security-Policy before anything else in <head>, admitting its style and script by hash', () => {
    const head = /<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(head, 'the policy right after the charset').not.toBeNull();
    const policy = head?.[1] ?? '';
    const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
    const script = /<script>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({ 'default-src': "'none'", 'style-src': sha256(style), 'script-src': sha256(script), 'img-src': 'data:', 'base-uri': "'none'", 'form-action': "'none'" });
    expect(html).not.toContain('unsafe-');
  });

  it('names no other host but in links to a line on GitHub', () => {
    const urls = [...html.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]*/gi)].map(([url]) => url);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\/github\.com\/acme\/[a-z]+\/blob\/[0-9a-f]{40}\/[^#]+#L\d+$/);
    expect([...html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href).filter((href) => !href?.startsWith('https://github.com/'))).toEqual(['data:,']);
    // Nothing fetched by markup or style: no src, no srcset, no url(), no @import.
    expect(html).not.toMatch(/\ssrc(set)?=|url\(|@import/i);
  });

  it('has no style attribute (the policy would refuse it) and no inline handler', () => {
    const names = attributeNames(html);
    expect(names).toContain('data-status');
    expect(names.filter((name) => name === 'style' || name.startsWith('on'))).toEqual([]);
  });

  it('is print-friendly: a print stylesheet that hides the controls', () => {
    expect(html).toMatch(/@media print \{[^]*\.filters, noscript \{ display: none !important; \}/);
  });
});

describe('html report: never a raw key', () => {
  const { result, keys: raw } = auditFixture();
  const echoed = findingOf(raw[0] ?? '', { verification: { status: 'live', detail: { label: raw[0] }, reason: `echoed ${raw[0]}` } });

  it.each([
    { name: 'by default', showSecrets: false },
    { name: 'with --show-secrets', showSecrets: true },
  ])('$name, not even a key a provider echoed', ({ showSecrets }) => {
    const html = render('html', { ...result, findings: [...result.findings, echoed] }, contextOf({ showSecrets }), builtinRules());
    for (const key of raw) {
      const prefix = Object.values(prefixes).find((candidate) => key.startsWith(candidate)) ?? '';
      expect(html).not.toContain(key);
      expect(html).not.toContain(key.slice(prefix.length + 4, -4));
    }
    expect(html).toContain('never holds a raw key, even from a run with --show-secrets');
  });
});

describe('html report: totals and charts', () => {
  const { result } = auditFixture();
  const html = renderHtml(result, contextOf());

  it('totals count keys by state (a revoked key is no longer live), repositories covered, files and warnings', () => {
    expect(totalsIn(html)).toEqual({
      findings: 7,
      keys: 6,
      live: 2,
      revoked: 1,
      invalid: 1,
      unknown: 1,
      skipped: 1,
      'repositories scanned': 3,
      'repositories not scanned': 1,
      'files scanned': 1834,
      warnings: 2,
    });
  });

  it('charts count findings by provider (most first) and by status (most urgent first)', () => {
    expect(chartIn(html, 'Findings by provider')).toEqual([
      ['openrouter', 4],
      ['tokenrouter', 2],
      ['agentrouter', 1],
    ]);
    expect(chartIn(html, 'Findings by status')).toEqual([
      ['live', 3],
      ['unknown', 1],
      ['revoked', 1],
      ['skipped', 1],
      ['invalid', 1],
    ]);
  });

  it('the timeline has a bar for every month from the first commit to the last, empty ones too', () => {
    const bars = chartIn(html, 'Keys committed over time (per month)') ?? [];
    expect(bars).toHaveLength(22); // 2023-11 … 2025-08
    expect(bars[0]).toEqual(['2023-11', 1]);
    expect(bars.at(-1)).toEqual(['2025-08', 1]);
    expect(bars.filter(([, value]) => value > 0).map(([label]) => label)).toEqual(['2023-11', '2024-03', '2024-05', '2024-09', '2025-02', '2025-06', '2025-08']);
    expect(bars.reduce((sum, [, value]) => sum + value, 0)).toBe(7);
  });

  it.each([
    { name: 'days within three months', dates: ['2024-01-30T23:00:00+02:00', '2024-02-02T01:00:00Z', '2024-02-02T05:00:00Z'], caption: 'per day', bars: 4, first: ['2024-01-30', 1] },
    { name: 'years past ten', dates: ['2009-06-01T00:00:00Z', '2024-06-01T00:00:00Z'], caption: 'per year', bars: 16, first: ['2009', 1] },
    { name: 'a date that is none is left out', dates: ['yesterday', '2024-06-01T00:00:00Z'], caption: 'per day', bars: 1, first: ['2024-06-01', 1] },
  ])('timeline: $name', ({ dates, caption, bars, first }) => {
    const page = renderHtml(resultOf(dates.map((date, index) => findingOf(keys.openrouter(), { origin: history({ date, path: `f${index}` }) }))), contextOf());
    const drawn = chartIn(page, `Keys committed over time (${caption})`);
    expect(drawn).toHaveLength(bars);
    expect(drawn?.[0]).toEqual(first);
  });

  it('no timeline without dates (a working tree), no status chart or state totals without a live check', () => {
    const page = renderHtml(resultOf([findingOf(keys.openrouter()), findingOf(keys.agentrouter())]), contextOf());
    expect(chartIn(page, 'Keys committed')).toBeUndefined();
    expect(chartIn(page, 'Findings by status')).toBeUndefined();
    expect(chartIn(page, 'Findings by provider')).toEqual([
      ['agentrouter', 1],
      ['openrouter', 1],
    ]);
    expect(totalsIn(page)).toEqual({ findings: 2, keys: 2, 'files scanned': 2, warnings: 0 });
    expect(page).not.toContain('name="status"');
    expect(page).not.toContain('>Status</th>');
  });

  it('a key found twice is one key, counted in the state of its most urgent finding', () => {
    const key = keys.openrouter();
    const page = renderHtml(resultOf([findingOf(key, outcomes.live), findingOf(key, { ...outcomes.live, line: 9 }), findingOf(keys.agentrouter(), outcomes.invalid)]), contextOf());
    expect(totalsIn(page)).toMatchObject({ findings: 3, keys: 2, live: 1, invalid: 1, unknown: 0 });
    expect(totalsIn(page)).not.toHaveProperty('revoked'); // not known: the run did not revoke
  });
});

describe('html report: tables', () => {
  it('one table per repository, by name; a clean repository is named, not tabled', () => {
    const page = renderHtml(auditFixture().result, contextOf());
    expect(tablesIn(page)).toEqual([
      { heading: 'acme/payments', rows: 4 },
      { heading: 'acme/website', rows: 3 },
    ]);
    expect(page).toContain('No findings in 1 repository: acme/docs.');
    expect(page).toContain('<li>acme/legacy: not scanned: clone failed: repository not found (HTTP 404)</li>');
  });

  it('one table when no finding names a repository', () => {
    const page = renderHtml(resultOf([findingOf(keys.openrouter()), findingOf(keys.agentrouter(), { origin: history() })]), contextOf());
    expect(tablesIn(page)).toEqual([{ heading: 'Findings', rows: 2 }]);
    expect(totalsIn(page)).not.toHaveProperty('repositories scanned');
  });

  it('rows carry what the filters read; the filter form is hidden until the script shows it', () => {
    const page = renderHtml(auditFixture().result, contextOf());
    expect([...page.matchAll(/<tr data-provider="([^"]*)" data-status="([^"]*)">/g)].map(([, provider, status]) => `${provider}/${status}`)).toEqual([
      'openrouter/live',
      'openrouter/live',
      'openrouter/live',
      'tokenrouter/revoked',
      'agentrouter/invalid',
      'tokenrouter/skipped',
      'openrouter/unknown',
    ]);
    expect(page).toContain('<form id="filters" class="filters" role="search" hidden>');
    expect(page).toMatch(/<select name="status"><option value="">all<\/option><option value="live">live<\/option><option value="unknown">unknown<\/option><option value="revoked">revoked<\/option><option value="skipped">skipped<\/option><option value="invalid">invalid<\/option><\/select>/);
  });

  const linked = (origin: Origin, redactedFields?: Masked<Finding>['redactedFields']) => {
    const finding: Masked<Finding> = { ...findingOf(keys.openrouter(), { origin, line: 7 }), ...(redactedFields ? { redactedFields } : {}) };
    return /<td class="place">(.*?)<\/td>/.exec(renderHtml(resultOf([finding]), contextOf()))?.[1];
  };

  it.each([
    { name: 'a commit in a repository', origin: history({ repository: 'acme/app' }), cell: `<a href="https://github.com/acme/app/blob/${commit}/config/app.env#L7" rel="noreferrer">config/app.env:7</a>` },
    {
      name: 'a path that needs encoding',
      origin: history({ repository: 'acme/app', path: 'docs/a b#?%.md' }),
      cell: `<a href="https://github.com/acme/app/blob/${commit}/docs/a%20b%23%3F%25.md#L7" rel="noreferrer">docs/a b#?%.md:7</a>`,
    },
    { name: 'a file of a working tree (no commit)', origin: { kind: 'file', path: 'app.env', repository: 'acme/app' } as Origin, cell: 'app.env:7' },
    { name: 'a commit of an unnamed repository', origin: history(), cell: 'config/app.env:7' },
    { name: 'a repository no GitHub name can be', origin: history({ repository: 'evil.example/../x' }), cell: 'config/app.env:7' },
    { name: 'a path with a key masked in it', origin: history({ repository: 'acme/app' }), redacted: ['path' as const], cell: 'config/app.env:7' },
  ])('link: $name', ({ origin, redacted, cell }) => {
    expect(linked(origin, redacted)).toBe(cell);
  });
});

describe('html report: nothing found', () => {
  const html = renderHtml(resultOf([]), contextOf());

  it('says so, with zero totals, no chart, no table and no filter', () => {
    expect(html).toContain('<title>keywarden: no leaked keys</title>');
    expect(html).toContain('<p>No leaked keys found.</p>');
    expect(totalsIn(html)).toEqual({ findings: 0, keys: 0, 'files scanned': 2, warnings: 0 });
    expect(html).not.toMatch(/<figure|<table|<form/);
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it('is the same bytes every time (a pure function)', () => {
    expect(renderHtml(resultOf([]), contextOf())).toBe(html);
  });
});
