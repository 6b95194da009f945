/**
 * What the two GitHub channels (`issue`, `commit-comment`) share: their settings, the findings
 * of the repository they write to, and failures as deliveries.
 */
import type { GitHubClientSettings } from './github-client.js';
import type { ChannelName, Delivery, Notice, NoticeFinding, RepositoryRef } from './notice.js';

/**
 * Where and how a GitHub channel writes. Besides the brief's fields (`apiUrl`, `token`,
 * `repository`, `writeSpacingMs`, `timeoutMs`), the client's other timing knobs (`secondMs`,
 * `maxWaitSeconds`, `retries`): see {@link GitHubClientSettings}.
 */
export type GitHubChannelSettings = GitHubClientSettings & {
  /** The repository written to (the notice's own `repository` is not consulted: the settings say where). */
  repository: RepositoryRef;
};

/** `acme/widgets`. */
export function repositoryName(repository: RepositoryRef): string {
  return `${repository.owner}/${repository.name}`;
}

/**
 * The findings that belong in `repository`: those without a `repository` (a scan of one
 * repository), and those of an audit that name this one. A key of another repository must
 * not be listed in this one's issue.
 */
export function findingsIn(notice: Notice, repository: RepositoryRef): NoticeFinding[] {
  const name = repositoryName(repository).toLowerCase();
  return notice.findings.filter((finding) => finding.repository === undefined || finding.repository.toLowerCase() === name);
}

/** A failure as a delivery; the client's messages are already safe to print (no token, no request). */
export function failedDelivery(channel: ChannelName, target: string, error: unknown): Delivery {
  const message = error instanceof Error ? error.message : 'unknown error';
  return { channel, outcome: 'failed', detail: `${target}: ${message}` };
}
