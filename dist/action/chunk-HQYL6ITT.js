import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/core/secret.ts
var redactedOnly = /* @__PURE__ */ Symbol("redacted only");
var Secret = class _Secret {
  #raw;
  #prefix;
  /** Redacted form: the rule's prefix plus at most four characters at each end of the body. */
  redacted;
  /** False when only the redacted form is known (see `fromRedacted`). */
  known;
  constructor(raw, prefix) {
    this.#raw = raw;
    this.#prefix = prefix === redactedOnly ? "" : prefix;
    this.known = prefix !== redactedOnly;
    this.redacted = prefix === redactedOnly ? raw : redact(raw, prefix);
  }
  /**
   * A key known only by its redacted form: a finding read back from a report that holds no
   * key, where the key could not be found again. `reveal()` gives the redacted form, so even
   * `--show-secrets` prints nothing usable; such a key must never be sent to a provider.
   */
  static fromRedacted(redacted) {
    return new _Secret(redactedShape.test(redacted) ? redacted : "\u2026", redactedOnly);
  }
  /** The raw key. Call only where the key must leave the process on purpose (`--show-secrets`, verification). */
  reveal() {
    return this.#raw;
  }
  /**
   * `text` (a provider's answer, say) with this key replaced by its redacted form in every shape
   * it may be echoed in: as it is or in another case, without its prefix, and base64-encoded
   * (standard or URL-safe, at any alignment, so inside `base64("user:" + key)` too).
   */
  maskIn(text) {
    if (!this.known) return text;
    const body = this.#raw.startsWith(this.#prefix) ? this.#raw.slice(this.#prefix.length) : this.#raw;
    const plain = [this.#raw, body].filter((form, index) => index === 0 || form !== this.#raw && form.length >= minEchoedLength);
    let masked = text;
    for (const form of plain) masked = masked.replace(new RegExp(form.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"), "gi"), this.redacted);
    for (const form of plain.flatMap(base64Shapes)) masked = masked.replaceAll(form, this.redacted);
    return masked;
  }
  toString() {
    return this.redacted;
  }
  toJSON() {
    return this.redacted;
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return `Secret(${this.redacted})`;
  }
};
var minEchoedLength = 8;
function base64Shapes(text) {
  const bytes = Buffer.from(text, "utf8");
  const shapes = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    return encoded.slice(Math.ceil(shift * 8 / 6), Math.floor((shift + bytes.length) * 8 / 6));
  });
  const urlSafe = shapes.map((shape) => shape.replace(/\+/g, "-").replace(/\//g, "_"));
  return [.../* @__PURE__ */ new Set([...shapes, ...urlSafe])].filter((shape) => shape.length >= minEchoedLength);
}
var redactedShape = /^[A-Za-z0-9_-]{0,24}…[A-Za-z0-9_-]{0,4}$/;
function redact(raw, prefix) {
  const body = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
  const head = raw.startsWith(prefix) ? prefix : "";
  const keep = Math.min(4, Math.floor(body.length / 4));
  if (keep === 0) return `${head}\u2026`;
  return `${head}${body.slice(0, keep)}\u2026${body.slice(-keep)}`;
}

// src/report/neutral.ts
var bidiControls = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
var unprintable = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${bidiControls}]`, "g");
var bidi = new RegExp(`[${bidiControls}]`, "g");
function printable(text) {
  return text.replace(unprintable, "?");
}
function withoutBidi(text) {
  return text.replace(bidi, "?");
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
  return statusesByUrgency.map((status) => [status, findings.filter((finding) => statusOf(finding) === status).length]).filter(([, count]) => count > 0);
}
function statusSummary(findings) {
  return countByStatus(findings).map(([status, count]) => `${count} ${status}`).join(", ");
}
var maxTextLength = 200;
function plainText(text) {
  const clean = printable(text.replace(/[\t\r\n]+/g, " "));
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

// src/detect/hash.ts
import { createRequire } from "node:module";
var crypto;
function sha256(text, encoding = "hex") {
  crypto ??= createRequire(import.meta.url)("node:crypto");
  return crypto.createHash("sha256").update(text, "utf8").digest(encoding);
}

export {
  Secret,
  redact,
  sha256,
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
  toReportedFinding,
  fakeAdvice,
  suppressHint,
  placeOf,
  distinctFiles
};
