import { UsageError } from '../core/errors.js';
import { scanHistory, scanRange, type HistoryProgress } from '../pipeline/history.js';
import { compileRules } from '../rules/compile.js';
import { openRepository } from '../sources/history.js';
import { excludedPaths } from '../sources/worktree.js';
import { emitResult } from './emit.js';
import { parseSize, type ReportArgs } from './options.js';
import { progressBar } from './progress.js';
import { prepareRun } from './suppressions.js';

export interface HistoryArgs extends ReportArgs {
  repo: string;
  range?: string;
  since?: string;
  branch?: string[];
  maxFileSize?: string;
}

/**
 * Variables through which a calling git (a hook, say) points its children at *its*
 * repository. `history REPO` must read REPO, so they are dropped; `staged` keeps them,
 * since `git commit -a` hands its hook a temporary index through GIT_INDEX_FILE.
 */
const callerRepositoryVariables = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE'];

/** A revision given by the user must not be read by git as an option. */
function checkRevision(flag: string, value: string): string {
  if (value === '' || value.startsWith('-')) throw new UsageError(`${flag}: '${value}' is not a revision`);
  return value;
}

/**
 * `keywarden history [REPO]`: every blob reachable from any ref (or from `--branch` refs,
 * or committed `--since`), or with `--range A..B` the lines the range's commits added.
 */
export async function runHistory(args: HistoryArgs): Promise<number> {
  for (const name of callerRepositoryVariables) delete process.env[name];
  const branches = (args.branch ?? []).map((ref) => checkRevision('--branch', ref));
  if (args.range !== undefined && branches.length > 0) throw new UsageError('--range and --branch cannot be combined: a range already names its commits');
  const repo = await openRepository(args.repo);
  // A bare repository has no work tree, so no .keywardenignore to read.
  const { config, ruleFiles, ignore, suppressions, verifier } = await prepareRun(args, repo.workTree);
  const rules = compileRules(ruleFiles);
  const common = {
    repo,
    rules,
    excluded: excludedPaths(ignore.pathPatterns),
    suppressions,
    ...(args.since !== undefined ? { since: args.since } : {}),
  };
  let result;
  if (args.range !== undefined) {
    result = await scanRange({ ...common, range: checkRevision('--range', args.range) });
  } else {
    const bar = args.quiet ? undefined : progressBar('history');
    const started = Date.now();
    const onProgress = bar && ((p: HistoryProgress) => bar.update(p.done, p.total, `${(p.bytes / 1e6 / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1)} MB/s`));
    try {
      result = await scanHistory({
        ...common,
        selection: { revisions: branches, ...(args.since !== undefined ? { since: args.since } : {}) },
        maxBlobSize: parseSize(String(args.maxFileSize ?? config.maxFileSize ?? '100MiB'), '--max-file-size'),
        ...(onProgress ? { onProgress } : {}),
      });
    } finally {
      bar?.done();
    }
  }
  return emitResult(result, rules, { ...args, suppressed: result.suppressed, verifier });
}
