/**
 * What the GitHub channels write (SPEC §5.2): the body of the one notify issue, the comment
 * that closes it, and a commit comment. Pure: the channels decide where the text goes.
 *
 * Everything here is read by people on GitHub, often people other than the author; every
 * text that comes from the repository or the report (paths, hints from rule files, provider
 * names, owners) goes through `inertCell`, so it cannot break a table, add markup or notify
 * anyone. Only the owners asked for are mentioned. No raw key: notices hold only the redacted form.
 */
import { Secret } from '../../core/secret.js';
import { inertCell } from '../../report/github.js';
import { stateLine } from './issue-state.js';
import { isSettled, keyId, lineLink, statusOf, type NoticeFinding, type NoticeStatus, type RepositoryRef } from './notice.js';

/** The hidden marker the notify issue's body starts with: how a later run finds the issue again. */
export const issueMarker = '<!-- keywarden:notify-issue -->';

/** Set when the issue is created, never changed after (a title someone edited stays theirs). */
export const issueTitle = 'Leaked API keys (keywarden)';

/** GitHub refuses an issue or comment body longer than this many characters. */
const bodyLimit = 65_536;

/** What the closing comment says (the issue's body says the rest). */
export const closingComment = 'Every key listed in this issue is now revoked or invalid, so keywarden closes it. It reopens the issue if a key that may still work turns up again.';


/**
 * The hidden line at the end of the issue's body naming the keys that were not settled when it
 * was written: a closed issue is reopened for a key not in it, so an issue someone closed with
 * a live key in it (a risk they accepted) is not reopened by every run for that same key.
 */
const unsettledPrefix = '<!-- keywarden:unsettled';
/** More keys than this in the line: the rest are not named, and a closed issue reopens for them. */
const maxNamedKeys = 1000;

/** The key ids named in a body's hidden line; undefined when it has none (an issue from an older version: reopen as before). */
export function unsettledKeysIn(body: string): Set<string> | undefined {
  const line = body.split(/\r?\n/).find((text) => text.startsWith(unsettledPrefix));
  if (line === undefined) return undefined;
  return new Set(line.slice(unsettledPrefix.length).replace(/-->\s*$/, '').trim().split(/\s+/).filter((id) => /^[0-9a-f]{16}$/.test(id)));
}

/** Most urgent first: a person reads the top rows. */
const statusOrder: readonly NoticeStatus[] = ['live', 'unknown', 'not verified', 'invalid', 'revoked'];

/**
 * The notify issue's body: the marker, a heading and summary, a table of every finding (most
 * urgent first; the last rows left out, counted, when GitHub's size limit is near), the owners'
 * mentions, and the hidden line of unsettled keys.
 */
export function renderIssueBody(repository: RepositoryRef, findings: readonly NoticeFinding[]): string {
  const keys = distinctKeys(findings);
  const settled = findings.every(isSettled);
  const head = [
    issueMarker,
    `## keywarden: ${plural(keys.length, 'leaked API key')} in ${inertCell(`${repository.owner}/${repository.name}`)}`,
    '',
    `${summary(keys)}${settled ? ' Every key here is revoked or invalid: nothing is left to do.' : ''}`,
    ...(keys.some((finding) => statusOf(finding) === 'live' || statusOf(finding) === 'unknown')
      ? ['', '**A live key works right now: revoke it at its provider first, then remove it from the code. One that could not be checked may still work.**']
      : []),
    '',
    '| Key | Provider | Status | Where | First thing to do |',
    '|---|---|---|---|---|',
  ];
  const owners = mentions(findings);
  const unsettled = distinctKeys(findings.filter((finding) => !isSettled(finding))).slice(0, maxNamedKeys);
  const tail = [
    ...(owners.length > 0 ? ['', `Owners: ${owners.join(' ')}`] : []),
    '',
    '<sub>keywarden edits this issue on each run, and closes it once every key is revoked or invalid.</sub>',
    `${unsettledPrefix} ${unsettled.map(keyId).join(' ')} -->`,
    stateLine(findings),
  ];
  const rows = byUrgency(findings).map((finding) => issueRow(repository, finding));
  return withinLimit(head, rows, tail).join('\n') + '\n';
}

/** The rows that fit under GitHub's limit, then `… and N more` for the rest. */
function withinLimit(head: string[], rows: string[], tail: string[]): string[] {
  const room = bodyLimit - 200 - [...head, ...tail].reduce((size, line) => size + line.length + 1, 0);
  let used = 0;
  let kept = 0;
  while (kept < rows.length && used + (rows[kept] as string).length + 1 <= room) used += (rows[kept++] as string).length + 1;
  const more = rows.length - kept;
  return [...head, ...rows.slice(0, kept), ...(more > 0 ? ['', `… and ${plural(more, 'more finding')}, left out because GitHub limits an issue to ${bodyLimit} characters.`] : []), ...tail];
}

