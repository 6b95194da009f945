import { UsageError } from '../core/errors.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import { fetchClient } from '../verify/http.js';
import { createVerifier, defaultVerifySettings, type Verifier, type VerifySettings } from '../verify/verifier.js';
import type { ReportArgs } from './options.js';

/** A flag's value, else the environment variable's, else the default; each checked. */
function pick(flag: number | undefined, flagName: string, env: string | undefined, envName: string, fallback: number, valid: (n: number) => boolean, what: string): number {
  if (flag !== undefined) {
    if (!valid(flag)) throw new UsageError(`${flagName}: ${what}`);
    return flag;
  }
  if (env !== undefined && env.trim() !== '') {
    const value = Number(env);
    if (!valid(value)) throw new UsageError(`${envName}=${env}: ${what}`);
    return value;
  }
  return fallback;
}

/** `--verify-timeout`/`--verify-concurrency`, then `KEYWARDEN_VERIFY_*`, then SPEC §5's defaults. */
export function verifySettingsFrom(args: Pick<ReportArgs, 'verifyTimeout' | 'verifyConcurrency'>, env: NodeJS.ProcessEnv): VerifySettings {
  const seconds = pick(args.verifyTimeout, '--verify-timeout', env.KEYWARDEN_VERIFY_TIMEOUT, 'KEYWARDEN_VERIFY_TIMEOUT', defaultVerifySettings.timeoutMs / 1000, (n) => Number.isFinite(n) && n >= 0.001 && n <= 600, 'a number of seconds from 0.001 to 600');
  const concurrency = pick(args.verifyConcurrency, '--verify-concurrency', env.KEYWARDEN_VERIFY_CONCURRENCY, 'KEYWARDEN_VERIFY_CONCURRENCY', defaultVerifySettings.concurrency, (n) => Number.isInteger(n) && n >= 1 && n <= 256, 'a whole number from 1 to 256');
  return { ...defaultVerifySettings, timeoutMs: Math.round(seconds * 1000), concurrency };
}

/**
 * The verifier for a run that asked for `--verify`, built before scanning so that a bad
 * setting or a refused base URL stops the run before it does any work. Undefined otherwise;
 * then the verify-only flags are usage errors rather than silently ignored.
 */
export function prepareVerifier(args: ReportArgs, ruleFiles: readonly LoadedRuleFile[], env: NodeJS.ProcessEnv = process.env): Verifier | undefined {
  if (!args.verify) {
    if (args.failOn === 'live') throw new UsageError('--fail-on live needs --verify: without a live check no key is known to be live');
    if (args.results !== undefined) throw new UsageError('--results needs --verify: outcomes come from the live check');
    if (args.verifyTimeout !== undefined || args.verifyConcurrency !== undefined) {
      throw new UsageError(`${args.verifyTimeout !== undefined ? '--verify-timeout' : '--verify-concurrency'} needs --verify: without it no key is checked`);
    }
    return undefined;
  }
  return createVerifier(ruleFiles, verifySettingsFrom(args, env), { http: fetchClient, env });
}
