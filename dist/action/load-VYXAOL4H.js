import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  builtinRulesDir,
  checkRuleSpec
} from "./chunk-4UID5OHX.js";
import {
  severities
} from "./chunk-YYL6ELOU.js";
import {
  require_dist
} from "./chunk-ELUPEH5V.js";
import {
  external_exports
} from "./chunk-UTSW6RBZ.js";
import {
  variablesIn
} from "./chunk-XAG7PXUO.js";
import {
  UsageError
} from "./chunk-H6EUIU7K.js";
import {
  __toESM
} from "./chunk-RTMO72RN.js";

// src/rules/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// src/rules/revoke-schema.ts
function variableProblem(name, place, list) {
  const [head, rest] = [name.split(".")[0], name.split(".").slice(1).join(".")];
  if (name === "key") return place === "path" ? "must not contain {key}: a key in a URL leaks into logs; send it in a header" : void 0;
  if (name === "sha256") return void 0;
  if (name === "offset") return list ? void 0 : "{offset} is only for the list request";
  if (head === "credential" && rest !== "") return place === "header" ? void 0 : `{${name}} may only be sent in a header (never in a URL or a body)`;
  if ((head === "detail" || head === "capture") && /^[A-Za-z0-9_]+$/.test(rest)) return void 0;
  return `unknown variable {${name}} (known: {key}, {sha256}, {credential.NAME}, {detail.NAME}, {capture.NAME}${list ? ", {offset}" : ""})`;
}
function stringsIn(value) {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}
var method = external_exports.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]);
function flowRequest(list) {
  return external_exports.object({
    method,
    /** Relative to the provider's base URL, query included (`/keys?offset={offset}`). */
    path: external_exports.string().startsWith("/"),
    headers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
    body: external_exports.unknown().optional()
  }).strict().superRefine((request, ctx) => {
    const check = (template, place, path) => {
      for (const name of variablesIn(template)) {
        const problem = variableProblem(name, place, list);
        if (problem) ctx.addIssue({ code: "custom", message: problem, path });
      }
    };
    check(request.path, "path", ["path"]);
    for (const [name, value] of Object.entries(request.headers ?? {})) check(value, "header", ["headers", name]);
    for (const text of stringsIn(request.body)) check(text, "body", ["body"]);
    if (list && !variablesIn(request.path).includes("offset")) {
      ctx.addIssue({ code: "custom", message: "the list request must page with {offset} in its path", path: ["path"] });
    }
  });
}
var statusMatch = external_exports.object({
  status: external_exports.array(external_exports.number().int().min(100).max(599)).min(1),
  /** Dotted paths that must be present (not null) in the JSON body. */
  jsonHas: external_exports.array(external_exports.string().min(1)).optional()
}).strict();
var fieldName = external_exports.string().regex(/^[A-Za-z0-9_]+$/, "a field name: letters, digits, _");
var findSpec = external_exports.object({
  /** One request that names the account key directly (may answer `missing`); tried first. */
  direct: external_exports.object({
    request: flowRequest(false),
    found: statusMatch,
    missing: statusMatch,
    /** Dotted path of the account key object in the answer; the body itself when absent. */
    item: external_exports.string().min(1).optional()
  }).strict().optional(),
  /** Every account key, a page at a time: fetched once per run and shared by all keys. */
  list: external_exports.object({
    request: flowRequest(true),
    ok: statusMatch,
    /** Dotted path of the array of account keys in a page. */
    items: external_exports.string().min(1),
    /** Items a full page holds; a shorter page is the last. */
    pageSize: external_exports.number().int().min(1).max(1e4),
    /** A bound on pages, so a server that never ends a list cannot keep the run going. */
    maxPages: external_exports.number().int().min(1).max(1e5).default(1e4)
  }).strict().optional(),
  /** Item field → template: an item is the leaked key's only when every one is equal. */
  match: external_exports.record(fieldName, external_exports.string()).refine((match) => Object.keys(match).length > 0, "name at least one field"),
  /** Item field → template: among several matches, the ones also equal on these. Still more than one: touch none. */
  narrow: external_exports.record(fieldName, external_exports.string()).optional(),
  /** Variable → item field, kept for the later steps (`{capture.hash}`) and the report's target. */
  capture: external_exports.record(fieldName, external_exports.string().min(1)).refine((capture) => "hash" in capture, "must capture hash: the id of the account key acted on"),
  /** An item the provider already reports as shut down: nothing to do. */
  alreadyRevoked: external_exports.object({ when: external_exports.string().min(1), equals: external_exports.union([external_exports.boolean(), external_exports.string(), external_exports.number()]) }).strict().optional()
}).strict().refine((find) => find.direct !== void 0 || find.list !== void 0, "declare direct, list, or both");
var actionSpec = external_exports.object({ request: flowRequest(false), success: statusMatch }).strict();
var revokeSpec = external_exports.object({
  /** Credential name → environment variables tried in turn; never read from a file or argv. */
  credentials: external_exports.record(fieldName, external_exports.array(external_exports.string().regex(/^[A-Z][A-Z0-9_]*$/, "an environment variable name")).min(1)).default({}),
  find: findSpec,
  disable: actionSpec,
  delete: actionSpec.optional(),
  /** The live check after the action; a provider may take a moment to stop honouring a key. */
  confirm: external_exports.object({ attempts: external_exports.number().int().min(1).max(10).default(3), delaySeconds: external_exports.number().min(0).max(60).default(1) }).strict().default({ attempts: 3, delaySeconds: 1 })
}).strict().superRefine((flow, ctx) => {
  const captured = new Set(Object.keys(flow.find.capture));
  const templates = [];
  const addRequest = (request, at) => {
    templates.push([request.path, [...at, "path"]], ...Object.entries(request.headers ?? {}).map(([name, value]) => [value, [...at, "headers", name]]));
    for (const text of stringsIn(request.body)) templates.push([text, [...at, "body"]]);
  };
  if (flow.find.direct) addRequest(flow.find.direct.request, ["find", "direct", "request"]);
  if (flow.find.list) addRequest(flow.find.list.request, ["find", "list", "request"]);
  addRequest(flow.disable.request, ["disable", "request"]);
  if (flow.delete) addRequest(flow.delete.request, ["delete", "request"]);
  for (const [field, template] of Object.entries({ ...flow.find.match, ...flow.find.narrow })) {
    for (const name of variablesIn(template).filter((name2) => name2 !== "sha256" && !/^detail\.[A-Za-z0-9_]+$/.test(name2))) {
      ctx.addIssue({ code: "custom", message: `{${name}}: an account key is matched only on {detail.NAME} and {sha256}`, path: ["find", "match", field] });
    }
  }
  for (const [template, path] of templates) {
    for (const name of variablesIn(template)) {
      const [head, rest = ""] = [name.split(".")[0], name.split(".").slice(1).join(".")];
      if (head === "credential" && !(rest in flow.credentials)) ctx.addIssue({ code: "custom", message: `{${name}}: no credential ${rest} under credentials`, path });
      if (head === "capture" && (path[0] === "find" || !captured.has(rest))) ctx.addIssue({ code: "custom", message: `{${name}}: only disable and delete may use a captured field, and ${rest} must be captured`, path });
    }
  }
});
var userCredentialVariable = /_(MANAGEMENT|ADMIN|PROVISIONING|REVOKE)_(KEY|TOKEN)$/;
function revokeFlowProblems(flow, verifyDetailFields, builtin) {
  const problems = [];
  if (verifyDetailFields === void 0) problems.push({ field: "revoke", message: "a revoke flow needs the rule to declare verify: only a key confirmed live is acted on" });
  const templates = [...Object.values(flow.find.match), ...Object.values(flow.find.narrow ?? {})];
  for (const name of templates.flatMap(variablesIn).filter((name2) => name2.startsWith("detail."))) {
    const field = name.slice("detail.".length);
    if (verifyDetailFields && !verifyDetailFields.includes(field)) problems.push({ field: "revoke.find", message: `{${name}}: ${field} is not among verify.detail.fields` });
  }
  if (!builtin) {
    for (const [name, variables] of Object.entries(flow.credentials)) {
      for (const variableName of variables.filter((v) => !userCredentialVariable.test(v))) {
        problems.push({ field: `revoke.credentials.${name}`, message: `${variableName}: a --rules file may read credentials only from variables ending in _MANAGEMENT_KEY, _ADMIN_KEY, _PROVISIONING_KEY or _REVOKE_KEY (or _TOKEN)` });
      }
    }
  }
  return problems;
}

