import { UsageError } from '../core/errors.js';
import { colors, shouldColor } from '../report/colors.js';
import { notify, type NotifyConfig, type NotifyResult } from '../run/notify.js';
import { toolVersion } from '../run/version.js';
import { notifySettingsFrom, processIO, type CommandIO } from './notify-step.js';
import type { NotifyOptions } from './options.js';
import { openTarget } from './output.js';

/**
 * `keywarden notify`: options → NotifyConfig, the run (src/run/notify.ts), and what each
 * channel did printed: on stdout the deliveries (or, with `--dry-run`, each message exactly as
 * it would be sent) and last the reason for the exit code; failed channels as warnings on
 * stderr. The webhook URL is never printed: nothing here has it but the config.
 */

/** What the command line and the environment say, as the run's config. */
export async function notifyConfigFrom(options: NotifyOptions, env: NodeJS.ProcessEnv): Promise<NotifyConfig> {
  if (options.report === undefined) throw new UsageError('--report FILE is required: a json report (keywarden scan . -f json -o report.json)');
  const settings = await notifySettingsFrom('--to', options.to, options, options.root, env);
  return { ...settings, report: options.report, dryRun: options.dryRun, ruleDirs: options.rules };
}

/** The human output: each message a dry run would send, or each delivery that was not a failure (those are warnings), then why. */
export function renderNotifyHuman(result: NotifyResult): string {
  const parts = result.dryRun
    ? result.messages.map((message) => `# ${message.channel} → ${message.target} (dry run: not sent)\n${message.body}\n\n`)
    : result.deliveries.filter((delivery) => delivery.outcome !== 'failed').map((delivery) => `${delivery.channel}: ${delivery.outcome}: ${delivery.detail}\n`);
  return `${parts.join('')}${result.why}\n`;
}

/** `--format json`: every delivery (failures included) and, in a dry run, every message. */
export function renderNotifyJson(result: NotifyResult): string {
  const { dryRun, findings, deliveries, messages, exitCode, why } = result;
  return `${JSON.stringify({ version: 1, tool: { name: 'keywarden', version: toolVersion }, dryRun, findings, deliveries, ...(dryRun ? { messages } : {}), exitCode, why }, null, 2)}\n`;
}

export async function runNotify(options: NotifyOptions, io: CommandIO = processIO): Promise<number> {
  const config = await notifyConfigFrom(options, io.env);
  // Checked before anything is sent: a bad --output path must not leave the messages sent and the record lost.
  const target = options.output !== undefined ? openTarget({ output: options.output }, false) : { write: (text: string) => void io.stdout.write(text), close: () => undefined };
  const result = await notify({ ...config, ...io.tuning });
  // --quiet drops warnings, but not the ones that explain a failing run.
  if (!options.quiet || result.exitCode !== 0) {
    const warn = colors(shouldColor(io.env, io.stderr.isTTY === true, options.color)).yellow('warning:');
    for (const delivery of result.deliveries.filter((delivery) => delivery.outcome === 'failed')) io.stderr.write(`${warn} ${delivery.channel}: ${delivery.detail}\n`);
    for (const warning of result.warnings) io.stderr.write(`${warn} ${warning}\n`);
  }
  const quietHuman = options.quiet && options.format === 'human';
  if (options.format === 'json') target.write(renderNotifyJson(result));
  // --quiet keeps what a dry run is for (the messages); otherwise it prints nothing on stdout.
  else if (!quietHuman || result.dryRun) target.write(renderNotifyHuman(result));
  target.close();
  // Without the human output on stdout, the reason still ends what the run printed; under --quiet only a failing one.
  const whyShown = options.format === 'human' && options.output === undefined && !options.quiet;
  if (!whyShown && (!options.quiet || result.exitCode !== 0)) io.stderr.write(`keywarden: ${result.why}\n`);
  return result.exitCode;
}
