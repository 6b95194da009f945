/**
 * The one HTTP client for live checks, behind a small interface so the verifier can be
 * driven by any transport in tests. Redirects are followed by hand: only within the same
 * origin, because following one to another host would hand it the key in the header.
 */

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; body: string }
  /** No usable answer: timeout, refused connection, a redirect elsewhere. `message` holds no key. */
  | { kind: 'failure'; message: string };

export type HttpClient = (request: HttpRequest, timeoutMs: number) => Promise<HttpOutcome>;

const maxRedirects = 5;
/** A key-info answer is small; a larger body is not what any rule expects. */
const maxBodyBytes = 1024 * 1024;

/** The HTTP client used outside tests: Node's fetch, no cross-origin redirects, a hard timeout. */
export const fetchClient: HttpClient = async (request, timeoutMs) => {
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
      return { kind: 'response', status: response.status, headers: response.headers, body: await readCapped(response) };
    }
  } catch (error) {
    return { kind: 'failure', message: describeFailure(error, timeoutMs) };
  }
};

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > maxBodyBytes) break;
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** A short cause (`timed out after 10 s`, `ECONNREFUSED`); fetch's own messages say only "fetch failed". */
function describeFailure(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `connection failed (${cause})` : 'connection failed';
}
