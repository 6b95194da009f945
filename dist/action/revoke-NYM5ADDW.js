import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  variablesIn
} from "./chunk-XAG7PXUO.js";
import {
  concurrencyLimit,
  createVerifier,
  requestUrl,
  resolveEndpoint,
  valueAt
} from "./chunk-GYUPDJXB.js";
import {
  createPinnedClient
} from "./chunk-CFVY2CGA.js";
import "./chunk-LQ33O2RG.js";
import {
  fetchClient
} from "./chunk-NCL6JRMM.js";
import {
  UsageError
} from "./chunk-H6EUIU7K.js";
import "./chunk-RTMO72RN.js";

// src/run/revoke.ts
import { hostname, userInfo } from "node:os";

// src/respond/revoke/audit-log.ts
import { closeSync, constants, fstatSync, openSync, writeSync } from "node:fs";
function openAuditLog(file) {
  let fd;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 384);
  } catch (error) {
    const code = error.code;
    throw new UsageError(`--audit-log ${file}: ${code === "ELOOP" ? "is a symbolic link; the audit log is never written through one" : `cannot open it for appending (${code ?? String(error)})`}`);
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new UsageError(`--audit-log ${file}: not a regular file`);
  }
  return {
    append(record) {
      const line = Buffer.from(`${JSON.stringify(record)}
`, "utf8");
      for (let written = 0; written < line.length; ) written += writeSync(fd, line, written, line.length - written);
    },
    close() {
      closeSync(fd);
    }
  };
}

// src/respond/revoke/answer.ts
async function send(client, request) {
  const outcome = await client(request);
  if (outcome.kind === "refused") return { kind: "failure", reason: outcome.reason };
  if (outcome.kind === "failure") return { kind: "failure", reason: outcome.message };
  let json;
  try {
    json = JSON.parse(outcome.body);
  } catch {
    json = void 0;
  }
  return { kind: "response", status: outcome.status, json };
}
function answers(match, answer) {
  return answer.kind === "response" && match.status.includes(answer.status) && (match.jsonHas ?? []).every((path) => valueAt(answer.json, path) != null);
}
function credentialRefused(answer) {
  return answer.kind === "response" && (answer.status === 401 || answer.status === 403);
}
function describeAnswer(step, answer) {
  if (answer.kind === "failure") return `${step}: ${answer.reason}`;
  const retried = answer.status === 429 || answer.status >= 500 ? " after retries" : "";
  return `${step}: HTTP ${answer.status}${retried}`;
}

// src/respond/revoke/template.ts
var MissingVariable = class extends Error {
  constructor(variable) {
    super(`{${variable}} has no value`);
    this.variable = variable;
  }
  variable;
};
function valueOf(variables, name) {
  const value = variables.get(name);
  if (value === void 0) throw new MissingVariable(name);
  return value;
}
function interpolate(template, variables, encode) {
  return template.replace(/\{([A-Za-z0-9_.]*)\}/g, (_whole, name) => encode(String(valueOf(variables, name))));
}
function resolveValue(template, variables) {
  const names = variablesIn(template);
  const [only] = names;
  if (names.length === 1 && only !== void 0 && template === `{${only}}`) return valueOf(variables, only);
  return interpolate(template, variables, (text) => text);
}
function fillBody(body, variables) {
  if (typeof body === "string") return resolveValue(body, variables);
  if (Array.isArray(body)) return body.map((item) => fillBody(item, variables));
  if (body !== null && typeof body === "object") return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, fillBody(value, variables)]));
  return body;
}
function fillRequest(spec, baseUrl, variables) {
  const path = interpolate(spec.path, variables, encodeURIComponent);
  const queryAt = path.indexOf("?");
  const url = requestUrl(baseUrl, queryAt === -1 ? path : path.slice(0, queryAt));
  if (queryAt !== -1) url.search = path.slice(queryAt);
  const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name, interpolate(value, variables, (text) => text)]));
  const request = { method: spec.method, url, headers };
  if (spec.body !== void 0) {
    request.body = JSON.stringify(fillBody(spec.body, variables));
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  }
  return request;
}

