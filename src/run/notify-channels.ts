/** The channel names (and what each needs), for the front ends (which do not reach below run/): a tiny module, so the CLI's option tables load nothing else of notify. */
import { channelNames, missingSetting, type ChannelName } from '../respond/notify/notice.js';

export { channelNames, missingSetting, type ChannelName };

const isChannel = (name: string): name is ChannelName => (channelNames as readonly string[]).includes(name);

/**
 * Channels as a front end is given them (`--to issue,webhook --to commit-comment`, the Action's
 * `notify: issue, webhook`): comma-separated and/or repeated. Each channel once, in the order
 * first given, and the names that are no channel (for the front end to refuse in its own words).
 */
export function channelList(given: readonly string[]): { channels: ChannelName[]; unknown: string[] } {
  const names = given.flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  return { channels: [...new Set(names.filter(isChannel))], unknown: names.filter((name) => !isChannel(name)) };
}
