import type { CompiledRule, Finding, ScanResult } from '../core/types.js';
import { cell, detailsCell, heading, severityCell, statusCell, urgentAdvice } from './markdown.js';
import { fakeAdvice } from './model.js';
import { printable, withoutBidi } from './neutral.js';
import { describeOutcome, escalationOf, isVerified, plainText, verificationOf } from './verification.js';

/**
 * What the GitHub Action shows: workflow-command annotations, the job summary and the one
 * PR comment (SPEC §7). Pure, like every reporter: the action decides where the text goes.
 *
 * Everything here is read by people on GitHub, often people other than the author, so the
 * raw key never appears (there is no `--show-secrets` in the action), and everything that
 * comes from the repository (paths, author names, provider answers, rule files) is escaped:
 * a hostile path must not forge a workflow command, break a table or notify anyone.
 */

/** Workflow-command escaping of a message (GitHub's toolkit rules): `%` first, so the escapes themselves survive. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command escaping of a property value: as data, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The hidden marker that identifies keywarden's one PR comment. */
export const prCommentMarker = '<!-- keywarden:pr-comment -->';

/** GitHub rejects a comment body longer than this many characters. */
const commentLimit = 65_536;
/** GitHub drops a step's job summary larger than 1 MiB (it shows an error instead of the summary). */
const summaryLimit = 1024 * 1024;

/** Said when no rule describes a finding (a rule file that changed between scan and report). */
const fallbackHint = 'Revoke the key at its provider, create a new one, and load it from the environment.';

/** Git's short form; enough to find a commit in one pull request or push. */
function shortSha(commit: string): string {
  return commit.slice(0, 7);
}

function rulesById(rules: readonly CompiledRule[]): (finding: Finding) => CompiledRule | undefined {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return (finding) => byId.get(finding.ruleId);
}

// ---------------------------------------------------------------------------------------
// Markdown text that GitHub will not act on
// ---------------------------------------------------------------------------------------

/**
 * On top of `cell`'s escaping, text in a comment or summary must not make GitHub act:
 * `@name` notifies a user or team (a scoped-package path `packages/@acme/…` is enough),
 * `#12` and `owner/repo#12` cross-reference issues, `&#64;` is an `@` by the time GitHub
 * looks for mentions, `~~` strikes through, and a lone carriage return ends a table row.
 * GitHub skips code when it looks for mentions and references, so `@` and `#` become a
 * one-character code span: the reader still sees (and copies) the same characters.
 * Takes text that `cell` has already escaped.
 */
