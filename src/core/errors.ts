/** Exit codes, as SPEC §2 fixes them. */
export const ExitCode = { clean: 0, findings: 1, error: 2 } as const;

/**
 * The one error class the CLI maps to an exit code. Anything that must stop a run
 * (bad flags, a malformed rule file, a missing path) throws this; partial failures
 * (an unreadable file, a network error while verifying) are warnings in the result instead.
 * Messages must never contain a raw key.
 */
export class KeywardenError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = ExitCode.error) {
    super(message);
    this.name = 'KeywardenError';
    this.exitCode = exitCode;
  }
}

/** A problem with what the user asked for: flags, config, rule files. */
export class UsageError extends KeywardenError {
  constructor(message: string) {
    super(message, ExitCode.error);
    this.name = 'UsageError';
  }
}
