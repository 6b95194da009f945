import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedRuleFile } from './schema.js';

/**
 * The built-in rules, validated at build time and stored as JSON beside the compiled code,
 * so a scan need not load the YAML parser and the schema validator (~70 ms of start-up).
 * The cache holds the YAML it came from (a few KB); when `rules/` has changed since the build,
 * the texts differ and the caller validates the YAML instead. Never stale, only slower. Compared
 * as text rather than by a hash: hashing needed node:crypto, ~8 ms of every start.
 * Paths are from the package root, two directories up from any source or built file.
 */

const cacheFile = fileURLToPath(new URL('../../dist/rules/builtin-rules.json', import.meta.url));

/** The rules shipped with keywarden: `rules/` at the package root. */
export const builtinRulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

interface RuleCache {
  /** Every rule file's name and text, as `ruleSources` gives them. */
  sources: string;
  files: LoadedRuleFile[];
}

/** Every rule file's name and text in `dir`, in name order. */
function ruleSources(dir: string): string {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${name}\0${readFileSync(join(dir, name), 'utf8')}\0`)
    .join('');
}

export function readRuleCache(dir: string): LoadedRuleFile[] | undefined {
  try {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as RuleCache;
    return cache.sources === ruleSources(dir) ? cache.files : undefined;
  } catch {
    return undefined;
  }
}

export function writeRuleCache(dir: string, files: LoadedRuleFile[]): void {
  const cache: RuleCache = { sources: ruleSources(dir), files };
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, `${JSON.stringify(cache)}\n`);
}
