import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import type { RevokeAction, RevokeOutcome, RevokeTarget } from '../../core/revocation.js';

/**
 * The audit log of revocations (SPEC §5.1): JSON Lines, one record per decision, appended
 * with one write each, straight to the file (no buffer in this process), so a record is in
 * the file before the request it announces is sent and a run killed half-way leaves every
 * record it wrote whole. An action writes `started` before its request and its outcome
 * after, so a request that was sent is never missing from the log. The file is opened for
 * append only, never through a symlink, and only if it is a regular file: the log is
 * evidence, and an attacker who can plant a link must not be able to aim it at another file.
 */

export interface AuditRecord {
  /** ISO 8601. */
  at: string;
  /** `GITHUB_ACTOR`, else `user@host`. */
  actor: string;
  /** What ran: `revoke`, `scan --revoke`. */
  command: string;
  provider: string;
  ruleId: string;
  secretHash: string;
  redacted: string;
  action: RevokeAction | 'none';
  target: RevokeTarget | null;
  /** `started`: the action's request is about to be sent; its outcome follows in a later record. */
  outcome: RevokeOutcome | 'started';
  httpStatus: number | null;
  dryRun: boolean;
  reason?: string;
}

export interface AuditLog {
  append(record: AuditRecord): void;
  close(): void;
}

/** Open FILE for appending records; a usage error when it cannot be, before anything is revoked. */
export function openAuditLog(file: string): AuditLog {
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--audit-log ${file}: ${code === 'ELOOP' ? 'is a symbolic link; the audit log is never written through one' : `cannot open it for appending (${code ?? String(error)})`}`);
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new UsageError(`--audit-log ${file}: not a regular file`);
  }
  return {
    append(record) {
      const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      // One write for the line: O_APPEND puts it whole at the end, even beside another writer.
      for (let written = 0; written < line.length; ) written += writeSync(fd, line, written, line.length - written);
    },
    close() {
      closeSync(fd);
    },
  };
}
