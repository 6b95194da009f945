import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseIgnoreFile, type IgnoreList, type Suppressions } from '../detect/suppress.js';
import { loadRuleSet } from '../rules/rule-set.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import type { Verifier } from '../verify/verifier.js';
import type { Config } from './config.js';
import type { ReportArgs } from './options.js';

/** What every scanning command reads before it scans. */
export interface RunSetup {
  config: Config;
  ruleFiles: LoadedRuleFile[];
  /** `.keywardenignore` at the root, with the config's excludes added to its path patterns. */
  ignore: IgnoreList;
  suppressions: Suppressions;
  /** Present with `--verify`. */
  verifier: Verifier | undefined;
}

/**
 * `--config` (its YAML parser and validator loaded only when one is given), the rules
 * (built-in plus `--rules` and the config's), `.keywardenignore` at `root` (none for a
 * bare repository: pass undefined), `--baseline`, and with `--verify` the verifier (so a
 * bad setting stops the run before the scan, not after it).
 */
export async function prepareRun(args: ReportArgs, root: string | undefined): Promise<RunSetup> {
  const config: Config = args.config ? (await import('./config.js')).loadConfig(args.config) : { exclude: [], rules: [] };
  const ruleFiles = await loadRuleSet([...config.rules, ...args.rules]);
  const ignore = root === undefined ? { fingerprints: new Set<string>(), pathPatterns: [] } : readIgnoreList(root);
  ignore.pathPatterns.push(...config.exclude);
  // The report reader (and zod behind it) is loaded only with --baseline: the guard runs on every commit.
  const suppressions: Suppressions = { ignore, ...(args.baseline ? { baseline: (await import('./report-file.js')).readBaseline(args.baseline) } : {}) };
  // Loaded only when a verify flag is given: the pre-commit guard runs on every commit.
  const wantsVerify = args.verify === true || args.results !== undefined || args.failOn === 'live' || args.verifyTimeout !== undefined || args.verifyConcurrency !== undefined;
  const verifier = wantsVerify ? (await import('./verify-settings.js')).prepareVerifier(args, ruleFiles) : undefined;
  return { config, ruleFiles, ignore, suppressions, verifier };
}

/** `.keywardenignore` at the scanned root; absent is empty. */
export function readIgnoreList(root: string): IgnoreList {
  try {
    return parseIgnoreFile(readFileSync(join(root, '.keywardenignore'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { fingerprints: new Set(), pathPatterns: [] };
    throw new UsageError(`cannot read ${join(root, '.keywardenignore')}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
