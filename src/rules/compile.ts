import type { CompiledRule } from '../core/types.js';
import { nonLinearConstructs } from './linear.js';
import type { LoadedRuleFile, RuleSpec } from './schema.js';

/** Default minimum entropy of a key body, in bits per character; random keys sit well above it. */
export const defaultMinEntropy = 3;

/** A problem in a rule file, with the file and the field it concerns. */
export interface RuleProblem {
  file: string;
  field: string;
  message: string;
}

/**
 * Reasons a pattern could run in more than linear time or match without end:
 * an unbounded quantifier (`+`, `*`, `{n,}`) anywhere outside a character class.
 * Rules must bound every repetition (`{24,128}`), as ARCHITECTURE.md requires.
 */
export function unboundedQuantifiers(pattern: string): string[] {
  const problems: string[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '+' || c === '*') problems.push(`unbounded '${c}' at offset ${i}`);
    else if (c === '{' && /^\{\d+,\}/.test(pattern.slice(i))) problems.push(`unbounded '{n,}' at offset ${i}`);
  }
  return problems;
}

/** Validate what YAML schema cannot: the regex compiles, is bounded, contains a keyword; a live check calls a key invalid only on the provider's own error body. */
export function checkRuleSpec(file: string, index: number, rule: RuleSpec): RuleProblem[] {
  const field = (name: string) => `rules[${index}].${name}`;
  const problems: RuleProblem[] = [];
  try {
    new RegExp(rule.pattern, 'g');
  } catch (error) {
    problems.push({ file, field: field('pattern'), message: `does not compile: ${(error as Error).message}` });
    return problems;
  }
  for (const message of unboundedQuantifiers(rule.pattern)) {
    problems.push({ file, field: field('pattern'), message });
  }
  for (const construct of nonLinearConstructs(rule.pattern)) {
    problems.push({ file, field: field('pattern'), message: `${rule.id}: not linear (a crafted line could hang every scan): ${construct}` });
  }
  if (rule.verify && (rule.verify.invalid.jsonHas ?? []).length === 0) {
    problems.push({
      file,
      field: field('verify.invalid.jsonHas'),
      message: `${rule.id}: name the fields of the provider's own error body (jsonHas): a status alone also matches a proxy's or CDN's bare or HTML 401/403, which says nothing about the key`,
    });
  }
  const literal = rule.pattern.replace(/\\(.)/g, '$1');
  if (!rule.keywords.some((keyword) => literal.includes(keyword))) {
    problems.push({ file, field: field('keywords'), message: 'no keyword appears literally in the pattern, so the prefilter could skip real matches' });
  }
  const prefix = rule.prefix ?? rule.keywords[0];
  if (prefix !== undefined && !rule.keywords.some((keyword) => prefix.startsWith(keyword) || keyword.startsWith(prefix))) {
    problems.push({ file, field: field('prefix'), message: 'must agree with one of the keywords' });
  }
  return problems;
}

const leadingLookbehind = /^\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)/;

/**
 * Whether every match of the pattern starts with one of the keywords: the pattern, past
 * an optional leading look-behind, begins with a keyword written literally and is not an
 * alternation at the top level.
 */
export function startsWithKeyword(pattern: string, keywords: readonly string[]): boolean {
  const rest = pattern.replace(leadingLookbehind, '');
  if (hasTopLevelAlternation(rest)) return false;
  return keywords.some((keyword) => {
    const literal = keyword.replace(/[.*+?^${}()|[\]\\/-]/g, (c) => `\\\\?\\${c}`);
    return new RegExp(`^${literal}`).test(rest);
  });
}

function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

export function compileRule(provider: string, rule: RuleSpec): CompiledRule {
  const usesKeyGroup = rule.pattern.includes('(?<key>');
  const flags = usesKeyGroup ? 'd' : '';
  return {
    ...(startsWithKeyword(rule.pattern, rule.keywords) ? { anchored: new RegExp(rule.pattern, `y${flags}`) } : {}),
    id: rule.id,
    name: rule.name,
    provider,
    severity: rule.severity,
    keywords: rule.keywords,
    prefix: rule.prefix ?? rule.keywords[0] ?? '',
    pattern: new RegExp(rule.pattern, `g${flags}`),
    minEntropy: rule.minEntropy ?? defaultMinEntropy,
    hint: rule.hint ?? `Rotate this ${rule.name} at the provider, then remove it from the code.`,
  };
}

/** Compile every rule of every file. Rule ids must be unique across files. */
export function compileRules(files: readonly LoadedRuleFile[]): CompiledRule[] {
  return files.flatMap(({ data }) => data.rules.map((rule) => compileRule(data.provider, rule)));
}
