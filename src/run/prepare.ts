import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { CompiledRule } from '../core/types.js';
import { parseIgnoreFile, type IgnoreList, type Suppressions } from '../detect/suppress.js';
import { compileRules } from '../rules/compile.js';
import { loadRuleSet } from '../rules/rule-set.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import type { Revoker } from '../respond/revoke/revoker.js';
import type { Verifier, VerifySettings } from '../verify/verifier.js';
import type { FileConfig } from './config-file.js';
import type { RunConfig, VerifyConfig } from './config.js';

/** What every run reads before it scans, built once by `prepare`. */
export interface Prepared {
  config: RunConfig;
  /** The `--config` file's settings (empty without one). */
  file: FileConfig;
  ruleFiles: LoadedRuleFile[];
  rules: CompiledRule[];
  /** `.keywardenignore` at the ignore root, with the config file's excludes added to its path patterns. */
  ignore: IgnoreList;
  suppressions: Suppressions;
  /** Present when the config asks for live checks. */
  verifier?: Verifier;
  /** Present when the config asks to revoke live keys: the tail hands it every checked finding. */
  revoker?: Revoker;
}

/**
 * Read what a run needs, in the order that fails fastest: the config file (its YAML parser
 * loaded only when one is given), the rules (built-in plus extra directories), the ignore
 * file, the baseline, and the verifier, so a bad setting or a refused base URL stops the
 * run before it reads anything else.
 */
export async function prepare(config: RunConfig): Promise<Prepared> {
  const file: FileConfig = config.configFile ? (await import('./config-file.js')).loadConfig(config.configFile) : { exclude: [], rules: [] };
  const ruleFiles = await loadRuleSet([...file.rules, ...config.ruleDirs]);
  const ignore = config.ignoreRoot === undefined ? { fingerprints: new Set<string>(), pathPatterns: [] } : readIgnoreList(config.ignoreRoot);
  ignore.pathPatterns.push(...file.exclude);
  // The report schema (zod) is loaded only for a baseline: the commit guard runs on every commit.
  const suppressions: Suppressions = { ignore, ...(config.baseline ? { baseline: (await import('./report-file.js')).readBaseline(config.baseline) } : {}) };
  // Loaded only for a run that checks keys: the pre-commit guard runs on every commit.
  const checks = config.verify ? await buildVerifier(config.verify, ruleFiles, config) : undefined;
  return { config, file, ruleFiles, rules: compileRules(ruleFiles), ignore, suppressions, ...checks };
}

async function buildVerifier(settings: VerifyConfig, ruleFiles: readonly LoadedRuleFile[], config: RunConfig): Promise<{ verifier: Verifier; revoker?: Revoker }> {
  const [{ createVerifier, defaultVerifySettings }, { fetchClient }] = await Promise.all([import('../verify/verifier.js'), import('../net/http.js')]);
  const verifySettings = verifySettingsFrom(settings, config.env, defaultVerifySettings);
  // Loaded only for a run that revokes: the revoke step shares the live checks' limit and confirms through them.
  if (config.revoke) return (await import('./revoke.js')).buildRevokeStep(config.revoke, ruleFiles, verifySettings, config.env);
  return { verifier: createVerifier(ruleFiles, verifySettings, { http: fetchClient, env: config.env }) };
}

/** A setting's value, else the environment variable's, else the default; each checked. */
function pick(value: number | undefined, flag: string, env: string | undefined, envName: string, fallback: number, valid: (n: number) => boolean, what: string): number {
  if (value !== undefined) {
    if (!valid(value)) throw new UsageError(`${flag}: ${what}`);
    return value;
  }
  if (env !== undefined && env.trim() !== '') {
    const fromEnv = Number(env);
    if (!valid(fromEnv)) throw new UsageError(`${envName}=${env}: ${what}`);
    return fromEnv;
  }
  return fallback;
}

/** The timeout and concurrency given, then `KEYWARDEN_VERIFY_*`, then SPEC §5's defaults. */
function verifySettingsFrom(settings: VerifyConfig, env: NodeJS.ProcessEnv, defaultVerifySettings: VerifySettings): VerifySettings {
  const seconds = pick(settings.timeoutSeconds, '--verify-timeout', env.KEYWARDEN_VERIFY_TIMEOUT, 'KEYWARDEN_VERIFY_TIMEOUT', defaultVerifySettings.timeoutMs / 1000, (n) => Number.isFinite(n) && n >= 0.001 && n <= 600, 'a number of seconds from 0.001 to 600');
  const concurrency = pick(settings.concurrency, '--verify-concurrency', env.KEYWARDEN_VERIFY_CONCURRENCY, 'KEYWARDEN_VERIFY_CONCURRENCY', defaultVerifySettings.concurrency, (n) => Number.isInteger(n) && n >= 1 && n <= 256, 'a whole number from 1 to 256');
  // A one-shot run asks about each key once: its answers do not expire (the cache still bounds how many it keeps).
  const cache = settings.longRunning ? defaultVerifySettings.cache : { ...defaultVerifySettings.cache, ttlMs: Infinity, unknownTtlMs: Infinity };
  return { ...defaultVerifySettings, timeoutMs: Math.round(seconds * 1000), concurrency, ...(cache ? { cache } : {}) };
}

/** `.keywardenignore` in `root`; absent is empty. */
export function readIgnoreList(root: string): IgnoreList {
  try {
    return parseIgnoreFile(readFileSync(join(root, '.keywardenignore'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { fingerprints: new Set(), pathPatterns: [] };
    throw new UsageError(`cannot read ${join(root, '.keywardenignore')}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
