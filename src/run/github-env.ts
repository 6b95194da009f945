/**
 * GitHub's REST API as the environment names it, read the same way by every front end:
 * `GITHUB_API_URL` (Enterprise Server: `https://HOST/api/v3`), trimmed and without a trailing
 * slash, else github.com's; `GITHUB_TOKEN`, an empty value as unset.
 */
export function gitHubApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
}

export function gitHubApiFromEnv(env: NodeJS.ProcessEnv = process.env): { apiUrl: string; token?: string } {
  const token = env.GITHUB_TOKEN === undefined || env.GITHUB_TOKEN === '' ? undefined : env.GITHUB_TOKEN;
  return { apiUrl: gitHubApiUrl(env), ...(token !== undefined ? { token } : {}) };
}