// src/rules/schema.ts
var httpRequest = external_exports.object({
  method: external_exports.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]),
  /** Relative to the provider's base URL, e.g. `/key`. */
  path: external_exports.string().startsWith("/").refine((path) => !path.includes("{key}"), "must not contain {key}: a key in a URL leaks into logs; send it in a header"),
  headers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  body: external_exports.unknown().optional()
}).strict();
var responseMatch = external_exports.object({
  status: external_exports.array(external_exports.number().int().min(100).max(599)).min(1),
  /** Dotted paths that must be present in a JSON body for the match to hold. */
  jsonHas: external_exports.array(external_exports.string()).optional()
}).strict();
var detailSpec = external_exports.object({
  /** Dotted path of the object holding the fields (`data`); the body itself when absent. */
  from: external_exports.string().optional(),
  /** Only these are kept: a provider's body is not copied into reports wholesale. */
  fields: external_exports.array(external_exports.string().min(1)).min(1)
}).strict();
var escalateSpec = external_exports.object({
  /** Dotted path into the JSON body, e.g. `data.is_management_key`. */
  when: external_exports.string().min(1),
  equals: external_exports.union([external_exports.boolean(), external_exports.string(), external_exports.number()]),
  severity: external_exports.enum(severities),
  /** Shown with the finding in every format, e.g. "management key: can create and delete keys". */
  reason: external_exports.string().min(1)
}).strict();
var verifySpec = external_exports.object({
  request: httpRequest,
  live: responseMatch,
  invalid: responseMatch,
  detail: detailSpec.optional(),
  escalate: external_exports.array(escalateSpec).optional()
}).strict();
var ruleSchema = external_exports.object({
  id: external_exports.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must look like provider.name"),
  name: external_exports.string().min(1),
  severity: external_exports.enum(severities),
  keywords: external_exports.array(external_exports.string().min(3, "keywords need at least 3 characters")).min(1),
  /** Literal kept visible when redacting; defaults to the first keyword. */
  prefix: external_exports.string().optional(),
  pattern: external_exports.string().min(1),
  minEntropy: external_exports.number().min(0).max(8).optional(),
  hint: external_exports.string().optional(),
  examples: external_exports.array(external_exports.string()).min(1),
  negativeExamples: external_exports.array(external_exports.string()).min(1),
  verify: verifySpec.optional(),
  revoke: revokeSpec.optional()
}).strict();
var ruleFileSchema = external_exports.object({
  provider: external_exports.string().regex(/^[a-z0-9-]+$/),
  name: external_exports.string().min(1),
  /**
   * The only hosts verification and revocation may contact for this provider (exact
   * names). Loopback is always allowed, over `http:` too; nothing else is.
   */
  hosts: external_exports.array(external_exports.string().min(1)).default([]),
  baseUrl: external_exports.object({
    /** The environment variable that overrides (or, with no default, supplies) the base URL. */
    env: external_exports.string().regex(/^[A-Z0-9_]+$/),
    /** Built-in rule files only: a rule file can sit in a hostile repository. */
    default: external_exports.string().url().optional(),
    /**
     * Self-hosted deployments: the host in the environment variable is the deployment,
     * so it is allowed besides `hosts`. The variable is set by the user, never by a file.
     */
    selfHosted: external_exports.boolean().optional()
  }).strict().optional(),
  rules: external_exports.array(ruleSchema).min(1)
}).strict();

