import { UsageError } from '../core/errors.js';
import { mergedSource, mergeReports } from '../run/merge.js';
import { prepare } from '../run/prepare.js';
import { readPlanFile } from '../run/shard-plan.js';
import { readReportFile } from '../run/report-file.js';
import { gitHubLineReader } from '../run/github-lines.js';
import { gitHubApiFromEnv } from '../run/github-env.js';
import type { MergeOptions } from './options.js';
import { printRun } from './output.js';
import { runConfigFrom } from './run-config.js';

/**
 * `keywarden merge REPORT…` (SPEC §9): the json reports of an audit's shards as the one report
 * a single machine would have written, in any format. The shards ran with `--no-verify`, so a
 * key copied into repositories of several shards is checked once, here, with `--verify`: its
 * line is read again from GitHub (GITHUB_TOKEN, GITHUB_API_URL), since the reports hold no keys.
 * Exit codes as an audit's: 1 for findings, 2 when a shard is missing or a repository was not read.
 */
export async function runMerge(options: MergeOptions & { reports: string[] }): Promise<number> {
  if (options.reports.length === 0) throw new UsageError('merge: name the json reports to merge (the shards of one audit)');
  const plan = options.planFile === undefined ? undefined : await readPlanFile(options.planFile);
  const merged = mergeReports(
    options.reports.map((file) => ({ name: file, report: readReportFile(file).report })),
    plan,
  );
  const verify = options.verify ?? false;
  const prepared = await prepare(runConfigFrom({ ...options, verify }, undefined));
  const readLine = verify ? gitHubLineReader(gitHubApiFromEnv()) : undefined;
  const result = await printRun(mergedSource(merged, { keepRaw: options.showSecrets, ...(readLine ? { readLine } : {}) }), prepared, options);
  return result.verdict.exitCode;
}
