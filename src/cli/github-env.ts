/** GitHub's REST API as the environment names it: `GITHUB_API_URL` (Enterprise: `https://HOST/api/v3`) and `GITHUB_TOKEN`, empty values as unset. */
export function gitHubApiFromEnv(env: NodeJS.ProcessEnv = process.env): { apiUrl: string; token?: string } {
  const apiUrl = env.GITHUB_API_URL === undefined || env.GITHUB_API_URL === '' ? 'https://api.github.com' : env.GITHUB_API_URL;
  const token = env.GITHUB_TOKEN === undefined || env.GITHUB_TOKEN === '' ? undefined : env.GITHUB_TOKEN;
  return { apiUrl, ...(token !== undefined ? { token } : {}) };
}
