import type { RepositoryRef } from './notice.js';

/**
 * Which GitHub repository the GitHub channels write to, and which API they talk to (SPEC §5.2):
 * `--repo`, else the report's findings' `repository` (when they name exactly one), else
 * `GITHUB_REPOSITORY` (set in every Actions job), else the `origin` remote of the report's
 * root. Pure: the remote's URL is read by the caller and passed in.
 */

/** Where the GitHub channels go: the repository (links point at its `webUrl`) and the REST API root. */
export interface GitHubTarget {
  repository: RepositoryRef;
  /** `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server; `GITHUB_API_URL` when set. */
  apiUrl: string;
  /** Where the repository came from, in words for messages: `--repo`, `the report`, `GITHUB_REPOSITORY`, `the origin remote`. */
  from: string;
}

export type RepositoryResolution = { target: GitHubTarget } | { problem: string };

export interface RepositoryInputs {
  /** `--repo OWNER/NAME`. */
  flag?: string;
  /** The `repository` of each finding that has one (duplicates allowed). */
  reportRepositories: readonly string[];
  env: { GITHUB_REPOSITORY?: string | undefined; GITHUB_API_URL?: string | undefined; GITHUB_SERVER_URL?: string | undefined };
  /** The `origin` remote's URL (`git remote get-url origin` in the report's root); undefined when there is none. */
  originUrl?: string | undefined;
}

const ownerShape = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const nameShape = /^[A-Za-z0-9._-]{1,100}$/;

/** `OWNER/NAME` split, or undefined when it is not one (the report schema's shape). */
export function parseOwnerName(text: string): { owner: string; name: string } | undefined {
  const [owner, name, ...rest] = text.split('/');
  if (owner === undefined || name === undefined || rest.length > 0) return undefined;
  if (!ownerShape.test(owner) || !nameShape.test(name) || name === '.' || name === '..') return undefined;
  return { owner, name };
}

/** A remote on some host: `https://HOST/o/r(.git)`, `git@HOST:o/r.git`, `ssh://git@HOST[:PORT]/o/r.git`. */
export interface Remote {
  /** `https://HOST` (with a port for an https remote on one): where the repository's pages are. */
  webUrl: string;
  host: string;
  owner: string;
  name: string;
}

/** The host and OWNER/NAME a remote URL names, or undefined for any other form (a local path, a deeper path). */
export function parseRemoteUrl(remote: string): Remote | undefined {
  const text = remote.trim();
  // scp-like syntax: [user@]host:owner/name(.git); a `/` before the `:` makes it a local path.
  const scp = /^(?:[^@/:]+@)?([A-Za-z0-9.-]+):(?!\/)([^:]+)$/.exec(text);
  if (scp?.[1] && scp[2] !== undefined) return remoteAt(scp[1], `https://${scp[1].toLowerCase()}`, scp[2]);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (host === '') return undefined;
  // Credentials in a remote (`https://x-access-token:…@github.com/…`) are dropped: only host and path are kept.
  if (url.protocol === 'https:' || url.protocol === 'http:') return remoteAt(host, `${url.protocol}//${url.host.toLowerCase()}`, url.pathname);
  // An ssh port is not the web's: the pages are on https at the bare host.
  if (url.protocol === 'ssh:' || url.protocol === 'git:' || url.protocol === 'git+ssh:') return remoteAt(host, `https://${host}`, url.pathname);
  return undefined;
}

function remoteAt(host: string, webUrl: string, path: string): Remote | undefined {
  const parts = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  const ownerName = parseOwnerName(parts);
  return ownerName ? { host: host.toLowerCase(), webUrl, ...ownerName } : undefined;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** github.com's API, or an Enterprise Server's at `/api/v3`; `GITHUB_API_URL` wins when set. */
function apiUrlFor(webUrl: string, env: RepositoryInputs['env']): string {
  if (env.GITHUB_API_URL?.trim()) return withoutTrailingSlash(env.GITHUB_API_URL.trim());
  return webUrl === 'https://github.com' ? 'https://api.github.com' : `${webUrl}/api/v3`;
}

/** Where pages are when only OWNER/NAME is known: `GITHUB_SERVER_URL`, else the host `GITHUB_API_URL` names, else github.com. */
function defaultWebUrl(env: RepositoryInputs['env']): string {
  if (env.GITHUB_SERVER_URL?.trim()) return withoutTrailingSlash(env.GITHUB_SERVER_URL.trim());
  const api = env.GITHUB_API_URL?.trim();
  if (api) {
    try {
      const url = new URL(api);
      return url.hostname.toLowerCase() === 'api.github.com' ? 'https://github.com' : `${url.protocol}//${url.host}`;
    } catch {
      // Not a URL: the GitHub client says so when it is used; links point at github.com meanwhile.
    }
  }
  return 'https://github.com';
}

function targetOf(ownerName: { owner: string; name: string }, webUrl: string, env: RepositoryInputs['env'], from: string): { target: GitHubTarget } {
  return { target: { repository: { ...ownerName, webUrl }, apiUrl: apiUrlFor(webUrl, env), from } };
}

/**
 * The repository and API the GitHub channels use, or why there is none. `--repo` in the wrong
 * shape is the caller's usage error to raise; this says only what it could not find.
 */
export function resolveRepository(inputs: RepositoryInputs): RepositoryResolution {
  const { env } = inputs;
  if (inputs.flag !== undefined) {
    const given = parseOwnerName(inputs.flag);
    return given ? targetOf(given, defaultWebUrl(env), env, '--repo') : { problem: '--repo is not OWNER/NAME' };
  }
  const named = [...new Set(inputs.reportRepositories)];
  if (named.length > 1) return { problem: `the report's findings are in ${named.length} repositories; give --repo OWNER/NAME to choose one` };
  const fromReport = named[0] === undefined ? undefined : parseOwnerName(named[0]);
  if (fromReport) return targetOf(fromReport, defaultWebUrl(env), env, 'the report');
  if (env.GITHUB_REPOSITORY?.trim()) {
    const fromEnv = parseOwnerName(env.GITHUB_REPOSITORY.trim());
    return fromEnv ? targetOf(fromEnv, defaultWebUrl(env), env, 'GITHUB_REPOSITORY') : { problem: 'GITHUB_REPOSITORY is not OWNER/NAME' };
  }
  const { originUrl } = inputs;
  const remote = originUrl === undefined ? undefined : parseRemoteUrl(originUrl);
  if (remote) return targetOf(remote, remote.webUrl, env, 'the origin remote');
  const why = originUrl === undefined ? 'no origin remote' : 'an origin remote that names no OWNER/NAME on a host';
  return { problem: `no repository: give --repo OWNER/NAME or set GITHUB_REPOSITORY (the report names none, and its root has ${why})` };
}
