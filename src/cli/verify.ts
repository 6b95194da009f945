import { UsageError } from '../core/errors.js';
import type { CompiledRule, ScanResult } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { keysFromLines } from '../pipeline/input-keys.js';
import { recoverFindings } from '../pipeline/recover.js';
import { compileRules } from '../rules/compile.js';
import { loadRuleSet } from '../rules/rule-set.js';
import { splitLines } from '../sources/git.js';
import { emitResult } from './emit.js';
import type { ReportArgs } from './options.js';
import { readReport } from './report-file.js';
import { prepareVerifier } from './verify-settings.js';

/** `keywarden verify`: the output and live-check options, without those that only scans have. */
export interface VerifyArgs extends Omit<ReportArgs, 'config' | 'baseline' | 'verify'> {
  /** A json report whose findings are checked again; without it, keys are read from stdin. */
  report?: string;
  /** Where the report's paths are relative to, and the repository for its history findings. */
  root: string;
}

type Gathered = Omit<ScanResult, 'stats'> & { stats: Omit<ScanResult['stats'], 'durationMs'> };

/** Keys piped in, one a line. */
async function fromStdin(stdin: NodeJS.ReadableStream, rules: CompiledRule[]): Promise<Gathered> {
  const { findings, warnings, bytes } = await keysFromLines(splitLines(stdin as AsyncIterable<Buffer>), createEngine(rules));
  // Exit 0 on empty input is right, but a script that forgot to pipe its keys should hear about it.
  if (findings.length === 0 && warnings.length === 0) warnings.push({ message: 'no keys on stdin: pipe keys in, one a line, or give --report FILE' });
  return { findings, warnings, stats: { files: 0, bytes } };
}

/** A report's findings, each with its key recovered from the report or from where it was found. */
async function fromReport(file: string, root: string, rules: CompiledRule[]): Promise<Gathered> {
  const { findings: reported, bytes } = readReport(file);
  const { findings, linesRead } = await recoverFindings(reported, { rules, root });
  return { findings, warnings: [], stats: { files: linesRead, bytes } };
}

/**
 * `keywarden verify`: live-check keys without scanning, from stdin (one a line) or from a
 * json report (`--report FILE`). Always verifies; `--fail-on` defaults to `live` here.
 */
export async function runVerify(args: VerifyArgs, stdin: NodeJS.ReadStream = process.stdin): Promise<number> {
  if (args.report === undefined && stdin.isTTY) {
    throw new UsageError('no keys to check: pipe keys in, one a line (keywarden verify < keys.txt), or give --report FILE (a json report)');
  }
  const ruleFiles = await loadRuleSet(args.rules);
  // Built before anything is read, so a bad setting or a refused base URL stops the run first.
  const verifier = prepareVerifier({ ...args, verify: true }, ruleFiles);
  const rules = compileRules(ruleFiles);
  const started = Date.now();
  const gathered = args.report !== undefined ? await fromReport(args.report, args.root, rules) : await fromStdin(stdin, rules);
  const result: ScanResult = { ...gathered, stats: { ...gathered.stats, durationMs: Date.now() - started } };
  return emitResult(result, rules, { ...args, verifier });
}
