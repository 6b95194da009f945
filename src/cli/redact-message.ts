import { createEngine } from '../detect/detect.js';
import { redactKeyLikeTokens, redactKeys } from '../detect/redact-text.js';
import { compileRules } from '../rules/compile.js';
import { builtinKeyPrefixes } from '../rules/prefixes.js';
import { loadRuleSet } from '../rules/rule-set.js';

/**
 * A message with every key in it redacted (by the built-in rules), or, when the rules
 * themselves cannot be loaded, every token that starts like a key masked: an error message
 * may quote argv or a file, and must never carry a key.
 */
export async function redactWithRules(message: string): Promise<string> {
  try {
    return redactKeys(message, createEngine(compileRules(await loadRuleSet())));
  } catch {
    return redactKeyLikeTokens(message, builtinKeyPrefixes());
  }
}
