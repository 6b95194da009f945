/**
 * `--format html`: one self-contained page for people (SPEC §8) — totals, charts, and a table
 * of findings per repository that sorts and filters. It loads nothing from any host: inline
 * style and script admitted by hash (html-assets.ts), charts as inline SVG (html-charts.ts).
 * Every text from a scan is escaped; a key is only ever shown redacted, whatever
 * `--show-secrets` says: a page is opened, forwarded and printed, and has no use for a raw key.
 */
import type { Revocation } from '../core/revocation.js';
import type { Finding, ScanResult, VerificationStatus } from '../core/types.js';
import { contentSecurityPolicy, script, style } from './html-assets.js';
import { barChart, timelineChart, type Bar } from './html-charts.js';
import { escapeHtml, plural } from './html-text.js';
import type { Masked } from './mask.js';
import type { ReportContext } from './model.js';
import { describeOutcome, escalationOf, isVerified, statusOf, verificationOf } from './verification.js';

/** What the page shows besides the findings: the run's revocations, when it revoked (`--revoke`). */
export type HtmlResult = ScanResult & { revocations?: readonly Revocation[] };

/** A key's state as the page shows it: what the check said, or `revoked` when this run revoked it. */
type KeyStatus = VerificationStatus | 'revoked';
const keyStatuses: readonly KeyStatus[] = ['live', 'unknown', 'revoked', 'skipped', 'invalid'];

const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** `OWNER/NAME` as GitHub spells it: only such a name goes into a link. */
const repositoryShape = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

function revokedHashes(result: HtmlResult): Set<string> {
  return new Set((result.revocations ?? []).filter((revocation) => revocation.outcome === 'revoked').map((revocation) => revocation.secretHash));
}

function keyStatusOf(finding: Finding, revoked: ReadonlySet<string>): KeyStatus {
  return revoked.has(finding.secretHash) ? 'revoked' : statusOf(finding);
}

/** Per distinct key, its most urgent state over its findings (a key is checked once, so they agree). */
function statusPerKey(findings: readonly Finding[], revoked: ReadonlySet<string>): Map<string, KeyStatus> {
  const perKey = new Map<string, KeyStatus>();
  for (const finding of findings) {
    const status = keyStatusOf(finding, revoked);
    const known = perKey.get(finding.secretHash);
    if (known === undefined || keyStatuses.indexOf(status) < keyStatuses.indexOf(known)) perKey.set(finding.secretHash, status);
  }
  return perKey;
}

function countsOf<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The repositories a run covered: as it listed them (an audit), else those its findings name. */
function repositoriesOf(result: HtmlResult): { scanned: string[]; notScanned: { repository: string; reason: string }[] } | undefined {
  if (result.repositories) return result.repositories;
  const named = [...new Set(result.findings.flatMap((finding) => (finding.origin.repository === undefined ? [] : [finding.origin.repository])))];
  return named.length > 0 ? { scanned: named.sort(), notScanned: [] } : undefined;
}

interface Total {
  name: string;
  value: number;
  tone?: string;
}

/** The figures at the top: keys and their states (when checked), repositories (an audit), files, warnings. */
export function totalsOf(result: HtmlResult): Total[] {
  const { findings } = result;
  const perKey = statusPerKey(findings, revokedHashes(result));
  const byStatus = countsOf([...perKey.values()]);
  const totals: Total[] = [
    { name: 'findings', value: findings.length },
    { name: 'keys', value: perKey.size },
  ];
  if (isVerified(findings)) {
    totals.push({ name: 'live', value: byStatus.get('live') ?? 0, tone: 'live' });
    if (result.revocations) totals.push({ name: 'revoked', value: byStatus.get('revoked') ?? 0, tone: 'revoked' });
    totals.push({ name: 'invalid', value: byStatus.get('invalid') ?? 0 }, { name: 'unknown', value: byStatus.get('unknown') ?? 0, tone: 'unknown' });
    if (byStatus.has('skipped')) totals.push({ name: 'skipped', value: byStatus.get('skipped') ?? 0 });
  }
  const repositories = repositoriesOf(result);
  if (repositories) {
    totals.push({ name: result.repositories ? 'repositories scanned' : 'repositories with findings', value: repositories.scanned.length });
    if (result.repositories) totals.push({ name: 'repositories not scanned', value: repositories.notScanned.length, tone: repositories.notScanned.length > 0 ? 'unknown' : '' });
  }
  totals.push({ name: 'files scanned', value: result.stats.files }, { name: 'warnings', value: result.warnings.length + (repositories?.notScanned.length ?? 0) });
  return totals;
}

function totalsSection(totals: readonly Total[]): string {
  const items = totals.map((total) => `<div${total.tone ? ` class="${total.tone}"` : ''}><dt>${escapeHtml(total.name)}</dt><dd>${total.value}</dd></div>`);
  return `<dl class="totals" aria-label="totals">${items.join('')}</dl>`;
}

