import type { Origin } from '../core/types.js';
import { fetchClient } from '../net/http.js';
import { createPinnedClient, type NetIO, type PinnedClient } from '../net/pinned.js';
import { requestUrl } from '../net/url.js';
import { readLineOfBlob } from '../sources/key-location.js';
import { isRepositoryName } from '../sources/mirror.js';

/**
 * A reported key's line read again from GitHub rather than from a local repository: `merge
 * --verify` joins the reports of shards that ran on other machines, so the mirrors they read are
 * gone. The blob at `commit:path` of the finding's repository is fetched through the contents
 * API (base64 for files up to 1 MB) or, for larger ones, the git blobs API (up to 100 MB), and
 * its line decoded as history reads blobs. One fetch per (repository, commit, path); every
 * failure is `undefined` (the key is then `skipped` with the reason), never an error.
 */

export interface GitHubContentsSettings {
  /** `https://api.github.com`, or an Enterprise host's `/api/v3`. */
  apiUrl: string;
  token?: string;
  timeoutMs?: number;
}

/** Commits as reports hold them (repositories as `isRepositoryName` says); anything else is never put in a URL. */
const commitShape = /^[0-9a-f]{40,64}$/;
/** The git blobs API serves files up to 100 MB, in base64. */
const maxBlobBodyBytes = 140 * 1024 * 1024;
const keptBlobs = 8;

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The `content` of a contents or blobs answer, when GitHub sent it in base64. */
function base64Content(body: string): Buffer | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const value = parsed['content'];
    return typeof value === 'string' && parsed['encoding'] === 'base64' ? Buffer.from(value, 'base64') : undefined;
  } catch {
    return undefined;
  }
}

function blobShaOf(body: string): string | undefined {
  try {
    const sha = (JSON.parse(body) as Record<string, unknown>)['sha'];
    return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of `path` at `commit` in `repository`, or undefined. */
async function fetchBlob(client: PinnedClient, base: URL, headers: Record<string, string>, repository: string, commit: string, path: string): Promise<Buffer | undefined> {
  const url = requestUrl(base, `/repos/${repository}/contents/${encodePath(path)}`);
  url.searchParams.set('ref', commit);
  const contents = await client({ method: 'GET', url, headers }, { maxBodyBytes: 2 * 1024 * 1024 });
  if (contents.kind !== 'response' || contents.status !== 200) return undefined;
  const inline = base64Content(contents.body);
  if (inline !== undefined && inline.length > 0) return inline;
  // Over 1 MB the contents API leaves `content` empty: the blob itself, by the id it gives.
  const sha = blobShaOf(contents.body);
  if (sha === undefined) return inline;
  const blob = await client({ method: 'GET', url: requestUrl(base, `/repos/${repository}/git/blobs/${sha}`), headers }, { maxBodyBytes: maxBlobBodyBytes });
  return blob.kind === 'response' && blob.status === 200 ? base64Content(blob.body) : undefined;
}

/** A `LineReader` (run/recover.ts) for history findings that name their repository, reading from GitHub. */
export function gitHubLineReader(settings: GitHubContentsSettings, io: NetIO = { http: fetchClient }): (origin: Origin, line: number) => Promise<Buffer | undefined> {
  const base = new URL(settings.apiUrl);
  // An org's merge may read thousands of lines: GitHub's rate limit is waited out (up to 15 min a time), not taken as the key's answer.
  const client = createPinnedClient({ allowedHosts: [base.hostname], timeoutMs: settings.timeoutMs ?? 30_000, githubRateLimits: true, retry: { attempts: 4, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 } }, io);
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'keywarden',
    ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
  };
  // Keys of one file are recovered one after another: the last few blobs are kept, not every one.
  const blobs = new Map<string, Promise<Buffer | undefined>>();
  return async (origin, line) => {
    if (origin.kind !== 'history' || origin.repository === undefined) return undefined;
    const { repository, commit, path } = origin;
    if (!isRepositoryName(repository) || !commitShape.test(commit) || path === '') return undefined;
    const id = `${repository}\0${commit}\0${path}`;
    let blob = blobs.get(id);
    if (blob === undefined) {
      blobs.set(id, (blob = fetchBlob(client, base, headers, repository, commit, path)));
      if (blobs.size > keptBlobs) blobs.delete(blobs.keys().next().value!);
    }
    const bytes = await blob;
    return bytes && readLineOfBlob(bytes, line);
  };
}