// src/respond/revoke/account-keys.ts
var failedAnswer = (step, answer) => ({
  kind: "failed",
  reason: describeAnswer(step, answer),
  ...answer.kind === "response" ? { httpStatus: answer.status } : {},
  ...credentialRefused(answer) ? { configuration: true } : {}
});
function fieldsRead(spec) {
  return [.../* @__PURE__ */ new Set([...Object.keys(spec.match), ...Object.keys(spec.narrow ?? {}), ...Object.values(spec.capture), ...spec.alreadyRevoked ? [spec.alreadyRevoked.when] : []])];
}
function project(item, fields) {
  const kept = {};
  for (const field of fields) kept[field] = valueAt(item, field);
  return kept;
}
var matchKey = (values) => JSON.stringify(values.map((value) => value ?? null));
var equalValues = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
async function fetchList(spec, find, io) {
  const fields = fieldsRead(find);
  const pages = [];
  let next = 0;
  let end = spec.maxPages;
  let ended = false;
  let failure;
  const fetchNext = async () => {
    const page = next++;
    if (failure || page >= end) return false;
    const offset = page * spec.pageSize;
    const answer = await io.page(offset);
    const items = answers(spec.ok, answer) && answer.kind === "response" ? valueAt(answer.json, spec.items) : void 0;
    if (!Array.isArray(items)) {
      failure ??= answers(spec.ok, answer) ? { kind: "failed", reason: `list (offset ${offset}): the answer holds no ${spec.items} array` } : failedAnswer(`list (offset ${offset})`, answer);
      return false;
    }
    pages[page] = items.map((item) => project(item, fields));
    if (items.length < spec.pageSize) {
      end = Math.min(end, page + 1);
      ended = true;
    }
    return true;
  };
  const worker = async () => {
    while (await fetchNext()) ;
  };
  if (await fetchNext()) await Promise.all(Array.from({ length: Math.max(1, io.window) }, worker));
  if (failure) return failure;
  if (!ended) return { kind: "failed", reason: `list: more than ${spec.maxPages} pages; not all account keys could be read` };
  const hashField = find.capture.hash ?? "hash";
  const seen = /* @__PURE__ */ new Set();
  const byMatch = /* @__PURE__ */ new Map();
  const matchFields = Object.keys(find.match);
  for (const page of pages.slice(0, end)) {
    for (const kept of page) {
      const id = String(kept[hashField]);
      if (seen.has(id)) continue;
      seen.add(id);
      const key = matchKey(matchFields.map((field) => kept[field]));
      const bucket = byMatch.get(key);
      if (bucket) bucket.push(kept);
      else byMatch.set(key, [kept]);
    }
  }
  return { kind: "ok", byMatch };
}
function wanted(fields, variables) {
  return new Map(Object.entries(fields).map(([field, template]) => [field, resolveValue(template, variables)]));
}
function matches(item, want) {
  return [...want].every(([field, value]) => equalValues(item[field], value));
}
function pick(candidates, find, variables, shown) {
  if (candidates.length === 0) return { kind: "not-found", reason: `no account key of this management key has ${shown}: tell the key's owner (keywarden notify)` };
  if (candidates.length === 1 && candidates[0]) return { kind: "found", item: candidates[0] };
  const narrowed = find.narrow ? candidates.filter((item) => matches(item, wanted(find.narrow ?? {}, variables))) : candidates;
  if (narrowed.length === 1 && narrowed[0]) return { kind: "found", item: narrowed[0] };
  const by = find.narrow ? ` and the same ${Object.keys(find.narrow).join(" and ")}` : "";
  return { kind: "ambiguous", reason: `${candidates.length} account keys have ${shown}${narrowed.length > 1 ? by : ""}; none was touched: revoke it by hand` };
}
function createAccountDirectory(find, io) {
  let list;
  let firstProbe;
  let probesHit = false;
  let refused;
  const fields = fieldsRead(find);
  async function probe(variables, want) {
    const direct = find.direct;
    if (!direct || list) return void 0;
    let answer;
    if (!firstProbe) {
      firstProbe = io.direct(variables);
      answer = await firstProbe;
    } else {
      await firstProbe;
      if (refused) return refused;
      if (!probesHit || list) return void 0;
      answer = await io.direct(variables);
    }
    if (credentialRefused(answer)) return refused ??= failedAnswer("find (direct)", answer);
    if (!answers(direct.found, answer) || answer.kind !== "response") return void 0;
    const item = project(direct.item === void 0 ? answer.json : valueAt(answer.json, direct.item), fields);
    if (!matches(item, want)) return void 0;
    probesHit = true;
    return { kind: "found", item };
  }
  return {
    async find(variables) {
      const want = wanted(find.match, variables);
      const shown = [...want].map(([field, value]) => `${field} ${String(value)}`).join(", ");
      const direct = await probe(variables, want);
      if (direct) return direct;
      if (!find.list) return { kind: "not-found", reason: `the direct request did not find it (${shown})` };
      const listSpec = find.list;
      list ??= fetchList(listSpec, find, io);
      const result = await list;
      if (result.kind !== "ok") return result;
      return pick(result.byMatch.get(matchKey([...want.values()])) ?? [], find, variables, shown);
    }
  };
}

