import { hostname, userInfo } from 'node:os';
import { ExitCode } from '../core/errors.js';
import type { Revocation } from '../core/revocation.js';
import { fetchClient } from '../net/http.js';
import { concurrencyLimit } from '../net/limit.js';
import { openAuditLog } from '../respond/revoke/audit-log.js';
import { createRevoker, type Revoker } from '../respond/revoke/revoker.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import { createVerifier, type Verifier, type VerifySettings } from '../verify/verifier.js';
import type { RevokeConfig } from './config.js';
import type { RunResult } from './tail.js';

/**
 * The revoke step of a run, built by `prepare` when the config asks for it: the run's
 * verifier and the revoker share one concurrency limit (one bound on what a provider sees,
 * live checks and management requests together), and the confirmation after an action is the
 * same live check asked afresh, past the answer the run already holds for the key.
 */
export function buildRevokeStep(config: RevokeConfig, ruleFiles: readonly LoadedRuleFile[], settings: VerifySettings, env: NodeJS.ProcessEnv): { verifier: Verifier; revoker: Revoker } {
  const limit = concurrencyLimit(settings.concurrency);
  const io = { http: fetchClient, env };
  const verifier = createVerifier(ruleFiles, { ...settings, limit }, io);
  const afresh = createVerifier(ruleFiles, { ...settings, limit, cache: { maxEntries: 0 } }, io);
  // Opened before anything is read or sent: a log that cannot be written stops the run first.
  const audit = config.auditLog === undefined ? undefined : openAuditLog(config.auditLog);
  const revoker = createRevoker(
    ruleFiles,
    { execute: config.execute, action: config.action, timeoutMs: settings.timeoutMs, retry: settings.retry, limit, window: settings.concurrency, command: config.command, actor: actorOf(env) },
    { ...io, confirm: async (ruleId, secret) => (await afresh.verify(ruleId, secret)).verification, ...(audit ? { audit } : {}) },
  );
  return { verifier, revoker };
}

/** Who acts, for the audit log: the GitHub user a workflow runs for, else `user@host`. */
function actorOf(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_ACTOR) return env.GITHUB_ACTOR;
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (a container run under an arbitrary uid): the host still says where.
  }
  return `${user}@${hostname()}`;
}

/** Outcomes that leave a key working (or, in a dry run, a key to act on): exit 1. */
const leftLive = new Set(['would-revoke', 'unknown', 'not-found', 'ambiguous', 'unsupported', 'failed']);

/**
 * SPEC §5.1's exit code: 2 for a configuration error (a management key unset or refused) or
 * input not all read, 1 when a key may still work (or, in a dry run, something is to be
 * revoked), else 0; and the reason when the revocations alone do not say it.
 */
export function revokeVerdict(result: RunResult, revocations: readonly Revocation[]): { exitCode: number; why?: string } {
  const configuration = revocations.filter((revocation) => revocation.configuration);
  if (configuration.length > 0) return { exitCode: ExitCode.error, why: `exit 2: ${configuration[0]?.reason ?? 'a configuration error'}` };
  const incomplete = result.warnings.filter((warning) => warning.kind === 'incomplete');
  if (incomplete.length > 0) return { exitCode: ExitCode.error, why: `exit 2: not every key could be read (${incomplete.length} warning${incomplete.length === 1 ? '' : 's'})` };
  if (revocations.some((revocation) => leftLive.has(revocation.outcome))) return { exitCode: ExitCode.findings };
  return { exitCode: ExitCode.clean };
}