// src/rules/load.ts
function parseRuleFile(file, text, builtin = false) {
  let raw;
  try {
    raw = (0, import_yaml.parse)(text);
  } catch (error) {
    const where = error instanceof import_yaml.YAMLParseError ? ` (line ${error.linePos?.[0]?.line ?? "?"})` : "";
    return { problems: [{ file, field: "(yaml)", message: `not valid YAML${where}: ${error.message.split("\n")[0]}` }] };
  }
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        field: issue.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("").replace(/^\./, "") || "(root)",
        message: issue.message
      }))
    };
  }
  const problems = parsed.data.rules.flatMap((rule, index) => [...checkRuleSpec(file, index, rule), ...revokeProblems(file, index, rule, builtin)]);
  const baseUrl = parsed.data.baseUrl;
  if (!builtin && baseUrl && !baseUrl.env.endsWith("_BASE_URL")) {
    problems.push({ file, field: "baseUrl.env", message: `must name a variable ending in _BASE_URL, which the user sets for this provider; not ${baseUrl.env}` });
  }
  if (!builtin && baseUrl?.selfHosted) {
    problems.push({
      file,
      field: "baseUrl.selfHosted",
      message: "only built-in rules may trust the host in their environment variable; list the hosts this provider may contact in hosts"
    });
  }
  if (!builtin && baseUrl?.default !== void 0) {
    problems.push({
      file,
      field: "baseUrl.default",
      message: `only built-in rules may name a base URL (a rule file could come from the scanned repository); set ${baseUrl.env} in the environment instead`
    });
  }
  return problems.length > 0 ? { problems } : { rules: { file, data: parsed.data, builtin }, problems };
}
function revokeProblems(file, index, rule, builtin) {
  if (!rule.revoke) return [];
  const detailFields = rule.verify ? rule.verify.detail?.fields ?? [] : void 0;
  return revokeFlowProblems(rule.revoke, detailFields, builtin).map(({ field, message }) => ({ file, field: `rules[${index}].${field}`, message }));
}
function ruleFilesIn(dir) {
  let names;
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--rules ${dir}: not a directory`);
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read rules directory ${dir}: ${error.code ?? String(error)}`);
  }
  return names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
}
function formatProblem(problem) {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
function loadRuleFiles(extraDirs = [], includeBuiltin = true) {
  const extraFiles = extraDirs.map((dir) => {
    const files2 = ruleFilesIn(dir);
    if (files2.length === 0) throw new UsageError(`no rule files (*.yaml) in ${dir}`);
    return files2;
  });
  const builtinFiles = includeBuiltin ? ruleFilesIn(builtinRulesDir) : [];
  const files = [...builtinFiles, ...extraFiles.flat()];
  const loaded = [];
  const problems = [];
  const seenIds = /* @__PURE__ */ new Map();
  for (const file of files) {
    const result = parseRuleFile(file, readFileSync(file, "utf8"), builtinFiles.includes(file));
    problems.push(...result.problems);
    if (!result.rules) continue;
    result.rules.data.rules.forEach((rule, index) => {
      const other = seenIds.get(rule.id);
      if (other) problems.push({ file, field: `rules[${index}].id`, message: `'${rule.id}' is already defined in ${other}` });
      seenIds.set(rule.id, file);
    });
    loaded.push(result.rules);
  }
  if (problems.length > 0) throw new UsageError(`invalid rule file:
${problems.map(formatProblem).join("\n")}`);
  return loaded;
}
export {
  formatProblem,
  loadRuleFiles,
  parseRuleFile
};