// src/respond/revoke/flow.ts
function readCredentials(spec, env) {
  const values = /* @__PURE__ */ new Map();
  for (const [name, variables] of Object.entries(spec.credentials)) {
    const value = variables.map((variable) => env[variable]?.trim()).find((text) => text !== void 0 && text !== "");
    if (value === void 0) return `${variables.join(" (or ")}${variables.length > 1 ? ")" : ""} is not set: revoking needs the owner's ${name} key, from the environment`;
    values.set(`credential.${name}`, value);
  }
  return values;
}
function targetOf(capture) {
  const text = (name2) => {
    const value = capture.get(`capture.${name2}`);
    return typeof value === "string" || typeof value === "number" ? String(value) : void 0;
  };
  const hash = text("hash");
  if (hash === void 0 || hash === "") return void 0;
  const label = text("label");
  const name = text("name");
  return { hash, ...label !== void 0 ? { label } : {}, ...name !== void 0 ? { name } : {} };
}
function createRuleFlow(spec, settings, io) {
  const credentials = readCredentials(spec, io.env);
  const credentialVariables = typeof credentials === "string" ? /* @__PURE__ */ new Map() : credentials;
  let refused;
  const actedOn = /* @__PURE__ */ new Set();
  const directory = createAccountDirectory(spec.find, {
    window: settings.window,
    direct: (variables) => spec.find.direct ? send(io.client, fillRequest(spec.find.direct.request, io.baseUrl, variables)) : Promise.resolve({ kind: "failure", reason: "no direct request" }),
    page: (offset) => spec.find.list ? send(io.client, fillRequest(spec.find.list.request, io.baseUrl, new Map([...credentialVariables, ["offset", offset]]))) : Promise.resolve({ kind: "failure", reason: "no list" })
  });
  const actionSpec = settings.action === "delete" ? spec.delete : spec.disable;
  const refuse = (reason, httpStatus) => {
    refused ??= { reason, ...httpStatus !== void 0 ? { httpStatus } : {} };
    return { outcome: "failed", reason: `${reason}: the management credential was refused`, configuration: true, ...httpStatus !== void 0 ? { httpStatus } : {} };
  };
  async function confirmDead(key, target, httpStatus) {
    for (let attempt = 1; ; attempt++) {
      const check = await io.confirm(key.secret);
      if (check.status === "invalid") return { outcome: "revoked", target, httpStatus };
      if (attempt >= spec.confirm.attempts) {
        const why = check.status === "live" ? `the key still works after ${settings.action} (checked ${attempt} times)` : `could not tell whether the key still works (${check.reason ?? check.status})`;
        return { outcome: "failed", reason: `confirm: ${why}`, target, httpStatus, acted: true };
      }
      await io.sleep(spec.confirm.delaySeconds * 1e3);
    }
  }
  async function revoke(key, beforeAction) {
    if (typeof credentials === "string") return { outcome: "failed", reason: credentials, configuration: true };
    if (refused) return { outcome: "failed", reason: `${refused.reason}: the management credential was refused (earlier in this run)`, configuration: true, ...refused.httpStatus !== void 0 ? { httpStatus: refused.httpStatus } : {} };
    if (!actionSpec) return { outcome: "failed", reason: `this provider's flow declares no ${settings.action}`, configuration: true };
    const variables = new Map([
      ["key", key.secret.reveal()],
      ["sha256", key.sha256],
      ...credentialVariables,
      ...Object.entries(key.detail).map(([name, value]) => [`detail.${name}`, value])
    ]);
    const found = await directory.find(variables);
    if (found.kind === "failed") {
      const { reason, httpStatus } = found;
      return found.configuration ? refuse(reason, httpStatus) : { outcome: "failed", reason, ...httpStatus !== void 0 ? { httpStatus } : {} };
    }
    if (found.kind !== "found") return { outcome: found.kind, reason: found.reason };
    const capture = new Map(Object.entries(spec.find.capture).map(([name, field]) => [`capture.${name}`, found.item[field]]));
    const target = targetOf(capture);
    if (!target) return { outcome: "failed", reason: "find: the account key has no hash" };
    if (spec.find.alreadyRevoked && found.item[spec.find.alreadyRevoked.when] === spec.find.alreadyRevoked.equals) {
      return { outcome: "already-revoked", target, reason: `the account key is already ${spec.find.alreadyRevoked.when}` };
    }
    if (actedOn.has(target.hash)) return { outcome: "failed", target, reason: "find: another leaked key of this run led to the same account key; it is changed once only" };
    actedOn.add(target.hash);
    if (!settings.execute) return { outcome: "would-revoke", target };
    const request = fillRequest(actionSpec.request, io.baseUrl, new Map([...variables, ...capture]));
    beforeAction(target);
    const answer = await send(io.client, request);
    if (credentialRefused(answer) && answer.kind === "response") return { ...refuse(settings.action, answer.status), target, acted: true };
    if (!answers(actionSpec.success, answer)) {
      return { outcome: "failed", target, acted: true, reason: describeAnswer(settings.action, answer), ...answer.kind === "response" ? { httpStatus: answer.status } : {} };
    }
    return confirmDead(key, target, answer.kind === "response" ? answer.status : 0);
  }
  return {
    async revoke(key, beforeAction) {
      try {
        return await revoke(key, beforeAction);
      } catch (error) {
        if (error instanceof MissingVariable) return { outcome: "failed", reason: `find: ${error.message}; the live check's answer lacks it` };
        throw error;
      }
    }
  };
}

