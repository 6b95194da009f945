import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  createPinnedClient,
  defaultRetryPolicy,
  refusal
} from "./chunk-CFVY2CGA.js";
import {
  UsageError
} from "./chunk-H6EUIU7K.js";

// src/verify/verifier.ts
import { createRequire } from "node:module";

// src/net/cache.ts
function createAnswerCache(options) {
  const entries = /* @__PURE__ */ new Map();
  const inFlight = /* @__PURE__ */ new Map();
  function fresh(key) {
    const entry = entries.get(key);
    if (!entry) return void 0;
    entries.delete(key);
    if (options.now() >= entry.expiresAt) return void 0;
    entries.set(key, entry);
    return entry;
  }
  function keep(key, value) {
    const ttl = options.ttlMs(value);
    if (ttl <= 0 || options.maxEntries <= 0) return;
    entries.delete(key);
    entries.set(key, { value, expiresAt: options.now() + ttl });
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries) break;
      entries.delete(oldest);
    }
  }
  return {
    getOrAsk(key, ask) {
      const entry = fresh(key);
      if (entry) return Promise.resolve(entry.value);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const asked = (async () => ask())();
      inFlight.set(key, asked);
      void asked.then(
        (value) => {
          inFlight.delete(key);
          keep(key, value);
        },
        () => inFlight.delete(key)
      );
      return asked;
    },
    get size() {
      return entries.size;
    }
  };
}

