import { ExitCode } from '../core/errors.js';
import { render } from '../report/index.js';
import { maskContext, maskResult } from '../report/mask.js';
import { compileRules } from '../rules/compile.js';
import { loadRuleSet } from '../rules/rule-set.js';
import { readReportFile, resultOfReport } from '../run/report-file.js';
import type { RenderOptions } from './options.js';
import { lazyRedactor, openTarget, useColor } from './output.js';

/**
 * `keywarden report FILE`: a json report rendered in any format (`--format html` for people,
 * `sarif` for code scanning, …), as the run that wrote it would have printed it. It reports on
 * a report rather than judging it: exit 0 once rendered, 2 when the file is no json report.
 * Every text from the file passes through the run's redaction, as a scan's output does.
 */
export async function runReport(options: RenderOptions & { file: string }): Promise<number> {
  const { report } = readReportFile(options.file);
  const rules = compileRules(await loadRuleSet(options.rules));
  const redact = lazyRedactor(rules);
  const result = maskResult(resultOfReport(report, options.showSecrets), redact);
  const context = maskContext({ toolVersion: report.tool.version, showSecrets: options.showSecrets }, redact);
  const target = openTarget(options, false);
  target.write(render(options.format, result, context, rules, useColor(options, process.stdout)));
  target.close();
  if (options.output && !options.quiet) {
    const n = result.findings.length;
    process.stderr.write(`keywarden: ${n} finding${n === 1 ? '' : 's'}; ${options.format} report written to ${redact(options.output)}\n`);
  }
  return ExitCode.clean;
}
