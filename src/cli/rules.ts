import { ExitCode } from '../core/errors.js';
import { colors } from '../report/colors.js';
import { loadRuleSet } from '../rules/rule-set.js';
import { selfTestRules } from '../run/selftest.js';
import type { RulesListOptions } from './options.js';
import { useColor } from './output.js';

/** `keywarden rules list`: every rule in use, built-in and `--rules` (the built-in ones from the build's cache). */
export async function runRulesList(args: RulesListOptions): Promise<number> {
  const files = await loadRuleSet(args.rules);
  const rows = files.flatMap(({ file, data }) =>
    data.rules.map((rule) => ({ id: rule.id, provider: data.provider, severity: rule.severity, name: rule.name, keywords: rule.keywords, verify: rule.verify !== undefined, file })),
  );
  if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.clean;
  }
  const c = colors(useColor({ color: true }, process.stdout));
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const row of rows) {
    process.stdout.write(`${c.bold(row.id.padEnd(width))}  ${row.severity.padEnd(8)}  ${row.name}  ${c.dim(row.keywords.join(', '))}\n`);
  }
  return ExitCode.clean;
}

/**
 * `keywarden rules check [DIR]`: run the examples; 1 when any fails, 2 when a file is
 * malformed. DIR's rules are checked together with the built-in ones, as `--rules DIR`
 * would run them, so a duplicate id or an example another rule also claims shows up here.
 */
export async function runRulesCheck(args: { dir?: string | undefined }): Promise<number> {
  const { formatProblem, loadRuleFiles } = await import('../rules/load.js');
  const files = loadRuleFiles(args.dir ? [args.dir] : []);
  const report = selfTestRules(files);
  const c = colors(useColor({ color: true }, process.stdout));
  for (const failure of report.failures) {
    process.stdout.write(`${c.red('✖')} ${formatProblem({ file: failure.file, field: `${failure.ruleId} ${failure.field}[${failure.index}]`, message: failure.message })}\n`);
  }
  const summary = `${report.rules} rules, ${report.examples} examples: ${report.examples - report.failures.length} passed, ${report.failures.length} failed`;
  process.stdout.write(`${report.failures.length === 0 ? c.green('✔') : c.red('✖')} ${summary}\n`);
  return report.failures.length === 0 ? ExitCode.clean : ExitCode.findings;
}
