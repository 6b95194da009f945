import { KeywardenError, UsageError } from '../../core/errors.js';
import type { NetIO } from '../../net/pinned.js';
import { commitCommentChannel } from './commit-comment-channel.js';
import type { GitHubChannelSettings } from './github-channel.js';
import type { GitHubClientSettings } from './github-client.js';
import { issueChannel } from './issue-channel.js';
import { missingSetting, type Channel, type ChannelName } from './notice.js';
import type { RepositoryResolution } from './repository.js';
import { webhookChannel, type WebhookSettings } from './webhook.js';

/**
 * The one place channels are built from their names and settings. A channel that cannot be
 * built (no webhook URL, no GitHub token, no repository) is a problem for that channel only:
 * the others still deliver, and the run says why that one did not.
 */

/** How a GitHub client paces itself: writes a second apart, and the waits rate limits ask for. */
export type GitHubTiming = Pick<GitHubClientSettings, 'writeSpacingMs' | 'secondMs' | 'maxWaitSeconds' | 'retries'>;

export interface ChannelSettings {
  /** Undefined `url`: neither `--webhook` nor `KEYWARDEN_WEBHOOK_URL` was given. */
  webhook: Omit<WebhookSettings, 'url'> & { url?: string | undefined };
  /** `timing`: the client's spacing and waits (tests make them quick). */
  github: { repository: RepositoryResolution; token?: string | undefined; timing?: GitHubTiming };
}

/** A channel ready to use, or why it could not be built (safe to print). */
export type ChannelSetup = { name: ChannelName; channel: Channel } | { name: ChannelName; problem: string };

/** The GitHub channels: one issue per repository, or a comment on each introducing commit. */
function gitHubChannel(name: 'issue' | 'commit-comment', settings: GitHubChannelSettings): Channel {
  return name === 'issue' ? issueChannel(settings) : commitCommentChannel(settings);
}

function buildChannel(name: ChannelName, settings: ChannelSettings, io: NetIO): Channel {
  if (name === 'webhook') {
    const { url, ...rest } = settings.webhook;
    const missing = missingSetting(name, { webhookUrl: url });
    if (missing !== undefined) throw new UsageError(missing);
    return webhookChannel({ ...rest, url: (url ?? '').trim() }, io);
  }
  const { repository, token, timing } = settings.github;
  if ('problem' in repository) throw new UsageError(repository.problem);
  const { repository: target, apiUrl } = repository.target;
  const missing = missingSetting(name, { token });
  if (missing !== undefined) throw new UsageError(`${missing} (a token that may write issues and comments on ${target.owner}/${target.name})`);
  return gitHubChannel(name, { ...timing, repository: target, apiUrl, token: token ?? '' });
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
