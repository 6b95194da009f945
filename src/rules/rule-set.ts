import { builtinRulesDir, readRuleCache } from './cache.js';
import type { LoadedRuleFile } from './schema.js';

/**
 * The rules a command runs with: the built-in ones (from the build-time cache when it
 * matches `rules/`) plus any `--rules` directories, which are always validated afresh.
 * The YAML parser and validator are loaded only when something needs validating.
 */
export async function loadRuleSet(extraDirs: readonly string[] = []): Promise<LoadedRuleFile[]> {
  if (extraDirs.length === 0) {
    const cached = readRuleCache(builtinRulesDir);
    if (cached) return cached;
  }
  const { loadRuleFiles } = await import('./load.js');
  return loadRuleFiles(extraDirs);
}
