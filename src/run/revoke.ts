import { hostname, userInfo } from 'node:os';
import { fetchClient } from '../net/http.js';
import { concurrencyLimit } from '../net/limit.js';
import { openAuditLog } from '../respond/revoke/audit-log.js';
import { createRevoker, type Revoker } from '../respond/revoke/revoker.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import { createVerifier, type Verifier, type VerifySettings } from '../verify/verifier.js';
import type { RevokeConfig } from './config.js';

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
