import { printable } from '../../report/neutral.js';
import { lineLink, statusOf, type Notice, type NoticeFinding, type NoticeStatus } from './notice.js';

/**
 * The `text` of a webhook message: Slack mrkdwn, which Mattermost's Slack-compatible incoming
 * webhooks read too. One summary line with counts by status, then one line per finding, most
 * urgent first, cut to fit one Slack text block with the rest counted as "and N more". Pure.
 *
 * Every text from the repository (paths, its name) is escaped: `&`, `<` and `>` as Slack asks
 * (so a path cannot write `<!channel>` or a link of its own), control and bidi characters as
 * `?`, and a zero-width space after each `@` (Mattermost turns a bare `@here` or `@name` into a
 * mention; nothing a repository holds may ping anyone).
 */

/** Slack's limit for one text block; longer messages are cut and the rest counted. */
export const maxSlackTextChars = 3000;

/** The order people should act in: a key that works first, a dead one last. */
export const noticeStatusesByUrgency: readonly NoticeStatus[] = ['live', 'unknown', 'not verified', 'revoked', 'invalid'];

/** A path longer than this shows its end: the file name says more than the directories above it. */
const maxPathChars = 120;
/** A link longer than this (a very long path, percent-encoded) would crowd out other findings: the place is shown without it. */
const maxLinkChars = 600;

/** Repository text made inert in Slack (and Mattermost) mrkdwn; see the module comment. */
export function escapeMrkdwn(text: string): string {
  return printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '@\u200b');
}

/** A code span of `text`: a backtick inside would end it early, so it becomes a look-alike. */
function code(text: string): string {
  return `\`${escapeMrkdwn(text).replace(/`/g, 'ˋ')}\``;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `src/a.ts:12`, the end of a long path, or where a key given on stdin came from. */
function placeOf(finding: NoticeFinding): string {
  if (finding.path === undefined) return 'given as input';
  const path = finding.path.length > maxPathChars ? `…${finding.path.slice(-(maxPathChars - 1))}` : finding.path;
  return `${path}:${finding.line}`;
}

/** Where the finding is, as a link to the line at its commit when there is one. */
function locationOf(finding: NoticeFinding, notice: Notice): string {
  const place = escapeMrkdwn(placeOf(finding));
  const link = notice.repository ? lineLink(notice.repository, finding) : undefined;
  // lineLink percent-encodes every part it takes from the report; escaping keeps `&` and `>` out of the URL all the same.
  if (link !== undefined && link.length <= maxLinkChars) return `<${escapeMrkdwn(link)}|${place}>`;
  const repository = finding.repository !== undefined && notice.repository === undefined ? `${escapeMrkdwn(finding.repository)} ` : '';
  const commit = finding.commit !== undefined ? ` in ${escapeMrkdwn(finding.commit.slice(0, 7))}` : '';
  return `${repository}${place}${commit}`;
}

/** `• *live* `sk-or-v1-e2e4…ecbe` openrouter — <link|src/a.ts:12>` */
function findingLine(finding: NoticeFinding, notice: Notice): string {
  return `• *${statusOf(finding)}* ${code(finding.redacted)} ${escapeMrkdwn(finding.provider)} — ${locationOf(finding, notice)}`;
}

/** `*keywarden: 3 leaked keys* in <https://github.com/o/r|o/r> — 2 live, 1 invalid` */
function summaryLine(notice: Notice, sorted: readonly NoticeFinding[]): string {
  const keys = new Set(sorted.map((finding) => finding.secretHash)).size;
  const found = keys === sorted.length ? plural(keys, 'leaked key') : `${plural(sorted.length, 'finding')} of ${plural(keys, 'leaked key')}`;
  const repo = notice.repository;
  const where = repo ? ` in <${escapeMrkdwn(`${repo.webUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`)}|${escapeMrkdwn(`${repo.owner}/${repo.name}`)}>` : '';
  const counts = noticeStatusesByUrgency
    .map((status) => [status, sorted.filter((finding) => statusOf(finding) === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  return `*keywarden: ${found}*${where} — ${counts.join(', ')}`;
}

/** The findings most urgent first; within a status, in the report's order. */
export function byUrgency(findings: readonly NoticeFinding[]): NoticeFinding[] {
  const rank = (finding: NoticeFinding) => noticeStatusesByUrgency.indexOf(statusOf(finding));
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

/**
 * The message text for `notice`, at most `maxChars` characters (UTF-16 code units, as Slack
 * counts near enough): the summary, then as many finding lines as fit, then `_and N more_`.
 */
export function renderSlackText(notice: Notice, maxChars = maxSlackTextChars): string {
  const sorted = byUrgency(notice.findings);
  const lines = [summaryLine(notice, sorted)];
  let length = lines[0]?.length ?? 0;
  for (const [index, finding] of sorted.entries()) {
    const line = findingLine(finding, notice);
    const left = sorted.length - index - 1;
    // Room for this line, and for the "and N more" line unless this is the last finding.
    const reserve = left > 0 ? `\n_and ${left} more_`.length : 0;
    if (length + 1 + line.length + reserve > maxChars) {
      lines.push(`_and ${sorted.length - index} more_`);
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join('\n');
}
