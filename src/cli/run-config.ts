import { UsageError } from '../core/errors.js';
import { parseResults, runConfigProblem, type RevokeConfig, type RunConfig, type RunOption, type Spell } from '../run/config.js';
import type { ReportOptions } from './options.js';

const flagNames: Record<RunOption, string> = {
  verify: '--verify',
  failOn: '--fail-on',
  results: '--results',
  verifyTimeout: '--verify-timeout',
  verifyConcurrency: '--verify-concurrency',
  revoke: '--revoke',
};

/** Run settings named as the command line spells them. */
export const cliSpell: Spell = (option, value) => (value === undefined ? flagNames[option] : `${flagNames[option]} ${value}`);

/** The options of a command that reports findings, as the run's typed config. */
export type RunOptions = Pick<ReportOptions, 'rules' | 'failOn' | 'results' | 'verifyTimeout' | 'verifyConcurrency'> &
  Partial<Pick<ReportOptions, 'config' | 'baseline' | 'verify' | 'revoke' | 'yes' | 'delete' | 'auditLog'>>;

/** `--revoke` and its companions as the run's revoke step; `--yes`, `--delete` and `--audit-log` alone are mistakes, not no-ops. */
function revokeConfigFrom(options: RunOptions, command: string): RevokeConfig | undefined {
  if (options.revoke !== true) {
    const stray = options.yes === true ? '--yes' : options.delete === true ? '--delete' : options.auditLog !== undefined ? '--audit-log' : undefined;
    if (stray) throw new UsageError(`${stray} needs --revoke: without it nothing is revoked`);
    return undefined;
  }
  return { execute: options.yes === true, action: options.delete === true ? 'delete' : 'disable', command, ...(options.auditLog !== undefined ? { auditLog: options.auditLog } : {}) };
}

/**
 * Command-line options → RunConfig, checked once for every command (`--fail-on live` needs
 * `--verify`, and so do `--results` and the verify tuning). `ignoreRoot` is where the
 * `.keywardenignore` that applies lives; undefined for none (a bare repository).
 */
export function runConfigFrom(options: RunOptions, ignoreRoot: string | undefined, env: NodeJS.ProcessEnv = process.env, command = `${process.argv[2] ?? 'keywarden'} --revoke`): RunConfig {
  const given = new Set<RunOption>();
  if (options.revoke === true) given.add('revoke');
  if (options.verify === true) given.add('verify');
  if (options.results !== undefined) given.add('results');
  if (options.verifyTimeout !== undefined) given.add('verifyTimeout');
  if (options.verifyConcurrency !== undefined) given.add('verifyConcurrency');
  const problem = runConfigProblem(given, options.failOn, cliSpell);
  if (problem) throw new UsageError(problem);
  const revoke = revokeConfigFrom(options, command);
  return {
    env,
    ruleDirs: options.rules,
    failOn: options.failOn,
    ...(options.config !== undefined ? { configFile: options.config } : {}),
    ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
    ...(ignoreRoot !== undefined ? { ignoreRoot } : {}),
    ...(options.results !== undefined ? { results: parseResults(options.results) } : {}),
    ...(revoke ? { revoke } : {}),
    ...(options.verify === true
      ? {
          verify: {
            ...(options.verifyTimeout !== undefined ? { timeoutSeconds: options.verifyTimeout } : {}),
            ...(options.verifyConcurrency !== undefined ? { concurrency: options.verifyConcurrency } : {}),
          },
        }
      : {}),
  };
}
