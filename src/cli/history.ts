import { UsageError } from '../core/errors.js';
import { historySource, rangeSource, type HistoryProgress } from '../run/history.js';
import type { Source } from '../run/source.js';
import { prepare } from '../run/prepare.js';
import { openRepository } from '../sources/history.js';
import { ignoreFileHint } from './ignore-hint.js';
import { notifyStepFrom, runNotifyStep } from './notify-step.js';
import { parseSize, type HistoryOptions } from './options.js';
import { printRun } from './output.js';
import { optimizeOnlyHotCode } from './jit.js';
import { progressBar } from './progress.js';
import { runConfigFrom } from './run-config.js';

/**
 * Variables through which a calling git (a hook, say) points its children at *its*
 * repository. `history REPO` must read REPO, so they are dropped; `staged` keeps them,
 * since `git commit -a` hands its hook a temporary index through GIT_INDEX_FILE.
 */
export const callerRepositoryVariables = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE'];

/** A revision given by the user must not be read by git as an option. */
function checkRevision(flag: string, value: string): string {
  if (value === '' || value.startsWith('-')) throw new UsageError(`${flag}: '${value}' is not a revision`);
  return value;
}

const unit = '(?:second|minute|hour|day|week|month|year)s?';
/**
 * The dates `--since` takes: ISO 8601 dates and times, `@SECONDS`, `now`/`today`/`yesterday`,
 * and `N unit[s] [ago]` (`2 weeks ago`, `1.week`, `3 days 2 hours ago`). git itself reads
 * almost anything (`yesterday-ish` is yesterday, `garbage` is now, and a run of 0 commits
 * passes), so an audit window a user mistyped must be an error, not a clean run.
 */
const sinceShapes = [
  /^\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?$/,
  /^@\d+$/,
  /^(?:now|today|yesterday)$/,
  new RegExp(`^(?:\\d+[ .]${unit}[ .,]*)+(?:ago)?$`),
];

export function checkSince(value: string): string {
  const text = value.trim().toLowerCase();
  if (!sinceShapes.some((shape) => shape.test(text))) {
    throw new UsageError(`--since: cannot read '${value}' as a date (use 2024-01-31, 2024-01-31T10:00:00Z, '2 weeks ago' or yesterday)`);
  }
  return value;
}

/**
 * `keywarden history [REPO]`: every blob reachable from any ref (or from `--branch` refs,
 * or committed `--since`), or with `--range A..B` the lines the range's commits added.
 */
export async function runHistory(options: HistoryOptions & { REPO: string }): Promise<number> {
  optimizeOnlyHotCode();
  for (const name of callerRepositoryVariables) delete process.env[name];
  const branches = (options.branch ?? []).map((ref) => checkRevision('--branch', ref));
  if (options.range !== undefined && branches.length > 0) throw new UsageError('--range and --branch cannot be combined: a range already names its commits');
  const since = options.since === undefined ? undefined : checkSince(options.since);
  const repo = await openRepository(options.REPO);
  const notifying = await notifyStepFrom(options, repo.workTree ?? repo.dir);
  // A bare repository has no work tree, so no .keywardenignore to read.
  const prepared = await prepare(runConfigFrom(options, repo.workTree));
  const context = repo.workTree ? { ignoreFile: ignoreFileHint(repo.workTree) } : {};
  /** The report, then (with --notify) the notify step; the exit code of both. */
  const report = async (source: Source, beforeWrite?: () => void): Promise<number> => {
    const result = await printRun(source, prepared, { ...options, keepFindings: notifying !== undefined, ...(beforeWrite ? { beforeWrite } : {}) }, context);
    beforeWrite?.();
    return notifying ? runNotifyStep(result, prepared.rules, notifying, options) : result.verdict.exitCode;
  };
  if (options.range !== undefined) return report(rangeSource({ repo, range: checkRevision('--range', options.range), ...(since !== undefined ? { since } : {}) }));
  const bar = options.quiet ? undefined : progressBar('history');
  const started = Date.now();
  const onProgress = bar && ((p: HistoryProgress) => bar.update(p.done, p.total, `${(p.bytes / 1e6 / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1)} MB/s`));
  const source = historySource({
    repo,
    selection: { revisions: branches, ...(since !== undefined ? { since } : {}) },
    maxBlobSize: parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? '100MiB'), '--max-file-size'),
    ...(onProgress ? { onProgress } : {}),
  });
  try {
    return await report(source, bar?.done);
  } finally {
    bar?.done();
  }
}
