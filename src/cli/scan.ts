import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { workTreeTop } from '../sources/worktree.js';
import { scanWorkTree } from '../pipeline/scan.js';
import { emitResult } from './emit.js';
import { parseSize, type ScanArgs } from './options.js';
import { progressBar } from './progress.js';
import { prepareRun } from './suppressions.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const defaultMaxFileSize = '100MiB';

/** `sub/dir/` when the scanned root lies inside a git work tree below its top; '' otherwise. */
function repoPrefix(root: string): string {
  const top = workTreeTop(root);
  const inside = top === undefined ? '' : relative(top, resolve(root)).split(sep).join('/');
  return inside === '' || inside.startsWith('..') ? '' : `${inside}/`;
}

/** `keywarden scan [PATH..] [-- PATH..]` (no path: `.`). Reported paths are relative to the one directory given, else to the current directory. */
export async function runScan(args: ScanArgs): Promise<number> {
  const paths = args.paths.length > 0 ? args.paths : ['.'];
  const only = paths.length === 1 ? paths[0] : undefined;
  const root = only !== undefined && isDirectory(only) ? only : '.';
  const { config, ruleFiles, suppressions, verifier } = await prepareRun(args, root);
  const maxFileSize = parseSize(String(args.maxFileSize ?? config.maxFileSize ?? defaultMaxFileSize), '--max-file-size');
  const progress = args.quiet ? undefined : progressBar('scanning');
  const result = await scanWorkTree({
    root,
    paths,
    gitignore: args.gitignore ?? config.gitignore ?? true,
    maxFileSize,
    ruleFiles,
    suppressions,
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  return emitResult(result, result.rules, { ...args, suppressed: result.suppressed, uriPrefix: repoPrefix(root), verifier });
}
