import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseBaseline, parseIgnoreFile, type IgnoreList } from '../detect/suppress.js';
import { scanWorkTree } from '../pipeline/scan.js';
import { compileRules } from '../rules/compile.js';
import { loadRuleSet } from '../rules/rule-set.js';
import type { Config } from './config.js';
import { emitResult } from './emit.js';
import { parseSize, type ScanArgs } from './options.js';
import { progressBar } from './progress.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `.keywardenignore` at the scanned root; absent is empty. */
function readIgnoreList(root: string): IgnoreList {
  try {
    return parseIgnoreFile(readFileSync(join(root, '.keywardenignore'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { fingerprints: new Set(), pathPatterns: [] };
    throw new UsageError(`cannot read ${join(root, '.keywardenignore')}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function readBaseline(file: string) {
  try {
    return parseBaseline(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`--baseline ${file}: ${reason}`);
  }
}

/** `keywarden scan [PATH..]`. Reported paths are relative to the one directory given, else to the current directory. */
export async function runScan(args: ScanArgs): Promise<number> {
  // The config loader pulls in the YAML parser and validator: load it only when asked for.
  const config: Config = args.config ? (await import('./config.js')).loadConfig(args.config) : { exclude: [], rules: [] };
  const ruleFiles = await loadRuleSet([...config.rules, ...args.rules]);
  const only = args.paths.length === 1 ? args.paths[0] : undefined;
  const root = only !== undefined && isDirectory(only) ? only : '.';
  const ignore = readIgnoreList(root);
  ignore.pathPatterns.push(...config.exclude);
  const maxFileSize = parseSize(String(config.maxFileSize ?? args.maxFileSize), '--max-file-size');
  const progress = args.quiet ? undefined : progressBar('scanning');
  const result = await scanWorkTree({
    root,
    paths: args.paths,
    gitignore: config.gitignore === false ? false : args.gitignore,
    maxFileSize,
    ruleFiles,
    suppressions: { ignore, ...(args.baseline ? { baseline: readBaseline(args.baseline) } : {}) },
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  return emitResult(result, compileRules(ruleFiles), { ...args, suppressed: result.suppressed });
}
