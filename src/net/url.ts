/**
 * A request URL for an API path (`/key`) under a base URL (`https://openrouter.ai/api/v1`):
 * the base's path kept, the two joined with exactly one slash. The result still has to
 * pass the pin; a path cannot move a request to another origin.
 */
export function requestUrl(baseUrl: URL, path: string): URL {
  const url = new URL(baseUrl.href);
  // A bare origin's pathname is `/`, and a base may end in `/`: join with exactly one slash.
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}