/** Findings by provider (most first), by state (most urgent first) when checked, and over time when dates are known. */
function chartsSection(result: HtmlResult, revoked: ReadonlySet<string>): string {
  const { findings } = result;
  if (findings.length === 0) return '';
  const byProvider = [...countsOf(findings.map((finding) => finding.provider))].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  const charts = [barChart('Findings by provider', byProvider.map(([label, value]): Bar => ({ label, value })))];
  if (isVerified(findings)) {
    const byStatus = countsOf(findings.map((finding) => keyStatusOf(finding, revoked)));
    const bars = keyStatuses.filter((status) => byStatus.has(status)).map((status): Bar => ({ label: status, value: byStatus.get(status) ?? 0, tone: `status-${status}` }));
    charts.push(barChart('Findings by status', bars));
  }
  const dates = findings.flatMap((finding) => (finding.origin.kind === 'history' ? [finding.origin.date] : []));
  const timeline = timelineChart('Keys committed over time', dates);
  if (timeline) charts.push(timeline);
  return `<section class="charts" aria-label="charts">${charts.join('')}</section>`;
}

/**
 * The line at its commit on GitHub, when the repository and the commit are known and neither
 * the path nor the repository had a key masked in it (then the link would lead nowhere).
 */
export function linkOf(finding: Masked<Finding>): string | undefined {
  const { origin } = finding;
  if (origin.kind !== 'history' || origin.repository === undefined || !repositoryShape.test(origin.repository)) return undefined;
  if (!/^[0-9a-f]{7,64}$/.test(origin.commit) || finding.redactedFields?.some((field) => field === 'path' || field === 'repository')) return undefined;
  const path = origin.path.split('/').map(encodeURIComponent).join('/');
  return `https://github.com/${origin.repository}/blob/${origin.commit}/${path}#L${finding.line}`;
}

interface Columns {
  verified: boolean;
  history: boolean;
}

function headerRow(columns: Columns): string {
  const names = ['Location', 'Provider', 'Severity', ...(columns.verified ? ['Status'] : []), ...(columns.history ? ['Commit', 'Author', 'Date'] : []), 'Key and fingerprint'];
  return `<tr>${names.map((name) => `<th scope="col">${name}</th>`).join('')}</tr>`;
}

function statusCell(finding: Finding, status: KeyStatus): string {
  const verification = verificationOf(finding);
  const said = verification && [escalationOf(verification), describeOutcome(verification)].filter((text) => text !== undefined).join('; ');
  const detail = said ? `<small>${escapeHtml(said)}</small>` : '';
  return `<td data-sort="${keyStatuses.indexOf(status)}"><span class="status status-${status}">${status}</span>${detail}</td>`;
}

function historyCells(finding: Finding): string {
  const { origin } = finding;
  if (origin.kind !== 'history') return '<td></td><td></td><td></td>';
  const date = `<td class="nowrap" data-sort="${escapeHtml(origin.date)}">${escapeHtml(origin.date.slice(0, 10))}</td>`;
  return `<td class="nowrap"><code>${escapeHtml(origin.commit.slice(0, 12))}</code></td><td>${escapeHtml(origin.author)}</td>${date}`;
}

function findingRow(finding: Masked<Finding>, columns: Columns, revoked: ReadonlySet<string>): string {
  const status = keyStatusOf(finding, revoked);
  const place = escapeHtml(`${finding.origin.path}:${finding.line}`);
  const link = linkOf(finding);
  const location = link ? `<a href="${escapeHtml(link)}" rel="noreferrer">${place}</a>` : place;
  const severity = escapeHtml(finding.severity);
  const cells = [
    `<td class="place">${location}</td>`,
    `<td>${escapeHtml(finding.provider)}</td>`,
    `<td data-sort="${severityRank[finding.severity] ?? 9}" class="sev-${severity}">${severity}</td>`,
    columns.verified ? statusCell(finding, status) : '',
    columns.history ? historyCells(finding) : '',
    // Always the redacted form: the page never holds a raw key, --show-secrets or not.
    `<td class="key"><code>${escapeHtml(finding.secret.redacted)}</code><small><code>${escapeHtml(finding.fingerprint)}</code></small></td>`,
  ];
  return `<tr data-provider="${escapeHtml(finding.provider)}" data-status="${status}">${cells.join('')}</tr>`;
}

/** Findings grouped by repository (by name), those without one as one group named ''. */
function groupsOf(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const name = finding.origin.repository ?? '';
    const group = groups.get(name);
    if (group) group.push(finding);
    else groups.set(name, [finding]);
  }
  return [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
}

function findingsTable(heading: string, findings: readonly Finding[], columns: Columns, revoked: ReadonlySet<string>): string {
  const rows = findings.map((finding) => findingRow(finding, columns, revoked)).join('\n');
  return (
    `<section class="repository"><h2>${heading} <small>${plural(findings.length, 'finding')}</small></h2>` +
    `<table class="findings"><thead>${headerRow(columns)}</thead><tbody>\n${rows}\n</tbody></table>` +
    '<p class="none note" hidden>No finding here matches the filters.</p></section>'
  );
}

