import { KeywardenError, UsageError } from '../../core/errors.js';
import type { NetIO } from '../../net/pinned.js';
import type { Channel, ChannelName, RepositoryRef } from './notice.js';
import type { RepositoryResolution } from './repository.js';
import { webhookChannel, type WebhookSettings } from './webhook.js';

/**
 * The one place channels are built from their names and settings. A channel that cannot be
 * built (no webhook URL, no GitHub token, no repository) is a problem for that channel only:
 * the others still deliver, and the run says why that one did not.
 */

/** What the GitHub channels (`issue`, `commit-comment`) are built with: every part known. */
export interface GitHubChannelSettings {
  repository: RepositoryRef;
  /** The REST API root (`GITHUB_API_URL`, or the Enterprise host's `/api/v3`). */
  apiUrl: string;
  /** `GITHUB_TOKEN`. */
  token: string;
  /** `--mention-owners`: @-mention each path's owners (CODEOWNERS, else the commit's author). */
  mentionOwners: boolean;
  /** The report's root: where a local clone may be read (CODEOWNERS, authors). */
  root: string;
}

export interface ChannelSettings {
  /** Undefined `url`: neither `--webhook` nor `KEYWARDEN_WEBHOOK_URL` was given. */
  webhook: Omit<WebhookSettings, 'url'> & { url?: string | undefined };
  github: { repository: RepositoryResolution; token?: string | undefined; mentionOwners: boolean; root: string };
}

/** A channel ready to use, or why it could not be built (safe to print). */
export type ChannelSetup = { name: ChannelName; channel: Channel } | { name: ChannelName; problem: string };

/**
 * The GitHub channels. Not built in this branch (h-hook): the lead replaces this function with
 * the `issue` and `commit-comment` channels of the GitHub branch when merging.
 */
export function gitHubChannel(name: 'issue' | 'commit-comment', _settings: GitHubChannelSettings): Channel {
  throw new UsageError(`the ${name} channel is not built in this branch yet (only webhook is): nothing was sent to GitHub`);
}

function buildChannel(name: ChannelName, settings: ChannelSettings, io: NetIO): Channel {
  if (name === 'webhook') {
    const { url, ...rest } = settings.webhook;
    if (url === undefined || url.trim() === '') throw new UsageError('no webhook URL: set KEYWARDEN_WEBHOOK_URL (or give --webhook URL)');
    return webhookChannel({ ...rest, url: url.trim() }, io);
  }
  const { repository, token, mentionOwners, root } = settings.github;
  if ('problem' in repository) throw new UsageError(repository.problem);
  if (token === undefined || token.trim() === '') throw new UsageError(`GITHUB_TOKEN is not set (a token that may write issues and comments on ${repository.target.repository.owner}/${repository.target.repository.name})`);
  return gitHubChannel(name, { repository: repository.target.repository, apiUrl: repository.target.apiUrl, token, mentionOwners, root });
}

/** Each asked channel, in the order asked, built or with the reason it could not be. */
export function buildChannels(names: readonly ChannelName[], settings: ChannelSettings, io: NetIO): ChannelSetup[] {
  return names.map((name) => {
    try {
      return { name, channel: buildChannel(name, settings, io) };
    } catch (error) {
      // A KeywardenError's message is safe to print by contract; anything else is a bug, rethrown as it is.
      if (error instanceof KeywardenError) return { name, problem: error.message };
      throw error;
    }
  });
}
