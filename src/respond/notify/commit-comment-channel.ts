/**
 * The `commit-comment` channel (SPEC §5.2): on the commit that added a key (a history finding),
 * a comment at the file and line. One per (commit, key): the comment starts with a hidden
 * marker naming the key (its `secretHash`'s first digits), and the commit's comments are read
 * first, so a re-run adds none. A comment once made is not edited (the issue keeps the status).
 */
import { authorOf, gitHubClient, isTrustedAuthor, listAll, type OctokitApi, type GitHubClient } from './github-client.js';
import { failedDelivery, findingsIn, type GitHubChannelSettings } from './github-channel.js';
import { commitCommentMarker, commitCommentMarkerOf, plural, renderCommitComment } from './github-render.js';
import type { Channel, Delivery, NoticeFinding, OutgoingMessage } from './notice.js';

/** A finding that can be commented on: from history, so it has a commit and a path. */
type CommitFinding = NoticeFinding & { commit: string; path: string };

export function commitCommentChannel(settings: GitHubChannelSettings): Channel {
  const { repository } = settings;
  return {
    name: 'commit-comment',
    messages(notice) {
      return onePerCommitAndKey(findingsIn(notice, repository)).map(messageOf);
    },
    async deliver(notice) {
      const findings = findingsIn(notice, repository);
      const withCommit = onePerCommitAndKey(findings);
      const without = findings.filter((finding) => !hasCommit(finding)).length;
      const deliveries: Delivery[] = [];
      if (without > 0) {
        deliveries.push({ channel: 'commit-comment', outcome: 'skipped', detail: `${plural(without, 'finding')} not from history: no commit to comment on` });
      }
      if (withCommit.length === 0) return deliveries;
      let client: GitHubClient;
      try {
        client = gitHubClient(settings);
      } catch (error) {
        return [...deliveries, ...withCommit.map((finding) => failedDelivery('commit-comment', messageOf(finding).target, error))];
      }
      const markersOn = markersByCommit(client);
      for (const finding of withCommit) {
        const message = messageOf(finding);
        try {
          deliveries.push(await client.call((api) => commentOnce(api, settings, finding, message, markersOn)));
        } catch (error) {
          deliveries.push(failedDelivery('commit-comment', message.target, error));
        }
      }
      return deliveries;
    },
  };
}

function messageOf(finding: CommitFinding): OutgoingMessage {
  return { channel: 'commit-comment', target: `commit ${finding.commit.slice(0, 7)} at ${finding.path}:${finding.line}`, body: renderCommitComment(finding) };
}

function hasCommit(finding: NoticeFinding): finding is CommitFinding {
  return finding.commit !== undefined && finding.path !== undefined;
}

/** The first finding of each (commit, key), in report order: a key the commit adds twice gets one comment, at its first place. */
function onePerCommitAndKey(findings: readonly NoticeFinding[]): CommitFinding[] {
  const first = new Map<string, CommitFinding>();
  for (const finding of findings.filter(hasCommit)) {
    const key = `${finding.commit} ${finding.secretHash}`;
    if (!first.has(key)) first.set(key, finding);
  }
  return [...first.values()];
}

async function commentOnce(
  api: OctokitApi,
  settings: GitHubChannelSettings,
  finding: CommitFinding,
  message: OutgoingMessage,
  markersOn: (commit: string, where: { owner: string; repo: string }) => Promise<Set<string>>,
): Promise<Delivery> {
  const where = { owner: settings.repository.owner, repo: settings.repository.name };
  const markers = await markersOn(finding.commit, where);
  const marker = commitCommentMarker(finding);
  if (markers.has(marker)) return { channel: 'commit-comment', outcome: 'unchanged', detail: `${message.target}: already commented` };
  // Not retried after a 5xx: GitHub may have made it, and a retry would make a second.
  await api.rest.repos.createCommitComment({ ...where, commit_sha: finding.commit, body: message.body, path: finding.path, line: finding.line, request: { retries: 0 } });
  markers.add(marker);
  return { channel: 'commit-comment', outcome: 'created', detail: `${message.target}: commented` };
}

/**
 * The markers of keywarden's comments on each commit, listed once per commit per run (a
 * commit that adds several keys is read once). Only comments by a trusted author count
 * (`isTrustedAuthor`): anyone may comment on a public commit, and a copied marker must not
 * keep the owner from being told.
 */
function markersByCommit(client: GitHubClient): (commit: string, where: { owner: string; repo: string }) => Promise<Set<string>> {
  const listed = new Map<string, Set<string>>();
  return async (commit, where) => {
    const known = listed.get(commit);
    if (known) return known;
    const markers = new Set<string>();
    for await (const item of listAll(client.api, 'GET /repos/{owner}/{repo}/commits/{commit_sha}/comments', { ...where, commit_sha: commit }, 'commit comments')) {
      if (item === null || typeof item !== 'object') continue;
      const fields = item as Record<string, unknown>;
      const marker = typeof fields.body === 'string' ? commitCommentMarkerOf(fields.body) : undefined;
      if (marker !== undefined && isTrustedAuthor(authorOf(fields))) markers.add(marker);
    }
    listed.set(commit, markers);
    return markers;
  };
}
