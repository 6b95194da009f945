import fs, { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from '../core/errors.js';
import type { ScanWarning } from '../core/types.js';

/** A file to scan: where to read it, and the path reported for it. */
export interface TreeFile {
  absolute: string;
  /** Relative to the scan root, with `/`. */
  path: string;
  /** Named on the command line (not found by a walk): a file skipped unread is then worth a warning. */
  explicit?: boolean;
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

/** The top of the git work tree holding `dir` (the nearest directory with a `.git`), if any. */
export function workTreeTop(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** Whether every path names a regular file (then the list is known without walking). */
export function namesOnlyFiles(paths: readonly string[]): boolean {
  return paths.every((path) => {
    try {
      return lstatSync(path).isFile();
    } catch {
      return false;
    }
  });
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
  const top = workTreeTop(dir);
  const above: string[] = [];
  for (let current = dir; current !== top && dirname(current) !== current; current = dirname(current)) above.unshift(dirname(current));
  const withinRoot = (at: string) => at === root || at.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
  const levels = top
    ? [{ at: top, text: readTextIfAny(join(top, '.git', 'info', 'exclude')) }, ...above.map((at) => ({ at, text: readTextIfAny(join(at, '.gitignore')) }))]
    : above.filter(withinRoot).map((at) => ({ at, text: readTextIfAny(join(at, '.gitignore')) }));
  return levels
    .filter((level) => level.text.trim() !== '')
    .map((level) => ({ prefix: `${toPosix(relative(level.at, dir))}/`.replace(/^\/$/, ''), rules: gitignoreRules(level.text) }));
}

/**
 * Whether the outer rules hide the scanned directory itself (or a directory above it). Such a
 * directory was named on the command line, so it is walked anyway; git never looks inside an
 * ignored directory, so there is no verdict of git's to follow in there, and only the
 * directory's own `.gitignore` files apply.
 */
function hidesItself(outer: readonly OuterRules[]): boolean {
  let hidden = false;
  for (const level of outer) {
    if (level.prefix === '') continue;
    const verdict = level.rules.test(level.prefix);
    if (verdict.ignored) hidden = true;
    else if (verdict.unignored) hidden = false;
  }
  return hidden;
}

/** gitignore rules matched as git does on Linux: case-sensitively. */
function gitignoreRules(text: string): Ignore {
  return ignore({ ignorecase: false }).add(text);
}

/**
 * Git's verdict on a path: the deepest `.gitignore` with an opinion wins, and a directory
 * that is ignored hides everything below it (git never looks inside, so no deeper
 * `.gitignore` can re-include a file there). Directory verdicts are cached.
 */
class GitignoreMatcher {
  readonly #directories = new Map<string, boolean>();

  private readonly byDir = new Map<string, Ignore>();

  constructor(private readonly outer: readonly OuterRules[]) {}

  /** Rules of the `.gitignore` in `dir` (relative to the scanned directory, '' for itself). */
  add(dir: string, text: string): void {
    this.byDir.set(dir, gitignoreRules(text));
  }

  /** Whether git never looks inside the directory at `dir`. */
  ignoresDirectory(dir: string): boolean {
    return this.#directoryIgnored(dir);
  }

  /** Whether git ignores the file at `path` (relative to the scanned directory, with `/`). */
  ignores(path: string): boolean {
    const slash = path.lastIndexOf('/');
    return (slash !== -1 && this.#directoryIgnored(path.slice(0, slash))) || this.#verdict(path, false);
  }

  #directoryIgnored(dir: string): boolean {
    const cached = this.#directories.get(dir);
    if (cached !== undefined) return cached;
    const slash = dir.lastIndexOf('/');
    const ignored = (slash !== -1 && this.#directoryIgnored(dir.slice(0, slash))) || this.#verdict(dir, true);
    this.#directories.set(dir, ignored);
    return ignored;
  }

  #verdict(path: string, isDirectory: boolean): boolean {
    const suffix = isDirectory ? '/' : '';
    let ignored = false;
    const apply = (rules: Ignore, relativePath: string) => {
      const verdict = rules.test(relativePath + suffix);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    };
    for (const level of this.outer) apply(level.rules, level.prefix + path);
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = this.byDir.get(parts.slice(0, depth).join('/'));
      if (rules) apply(rules, parts.slice(depth).join('/'));
    }
    return ignored;
  }
}

function readTextIfAny(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The file system fast-glob walks with, seen through git's eyes: entering a directory
 * loads its `.gitignore` before anything in it is judged, and an ignored directory is
 * left out of the listing of its parent, so it is never walked (git never looks inside
 * one either, so this is exact). Files are judged after the walk, by the same matcher.
 */
function pruningFs(scanned: string, matcher: GitignoreMatcher): Partial<typeof fs> {
  const readdirSync = ((path: string, options: { withFileTypes: true }) => {
    const entries = fs.readdirSync(path, options);
    const dir = toPosix(relative(scanned, path));
    const gitignore = entries.find((entry) => entry.name === '.gitignore' && entry.isFile());
    if (gitignore) matcher.add(dir, readTextIfAny(join(path, '.gitignore')));
    return entries.filter((entry) => !(entry.isDirectory() && matcher.ignoresDirectory(dir === '' ? entry.name : `${dir}/${entry.name}`)));
  }) as typeof fs.readdirSync;
  return { readdirSync };
}

/**
 * List the files to scan under each path: regular files only (symbolic links are never
 * followed, so nothing outside the root is read), `.git/` skipped, `.gitignore` and
 * the exclude patterns honoured. A path named is never hidden by `.gitignore` files above
 * it (a file is scanned, a directory walked with its own `.gitignore` files); the exclude
 * patterns still apply. A path that does not exist is a UsageError.
 */
export async function listFiles(options: ListOptions): Promise<{ files: TreeFile[]; warnings: ScanWarning[] }> {
  const root = resolve(options.root);
  const warnings: ScanWarning[] = [];
  const found = new Map<string, TreeFile>();
  const excluded = gitignoreRules(options.exclude.join('\n'));
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
      if (options.exclude.length === 0 || path.startsWith('../') || !excluded.ignores(path)) found.set(absolute, { absolute, path, explicit: true });
      continue;
    }
    // A directory named on the command line is walked even if outer .gitignore files ignore it (`scan node_modules`).
    const outer = options.gitignore ? outerGitignores(absolute, root) : [];
    const matcher = options.gitignore ? new GitignoreMatcher(hidesItself(outer) ? [] : outer) : undefined;
    const entries = fg.sync('**', {
      cwd: absolute,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      suppressErrors: true,
      ignore: ['**/.git/**', '**/.git'],
      ...(matcher ? { fs: pruningFs(absolute, matcher) } : {}),
    });
    const prefix = toPosix(relative(root, absolute));
    const rootRelative = (entry: string) => (prefix === '' ? entry : `${prefix}/${entry}`);
    const checkExcluded = options.exclude.length > 0;
    for (const entry of entries) {
      if (matcher?.ignores(entry)) continue;
      const path = rootRelative(entry);
      if (checkExcluded && !path.startsWith('../') && excluded.ignores(path)) continue;
      const file = `${absolute}${sep}${entry}`;
      found.set(file, { absolute: file, path });
    }
  }
  return { files: [...found.values()], warnings };
}

/** Whether `pattern` holds glob syntax (`*`, `?`, `[…]`, `{…}`), as opposed to naming one path. */
export function isGlobPattern(pattern: string): boolean {
  return fg.isDynamicPattern(pattern);
}

/** Absolute paths of the files a glob (relative to `cwd`, or absolute) matches, in no particular order. */
export function globFiles(pattern: string, cwd: string): string[] {
  return fg.sync(pattern, { cwd, onlyFiles: true, absolute: true, suppressErrors: true });
}

/**
 * A predicate for gitignore-style path patterns (`.keywardenignore` globs, config
 * excludes), for sources that do not list files: staged changes and history.
 */
export function excludedPaths(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = gitignoreRules(patterns.join('\n'));
  return (path) => !path.startsWith('../') && path !== '' && matcher.ignores(path);
}
