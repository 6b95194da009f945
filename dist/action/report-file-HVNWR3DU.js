import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  secretHashOf
} from "./chunk-VVR64YSN.js";
import {
  Secret,
  redact,
  toReportedFinding
} from "./chunk-HQYL6ITT.js";
import {
  severities,
  verificationStatuses
} from "./chunk-YYL6ELOU.js";
import {
  external_exports
} from "./chunk-UTSW6RBZ.js";
import {
  readUpTo
} from "./chunk-IKNXPITC.js";
import "./chunk-NXFRB3JQ.js";
import "./chunk-Q4G3BBC5.js";
import {
  UsageError
} from "./chunk-H6EUIU7K.js";
import "./chunk-RTMO72RN.js";

// src/core/revocation.ts
var revokeOutcomes = ["revoked", "already-revoked", "would-revoke", "unknown", "not-found", "ambiguous", "unsupported", "failed"];

// src/report/schema.ts
var sources = ["file", "staged", "history", "log", "input"];
var shaped = (shape, what) => external_exports.string({ error: what }).regex(shape, { error: what });
var text = (what) => external_exports.string({ error: what }).min(1, { error: what });
var oneOf = (values) => external_exports.enum(values, { error: `one of ${values.join(", ")}` });
var position = external_exports.int({ error: "a whole number from 1" }).min(1, { error: "a whole number from 1" });
var count = external_exports.int({ error: "a whole number from 0" }).min(0, { error: "a whole number from 0" });
var verificationSchema = external_exports.object({
  status: oneOf(verificationStatuses),
  /** For `live`: the fields the rule keeps from the provider's answer. */
  detail: external_exports.record(external_exports.string(), external_exports.unknown()),
  reason: external_exports.string().optional()
});
var historyFields = ["commit", "author", "email", "date"];
var revocationSchema = external_exports.object({
  ruleId: text("a rule id"),
  provider: text("a provider name"),
  secretHash: shaped(/^sha256:[0-9a-f]{64}$/, "sha256: and 64 lowercase hex"),
  redacted: text("a redacted key"),
  outcome: oneOf(revokeOutcomes),
  action: oneOf(["disable", "delete", "none"]),
  target: external_exports.object({ hash: external_exports.string(), label: external_exports.string().optional(), name: external_exports.string().optional() }).optional(),
  reason: external_exports.string().optional(),
  at: external_exports.string({ error: "a date" })
});
var repositoryName = shaped(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/, "OWNER/NAME");
var reportFindingSchema = external_exports.object({
  ruleId: shaped(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a rule id (provider.name)"),
  provider: text("a provider name"),
  severity: oneOf(severities),
  /** `sha256:` + lowercase hex of SHA-256 over the raw key's UTF-8 bytes. */
  secretHash: shaped(/^sha256:[0-9a-f]{64}$/, "sha256: and 64 lowercase hex"),
  /** The prefix and at most four characters at each end of the body. */
  redacted: text("a redacted key"),
  /** Stable id for ignore files and baselines. */
  fingerprint: text("a fingerprint"),
  /**
   * `OWNER/NAME` of the repository the finding is in, for audits of several repositories;
   * absent otherwise. A baseline finding with one matches only findings of that repository.
   */
  repository: repositoryName.optional(),
  source: oneOf(sources),
  /** Relative to the scanned root, with `/`. Absent for `source: "input"`: those keys were never in a file. */
  path: text("a path").optional(),
  line: position,
  column: position,
  /** Exclusive. Columns count UTF-16 code units. */
  endColumn: position,
  encoding: external_exports.literal("base64", { error: "base64" }).optional(),
  /** `commit`, `author`, `email` and `date` (ISO 8601): present exactly for `source: "history"`. */
  commit: shaped(/^[0-9a-f]{7,64}$/, "a commit id").optional(),
  author: external_exports.string().optional(),
  email: external_exports.string().optional(),
  date: external_exports.string().optional(),
  /** Present only with `--verify`. */
  verification: verificationSchema.optional(),
  /** The raw key: only with `--show-secrets`. */
  secret: external_exports.string().optional(),
  /**
   * The fields that had a key in them masked (`path`, `fingerprint`, `author`, …): such a path
   * names no file as it stands. Absent when nothing was masked. Any names, so a later version may add some.
   */
  redactedFields: external_exports.array(external_exports.string()).optional()
}).superRefine((finding, context) => {
  if (finding.source !== "input" && finding.path === void 0) context.addIssue({ code: "custom", path: ["path"], message: "a path" });
  if (finding.source !== "history") return;
  for (const field of historyFields) {
    if (finding[field] === void 0) context.addIssue({ code: "custom", path: [field], message: "present for history findings" });
  }
});
var reportSchema = external_exports.object({
  version: external_exports.literal(1, { error: "1" }),
  tool: external_exports.object({ name: external_exports.literal("keywarden", { error: "keywarden" }), version: text("a version") }),
  findings: external_exports.array(reportFindingSchema),
  stats: external_exports.object({
    files: count,
    bytes: count,
    durationMs: external_exports.number({ error: "a number from 0" }).min(0, { error: "a number from 0" }),
    /** Findings per verification outcome, most urgent first, outcomes that occur only: present only with `--verify`. */
    byStatus: external_exports.partialRecord(oneOf(verificationStatuses), count).optional()
  }),
  /** Present only when something went wrong without stopping the run. */
  warnings: external_exports.array(
    external_exports.object({
      path: external_exports.string().optional(),
      message: external_exports.string(),
      kind: oneOf(["filter", "incomplete"]).optional(),
      /** As for findings: `path` or `message` had a key masked. */
      redactedFields: external_exports.array(external_exports.string()).optional()
    })
  ).optional(),
  /** One shard of a planned audit (`audit --shard I/N`): the plan it follows, so `merge` joins only shards of one plan and names those missing. */
  shard: external_exports.object({
    plan: shaped(/^[0-9a-f]{16,64}$/, "a plan id (hex)"),
    index: position,
    count: position
  }).refine((shard) => shard.index <= shard.count, { error: "a shard I/N with I at most N" }).optional(),
  /** Present only after `--revoke`: each distinct key's revocation (or, in a dry run, its plan). */
  revocations: external_exports.array(revocationSchema).optional(),
  /** An audit of several repositories: each one scanned (with findings or not), and each one that could not be, with why. */
  repositories: external_exports.object({
    scanned: external_exports.array(repositoryName),
    notScanned: external_exports.array(external_exports.object({ repository: repositoryName, reason: external_exports.string({ error: "a string" }) }))
  }).optional()
});
var listedProblems = 3;
function expectedOf(issue) {
  if (issue.code === "invalid_type") {
    const expected = issue.expected === "record" ? "object" : String(issue.expected);
    return `${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected}`;
  }
  return "valid";
}
function pathOf(path) {
  return path.map((segment, index) => {
    if (typeof segment === "number") return `[${segment}]`;
    const name = typeof segment === "string" && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(segment) ? segment : "?";
    return index === 0 ? name : `.${name}`;
  }).join("");
}
function valueAt(value, path) {
  let here = value;
  for (const segment of path) {
    if (typeof here !== "object" || here === null) return void 0;
    here = here[segment];
  }
  return here;
}
function describeIssues(issues, value) {
  if (issues.some((issue) => issue.path.length === 0 || issue.path.length === 1 && issue.path[0] === "findings")) {
    return 'not a keywarden json report (no "findings" array)';
  }
  if (issues.some((issue) => issue.path[0] === "version")) return "not a keywarden json report of version 1";
  const problems = [
    ...new Set(issues.map((issue) => `${pathOf(issue.path)} is ${valueAt(value, issue.path) === void 0 ? "missing" : `not ${issue.message}`}`))
  ];
  const more = problems.length - listedProblems;
  return [...problems.slice(0, listedProblems), ...more > 0 ? [`and ${more} more problem${more === 1 ? "" : "s"}`] : []].join("; ");
}
function parseReport(value) {
  const parsed = reportSchema.safeParse(value, { error: expectedOf });
  if (parsed.success) return parsed.data;
  throw new Error(describeIssues(parsed.error.issues, value));
}

// src/run/report-file.ts
var maxReportBytes = 128 * 1024 * 1024;
function startsLikeJson(head) {
  const first = head.toString("latin1").trimStart()[0];
  return first === void 0 || first === "{";
}
function readReportFile(file, flag) {
  const named = flag === void 0 ? file : `${flag} ${file}`;
  let read;
  try {
    read = readUpTo(file, maxReportBytes, startsLikeJson);
  } catch (error) {
    throw new UsageError(`${named}: cannot read it (${error.code ?? "unknown error"})`);
  }
  if (read.more) throw new UsageError(`${named}: larger than ${maxReportBytes / 1024 / 1024} MiB, more than a json report keywarden reads (is it one?)`);
  const text2 = read.data.toString("utf8");
  let json;
  try {
    if (read.wrong) throw new SyntaxError("not a JSON object");
    json = JSON.parse(text2);
  } catch {
    throw new UsageError(`${named}: not valid JSON (a keywarden report made with --format json)`);
  }
  try {
    return { report: parseReport(json), bytes: Buffer.byteLength(text2) };
  } catch (error) {
    throw new UsageError(`${named}: ${error.message}`);
  }
}
function readReport(file) {
  const { report, bytes } = readReportFile(file, "--report");
  return { findings: report.findings.map(toReportedFinding), bytes };
}
function readBaseline(file) {
  return { fingerprints: new Set(readReportFile(file, "--baseline").report.findings.map((finding) => finding.fingerprint)) };
}
var redactedFieldNames = ["path", "fingerprint", "repository", "author", "email", "verification", "message"];
var maskedFields = (names) => names.filter((field) => redactedFieldNames.includes(field));
function secretOf(finding, keepRaw) {
  const raw = finding.secret;
  if (keepRaw && raw !== void 0 && secretHashOf(raw) === finding.secretHash) {
    const cut = finding.redacted.indexOf("\u2026");
    for (let end = cut; end >= 0; end--) {
      const prefix = finding.redacted.slice(0, end);
      if (raw.startsWith(prefix) && redact(raw, prefix) === finding.redacted) return new Secret(raw, prefix);
    }
  }
  return Secret.fromRedacted(finding.redacted);
}
function resultOfReport(report, keepRaw) {
  const { files, bytes, durationMs } = report.stats;
  return {
    findings: report.findings.map((finding) => findingOfReport(finding, keepRaw)),
    warnings: warningsOfReport(report),
    stats: { files, bytes, durationMs },
    ...report.repositories ? { repositories: report.repositories } : {},
    ...report.revocations ? { revocations: report.revocations.map(revocationOfReport) } : {}
  };
}
function findingOfReport(finding, keepRaw) {
  const { ruleId, provider, severity, secretHash, fingerprint, origin, line, column, endColumn, encoding } = toReportedFinding(finding);
  const place = { ruleId, provider, severity, secretHash, fingerprint, origin, line, column, endColumn, ...encoding ? { encoding } : {} };
  const { verification, redactedFields } = finding;
  const masked = maskedFields(redactedFields ?? []);
  return {
    ...place,
    secret: secretOf(finding, keepRaw),
    ...verification ? { verification: { status: verification.status, detail: verification.detail, ...verification.reason !== void 0 ? { reason: verification.reason } : {} } } : {},
    ...masked.length > 0 ? { redactedFields: masked } : {}
  };
}
function revocationOfReport({ target, reason, ...rest }) {
  const { hash, label, name } = target ?? { hash: "" };
  return {
    ...rest,
    ...target ? { target: { hash, ...label !== void 0 ? { label } : {}, ...name !== void 0 ? { name } : {} } } : {},
    ...reason !== void 0 ? { reason } : {}
  };
}
function warningsOfReport(report) {
  return (report.warnings ?? []).map(({ path, message, kind, redactedFields }) => ({
    ...path !== void 0 ? { path } : {},
    message,
    ...kind !== void 0 ? { kind } : {},
    ...redactedFields !== void 0 ? { redactedFields: maskedFields(redactedFields) } : {}
  }));
}
export {
  findingOfReport,
  readBaseline,
  readReport,
  readReportFile,
  resultOfReport,
  warningsOfReport
};
