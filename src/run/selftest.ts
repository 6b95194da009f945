import type { CompiledRule } from '../core/types.js';
import { createEngine, detectKeys } from '../detect/detect.js';
import { compileRules } from '../rules/compile.js';
import { expandTemplate, seededRandom } from '../rules/examples.js';
import type { LoadedRuleFile } from '../rules/schema.js';

export interface ExampleFailure {
  file: string;
  ruleId: string;
  field: 'examples' | 'negativeExamples';
  index: number;
  /** What went wrong, with the offending key redacted. */
  message: string;
}

export interface SelfTestReport {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
}

/**
 * Run every rule's examples through the real detector, with every rule loaded (so a rule
 * that also matches another rule's example is caught): each example must give exactly
 * one finding, from its own rule; each negative example must give none.
 */
export function selfTestRules(files: readonly LoadedRuleFile[], seed = 0x6b657977): SelfTestReport {
  const engine = createEngine(compileRules(files));
  const random = seededRandom(seed);
  const failures: ExampleFailure[] = [];
  let examples = 0;
  const describe = (rules: CompiledRule[]) => rules.map((rule) => rule.id).join(', ') || 'nothing';
  for (const { file, data } of files) {
    for (const rule of data.rules) {
      rule.examples.forEach((template, index) => {
        examples++;
        const found = detectKeys(Buffer.from(expandTemplate(template, random)), engine);
        if (found.length !== 1 || found[0]?.rule.id !== rule.id) {
          failures.push({ file, ruleId: rule.id, field: 'examples', index, message: `expected one ${rule.id} finding, got ${describe(found.map((f) => f.rule))}` });
        }
      });
      rule.negativeExamples.forEach((template, index) => {
        examples++;
        const found = detectKeys(Buffer.from(expandTemplate(template, random)), engine);
        if (found.length > 0) {
          failures.push({ file, ruleId: rule.id, field: 'negativeExamples', index, message: `expected no finding, got ${describe(found.map((f) => f.rule))}` });
        }
      });
    }
  }
  return { rules: files.reduce((n, f) => n + f.data.rules.length, 0), examples, failures };
}
