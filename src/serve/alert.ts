/**
 * A discloser's alert (SPEC §6): a JSON array of `{ token, type, url, source }`, every field a
 * string. Parsed once here, from the raw body the signature was checked over.
 */

export interface AlertToken {
  token: string;
  type: string;
  url: string;
  source: string;
}

const fields = ['token', 'type', 'url', 'source'] as const;

function isAlertToken(value: unknown): value is AlertToken {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return fields.every((field) => typeof record[field] === 'string') && (record.token as string) !== '';
}

/** The alert's tokens, or why the body is not one (safe to answer: it never quotes the body). */
export function parseAlert(body: Buffer): { tokens: AlertToken[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { problem: 'the body is not JSON' };
  }
  if (!Array.isArray(value)) return { problem: 'the body is not a JSON array' };
  const wrong = value.findIndex((item) => !isAlertToken(item));
  if (wrong >= 0) return { problem: `item ${wrong} is not an object with string token, type, url and source` };
  return { tokens: (value as AlertToken[]).map(({ token, type, url, source }) => ({ token, type, url, source })) };
}

/** Where a leak is on GitHub, from an alert's url (`https://github.com/OWNER/NAME/blob/SHA/path`): enough for an issue and a link. */
export interface LeakPlace {
  repository: string;
  commit?: string;
  path?: string;
}

/** The repository (and commit and path, for a blob url) an alert's url names; undefined for anything else (a gist, an issue comment on an unknown host). */
export function leakPlaceOf(url: string): LeakPlace | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  const parts = parsed.pathname.split('/').filter((part) => part !== '').map((part) => decodeURIComponent(part));
  const [owner, name, kind, commit, ...path] = parts;
  if (owner === undefined || name === undefined || !/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(owner) || !/^[A-Za-z0-9._-]{1,100}$/.test(name)) return undefined;
  const repository = `${owner}/${name}`;
  if (kind === 'blob' && commit !== undefined && /^[0-9a-f]{7,64}$/.test(commit) && path.length > 0) return { repository, commit, path: path.join('/') };
  return { repository };
}