function option(value: string, label = value): string {
  return `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
}

/** Shown only when the script runs: without it the controls would do nothing. */
function filterForm(findings: readonly Finding[], verified: boolean, revoked: ReadonlySet<string>): string {
  const providers = [...new Set(findings.map((finding) => finding.provider))].sort();
  const present = new Set(findings.map((finding) => keyStatusOf(finding, revoked)));
  const statuses = keyStatuses.filter((status) => present.has(status));
  const status = verified ? `<label>Status <select name="status">${option('', 'all')}${statuses.map((value) => option(value)).join('')}</select></label>` : '';
  return (
    '<form id="filters" class="filters" role="search" hidden>' +
    `<label>Provider <select name="provider">${option('', 'all')}${providers.map((value) => option(value)).join('')}</select></label>${status}` +
    '<label>Search <input name="text" type="search" placeholder="path, author, commit, fingerprint…" autocomplete="off"></label>' +
    '<output id="shown" aria-live="polite"></output></form>' +
    '<noscript><p class="note">Sorting and filtering need JavaScript; every finding is listed below, in the order of the report.</p></noscript>'
  );
}

function findingsSection(result: HtmlResult, revoked: ReadonlySet<string>): string {
  const { findings } = result;
  const clean = (result.repositories?.scanned ?? []).filter((name) => !findings.some((finding) => finding.origin.repository === name));
  const cleanNote = clean.length > 0 ? `<p class="note">No findings in ${clean.length} ${clean.length === 1 ? 'repository' : 'repositories'}: ${clean.map(escapeHtml).join(', ')}.</p>` : '';
  if (findings.length === 0) return `<p>No leaked keys found.</p>${cleanNote}`;
  const columns = { verified: isVerified(findings), history: findings.some((finding) => finding.origin.kind === 'history') };
  const groups = groupsOf(findings);
  const grouped = groups.some(([name]) => name !== '');
  const tables = groups.map(([name, members]) => findingsTable(grouped ? escapeHtml(name || 'no repository') : 'Findings', members, columns, revoked));
  return `${filterForm(findings, columns.verified, revoked)}${tables.join('\n')}${cleanNote}`;
}

/** Warnings, and the repositories that could not be scanned with why. */
function warningsSection(result: HtmlResult): string {
  const notScanned = (result.repositories?.notScanned ?? []).map(({ repository, reason }) => `<li>${escapeHtml(repository)}: not scanned: ${escapeHtml(reason)}</li>`);
  const warnings = result.warnings.map((warning) => `<li>${escapeHtml(`${warning.path ? `${warning.path}: ` : ''}${warning.message}`)}</li>`);
  if (notScanned.length + warnings.length === 0) return '';
  return `<section class="warnings"><h2>Warnings</h2><ul>${[...notScanned, ...warnings].join('')}</ul></section>`;
}

/** What to do first; the same advice the other reports give. */
function advice(result: HtmlResult, context: ReportContext, perKey: ReadonlyMap<string, KeyStatus>): string {
  if (result.findings.length === 0) return '';
  const urgent = [...perKey.values()].some((status) => status === 'live' || status === 'unknown');
  const first = urgent ? '<p class="urgent">Live keys work right now: revoke them at the provider first. Keys that could not be checked may still work.</p>' : '';
  const ignoreFile = escapeHtml(context.ignoreFile ?? '.keywardenignore');
  return `${first}<p class="note">Rotate each key at its provider, then remove it from the code; a key in a past commit or a log stays readable there until it is revoked. A deliberate fake (a test fixture)? Add its fingerprint to ${ignoreFile}.</p>`;
}

function subtitle(result: HtmlResult, context: ReportContext): string {
  const suppressed = context.suppressed ? `, ${context.suppressed} suppressed` : '';
  const why = context.verdict?.why ? ` · ${escapeHtml(context.verdict.why)}` : '';
  return `${plural(result.stats.files, 'file')} scanned in ${(result.stats.durationMs / 1000).toFixed(1)} s${suppressed}${why}`;
}

/** SPEC §8: the whole page. Pure: the same result gives the same bytes. */
export function renderHtml(result: HtmlResult, context: ReportContext): string {
  const revoked = revokedHashes(result);
  const perKey = statusPerKey(result.findings, revoked);
  const title = result.findings.length === 0 ? 'keywarden: no leaked keys' : `keywarden: ${plural(perKey.size, 'leaked key')}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<header><h1>${title}</h1><p class="meta">${subtitle(result, context)}</p></header>
<main>
${totalsSection(totalsOf(result))}
${advice(result, context, perKey)}
${chartsSection(result, revoked)}
${findingsSection(result, revoked)}
${warningsSection(result)}
</main>
<footer>Made by keywarden ${escapeHtml(context.toolVersion)}. Keys are shown redacted (their prefix and at most four characters at each end of the body): this page never holds a raw key, even from a run with --show-secrets. It loads nothing from any other host; links lead to the line at its commit on GitHub.</footer>
<script>${script}</script>
</body>
</html>
`;
}
