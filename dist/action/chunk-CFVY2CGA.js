import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  isLoopback
} from "./chunk-LQ33O2RG.js";
import {
  defaultMaxBodyBytes
} from "./chunk-NCL6JRMM.js";

// src/net/retry.ts
var defaultRetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 3e4 };
function isRetryable(status) {
  return status === 429 || status >= 500;
}
function retryAfterMs(header, nowMs) {
  if (header === null) return void 0;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  if (!/[A-Za-z]/.test(text) || !/\b\d{2}:\d{2}:\d{2}\b/.test(text)) return void 0;
  const date = Date.parse(text);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - nowMs);
}
function nextDelayMs(policy, attempt, retryAfter, random) {
  if (attempt >= policy.attempts) return void 0;
  if (retryAfter !== void 0) return retryAfter <= policy.maxDelayMs ? retryAfter : void 0;
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, backoff / 2 + random() * (backoff / 2));
}
function gitHubRateLimitWaitMs(status, headers, nowMs) {
  if (status !== 403 && status !== 429) return void 0;
  const retryAfter = retryAfterMs(headers.get("retry-after"), nowMs);
  if (retryAfter !== void 0) return retryAfter;
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (headers.get("x-ratelimit-remaining") !== "0" || !Number.isFinite(reset) || reset <= 0) return void 0;
  return Math.max(0, reset * 1e3 - nowMs) + 1e3;
}

// src/net/pin.ts
function refusal(url, allowedHosts) {
  const loopback = isLoopback(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return `${url.protocol} is not allowed (https only; http only for loopback hosts)`;
  }
  if (!loopback && !allowedHosts.has(url.hostname.toLowerCase())) {
    const allowed = [...allowedHosts].join(", ") || "none";
    return `host ${url.hostname} is not one this provider may contact (allowed: ${allowed}, and loopback)`;
  }
  if (url.username !== "" || url.password !== "") return "credentials in the URL are not allowed";
  return void 0;
}

// src/net/pinned.ts
var sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var unlimited = (task) => task();
function createPinnedClient(policy, io) {
  const allowedHosts = new Set([...policy.allowedHosts].map((host) => host.toLowerCase()));
  const retry = policy.retry ?? defaultRetryPolicy;
  const limit = policy.limit ?? unlimited;
  const sleep = io.sleep ?? sleepFor;
  const random = io.random ?? Math.random;
  const now = io.now ?? Date.now;
  return async (request, options = {}) => {
    const refused = refusal(request.url, allowedHosts);
    if (refused) return { kind: "refused", reason: refused };
    const limits = { timeoutMs: policy.timeoutMs, maxBodyBytes: options.maxBodyBytes ?? policy.maxBodyBytes ?? defaultMaxBodyBytes };
    return limit(async () => {
      for (let attempt = 1; ; attempt++) {
        const outcome = await io.http(request, limits);
        if (outcome.kind === "failure") return outcome;
        const rateLimited = policy.githubRateLimits ? gitHubRateLimitWaitMs(outcome.status, outcome.headers, now()) : void 0;
        if (!isRetryable(outcome.status) && rateLimited === void 0) return outcome;
        const delay = nextDelayMs(retry, attempt, rateLimited ?? retryAfterMs(outcome.headers.get("retry-after"), now()), random);
        if (delay === void 0) return outcome;
        await sleep(delay);
      }
    });
  };
}

export {
  refusal,
  defaultRetryPolicy,
  createPinnedClient
};
