import { isLoopback } from '../core/loopback.js';

/**
 * Where a credential may be sent. A pin is the short list of hosts a caller may contact
 * (a rule file's `hosts`, GitHub's API host, a webhook's host); everything else is refused
 * before a byte leaves, whatever a configuration or a redirect says.
 */

/**
 * Whether a URL may receive a credential: https to a pinned host, or http/https to
 * loopback (a local stand-in or proxy; the request does not leave the machine), and never
 * with a user or password in the URL. Returns why not, or undefined when it may.
 * `allowedHosts` holds lowercase hostnames, matched exactly (no wildcards, no subdomains).
 */
export function refusal(url: URL, allowedHosts: ReadonlySet<string>): string | undefined {
  const loopback = isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `${url.protocol} is not allowed (https only; http only for loopback hosts)`;
  }
  if (!loopback && !allowedHosts.has(url.hostname.toLowerCase())) {
    const allowed = [...allowedHosts].join(', ') || 'none';
    return `host ${url.hostname} is not one this provider may contact (allowed: ${allowed}, and loopback)`;
  }
  if (url.username !== '' || url.password !== '') return 'credentials in the URL are not allowed';
  return undefined;
}