// src/net/limit.ts
function concurrencyLimit(concurrency) {
  let running = 0;
  const waiting = [];
  return async (task) => {
    if (running >= concurrency) await new Promise((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

// src/net/url.ts
function requestUrl(baseUrl, path) {
  const url = new URL(baseUrl.href);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
  return url;
}

// src/verify/classify.ts
function valueAt(json, path) {
  let value = json;
  for (const step of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, step)) return void 0;
    value = value[step];
  }
  return value;
}
function parseJson(body) {
  try {
    return JSON.parse(body);
  } catch {
    return void 0;
  }
}
function matches(match, status, json) {
  return match.status.includes(status) && (match.jsonHas ?? []).every((path) => valueAt(json, path) != null);
}
function pickDetail(spec, json) {
  if (!spec.detail) return {};
  const source = spec.detail.from === void 0 ? json : valueAt(json, spec.detail.from);
  const detail = {};
  for (const field of spec.detail.fields) {
    const value = valueAt(source, field);
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) detail[field] = value;
  }
  return detail;
}
function classifyResponse(spec, status, body) {
  const json = parseJson(body);
  if (matches(spec.live, status, json)) {
    const escalation = (spec.escalate ?? []).find((rule) => valueAt(json, rule.when) === rule.equals);
    return {
      verification: { status: "live", detail: pickDetail(spec, json), ...escalation ? { reason: escalation.reason } : {} },
      ...escalation ? { severity: escalation.severity } : {}
    };
  }
  if (matches(spec.invalid, status, json)) return { verification: { status: "invalid", detail: {}, reason: `HTTP ${status}` } };
  const why = status === 429 ? "rate limited (HTTP 429) after retries" : status >= 500 ? `server error (HTTP ${status}) after retries` : spec.live.status.includes(status) ? `HTTP ${status} but the body is not what the rule expects${json === void 0 ? " (not JSON)" : ""}` : `unexpected HTTP ${status}`;
  return { verification: { status: "unknown", detail: {}, reason: why } };
}

// src/verify/endpoint.ts
function resolveEndpoint(file, env) {
  const { baseUrl, hosts, provider } = file.data;
  if (!baseUrl) return { kind: "unset", reason: `the ${provider} rules name no base URL` };
  const fromEnv = env[baseUrl.env]?.trim();
  const text = fromEnv || (file.builtin ? baseUrl.default : void 0);
  if (!text) return { kind: "unset", reason: `${baseUrl.env} is not set` };
  const source = fromEnv ? baseUrl.env : `the built-in ${provider} base URL`;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${source}: not a URL`);
  }
  const allowedHosts = new Set(hosts.map((host) => host.toLowerCase()));
  if (fromEnv && baseUrl.selfHosted) allowedHosts.add(url.hostname.toLowerCase());
  const refused = refusal(url, allowedHosts);
  if (refused) throw new UsageError(`${source}: ${refused}`);
  url.search = "";
  url.hash = "";
  return { kind: "ready", baseUrl: url, allowedHosts };
}

// src/verify/verifier.ts
var defaultVerifyCacheSettings = { maxEntries: 1e4, ttlMs: 10 * 6e4, unknownTtlMs: 6e4 };
var defaultVerifySettings = { timeoutMs: 1e4, concurrency: 8, retry: defaultRetryPolicy, cache: defaultVerifyCacheSettings };
function fillTemplate(spec, baseUrl, key) {
  const fill = (text) => text.replaceAll("{key}", key);
  const headers = Object.fromEntries(Object.entries(spec.request.headers ?? {}).map(([name, value]) => [name, fill(value)]));
  const { body } = spec.request;
  const request = { method: spec.request.method, url: requestUrl(baseUrl, spec.request.path), headers };
  if (body !== void 0) {
    request.body = typeof body === "string" ? fill(body) : JSON.stringify(body, (_name, value) => typeof value === "string" ? fill(value) : value);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  }
  return request;
}
function withoutKey(classified, secret) {
  const { verification } = classified;
  const detail = Object.fromEntries(Object.entries(verification.detail).map(([name, value]) => [name, typeof value === "string" ? secret.maskIn(value) : value]));
  return { ...classified, verification: { ...verification, detail, ...verification.reason !== void 0 ? { reason: secret.maskIn(verification.reason) } : {} } };
}
var nodeCrypto;
function cacheKey(ruleFile, secret) {
  nodeCrypto ??= createRequire(import.meta.url)("node:crypto");
  return nodeCrypto.createHash("sha256").update(`${ruleFile}\0${secret.reveal()}`).digest("hex");
}
var unknownAnswer = (reason) => ({ verification: { status: "unknown", detail: {}, reason } });
function createVerifier(ruleFiles, settings, io) {
  const limit = settings.limit ?? concurrencyLimit(settings.concurrency);
  const checks = /* @__PURE__ */ new Map();
  for (const file of ruleFiles) {
    const needsEndpoint = file.data.rules.some((rule) => rule.verify);
    const endpoint = needsEndpoint ? resolveEndpoint(file, io.env) : { kind: "unset", reason: "no live check declared" };
    const target = endpoint.kind === "ready" ? { kind: "ready", baseUrl: endpoint.baseUrl, client: createPinnedClient({ allowedHosts: endpoint.allowedHosts, timeoutMs: settings.timeoutMs, retry: settings.retry, limit }, io) } : endpoint;
    for (const rule of file.data.rules) {
      checks.set(rule.id, { ruleFile: file.file, target, ...rule.verify ? { spec: rule.verify } : {} });
    }
  }
  const cache = { ...defaultVerifyCacheSettings, ...settings.cache };
  const answers = createAnswerCache({
    maxEntries: cache.maxEntries,
    ttlMs: (answer) => answer.verification.status === "unknown" ? cache.unknownTtlMs : cache.ttlMs,
    now: io.now ?? Date.now
  });
  async function ask(spec, { baseUrl, client }, secret) {
    const outcome = await client(fillTemplate(spec, baseUrl, secret.reveal()));
    if (outcome.kind === "refused") return withoutKey(unknownAnswer(outcome.reason), secret);
    if (outcome.kind === "failure") return withoutKey(unknownAnswer(outcome.message), secret);
    return withoutKey(classifyResponse(spec, outcome.status, outcome.body), secret);
  }
  return {
    verify(ruleId, secret) {
      const check = checks.get(ruleId);
      if (!secret.known) return Promise.resolve({ verification: { status: "skipped", detail: {}, reason: "the key itself is not known, only its redacted form" } });
      if (!check?.spec) return Promise.resolve({ verification: { status: "skipped", detail: {}, reason: `no live check for ${ruleId}` } });
      const { spec, target } = check;
      if (target.kind === "unset") return Promise.resolve({ verification: { status: "skipped", detail: {}, reason: target.reason } });
      return answers.getOrAsk(cacheKey(check.ruleFile, secret), () => ask(spec, target, secret));
    }
  };
}

export {
  concurrencyLimit,
  requestUrl,
  valueAt,
  resolveEndpoint,
  defaultVerifyCacheSettings,
  defaultVerifySettings,
  createVerifier
};
