import { join, relative } from 'node:path';

/** The `.keywardenignore` that applies to a run rooted at `root`, as the user would open it from here. */
export function ignoreFileHint(root: string, cwd: string = process.cwd()): string {
  return relative(cwd, join(root, '.keywardenignore')) || '.keywardenignore';
}
