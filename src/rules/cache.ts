import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedRuleFile } from './schema.js';

/**
 * The built-in rules, validated at build time and stored as JSON beside the compiled code,
 * so a scan need not load the YAML parser and the schema validator (~70 ms of start-up).
 * The cache names a hash of the YAML it came from; when `rules/` has changed since the
 * build, the hash differs and the caller validates the YAML instead. Never stale, only slower.
 * Paths are from the package root, two directories up from any source or built file.
 */

const cacheFile = fileURLToPath(new URL('../../dist/rules/builtin-rules.json', import.meta.url));

/** The rules shipped with keywarden: `rules/` at the package root. */
export const builtinRulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

interface RuleCache {
  sourceHash: string;
  files: LoadedRuleFile[];
}

/** Hash of every rule file's name and text in `dir`. */
export function hashRuleSources(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}

export function readRuleCache(dir: string): LoadedRuleFile[] | undefined {
  try {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as RuleCache;
    return cache.sourceHash === hashRuleSources(dir) ? cache.files : undefined;
  } catch {
    return undefined;
  }
}

export function writeRuleCache(dir: string, files: LoadedRuleFile[]): void {
  const cache: RuleCache = { sourceHash: hashRuleSources(dir), files };
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, `${JSON.stringify(cache)}\n`);
}
