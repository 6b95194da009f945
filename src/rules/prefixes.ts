import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRulesDir, readRuleCache } from './cache.js';
import type { LoadedRuleFile } from './schema.js';

/** The literals every key of these rules contains (each rule's keywords): what to mask when nothing better can run. */
export function keyPrefixes(files: readonly LoadedRuleFile[]): string[] {
  return [...new Set(files.flatMap((file) => file.data.rules.flatMap((rule) => rule.keywords)))];
}

/**
 * The built-in rules' keywords, for masking an error message when the rules could not be
 * loaded as rules: from the build's cache, else read straight off the `keywords:` lines of
 * `rules/*.yaml`, so the list is never written down twice.
 */
export function builtinKeyPrefixes(): string[] {
  const cached = readRuleCache(builtinRulesDir);
  if (cached) return keyPrefixes(cached);
  try {
    const texts = readdirSync(builtinRulesDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => readFileSync(join(builtinRulesDir, name), 'utf8'));
    return [...new Set(texts.flatMap((text) => [...text.matchAll(/^\s*keywords:\s*\[([^\]]*)\]/gm)].flatMap((match) => (match[1] ?? '').split(',').map((word) => word.trim().replace(/^['"]|['"]$/g, '')))))].filter((word) => word !== '');
  } catch {
    return [];
  }
}
