/** Build step (`npm run build`): validate the built-in rules and cache them as JSON. */
import { builtinRulesDir, writeRuleCache } from '../rules/cache.js';
import { loadRuleFiles } from '../rules/load.js';
import { selfTestRules } from './selftest.js';

const files = loadRuleFiles();
const report = selfTestRules(files);
if (report.failures.length > 0) {
  process.stderr.write(`built-in rules fail their examples:\n${report.failures.map((f) => `${f.file}: ${f.ruleId} ${f.field}[${f.index}]: ${f.message}`).join('\n')}\n`);
  process.exit(1);
}
writeRuleCache(builtinRulesDir, files);
