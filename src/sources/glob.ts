import fg from 'fast-glob';

/**
 * Shell-style globs for `logs "app.log*"` (rotated sets), through fast-glob. A module of its
 * own so only `logs` loads fast-glob: the tree walk does not use it, and loading it costs
 * every other command ~30 ms of start-up.
 */

/** Whether `pattern` holds glob syntax (`*`, `?`, `[…]`, `{…}`), as opposed to naming one path. */
export function isGlobPattern(pattern: string): boolean {
  return fg.isDynamicPattern(pattern);
}

/** Absolute paths of the files a glob (relative to `cwd`, or absolute) matches, in no particular order. */
export function globFiles(pattern: string, cwd: string): string[] {
  return fg.sync(pattern, { cwd, onlyFiles: true, absolute: true, suppressErrors: true });
}
