/**
 * The `issue` channel (SPEC §5.2): one issue per repository, found again by the marker its
 * body starts with. Created once; edited in place when its body changes; closed with a comment
 * once every key in it is revoked or invalid; reopened when a key that may work turns up that
 * was not in it when it was closed. Labelled `security` when the repository has that label.
 * Never a second issue: a closed one is reopened rather than a new one opened.
 */
import { authorOf, gitHubClient, httpStatus, isTrustedAuthor, listAll, sameBody, type Author, type OctokitApi } from './github-client.js';
import { failedDelivery, findingsIn, repositoryName, type GitHubChannelSettings } from './github-channel.js';
import { closingComment, issueMarker, issueTitle, renderIssueBody, unsettledKeysIn } from './github-render.js';
import { rememberedIn, withRemembered } from './issue-state.js';
import { isSettled, keyId, type Channel, type Delivery, type NoticeFinding, type OutgoingMessage } from './notice.js';

/** Added when the repository has it; never created (a repository's labels are its maintainers' choice). */
const securityLabel = 'security';

interface ListedIssue {
  number: number;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  author: Author;
}

export function issueChannel(settings: GitHubChannelSettings): Channel {
  const { repository } = settings;
  const target = `issue in ${repositoryName(repository)}`;
  const outgoing = (body: string): OutgoingMessage => ({ channel: 'issue', target, body });
  return {
    name: 'issue',
    messages(notice) {
      const findings = findingsIn(notice, repository);
      if (findings.length === 0) return [];
      const messages = [outgoing(renderIssueBody(repository, findings))];
      // Sent only when there is an open issue to close; a dry run cannot know, so it shows it.
      if (findings.every(isSettled)) messages.push({ channel: 'issue', target: `comment closing the ${target}`, body: closingComment });
      return messages;
    },
    async deliver(notice) {
      const findings = findingsIn(notice, repository);
      // A report without findings (a scan of a part, a clean branch) says nothing of the keys in the issue.
      if (findings.length === 0) return [{ channel: 'issue', outcome: 'skipped', detail: `${target}: the report has no findings for this repository` }];
      try {
        const client = gitHubClient(settings);
        return [await client.call((api) => keepIssue(api, settings, findings))];
      } catch (error) {
        return [failedDelivery('issue', target, error)];
      }
    },
  };
}

/** Bring the one issue in line with `findings`: create, edit, close or reopen it, or leave it be. */
async function keepIssue(api: OctokitApi, settings: GitHubChannelSettings, reported: readonly NoticeFinding[]): Promise<Delivery> {
  const { repository } = settings;
  const where = { owner: repository.owner, repo: repository.name };
  const name = repositoryName(repository);
  const issue = await findIssue(api, where);
  // What this run did not report stays listed, as it was (issue-state.ts): a partial run must not drop keys, or close the issue.
  const all = issue ? withRemembered(reported, rememberedIn(issue.body)) : reported;
  const body = renderIssueBody(repository, all);
  const settled = all.every(isSettled);

  if (!issue) {
    if (settled) return { channel: 'issue', outcome: 'skipped', detail: `issue in ${name}: every key is revoked or invalid, so no issue is opened` };
    const labels = (await hasLabel(api, where, securityLabel)) ? [securityLabel] : [];
    // Not retried after a 5xx: GitHub may have opened it, and a retry would open a second.
    const { data } = await api.rest.issues.create({ ...where, title: issueTitle, body, ...(labels.length > 0 ? { labels } : {}), request: { retries: 0 } });
    return { channel: 'issue', outcome: 'created', detail: `issue #${data.number} in ${name} opened` };
  }

  const changed = !sameBody(issue.body, body);
  const ref = `issue #${issue.number} in ${name}`;
  if (settled) {
    if (issue.state === 'closed') {
      if (!changed) return { channel: 'issue', outcome: 'unchanged', detail: `${ref} is closed and up to date` };
      await api.rest.issues.update({ ...where, issue_number: issue.number, body });
      return { channel: 'issue', outcome: 'updated', detail: `${ref} (closed) updated` };
    }
    // The comment first, so it reads above the closing in the issue's timeline; then one edit.
    await api.rest.issues.createComment({ ...where, issue_number: issue.number, body: closingComment, request: { retries: 0 } });
    await api.rest.issues.update({ ...where, issue_number: issue.number, ...(changed ? { body } : {}), state: 'closed', state_reason: 'completed' });
    return { channel: 'issue', outcome: 'closed', detail: `${ref} closed: every key is revoked or invalid` };
  }

  const reopen = issue.state === 'closed' && hasNewUnsettledKey(issue.body, all);
  const addLabel = !issue.labels.some((label) => label.toLowerCase() === securityLabel) && (await hasLabel(api, where, securityLabel));
  if (!changed && !reopen && !addLabel) return { channel: 'issue', outcome: 'unchanged', detail: `${ref} is up to date` };
  await api.rest.issues.update({
    ...where,
    issue_number: issue.number,
    ...(changed ? { body } : {}),
    ...(reopen ? { state: 'open' as const } : {}),
    // The whole list is set: the labels people added stay.
    ...(addLabel ? { labels: [...issue.labels, securityLabel] } : {}),
  });
  return { channel: 'issue', outcome: 'updated', detail: `${ref} ${reopen ? 'reopened: a key that may still work is not in it' : 'updated'}` };
}

/**
 * A closed issue is reopened for a key that may still work and that it did not list as such
 * when it was last written: when keywarden closed it, it listed none; when a person closed it
 * with live keys in it, those keys alone do not reopen it on every run.
 */
function hasNewUnsettledKey(body: string, findings: readonly NoticeFinding[]): boolean {
  const listed = unsettledKeysIn(body) ?? new Set<string>();
  return findings.some((finding) => !isSettled(finding) && !listed.has(keyId(finding)));
}

/**
 * The repository's notify issue: the oldest issue, open or closed, whose body starts with the
 * marker and whose author can be trusted with it (`isTrustedAuthor`). All issues are listed,
 * oldest first, until it is found: the search API would be one request, but it indexes new
 * issues late, and a quick second run would then open a second issue.
 */
async function findIssue(api: OctokitApi, where: { owner: string; repo: string }): Promise<ListedIssue | undefined> {
  const parameters = { ...where, state: 'all', sort: 'created', direction: 'asc' };
  for await (const item of listAll(api, 'GET /repos/{owner}/{repo}/issues', parameters, 'issues')) {
    const issue = listedIssue(item);
    if (issue && issue.body.trimStart().startsWith(issueMarker) && isTrustedAuthor(issue.author)) return issue;
  }
  return undefined;
}

function listedIssue(item: unknown): ListedIssue | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const fields = item as Record<string, unknown>;
  // The listing holds pull requests too; a PR is never the notify issue.
  if (typeof fields.number !== 'number' || typeof fields.body !== 'string' || fields.pull_request !== undefined) return undefined;
  const labels = Array.isArray(fields.labels) ? fields.labels.map(labelName).filter((label): label is string => label !== undefined) : [];
  return { number: fields.number, body: fields.body, state: fields.state === 'closed' ? 'closed' : 'open', labels, author: authorOf(fields) };
}

function labelName(label: unknown): string | undefined {
  if (typeof label === 'string') return label;
  const name = label !== null && typeof label === 'object' ? (label as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** Whether the repository has the label: 404 says no; any other failure is the delivery's. */
async function hasLabel(api: OctokitApi, where: { owner: string; repo: string }, name: string): Promise<boolean> {
  try {
    await api.rest.issues.getLabel({ ...where, name });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}
