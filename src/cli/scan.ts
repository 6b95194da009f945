import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { prepare } from '../run/prepare.js';
import { workTreeSource } from '../run/scan.js';
import { workTreeTop } from '../sources/worktree.js';
import { parseSize, type ScanOptions } from './options.js';
import { printRun } from './output.js';
import { progressBar } from './progress.js';
import { runConfigFrom } from './run-config.js';
import { ignoreFileHint } from './ignore-hint.js';
import { notifyStepFrom, runNotifyStep } from './notify-step.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const defaultMaxFileSize = '100MiB';

/**
 * The directory reported paths (and so fingerprints, baselines and `.keywardenignore`) are
 * relative to: the top of the git work tree the scan is in, so `scan src` and `scan .` agree;
 * outside a work tree, the one directory given, else the current directory (`cwd`, which
 * tests running in process give).
 */
export function scanRoot(paths: readonly string[], cwd: string = process.cwd()): string {
  const only = paths.length === 1 ? resolve(cwd, paths[0] ?? '.') : undefined;
  const anchor = only === undefined ? cwd : isDirectory(only) ? only : dirname(only);
  return workTreeTop(anchor) ?? (only !== undefined && isDirectory(only) ? only : cwd);
}

/** `keywarden scan [PATH..] [-- PATH..]` (no path: `.`). */
export async function runScan(options: ScanOptions & { paths: string[] }): Promise<number> {
  if (options.paths.includes('-')) throw new UsageError("scan reads files and directories; to scan stdin, use 'keywarden logs -' (or pipe into 'keywarden logs')");
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const root = scanRoot(paths);
  const notifying = await notifyStepFrom(options, root);
  const prepared = await prepare(runConfigFrom(options, root));
  const maxFileSize = parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? defaultMaxFileSize), '--max-file-size');
  const progress = options.quiet ? undefined : progressBar('scanning');
  const source = workTreeSource({
    root,
    paths,
    gitignore: options.gitignore ?? prepared.file.gitignore ?? true,
    maxFileSize,
    ...(progress ? { onProgress: progress.update } : {}),
  });
  const result = await printRun(source, prepared, { ...options, keepFindings: notifying !== undefined, ...(progress ? { beforeWrite: progress.done } : {}) }, { ignoreFile: ignoreFileHint(root) });
  progress?.done();
  return notifying ? runNotifyStep(result, prepared.rules, notifying, options) : result.verdict.exitCode;
}
