import { ExitCode, UsageError } from '../core/errors.js';
import type { RunConfig } from '../run/config.js';
import { renderRevocationsHuman, renderRevocationsJson } from '../report/revocations.js';
import { prepare } from '../run/prepare.js';
import { revokeVerdict } from '../run/verdict.js';
import { runTail, type RunResult } from '../run/tail.js';
import { toolVersion } from '../run/version.js';
import type { RevokeOptions } from './options.js';
import { lazyRedactor, openTarget, printWarning, useColor } from './output.js';
import { runConfigFrom } from './run-config.js';
import { keysToCheck } from './verify.js';

/**
 * `keywarden revoke`: keys from a json report or stdin, each checked again in this run, and
 * each live one disabled (or deleted) through its rule's revoke flow — or, without `--yes`,
 * the plan. The management credential comes only from the environment (SPEC §5.1).
 */
export async function runRevoke(options: RevokeOptions, stdin: NodeJS.ReadStream = process.stdin): Promise<number> {
  if (options.report === undefined && stdin.isTTY) {
    throw new UsageError('no keys to revoke: pipe keys in, one a line (keywarden revoke < keys.txt), or give --report FILE (a json report)');
  }
  // The verifier, the revoker and the audit log are set up before anything is read: a bad setting stops the run first.
  const prepared = await prepare(revokeRunConfig(options));
  const target = openTarget(options, false);
  const redact = lazyRedactor(prepared.rules);
  const result = await runTail(await keysToCheck(options, stdin), prepared, { onWarning: (warning) => options.quiet || printWarning(warning, redact, options.color) });
  const printed = revokeReport(result, options, useColor(options, process.stdout));
  target.write(printed.report);
  target.close();
  if (printed.stderr !== '') process.stderr.write(printed.stderr);
  return printed.exitCode;
}

/** The run `revoke` makes of its options: every key checked, every live one revoked, every finding counted. */
export function revokeRunConfig(options: RevokeOptions, env: NodeJS.ProcessEnv = process.env): RunConfig {
  return runConfigFrom({ ...options, verify: true, revoke: true, failOn: 'any', results: undefined }, undefined, env, 'revoke');
}

/**
 * What `revoke` prints once its run has ended: the report (`--format`), and on stderr the reason
 * for an exit 2 when no summary line on stdout gives it (json, `--output`); and its exit code.
 */
export function revokeReport(result: RunResult, options: Pick<RevokeOptions, 'format' | 'output' | 'yes'>, color: boolean): { report: string; stderr: string; exitCode: number } {
  const revocations = result.revocations ?? [];
  const { exitCode, why } = revokeVerdict(result, revocations);
  const context = { toolVersion, dryRun: !options.yes, durationMs: result.stats.durationMs, ...(why !== undefined ? { why } : {}) };
  const report = options.format === 'json' ? renderRevocationsJson(revocations, context) : renderRevocationsHuman(revocations, context, color);
  const whyElsewhere = why !== undefined && (options.format === 'json' || options.output !== undefined) && exitCode === ExitCode.error;
  return { report, stderr: whyElsewhere ? `keywarden: ${why}\n` : '', exitCode };
}
