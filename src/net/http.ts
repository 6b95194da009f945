/**
 * The transport under the pinned client: one request, one answer, behind a small function
 * type so tests can drive callers with any transport. Redirects are followed by hand and
 * only within the same origin, because following one elsewhere would hand another host the
 * credential in the header. Callers go through `createPinnedClient`, which checks the URL
 * against its pin first; nothing outside net/ should call a transport directly.
 */

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; body: string }
  /** No usable answer: timeout, refused connection, a redirect elsewhere, a body over the cap. `message` holds no credential. */
  | { kind: 'failure'; message: string };

/** What bounds one exchange, redirects included. */
export interface TransportLimits {
  /** The whole exchange, from the first byte sent to the last byte of the body, in ms. */
  timeoutMs: number;
  /** The largest body read, in bytes (UTF-8 as received); a longer one is a failure, not a truncated answer. */
  maxBodyBytes: number;
}

export type HttpClient = (request: HttpRequest, limits: TransportLimits) => Promise<HttpOutcome>;

/** An API's JSON answer is small (a key's info, a page of keys, GitHub's public keys): 1 MiB. */
export const defaultMaxBodyBytes = 1024 * 1024;

const maxRedirects = 5;

/** The transport used outside tests: Node's fetch, no cross-origin redirects, a hard timeout, a capped body. */
export const fetchClient: HttpClient = async (request, { timeoutMs, maxBodyBytes }) => {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = request.url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: 'manual',
        signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, url);
        if (next.origin !== request.url.origin) return { kind: 'failure', message: `redirected to another host (${next.host}); not followed` };
        if (hop >= maxRedirects) return { kind: 'failure', message: `more than ${maxRedirects} redirects` };
        url = next;
        continue;
      }
      const body = await readCapped(response, maxBodyBytes);
      if (body === undefined) return { kind: 'failure', message: `HTTP ${response.status} with a body over ${maxBodyBytes} bytes; not read` };
      return { kind: 'response', status: response.status, headers: response.headers, body };
    }
  } catch (error) {
    return { kind: 'failure', message: describeFailure(error, timeoutMs) };
  }
};

/** The body as text, or undefined once it passes `maxBytes` (the rest is not downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** A short cause (`timed out after 10 s`, `ECONNREFUSED`); fetch's own messages say only "fetch failed". */
function describeFailure(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `connection failed (${cause})` : 'connection failed';
}