function inertEscaped(escaped: string): string {
  return escaped
    .replace(/[&~]/g, (c) => `\\${c}`)
    .replace(/\r/g, ' ')
    .replace(/[@#]/g, (c) => `\`${c}\``);
}

/** Untrusted text as given (a fingerprint is copied from it), made safe for a cell. */
function inert(text: string): string {
  return inertEscaped(cell(text));
}

/** Untrusted text for people: one line, no control or bidi characters, bounded, then made inert. */
function shown(text: string): string {
  return inert(plainText(text));
}

/** `shown` for the notify channels' issue and commit comments (respond/notify/): one escaping for every text GitHub renders. */
export const inertCell = shown;

/** A link only to a plain http(s) address, so an odd `runUrl` cannot add markup. */
function runLink(label: string, runUrl: string | undefined): string | undefined {
  return runUrl !== undefined && /^https?:\/\/[^\s<>()[\]`'"]+$/.test(runUrl) ? `[${label}](${runUrl})` : undefined;
}

// ---------------------------------------------------------------------------------------
// Tables that fit
// ---------------------------------------------------------------------------------------

interface Column {
  name: string;
  value: (finding: Finding) => string;
}

function tableHeader(columns: readonly Column[]): string[] {
  return [`| ${columns.map((column) => column.name).join(' | ')} |`, `|${columns.map(() => '---|').join('')}`];
}

function tableRow(columns: readonly Column[], finding: Finding): string {
  return `| ${columns.map((column) => column.value(finding)).join(' | ')} |`;
}

interface Fitted {
  rows: string[];
  /** How many rows did not fit. */
  left: number;
}

/**
 * As many whole rows as fit in `budget` (measured by `size`), keeping room for the line
 * that says how many were left out when not all of them fit.
 */
function fitRows(rows: readonly string[], budget: number, size: (text: string) => number, more: (left: number) => string): Fitted {
  const total = rows.reduce((sum, row) => sum + size(`${row}\n`), 0);
  if (total <= budget) return { rows: [...rows], left: 0 };
  const room = budget - size(`\n${more(rows.length)}\n`);
  const kept: string[] = [];
  let used = 0;
  for (const row of rows) {
    used += size(`${row}\n`);
    if (used > room) break;
    kept.push(row);
  }
  return { rows: kept, left: rows.length - kept.length };
}

/**
 * A document of `before`, the table and `after`, with as many rows as keep it within `limit`;
 * the rows left out are counted in a line after the table (a blank line first, or GFM would
 * read the line as one more row).
 */
function documentWithin(
  limit: number,
  size: (text: string) => number,
  parts: { before: string[]; columns: readonly Column[]; findings: readonly Finding[]; after: string[]; more: (left: number) => string },
): string {
  const { before, columns, findings, after, more } = parts;
  const header = tableHeader(columns);
  const assemble = (rows: string[], left: number) =>
    [...before, ...header, ...rows, ...(left > 0 ? ['', more(left)] : []), ...after].join('\n');
  const fixed = size(assemble([], 0));
  const fitted = fitRows(
    findings.map((finding) => tableRow(columns, finding)),
    limit - fixed,
    size,
    more,
  );
  return assemble(fitted.rows, fitted.left);
}

/** Comment length as GitHub may count it: each character, and each line ending as `\r\n`. */
function commentSize(text: string): number {
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines++;
  return text.length + newlines;
}

function summarySize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// ---------------------------------------------------------------------------------------
// Annotations
// ---------------------------------------------------------------------------------------

/** A live key is an error whatever its rule's severity (as in SARIF); a dead key or a low-severity one (a test key) a warning. */
function annotationLevel(finding: Finding): 'error' | 'warning' {
  const status = finding.verification?.status;
  if (status === 'live') return 'error';
  return status === 'invalid' || finding.severity === 'low' ? 'warning' : 'error';
}

/** `critical: management key — …; live: usage $12.50, no limit`: the outcome in words, for a checked key. */
function outcomeText(finding: Finding): string | undefined {
  const verification = verificationOf(finding);
  if (!verification) return undefined;
  const escalation = escalationOf(verification);
  const outcome = describeOutcome(verification) ?? verification.status;
  return escalation ? `${finding.severity}: ${escalation}; ${outcome}` : outcome;
}

/** What to do about the key: at once for a live one, then the rule's way to rotate it. */
function todoText(finding: Finding, rule: CompiledRule | undefined): { urgent?: string; hint: string } {
  const hint = rule?.hint ?? fallbackHint;
  return finding.verification?.status === 'live' ? { urgent: 'Revoke it now.', hint } : { hint };
}

/** A finding as GitHub shows it on its line: the level, the place (columns inclusive, as GitHub counts), a title and the message. */
export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  /** Redacted: the key's redacted form only. */
  message: string;
  /** Absent for keys handed over directly (no file). */
  place?: { file: string; startLine: number; startColumn: number; endColumn: number };
}

function annotation(finding: Finding, rule: CompiledRule | undefined): Annotation {
  const name = rule?.name ?? finding.ruleId;
  const { origin } = finding;
  const status = finding.verification?.status;
  const title = `Leaked ${name}${status ? ` (${status})` : ''}`;
  const commit = origin.kind === 'history' ? ` added in commit ${shortSha(origin.commit)}` : '';
  const outcome = outcomeText(finding);
  const todo = todoText(finding, rule);
  const message = [`${name} ${finding.secret.redacted}${commit}${outcome ? ` — ${outcome}` : ''}.`, todo.urgent ? `${todo.urgent} ${todo.hint}` : todo.hint].join('\n');
  // GitHub's annotation columns are inclusive (endColumn defaults to col); a finding's end is exclusive. A bidi control in
  // the path (or a rule file's name or hint) would disguise the annotation as it does a summary's row: neutralised alike.
  const place = origin.kind === 'input' ? undefined : { file: withoutBidi(origin.path), startLine: finding.line, startColumn: finding.column, endColumn: finding.endColumn - 1 };
  return { level: annotationLevel(finding), title: withoutBidi(title), message: withoutBidi(message), ...(place ? { place } : {}) };
}

/** One annotation a finding, as data: the action hands them to the runner's toolkit. */
export function annotationsOf(result: ScanResult, rules: readonly CompiledRule[]): Annotation[] {
  const ruleOf = rulesById(rules);
  return result.findings.map((finding) => annotation(finding, ruleOf(finding)));
}

/**
 * The same annotations as workflow commands, which GitHub shows on the file's line in the
 * pull request and the run: `::error file=…,line=…,col=…,endColumn=…,title=…::message`.
 */
export function renderAnnotations(result: ScanResult, rules: readonly CompiledRule[]): string {
  return annotationsOf(result, rules)
    .map(({ level, title, message, place }) => {
      const where = place ? [`file=${escapeProperty(place.file)}`, `line=${place.startLine}`, `col=${place.startColumn}`, `endColumn=${place.endColumn}`] : [];
      return `::${level} ${[...where, `title=${escapeProperty(title)}`].join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------
// Job summary and PR comment
// ---------------------------------------------------------------------------------------

function providerColumn(ruleOf: (finding: Finding) => CompiledRule | undefined): Column {
  return { name: 'Provider', value: (finding) => shown(ruleOf(finding)?.name ?? finding.provider) };
}

function keyColumn(): Column {
  return { name: 'Key', value: (finding) => `\`${finding.secret.redacted}\`` };
}

function hasHistory(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.origin.kind === 'history');
}

/** `Scanned lines added by 3 commits (abc1234..def5678).` and, when given, a link to the run. */
function scopeLine(scope: string, runUrl?: string): string {
  const link = runLink('Workflow run', runUrl);
  return `Scanned ${shown(scope)}.${link ? ` ${link}` : ''}`;
}

function summaryColumns(findings: readonly Finding[], ruleOf: (finding: Finding) => CompiledRule | undefined): Column[] {
  const verified = isVerified(findings);
  const commit: Column = {
    name: 'Commit',
    value: ({ origin }) => (origin.kind === 'history' ? `${shown(shortSha(origin.commit))} ${shown(origin.author)}, ${shown(origin.date.slice(0, 10))}` : ''),
  };
  const todo: Column = {
    name: 'What to do',
    value: (finding) => {
      const { urgent, hint } = todoText(finding, ruleOf(finding));
      return `${urgent ? `**${urgent}** ` : ''}${shown(hint)}`;
    },
  };
  return [
    { name: 'File', value: (finding) => shown(finding.origin.path) },
    { name: 'Line', value: (finding) => String(finding.line) },
    ...(hasHistory(findings) ? [commit] : []),
    providerColumn(ruleOf),
    { name: 'Severity', value: (finding) => severityCell(finding, verified) },
    ...(verified ? [{ name: 'Status', value: statusCell }, { name: 'Details', value: (finding: Finding) => inertEscaped(detailsCell(finding)) }] : []),
    keyColumn(),
    todo,
    // As the human report prints it (an ignore file accepts that form too): no control or bidi character.
    { name: 'Fingerprint', value: (finding) => inert(printable(finding.fingerprint)) },
  ];
}

/**
 * The job summary (`GITHUB_STEP_SUMMARY`): counts, then every finding, because GitHub shows
 * only the first few annotations of a step. Only a summary over GitHub's 1 MiB limit,
 * which GitHub would not show at all, loses its last rows (and says how many).
 */
export function renderJobSummary(result: ScanResult, rules: readonly CompiledRule[], scope: string): string {
  const { findings } = result;
  if (findings.length === 0) return `✅ keywarden: no leaked keys in ${shown(scope)}.\n`;
  const verified = isVerified(findings);
  return documentWithin(summaryLimit, summarySize, {
    before: [heading(result, verified), '', scopeLine(scope), '', ...(verified ? urgentAdvice(findings) : [])],
    columns: summaryColumns(findings, rulesById(rules)),
    findings,
    after: [
      '',
      `Rotate every key that was pushed, even once it is removed: anyone who fetched it has it. A deliberate fake (a test fixture)? ${fakeAdvice(findings, '`.keywardenignore`')}`,
      '',
    ],
    more: (left) => `… and ${left} more, left out because GitHub limits a job summary to 1 MiB.`,
  });
}

function commentColumns(findings: readonly Finding[], ruleOf: (finding: Finding) => CompiledRule | undefined): Column[] {
  const verified = isVerified(findings);
  return [
    { name: 'File', value: (finding) => shown(`${finding.origin.path}:${finding.line}`) },
    ...(hasHistory(findings) ? [{ name: 'Commit', value: ({ origin }: Finding) => (origin.kind === 'history' ? shown(shortSha(origin.commit)) : '') }] : []),
    providerColumn(ruleOf),
    { name: 'Severity', value: (finding) => severityCell(finding, verified) },
    ...(verified ? [{ name: 'Status', value: statusCell }] : []),
    keyColumn(),
  ];
}

/** Each rule's way to rotate its keys, once per rule that found something. */
function rotationHints(findings: readonly Finding[], ruleOf: (finding: Finding) => CompiledRule | undefined): string[] {
  const hints = new Map<string, string>();
  for (const finding of findings) {
    const rule = ruleOf(finding);
    if (rule && !hints.has(rule.id)) hints.set(rule.id, `   - ${shown(rule.name)}: ${shown(rule.hint)}`);
  }
  return [...hints.values()];
}

/**
 * The body of keywarden's one PR comment (starts with `prCommentMarker`, which finds it
 * again): what was found, a compact table, and what to do. Kept under GitHub's comment
 * limit by leaving out the last rows, counted, with a pointer to the job summary.
 */
export function renderPrComment(result: ScanResult, rules: readonly CompiledRule[], scope: string, runUrl?: string): string {
  const { findings } = result;
  if (findings.length === 0) return renderAllClearComment(scope, runUrl);
  const ruleOf = rulesById(rules);
  const verified = isVerified(findings);
  const summary = runLink('the job summary', runUrl) ?? 'the job summary';
  return documentWithin(commentLimit, commentSize, {
    before: [prCommentMarker, heading(result, verified), '', scopeLine(scope, runUrl), '', ...(verified ? urgentAdvice(findings) : [])],
    columns: commentColumns(findings, ruleOf),
    findings,
    after: [
      '',
      '**What to do**',
      '',
      '1. **Rotate each key** at its provider: revoke it and create a new one. A key pushed to a pull request is leaked even if the commit is dropped later: anyone who fetched the branch has it, and GitHub keeps the commit.',
      ...rotationHints(findings, ruleOf),
      '2. **Remove it from the code** (read it from an environment variable or a secret store) and rewrite the commits that added it (`git commit --amend`, `git rebase -i`): deleting it in a new commit leaves it in the history, and this check keeps failing.',
      `3. **A deliberate fake** (a test fixture)? ${fakeAdvice(findings, '`.keywardenignore`', ` (listed in ${summary})`)}`,
      '',
    ],
    more: (left) => `… and ${left} more, see ${summary}.`,
  });
}

/** The body that replaces keywarden's comment once the pull request is clean (starts with the marker too). */
export function renderAllClearComment(scope: string, runUrl?: string): string {
  return [
    prCommentMarker,
    '### ✅ keywarden: no leaked keys',
    '',
    scopeLine(scope, runUrl),
    '',
    'Any key reported here before was pushed, so it stays leaked: make sure it was rotated at its provider.',
    '',
  ].join('\n');
}
