/** The built-in rules compiled once per test file, and text helpers around detection. */
import { createEngine, detectKeys, type DetectOptions, type Engine, type KeyMatch } from '../../src/detect/detect.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import type { LoadedRuleFile } from '../../src/rules/schema.js';

let cached: { ruleFiles: LoadedRuleFile[]; engine: Engine } | undefined;

export function builtin(): { ruleFiles: LoadedRuleFile[]; engine: Engine } {
  if (!cached) {
    const ruleFiles = loadRuleFiles();
    cached = { ruleFiles, engine: createEngine(compileRules(ruleFiles)) };
  }
  return cached;
}

/** Detect keys in a string (UTF-8) with the built-in rules. */
export function detectText(text: string, options?: DetectOptions): KeyMatch[] {
  return detectKeys(Buffer.from(text, 'utf8'), builtin().engine, options);
}

/**
 * Where `needle` sits in `text`, computed independently of the detector: 1-based line
 * and column, exclusive end column, columns in UTF-16 code units (JS string indices).
 */
export function positionOf(text: string, needle: string, from = 0): { line: number; column: number; endColumn: number } {
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`needle not in text`);
  return positionAt(text, index, needle.length);
}

export function positionAt(text: string, index: number, length: number): { line: number; column: number; endColumn: number } {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  const lineStart = index === 0 ? 0 : text.lastIndexOf('\n', index - 1) + 1;
  const column = index - lineStart + 1;
  return { line, column, endColumn: column + length };
}
