import type { RevokeOutcome } from '../../core/revocation.js';
import type { ReportFinding } from '../../report/schema.js';

/**
 * What `notify` tells a key's owner (SPEC §5.2), as every channel sees it: the json report's
 * findings (never a raw key: notify works from reports and drops `secret`), each with what
 * this run knows of its revocation, and the repository they are in. Channels render and send
 * it; nothing here does I/O.
 */

export const channelNames = ['issue', 'commit-comment', 'webhook'] as const;
export type ChannelName = (typeof channelNames)[number];

/**
 * What a channel lacks to be built at all, from what was given alone: a webhook URL, or for the
 * GitHub channels a token. Undefined when nothing is. The one check behind both the channel
 * registry and `--notify`'s check before a run (which must not load the channels themselves).
 */
export function missingSetting(name: ChannelName, given: { webhookUrl?: string | undefined; token?: string | undefined }): string | undefined {
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  if (name === 'webhook') return blank(given.webhookUrl) ? 'no webhook URL: set KEYWARDEN_WEBHOOK_URL (or give --webhook URL)' : undefined;
  return blank(given.token) ? 'GITHUB_TOKEN is not set' : undefined;
}

/** A repository on GitHub (or a GitHub Enterprise host). */
export interface RepositoryRef {
  owner: string;
  name: string;
  /** The web root links point at: `https://github.com`, or `https://HOST` on Enterprise. */
  webUrl: string;
}

export interface NoticeFinding extends Omit<ReportFinding, 'secret'> {
  /** The revoke step's outcome for this key, when this run (or a revoke report) has one. */
  revocation?: RevokeOutcome;
  /** The rule's one-line advice (its `hint`): the first thing to do. */
  hint?: string;
  /** `@login` or `@org/team` mentions for the path's owners, with `--mention-owners`. */
  owners?: string[];
}

export interface Notice {
  /** Undefined when no repository is known: only the webhook channel can deliver then. */
  repository?: RepositoryRef;
  findings: readonly NoticeFinding[];
  toolVersion: string;
}

/** What a person reads in the status column: a revocation outranks the verification it followed. */
export type NoticeStatus = 'revoked' | 'live' | 'invalid' | 'unknown' | 'not verified';

export function statusOf(finding: NoticeFinding): NoticeStatus {
  if (finding.revocation === 'revoked' || finding.revocation === 'already-revoked') return 'revoked';
  const status = finding.verification?.status;
  if (status === undefined || status === 'skipped') return 'not verified';
  return status;
}

/** A key nobody needs to act on any more: the issue closes once every key in it is settled. */
export function isSettled(finding: NoticeFinding): boolean {
  const status = statusOf(finding);
  return status === 'revoked' || status === 'invalid';
}

/** The first hex digits of a key's `secretHash` that name it in hidden markers: enough to tell keys apart, nothing to recover one. */
export function keyId(finding: Pick<NoticeFinding, 'secretHash'>): string {
  return finding.secretHash.replace(/^sha256:/, '').slice(0, 16);
}

/** `https://github.com/o/r/blob/SHA/path#L12`: the line at the commit that has it; undefined without a commit or path. */
export function lineLink(repository: RepositoryRef, finding: Pick<NoticeFinding, 'commit' | 'path' | 'line'>): string | undefined {
  if (finding.commit === undefined || finding.path === undefined) return undefined;
  const path = finding.path.split('/').map(encodeURIComponent).join('/');
  return `${repository.webUrl}/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}/blob/${finding.commit}/${path}#L${finding.line}`;
}

/** What one channel did with one message. `detail` is safe to print: no key, token or webhook URL. */
export interface Delivery {
  channel: ChannelName;
  outcome: 'created' | 'updated' | 'unchanged' | 'closed' | 'sent' | 'skipped' | 'failed';
  detail: string;
}

/** Exactly what a channel would send (for `--dry-run`): where, and the body as sent. */
export interface OutgoingMessage {
  channel: ChannelName;
  /** Where it goes, in words: `issue in acme/widgets`, `commit 1a2b3c4 at src/a.ts:12`, `webhook`. Never the webhook URL. */
  target: string;
  body: string;
}

export interface Channel {
  readonly name: ChannelName;
  /** The messages this channel would send for `notice` (what `--dry-run` prints). */
  messages(notice: Notice): OutgoingMessage[];
  /** Send them; a failure is a `failed` delivery, not a throw. */
  deliver(notice: Notice): Promise<Delivery[]>;
}
