import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from '../core/errors.js';
import type { ScanWarning } from '../core/types.js';

/** A file to scan: where to read it, and the path reported for it. */
export interface TreeFile {
  absolute: string;
  /** Relative to the scan root, with `/`. */
  path: string;
}

export interface ListOptions {
  /** Directory the reported paths are relative to. */
  root: string;
  /** Files or directories to scan (absolute or relative to the process's cwd). */
  paths: readonly string[];
  /** Honour `.gitignore` files (nested ones too). */
  gitignore: boolean;
  /** Extra gitignore-style path patterns not to scan (`.keywardenignore` globs, config excludes). */
  exclude: readonly string[];
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** gitignore rules per directory (relative to root, '' for the root), read from the `.gitignore` files found. */
function loadGitignores(root: string, gitignorePaths: readonly string[]): Map<string, Ignore> {
  const byDir = new Map<string, Ignore>();
  for (const path of gitignorePaths) {
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    try {
      byDir.set(dir, ignore().add(readFileSync(resolve(root, path), 'utf8')));
    } catch {
      // An unreadable .gitignore ignores nothing; the files it would hide get scanned, which is the safe side.
    }
  }
  return byDir;
}

/** gitignore rules that apply from above a scanned directory, with the path from their directory down to it. */
interface OuterRules {
  prefix: string;
  rules: Ignore;
}

/**
 * The `.gitignore` files of the directories above `dir`, outermost first: up to the top of
 * its git work tree (with that work tree's `.git/info/exclude`), or, outside a work tree,
 * up to the scan root.
 */
function outerGitignores(dir: string, root: string): OuterRules[] {
  const above: string[] = [];
  let top: string | undefined;
  for (let current = dir; dirname(current) !== current; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) {
      top = current;
      break;
    }
    above.unshift(dirname(current));
  }
  const withinRoot = (at: string) => at === root || at.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
  const levels = top
    ? [{ at: top, text: readTextIfAny(join(top, '.git', 'info', 'exclude')) }, ...above.map((at) => ({ at, text: readTextIfAny(join(at, '.gitignore')) }))]
    : above.filter(withinRoot).map((at) => ({ at, text: readTextIfAny(join(at, '.gitignore')) }));
  return levels
    .filter((level) => level.text.trim() !== '')
    .map((level) => ({ prefix: `${toPosix(relative(level.at, dir))}/`.replace(/^\/$/, ''), rules: ignore().add(level.text) }));
}

/** Git's precedence: the deepest `.gitignore` that has an opinion wins; an ignored directory hides everything below. */
function isGitignored(path: string, byDir: Map<string, Ignore>, outer: readonly OuterRules[]): boolean {
  let ignored = false;
  for (const level of outer) {
    const verdict = level.rules.test(level.prefix + path);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  const parts = path.split('/');
  for (let depth = 0; depth < parts.length; depth++) {
    const dir = parts.slice(0, depth).join('/');
    const rules = byDir.get(dir);
    if (!rules) continue;
    const verdict = rules.test(parts.slice(depth).join('/'));
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

const plainGitignoreLine = /^\/?[A-Za-z0-9._-][A-Za-z0-9._/-]*\/?$/;

/**
 * Globs that let fast-glob skip whole directories a root `.gitignore` excludes by plain
 * name (`node_modules/`, `/dist`). Git never looks inside an excluded directory, so pruning
 * it is exactly git's behaviour; lines with wildcards or negations are left to the exact
 * filter that runs on every listed file anyway. This only saves walking time.
 */
export function pruneGlobs(gitignoreText: string): string[] {
  const globs: string[] = [];
  for (const raw of gitignoreText.split(/\r?\n/)) {
    const line = raw.trim();
    if (!plainGitignoreLine.test(line) || line.includes('..')) continue;
    const name = line.replace(/^\/|\/$/g, '');
    const anchored = line.startsWith('/') || name.includes('/');
    globs.push(...(anchored ? [name, `${name}/**`] : [`**/${name}`, `**/${name}/**`]));
  }
  return globs;
}

function readTextIfAny(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * List the files to scan under each path: regular files only (symbolic links are never
 * followed, so nothing outside the root is read), `.git/` skipped, `.gitignore` and
 * the exclude patterns honoured. A path that does not exist is a UsageError.
 */
export async function listFiles(options: ListOptions): Promise<{ files: TreeFile[]; warnings: ScanWarning[] }> {
  const root = resolve(options.root);
  const warnings: ScanWarning[] = [];
  const found = new Map<string, TreeFile>();
  const excluded = ignore().add([...options.exclude]);
  for (const given of options.paths) {
    const absolute = resolve(given);
    let stats;
    try {
      stats = lstatSync(absolute);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (stats.isSymbolicLink()) {
      warnings.push({ path: given, message: 'symbolic link not followed' });
      continue;
    }
    if (stats.isFile()) {
      // A file named on the command line is scanned even if git ignores it, but not if the user excluded it.
      const path = toPosix(relative(root, absolute));
      if (options.exclude.length === 0 || path.startsWith('../') || !excluded.ignores(path)) found.set(absolute, { absolute, path });
      continue;
    }
    const prune = options.gitignore ? pruneGlobs(readTextIfAny(resolve(absolute, '.gitignore'))) : [];
    const entries = fg.sync('**', {
      cwd: absolute,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      suppressErrors: true,
      ignore: ['**/.git/**', '**/.git', ...prune],
    });
    const prefix = toPosix(relative(root, absolute));
    const rootRelative = (entry: string) => (prefix === '' ? entry : `${prefix}/${entry}`);
    const gitignores = options.gitignore
      ? loadGitignores(absolute, entries.filter((entry) => entry === '.gitignore' || entry.endsWith('/.gitignore')))
      : new Map<string, Ignore>();
    const outer = options.gitignore ? outerGitignores(absolute, root) : [];
    const checkGitignore = gitignores.size > 0 || outer.length > 0;
    const checkExcluded = options.exclude.length > 0;
    for (const entry of entries) {
      if (checkGitignore && isGitignored(entry, gitignores, outer)) continue;
      const path = rootRelative(entry);
      if (checkExcluded && !path.startsWith('../') && excluded.ignores(path)) continue;
      const file = `${absolute}${sep}${entry}`;
      found.set(file, { absolute: file, path });
    }
  }
  return { files: [...found.values()], warnings };
}
