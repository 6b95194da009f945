/** Build step (`npm run build`): validate the built-in rules and cache them as JSON. */
import { writeRuleCache } from './cache.js';
import { builtinRulesDir, loadRuleFiles } from './load.js';
import { selfTestRules } from './selftest.js';

const files = loadRuleFiles();
const report = selfTestRules(files);
if (report.failures.length > 0) {
  process.stderr.write(`built-in rules fail their examples:\n${report.failures.map((f) => `${f.file}: ${f.ruleId} ${f.field}[${f.index}]: ${f.message}`).join('\n')}\n`);
  process.exit(1);
}
writeRuleCache(builtinRulesDir, files);
