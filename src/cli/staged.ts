import { stagedChunks, workTreeTop } from '../sources/staged.js';
import { runGuard } from './guard.js';
import type { ReportOptions } from './options.js';

/**
 * `keywarden staged`: the pre-commit guard. Scans the lines the next commit would add; any
 * failure to read them is an error (exit 2), never a pass.
 */
export async function runStaged(options: ReportOptions): Promise<number> {
  const top = await workTreeTop(process.cwd());
  return runGuard(options, top, (excluded) => stagedChunks(top, { exclude: excluded }), 'commit');
}
