import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/core/errors.ts
var ExitCode = { clean: 0, findings: 1, error: 2 };
var KeywardenError = class extends Error {
  exitCode;
  constructor(message, exitCode = ExitCode.error) {
    super(message);
    this.name = "KeywardenError";
    this.exitCode = exitCode;
  }
};
var UsageError = class extends KeywardenError {
  constructor(message) {
    super(message, ExitCode.error);
    this.name = "UsageError";
  }
};

export {
  ExitCode,
  KeywardenError,
  UsageError
};
