import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/net/http.ts
var defaultMaxBodyBytes = 1024 * 1024;
var maxRedirects = 5;
var fetchClient = async (request, { timeoutMs, maxBodyBytes }) => {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = request.url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        ...request.body !== void 0 ? { body: request.body } : {},
        redirect: "manual",
        signal
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, url);
        if (next.origin !== request.url.origin) return { kind: "failure", message: `redirected to another host (${next.host}); not followed` };
        if (hop >= maxRedirects) return { kind: "failure", message: `more than ${maxRedirects} redirects` };
        url = next;
        continue;
      }
      const body = await readCapped(response, maxBodyBytes);
      if (body === void 0) return { kind: "failure", message: `HTTP ${response.status} with a body over ${maxBodyBytes} bytes; not read` };
      return { kind: "response", status: response.status, headers: response.headers, body };
    }
  } catch (error) {
    return { kind: "failure", message: describeFailure(error, timeoutMs) };
  }
};
async function readCapped(response, maxBytes) {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return void 0;
    }
    text += decoder.decode(value, { stream: true });
  }
}
function describeFailure(error, timeoutMs) {
  const err = error;
  if (err.name === "TimeoutError" || err.name === "AbortError") return `timed out after ${timeoutMs / 1e3} s`;
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `connection failed (${cause})` : "connection failed";
}

export {
  defaultMaxBodyBytes,
  fetchClient
};
