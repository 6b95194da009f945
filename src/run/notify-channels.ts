/** The channel names, for the front ends (which do not reach below run/): a tiny module, so the CLI's option tables load nothing else of notify. */
export { channelNames, type ChannelName } from '../respond/notify/notice.js';
