import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  Secret,
  sha256
} from "./chunk-HQYL6ITT.js";

// src/detect/finding.ts
function secretHashOf(key) {
  return `sha256:${sha256(key)}`;
}
function fingerprintOf(path, ruleId, secretHash, repository) {
  return `${repository !== void 0 ? `${repository}:` : ""}${path}:${ruleId}:${secretHash.slice("sha256:".length, "sha256:".length + 16)}`;
}
function toWire(match, origin) {
  return {
    ruleId: match.rule.id,
    key: match.key,
    origin,
    line: match.line,
    column: match.column,
    endColumn: match.endColumn,
    ...match.encoding ? { encoding: match.encoding } : {}
  };
}
function toFinding(wire, rule) {
  const secretHash = secretHashOf(wire.key);
  return {
    ruleId: rule.id,
    provider: rule.provider,
    severity: rule.severity,
    secret: new Secret(wire.key, rule.prefix),
    secretHash,
    fingerprint: fingerprintOf(wire.origin.path, rule.id, secretHash, wire.origin.repository),
    origin: wire.origin,
    line: wire.line,
    column: wire.column,
    endColumn: wire.endColumn,
    ...wire.encoding ? { encoding: wire.encoding } : {}
  };
}

export {
  secretHashOf,
  toWire,
  toFinding
};