function issueRow(repository: RepositoryRef, finding: NoticeFinding): string {
  return `| ${keyCell(finding)} | ${inertCell(finding.provider)} | ${statusCell(finding)} | ${whereCell(repository, finding)} | ${todoCell(finding)} |`;
}

/**
 * A commit comment, on the line that added the key: the marker naming the key, what it is,
 * its status and the first thing to do, and the owners asked for.
 */
export function renderCommitComment(finding: NoticeFinding): string {
  const owners = mentions([finding]);
  return [
    commitCommentMarker(finding),
    `**keywarden**: this line adds a leaked ${inertCell(finding.provider)} API key, ${keyCell(finding)}.`,
    '',
    `Status: ${statusCell(finding)}. First thing to do: ${todoCell(finding)}`,
    ...(owners.length > 0 ? ['', `Owners: ${owners.join(' ')}`] : []),
    '',
  ].join('\n');
}

/** The hidden marker a commit comment starts with: one comment per (commit, key). */
export function commitCommentMarker(finding: Pick<NoticeFinding, 'secretHash'>): string {
  return `<!-- keywarden:commit-comment ${keyId(finding)} -->`;
}

/** The marker a comment's body starts with, when it is one of `commitCommentMarker`'s. */
export function commitCommentMarkerOf(body: string): string | undefined {
  return /^\s*(<!-- keywarden:commit-comment [0-9a-f]{16} -->)/.exec(body)?.[1];
}

/** `3 keys: 1 live, 2 revoked.` Counted per key, the most urgent status first. */
function summary(keys: readonly NoticeFinding[]): string {
  const counts = statusOrder.map((status) => [status, keys.filter((finding) => statusOf(finding) === status).length] as const).filter(([, count]) => count > 0);
  return `${plural(keys.length, 'key')}: ${counts.map(([status, count]) => `${count} ${status}`).join(', ')}.`;
}

/** One finding per key (the first, most urgent), in urgency order. */
function distinctKeys(findings: readonly NoticeFinding[]): NoticeFinding[] {
  const seen = new Map<string, NoticeFinding>();
  for (const finding of byUrgency(findings)) if (!seen.has(finding.secretHash)) seen.set(finding.secretHash, finding);
  return [...seen.values()];
}

function byUrgency(findings: readonly NoticeFinding[]): NoticeFinding[] {
  return [...findings].sort((a, b) => statusOrder.indexOf(statusOf(a)) - statusOrder.indexOf(statusOf(b)));
}

/** The redacted key as code; anything not shaped like a redacted key (a tampered report) is shown as `…`. */
function keyCell(finding: NoticeFinding): string {
  return `\`${Secret.fromRedacted(finding.redacted).redacted}\``;
}

/** Bold what needs acting on: a key that works, and one no one could check. */
function statusCell(finding: NoticeFinding): string {
  const status = statusOf(finding);
  return status === 'live' || status === 'unknown' ? `**${status}**` : status;
}

/** `[src/a.ts:3](…/blob/SHA/src/a.ts#L3)`; `src/a.ts:3` without a commit; `(handed in)` without a path. */
function whereCell(repository: RepositoryRef, finding: NoticeFinding): string {
  if (finding.path === undefined) return '(handed in)';
  const place = inertCell(`${finding.path}:${finding.line}`);
  const link = lineLink(repository, finding);
  // encodeURIComponent leaves `(` and `)`, which would end the link early.
  return link === undefined ? place : `[${place}](${link.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** The rule's hint while the key may work; nothing to do once it does not. */
function todoCell(finding: NoticeFinding): string {
  if (isSettled(finding)) return `Nothing: the key is ${statusOf(finding)}.`;
  return inertCell(finding.hint ?? 'Revoke the key at its provider, create a new one, and load it from the environment.');
}

/** `@login` and `@org/team` as GitHub reads a mention; anything else is not mentioned. */
const mentionShape = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$/;

/** The owners asked for (`--mention-owners`), once each, in the order first named; others shown inert. */
function mentions(findings: readonly NoticeFinding[]): string[] {
  const owners = [...new Set(findings.flatMap((finding) => finding.owners ?? []))];
  return owners.map((owner) => (mentionShape.test(owner) ? owner : inertCell(owner)));
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