// src/respond/revoke/revoker.ts
var identity = (finding) => ({ ruleId: finding.ruleId, provider: finding.provider, secretHash: finding.secretHash, redacted: finding.secret.redacted });
var sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function scrubber(secrets) {
  return (text) => secrets.reduce((out, secret) => secret === "" ? out : out.replaceAll(secret, "[redacted]"), text);
}
function scrubTarget(target, scrub) {
  if (!target) return void 0;
  return Object.fromEntries(Object.entries(target).map(([name, value]) => [name, scrub(value)]));
}
function byPlace(a, b) {
  const [x, y] = [a.finding, b.finding];
  return x.origin.path.localeCompare(y.origin.path) || x.line - y.line || x.column - y.column || a.order - b.order;
}
function createRevoker(ruleFiles, settings, io) {
  const sleep = io.sleep ?? sleepFor;
  const now = io.now ?? Date.now;
  const at = () => new Date(now()).toISOString();
  const rules = /* @__PURE__ */ new Map();
  const credentialValues = [];
  for (const file of ruleFiles) {
    for (const rule of file.data.rules) {
      const info = { provider: file.data.provider, providerName: file.data.name, ...rule.hint !== void 0 ? { hint: rule.hint } : {} };
      rules.set(rule.id, info);
      const spec = rule.revoke;
      if (!spec) continue;
      for (const variable of Object.values(spec.credentials).flat()) credentialValues.push(io.env[variable]?.trim() ?? "");
      const endpoint = resolveEndpoint(file, io.env);
      if (endpoint.kind === "unset") {
        info.flow = endpoint;
        continue;
      }
      const client = createPinnedClient({ allowedHosts: endpoint.allowedHosts, timeoutMs: settings.timeoutMs, retry: settings.retry, limit: settings.limit }, io);
      const flow = createRuleFlow(
        spec,
        { execute: settings.execute, action: settings.action, window: settings.window },
        { client, baseUrl: endpoint.baseUrl, env: io.env, sleep, confirm: (secret) => io.confirm(rule.id, secret) }
      );
      info.flow = { kind: "ready", flow };
    }
  }
  const started = [];
  const seen = /* @__PURE__ */ new Set();
  function record(revocation) {
    if (!io.audit) return;
    const entry = {
      at: revocation.at,
      actor: settings.actor,
      command: settings.command,
      provider: revocation.provider,
      ruleId: revocation.ruleId,
      secretHash: revocation.secretHash,
      redacted: revocation.redacted,
      action: revocation.action,
      target: revocation.target ?? null,
      outcome: revocation.outcome,
      httpStatus: revocation.httpStatus ?? null,
      dryRun: !settings.execute,
      ...revocation.reason !== void 0 ? { reason: revocation.reason } : {}
    };
    io.audit.append(entry);
  }
  async function decide(finding, scrub) {
    const verification = finding.verification ?? { status: "skipped", detail: {}, reason: "not checked" };
    if (verification.status === "invalid") return { outcome: "already-revoked", action: "none", reason: `the live check says the key no longer works (${verification.reason ?? "invalid"})` };
    if (verification.status !== "live") return { outcome: "unknown", action: "none", reason: `the live check could not tell (${verification.reason ?? verification.status}); nothing was done` };
    const info = rules.get(finding.ruleId);
    const flow = info?.flow;
    if (!flow) {
      const name = info?.providerName ?? finding.provider;
      return { outcome: "unsupported", action: "none", reason: `${name} documents no API to revoke a key. ${info?.hint ?? "Revoke it at the provider."} Tell its owner: keywarden notify.` };
    }
    if (flow.kind === "unset") return { outcome: "failed", action: "none", reason: flow.reason, configuration: true };
    const announce = (target) => record({ ...identity(finding), outcome: "started", action: settings.action, target: scrubTarget(target, scrub) ?? target, at: at() });
    const live = { secret: finding.secret, sha256: finding.secretHash.replace(/^sha256:/, ""), detail: verification.detail };
    const { acted, ...decision } = await flow.flow.revoke(live, announce);
    const action = decision.outcome === "revoked" || decision.outcome === "would-revoke" || acted === true ? settings.action : "none";
    return { ...decision, action };
  }
  async function revocationOf(finding) {
    const scrub = scrubber([finding.secret.known ? finding.secret.reveal() : "", ...credentialValues]);
    let decided;
    try {
      decided = await decide(finding, scrub);
    } catch (error) {
      decided = { outcome: "failed", action: "none", reason: `internal error: ${error.message}` };
    }
    const target = scrubTarget(decided.target, scrub);
    const revocation = {
      ...identity(finding),
      ...decided,
      ...target ? { target } : {},
      ...decided.reason !== void 0 ? { reason: scrub(decided.reason) } : {},
      at: at()
    };
    record(revocation);
    return revocation;
  }
  return {
    submit(finding) {
      if (seen.has(finding.secretHash)) return;
      seen.add(finding.secretHash);
      started.push({ finding, order: started.length, revocation: revocationOf(finding) });
    },
    async settle() {
      try {
        const done = await Promise.all(started.map(async (entry) => ({ ...entry, revocation: await entry.revocation })));
        return done.sort(byPlace).map((entry) => entry.revocation);
      } finally {
        io.audit?.close();
      }
    }
  };
}

// src/run/revoke.ts
function buildRevokeStep(config, ruleFiles, settings, env) {
  const limit = concurrencyLimit(settings.concurrency);
  const io = { http: fetchClient, env };
  const verifier = createVerifier(ruleFiles, { ...settings, limit }, io);
  const afresh = createVerifier(ruleFiles, { ...settings, limit, cache: { maxEntries: 0 } }, io);
  const audit = config.auditLog === void 0 ? void 0 : openAuditLog(config.auditLog);
  const revoker = createRevoker(
    ruleFiles,
    { execute: config.execute, action: config.action, timeoutMs: settings.timeoutMs, retry: settings.retry, limit, window: settings.concurrency, command: config.command, actor: actorOf(env) },
    { ...io, confirm: async (ruleId, secret) => (await afresh.verify(ruleId, secret)).verification, ...audit ? { audit } : {} }
  );
  return { verifier, revoker };
}
function actorOf(env) {
  if (env.GITHUB_ACTOR) return env.GITHUB_ACTOR;
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
  }
  return `${user}@${hostname()}`;
}
export {
  buildRevokeStep
};
