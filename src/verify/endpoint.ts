import { UsageError } from '../core/errors.js';
import { refusal } from '../net/pin.js';
import type { LoadedRuleFile } from '../rules/schema.js';

/**
 * Where a provider's live checks go, decided once per run from the rule file and the
 * environment. A base URL comes from the environment or the built-in default, never from a
 * file in the scanned tree (SPEC §5), and must name a host the rule file allows.
 */
export type Endpoint =
  | { kind: 'ready'; baseUrl: URL; allowedHosts: ReadonlySet<string> }
  | { kind: 'unset'; reason: string };

/**
 * The endpoint of one provider. A base URL that is malformed or refused is a usage error:
 * the user's configuration is wrong, and guessing would either leak keys or hide them.
 */
export function resolveEndpoint(file: LoadedRuleFile, env: NodeJS.ProcessEnv): Endpoint {
  const { baseUrl, hosts, provider } = file.data;
  if (!baseUrl) return { kind: 'unset', reason: `the ${provider} rules name no base URL` };
  const fromEnv = env[baseUrl.env]?.trim();
  const text = fromEnv || (file.builtin ? baseUrl.default : undefined);
  if (!text) return { kind: 'unset', reason: `${baseUrl.env} is not set` };
  const source = fromEnv ? baseUrl.env : `the built-in ${provider} base URL`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${source}: not a URL`);
  }
  const allowedHosts = new Set(hosts.map((host) => host.toLowerCase()));
  // A self-hosted deployment has no public host to pin: the user's variable names it.
  if (fromEnv && baseUrl.selfHosted) allowedHosts.add(url.hostname.toLowerCase());
  const refused = refusal(url, allowedHosts);
  if (refused) throw new UsageError(`${source}: ${refused}`);
  url.search = '';
  url.hash = '';
  return { kind: 'ready', baseUrl: url, allowedHosts };
}
