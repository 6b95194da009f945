import { UsageError } from '../core/errors.js';
import { verificationStatuses, type VerificationStatus } from '../core/types.js';

/** Which findings make a run fail (SPEC §2 `--fail-on`). */
export type FailOn = 'any' | 'live';

/** How live checks run; present in a RunConfig only when keys are to be checked. */
export interface VerifyConfig {
  /** Seconds per request; undefined: `KEYWARDEN_VERIFY_TIMEOUT`, else 10. */
  timeoutSeconds?: number;
  /** Requests at once; undefined: `KEYWARDEN_VERIFY_CONCURRENCY`, else 8. */
  concurrency?: number;
  /**
   * A process that runs for days (`serve`): answers expire, so a key is asked again after a
   * while. Otherwise a run asks about each key once (SPEC §5), however long it takes.
   */
  longRunning?: boolean;
}

/** The revoke step (SPEC §5.1): after the live check, shut down the keys it calls live. Needs `verify`. */
export interface RevokeConfig {
  /** `--yes`: act; otherwise a dry run that plans and changes nothing. */
  execute: boolean;
  action: 'disable' | 'delete';
  /** Append a JSON Lines record of every decision here. */
  auditLog?: string;
  /** What ran, for the audit log: `revoke`, `scan --revoke`. */
  command: string;
}

/**
 * Everything a run needs to know, in the run's own terms: what every front end (the CLI,
 * the Action, later `serve` and `audit`) builds from its own inputs. No flag names here:
 * `checkRunConfig` words its complaints through the front end's `spell`.
 */
export interface RunConfig {
  /** Where relative paths (rule dirs, the baseline, the config file) resolve, and where the environment is read. */
  env: NodeJS.ProcessEnv;
  /** A YAML config file (`--config`): excludes, extra rules, size limit. */
  configFile?: string;
  /** Extra rule directories. */
  ruleDirs: readonly string[];
  /** A previous json report: findings already in it are not reported. */
  baseline?: string;
  /** The directory whose `.keywardenignore` applies; undefined: none (a bare repository). */
  ignoreRoot?: string;
  /** Present when keys are to be live-checked. */
  verify?: VerifyConfig;
  /** Present when live keys are to be revoked (or, without `execute`, the plan shown). */
  revoke?: RevokeConfig;
  /** Outcomes to report (`--results`); undefined: all. Never changes the verdict. */
  results?: ReadonlySet<VerificationStatus>;
  failOn: FailOn;
}

/** The run settings a front end can get wrong together, named in its own words for messages. */
export type RunOption = 'verify' | 'failOn' | 'results' | 'verifyTimeout' | 'verifyConcurrency' | 'revoke';

/** How a front end names its options: `--fail-on` on the command line, `input fail-on` in a workflow. */
export type Spell = (option: RunOption, value?: string) => string;

/**
 * The rules of use between settings, checked once here for every front end: `--fail-on live`,
 * `--results` and the verify tuning all need a live check. A run that would silently ignore
 * what it was asked (or pass every finding) must stop before it starts: the front end throws
 * the problem returned, in its own error class. `given`: the settings given at all.
 */
export function runConfigProblem(given: ReadonlySet<RunOption>, failOn: FailOn, spell: Spell): string | undefined {
  if (given.has('verify')) return undefined;
  const verify = spell('verify');
  if (given.has('revoke')) return `${spell('revoke')} needs ${verify}: only a key the live check calls live is revoked`;
  if (failOn === 'live') return `${spell('failOn', 'live')} needs ${verify}: without a live check no key is known to be live`;
  if (given.has('results')) return `${spell('results')} needs ${verify}: outcomes come from the live check`;
  for (const option of ['verifyTimeout', 'verifyConcurrency'] as const) {
    if (given.has(option)) return `${spell(option)} needs ${verify}: without it no key is checked`;
  }
  return undefined;
}

/** `live,unknown` → the set of outcomes to report; a usage error naming what is wrong. */
export function parseResults(text: string): ReadonlySet<VerificationStatus> {
  const chosen = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const wrong = chosen.filter((part) => !(verificationStatuses as readonly string[]).includes(part));
  if (chosen.length === 0 || wrong.length > 0) {
    throw new UsageError(`--results: ${wrong.length > 0 ? `'${wrong.join("', '")}' is not an outcome` : 'name at least one outcome'}; choose from ${verificationStatuses.join(',')}`);
  }
  return new Set(chosen as VerificationStatus[]);
}
