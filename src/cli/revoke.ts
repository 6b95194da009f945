import { ExitCode, UsageError } from '../core/errors.js';
import { renderRevocationsHuman, renderRevocationsJson } from '../report/revocations.js';
import { prepare } from '../run/prepare.js';
import { revokeVerdict } from '../run/verdict.js';
import { runTail } from '../run/tail.js';
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
  const config = runConfigFrom({ ...options, verify: true, revoke: true, failOn: 'any', results: undefined }, undefined, process.env, 'revoke');
  // The verifier, the revoker and the audit log are set up before anything is read: a bad setting stops the run first.
  const prepared = await prepare(config);
  const target = openTarget(options, false);
  const redact = lazyRedactor(prepared.rules);
  const result = await runTail(await keysToCheck(options, stdin), prepared, { onWarning: (warning) => options.quiet || printWarning(warning, redact, options.color) });
  const revocations = result.revocations ?? [];
  const verdict = revokeVerdict(result, revocations);
  const context = { toolVersion, dryRun: !options.yes, durationMs: result.stats.durationMs, ...(verdict.why !== undefined ? { why: verdict.why } : {}) };
  target.write(options.format === 'json' ? renderRevocationsJson(revocations, context) : renderRevocationsHuman(revocations, context, useColor(options, process.stdout)));
  target.close();
  if (verdict.why !== undefined && (options.format === 'json' || options.output !== undefined) && verdict.exitCode === ExitCode.error) process.stderr.write(`keywarden: ${verdict.why}\n`);
  return verdict.exitCode;
}
