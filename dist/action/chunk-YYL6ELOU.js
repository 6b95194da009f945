import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/core/types.ts
var severities = ["critical", "high", "medium", "low"];
var verificationStatuses = ["live", "invalid", "unknown", "skipped"];

export {
  severities,
  verificationStatuses
};
