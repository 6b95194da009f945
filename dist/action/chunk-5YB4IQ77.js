import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  severities,
  verificationStatuses
} from "./chunk-YYL6ELOU.js";
import {
  external_exports
} from "./chunk-UTSW6RBZ.js";
import {
  readUpTo
} from "./chunk-J2CR5QXN.js";
import {
  UsageError
} from "./chunk-H6EUIU7K.js";

// src/report/neutral.ts
var bidiControls = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
var unprintable = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${bidiControls}]`, "g");
var bidi = new RegExp(`[${bidiControls}]`, "g");
function printable(text2) {
  return text2.replace(unprintable, "?");
}
function withoutBidi(text2) {
  return text2.replace(bidi, "?");
}

// src/report/verification.ts
var statusesByUrgency = ["live", "unknown", "skipped", "invalid"];
function isVerified(findings) {
  return findings.some((finding) => finding.verification !== void 0);
}
function statusOf(finding) {
  return finding.verification?.status ?? "skipped";
}
function countByStatus(findings) {
  return statusesByUrgency.map((status) => [status, findings.filter((finding) => statusOf(finding) === status).length]).filter(([, count2]) => count2 > 0);
}
function statusSummary(findings) {
  return countByStatus(findings).map(([status, count2]) => `${count2} ${status}`).join(", ");
}
var maxTextLength = 200;
function plainText(text2) {
  const clean = printable(text2.replace(/[\t\r\n]+/g, " "));
  return clean.length > maxTextLength ? `${clean.slice(0, maxTextLength - 1)}\u2026` : clean;
}
function formatUsd(amount) {
  if (amount > 0 && amount < 0.01) return "<$0.01";
  return `$${amount.toFixed(2)}`;
}
function numberIn(detail, field) {
  const value = detail[field];
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function describeSpending(detail) {
  const usage = numberIn(detail, "usage");
  const limit = numberIn(detail, "limit");
  const remaining = numberIn(detail, "limit_remaining");
  const used = usage === void 0 ? void 0 : `usage ${formatUsd(usage)}`;
  if (limit !== void 0) {
    const left = remaining === void 0 ? "" : ` (${formatUsd(remaining)} left)`;
    return `${used ? `${used} of ` : ""}${formatUsd(limit)} limit${left}`;
  }
  if (detail["limit"] === null) return used ? `${used}, no limit` : "no limit";
  return used;
}
function describeExpiry(detail) {
  if (!("expires_at" in detail)) return void 0;
  const expiry = detail["expires_at"];
  if (expiry === null) return "expires never";
  return typeof expiry === "string" ? `expires ${plainText(expiry)}` : void 0;
}
function describeLiveDetail(detail) {
  const parts = [describeSpending(detail), describeExpiry(detail), detail["is_free_tier"] === true ? "free tier" : void 0];
  const told = parts.filter((part) => part !== void 0);
  return told.length > 0 ? told.join(", ") : void 0;
}
function describeOutcome(verification) {
  const reason = verification.reason === void 0 ? void 0 : plainText(verification.reason);
  switch (verification.status) {
    case "live": {
      const detail = describeLiveDetail(verification.detail);
      return detail && `live: ${detail}`;
    }
    case "unknown":
      return `could not check: ${reason ?? "no usable answer"} \u2014 treat as live until checked`;
    case "invalid":
      return `invalid: the provider rejected it${reason ? ` (${reason})` : ""}`;
    case "skipped":
      return `not checked: ${reason ?? "no live check for this key"}`;
  }
}
function escalationOf(verification) {
  if (verification?.status !== "live" || verification.reason === void 0) return void 0;
  return plainText(verification.reason);
}
function reportVerification(verification, secret) {
  const mask = (value) => typeof value === "string" ? secret.maskIn(value) : value;
  const detail = Object.fromEntries(Object.entries(verification.detail).map(([field, value]) => [field, mask(value)]));
  return {
    status: verification.status,
    detail,
    ...verification.reason !== void 0 ? { reason: String(mask(verification.reason)) } : {}
  };
}
function verificationOf(finding) {
  return finding.verification && reportVerification(finding.verification, finding.secret);
}

// src/report/model.ts
function toReportFinding(finding, context) {
  const { origin } = finding;
  const verification = verificationOf(finding);
  return {
    ruleId: finding.ruleId,
    provider: finding.provider,
    severity: finding.severity,
    secretHash: finding.secretHash,
    redacted: finding.secret.redacted,
    fingerprint: finding.fingerprint,
    ...origin.repository !== void 0 ? { repository: origin.repository } : {},
    source: origin.kind,
    ...origin.kind === "input" ? {} : { path: origin.path },
    line: finding.line,
    column: finding.column,
    endColumn: finding.endColumn,
    ...finding.encoding ? { encoding: finding.encoding } : {},
    ...origin.kind === "history" ? { commit: origin.commit, author: origin.author, email: origin.email, date: origin.date } : {},
    ...verification ? { verification } : {},
    ...context.showSecrets ? { secret: finding.secret.reveal() } : {},
    ...finding.redactedFields ? { redactedFields: finding.redactedFields } : {}
  };
}
function originOf(finding) {
  const repository = finding.repository !== void 0 ? { repository: finding.repository } : {};
  if (finding.source === "input") return { kind: "input", path: "<stdin>", ...repository };
  const path = finding.path ?? "";
  if (finding.source !== "history") return { kind: finding.source, path, ...repository };
  const { commit = "", author = "", email = "", date = "" } = finding;
  return { kind: "history", path, commit, author, email, date, ...repository };
}
function toReportedFinding(finding) {
  const { ruleId, provider, severity, secretHash, redacted, fingerprint, line, column, endColumn, encoding, secret } = finding;
  return {
    ruleId,
    provider,
    severity,
    secretHash,
    redacted,
    fingerprint,
    origin: originOf(finding),
    line,
    column,
    endColumn,
    ...encoding ? { encoding } : {},
    ...secret !== void 0 ? { secret } : {}
  };
}
function lineCanBeMarked(finding) {
  return finding.origin.kind === "file" || finding.origin.kind === "staged";
}
function fakeAdvice(findings, ignoreFile, listed = "") {
  const markable = findings.filter(lineCanBeMarked).length;
  if (markable === 0) return `Add its fingerprint${listed} to ${ignoreFile}.`;
  if (markable === findings.length) return `Add \`keywarden:allow\` to its line, or its fingerprint${listed} to ${ignoreFile}.`;
  return `Add \`keywarden:allow\` to its line if it is in a file you can edit, or its fingerprint${listed} to ${ignoreFile} (the only way for a key in a past commit or a log).`;
}
function suppressHint(finding, context = {}) {
  const ignoreFile = printable(context.ignoreFile ?? ".keywardenignore");
  const fingerprint = printable(finding.fingerprint);
  switch (finding.origin.kind) {
    case "history":
      return `the key stays in history until it is revoked: rotate it; removing it in a new commit does not help. Deliberate fake? add "${fingerprint}" to ${ignoreFile}`;
    case "log":
      return `the log keeps the key: rotate it, and mask logs at the source (app | keywarden redact). Deliberate fake? add "${fingerprint}" to ${ignoreFile}`;
    default:
      return `deliberate fake? add "keywarden:allow" on the line, or "${fingerprint}" to ${ignoreFile}`;
  }
}
function placeOf(origin) {
  return origin.repository !== void 0 ? `${origin.repository}:${origin.path}` : origin.path;
}
function distinctFiles(result) {
  return new Set(result.findings.map((finding) => placeOf(finding.origin))).size;
}

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
  repository: shaped(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/, "OWNER/NAME").optional(),
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
  ).optional()
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
  let read;
  try {
    read = readUpTo(file, maxReportBytes, startsLikeJson);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot read it (${error.code ?? "unknown error"})`);
  }
  if (read.more) throw new UsageError(`${flag} ${file}: larger than ${maxReportBytes / 1024 / 1024} MiB, more than a json report keywarden reads (is it one?)`);
  const text2 = read.data.toString("utf8");
  let json;
  try {
    if (read.wrong) throw new SyntaxError("not a JSON object");
    json = JSON.parse(text2);
  } catch {
    throw new UsageError(`${flag} ${file}: not valid JSON (a keywarden report made with --format json)`);
  }
  try {
    return { report: parseReport(json), bytes: Buffer.byteLength(text2) };
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${error.message}`);
  }
}
function readReport(file) {
  const { report, bytes } = readReportFile(file, "--report");
  return { findings: report.findings.map(toReportedFinding), bytes };
}
function readBaseline(file) {
  return { fingerprints: new Set(readReportFile(file, "--baseline").report.findings.map((finding) => finding.fingerprint)) };
}

export {
  printable,
  withoutBidi,
  isVerified,
  statusOf,
  countByStatus,
  statusSummary,
  plainText,
  describeOutcome,
  escalationOf,
  verificationOf,
  toReportFinding,
  fakeAdvice,
  suppressHint,
  placeOf,
  distinctFiles,
  readReportFile,
  readReport,
  readBaseline
};
