import { existsSync, lstatSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { KeywardenError, UsageError } from '../core/errors.js';
import type { ScanWarning } from '../core/types.js';
import { readUpTo } from './files.js';
import { gitOutput } from './git.js';
import { joinPath, nameOf, type FsPath } from './long-path.js';
import { walkDirectory, type ManyFiles, type WalkedFile, type WalkVisitor } from './walk.js';

/** A file to scan: where to read it, and the path reported for it. */
export interface TreeFile {
  /** Where to read it (as text: see `bytes`). */
  absolute: string;
  /** The absolute path's bytes, when a name in it is not UTF-8 and `absolute` only approximates it. */
  bytes?: Uint8Array;
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
  /** Told once, while a directory is walked, when it holds this many files. */
  onMany?: ManyFiles;
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

/**
 * How many gitignore patterns a scan reads at most, over all its `.gitignore` files (and the
 * exclude patterns): the matcher keeps a compiled expression per pattern and tries every one
 * on every path, so a 400,000-line `.gitignore` ran out of heap. About 50 MB at this count.
 */
export const maxGitignorePatterns = 20_000;
/** Largest `.gitignore` read: far past any real one, and it bounds the read itself (`/dev/zero` behind a link). */
const maxGitignoreBytes = 4 * 1024 * 1024;

/** The error (exit 2) for gitignore files too large to match in bounded memory; `what` says how large. */
const tooManyPatterns = (file: string, what: string) =>
  new KeywardenError(`${file}: ${what}, more than the ${maxGitignorePatterns} gitignore patterns keywarden matches in bounded memory; scan with --no-gitignore (and exclude paths in .keywardenignore), or shorten it`);

/** Counts the patterns read, so a scan's gitignore files together stay within `maxGitignorePatterns`. */
class PatternBudget {
  #used = 0;

  /** The rules of a gitignore file's text, counted; a UsageError (exit 2) past the limit. */
  rules(text: string, file: string): Ignore {
    let count = 0;
    for (const line of text.split('\n')) if (line.trim() !== '' && !line.startsWith('#')) count++;
    this.#used += count;
    if (this.#used > maxGitignorePatterns) throw tooManyPatterns(file, count > maxGitignorePatterns ? `${count} patterns` : `${this.#used} patterns with the gitignore files read before it`);
    return gitignoreRules(text);
  }

  /** A gitignore file's text ('' when there is none), read in bounded memory. */
  read(path: FsPath, file: string): string {
    let read;
    try {
      read = readUpTo(path, maxGitignoreBytes);
    } catch {
      return '';
    }
    if (read.more) throw tooManyPatterns(file, `over ${maxGitignoreBytes / 1024 / 1024} MiB`);
    return read.data.toString('utf8');
  }
}

/** gitignore rules that apply to a directory's entries: tested on `prefix` + the entry's path from `from` on. */
interface Level {
  rules: Ignore;
  prefix: string;
  from: number;
}

/**
 * The `.gitignore` files of the directories above `dir`, outermost first: up to the top of
 * its git work tree (with that work tree's `.git/info/exclude`), or, outside a work tree,
 * up to the scan root. Each level tests paths below `dir` with the path from its own directory.
 */
function outerGitignores(dir: string, root: string, budget: PatternBudget): Level[] {
  const top = workTreeTop(dir);
  const above: string[] = [];
  for (let current = dir; current !== top && dirname(current) !== current; current = dirname(current)) above.unshift(dirname(current));
  const withinRoot = (at: string) => at === root || at.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
  const files = top
    ? [{ at: top, file: join(top, '.git', 'info', 'exclude') }, ...above.map((at) => ({ at, file: join(at, '.gitignore') }))]
    : above.filter(withinRoot).map((at) => ({ at, file: join(at, '.gitignore') }));
  return files
    .map((level) => ({ ...level, text: budget.read(level.file, level.file) }))
    .filter((level) => level.text.trim() !== '')
    .map((level) => ({ prefix: `${toPosix(relative(level.at, dir))}/`.replace(/^\/$/, ''), from: 0, rules: budget.rules(level.text, level.file) }));
}

/**
 * Whether the outer rules hide the scanned directory itself (or a directory above it). Such a
 * directory was named on the command line, so it is walked anyway; git never looks inside an
 * ignored directory, so there is no verdict of git's to follow in there, and only the
 * directory's own `.gitignore` files apply.
 */
function hidesItself(outer: readonly Level[]): boolean {
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
 * Git's verdict on an entry of a directory being walked: the deepest `.gitignore` with an
 * opinion wins. Its parent directories are not ignored, or the walk would not be in there
 * (git never looks inside an ignored directory, so no deeper `.gitignore` can re-include a
 * file there): so only the levels that apply to the entry's own directory are asked, and
 * each entry costs the same whatever its depth.
 */
function ignoredBy(levels: readonly Level[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const verdict = level.rules.test(`${level.prefix}${path.slice(level.from)}${isDirectory ? '/' : ''}`);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** What a walk with `.gitignore` files keeps: the rules of each directory's levels, and how many entries it left out. */
function gitignoreVisitor(budget: PatternBudget, display: (dir: string) => string, onFirstIgnored: () => void): WalkVisitor<readonly Level[]> & { ignored: number } {
  return {
    ignored: 0,
    enter(dir, parent, entries, pathOf) {
      const gitignore = entries.find((entry) => entry.text === '.gitignore' && entry.isFile);
      if (!gitignore) return parent;
      const file = display(gitignore.path);
      const text = budget.read(pathOf('.gitignore'), file);
      return text.trim() === '' ? parent : [...parent, { rules: budget.rules(text, file), prefix: '', from: dir === '' ? 0 : dir.length + 1 }];
    },
    include(entry, levels) {
      if (!ignoredBy(levels, entry.path, entry.isDirectory)) return true;
      if (this.ignored++ === 0) onFirstIgnored();
      return false;
    },
  };
}

const walkEverything: WalkVisitor<readonly Level[]> = { enter: () => [], include: () => true };

/** What a path names when it is neither a regular file nor a directory. */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A file's key in the listing: its path, or its bytes when a name in it is not UTF-8. */
function keyOf(path: FsPath): string {
  return typeof path === 'string' ? path : `\0${path.toString('hex')}`;
}

/**
 * Files git tracks under `dir` that the walk left out (`git add -f` of an ignored file):
 * inside a git work tree, a file git tracks is always scanned. A git that cannot answer
 * (not installed, a repository it refuses as unsafe) is a warning.
 */
async function trackedFiles(dir: string, display: string): Promise<{ files: WalkedFile[]; warning?: ScanWarning }> {
  const run = await gitOutput(dir, ['ls-files', '-z', '--cached'], { allowFailure: true }).catch((error: unknown) => ({ code: -1, stdout: Buffer.alloc(0), stderr: String(error) }));
  if (run.code !== 0) {
    const reason = run.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${run.code}`;
    return { files: [], warning: { path: display, message: `could not ask git which files it tracks (${reason.slice(0, 200)}): a tracked file that .gitignore matches was not scanned` } };
  }
  const files: WalkedFile[] = [];
  for (let start = 0, end = run.stdout.indexOf(0); end !== -1; start = end + 1, end = run.stdout.indexOf(0, start)) {
    const name = nameOf(run.stdout.subarray(start, end));
    files.push({ absolute: joinPath(dir, name.path), path: name.text });
  }
  return { files };
}

function isRegularFile(path: FsPath): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * List the files to scan under each path: regular files only (symbolic links are never
 * followed, so nothing outside the root is read), `.git/` skipped, `.gitignore` and
 * the exclude patterns honoured, but a file git tracks always listed. A path named is never
 * hidden by `.gitignore` files above it (a file is scanned, a directory walked with its own
 * `.gitignore` files); the exclude patterns still apply. A path that does not exist is a
 * UsageError; a directory that cannot be read, or a named path that is not a regular file or
 * a directory (a FIFO), is an `incomplete` warning. Too many gitignore patterns is a UsageError.
 */
export async function listFiles(options: ListOptions): Promise<{ files: TreeFile[]; warnings: ScanWarning[] }> {
  const root = resolve(options.root);
  const warnings: ScanWarning[] = [];
  const found = new Map<string, TreeFile>();
  if (options.exclude.length > maxGitignorePatterns) throw tooManyPatterns('.keywardenignore and the config excludes', `${options.exclude.length} patterns`);
  const excluded = gitignoreRules(options.exclude.join('\n'));
  const budget = new PatternBudget();
  const isExcluded = (path: string) => options.exclude.length > 0 && !path.startsWith('../') && excluded.ignores(path);
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
      if (!isExcluded(path)) found.set(absolute, { absolute, path, explicit: true });
      continue;
    }
    if (!stats.isDirectory()) {
      warnings.push({ path: given, message: `not scanned: ${kindOf(stats)}, not a regular file (to scan a stream, pipe it into keywarden logs)`, kind: 'incomplete' });
      continue;
    }
    const prefix = toPosix(relative(root, absolute));
    const rootRelative = (entry: string) => (prefix === '' ? entry : entry === '' ? prefix : `${prefix}/${entry}`);
    const add = (file: WalkedFile) => {
      const path = rootRelative(file.path);
      if (isExcluded(path)) return;
      const absolute = file.absolute;
      found.set(keyOf(absolute), typeof absolute === 'string' ? { absolute, path } : { absolute: absolute.toString('utf8'), bytes: absolute, path });
    };
    // A directory named on the command line is walked even if outer .gitignore files ignore it (`scan node_modules`).
    const outer = options.gitignore ? outerGitignores(absolute, root, budget) : [];
    // git lists what it tracks only when the walk ignores something (its answer is needed only then),
    // from the first ignored entry on, while the rest of the tree is walked.
    let tracking: ReturnType<typeof trackedFiles> | undefined;
    const startTracking = () => void (tracking = workTreeTop(absolute) ? trackedFiles(absolute, rootRelative('') || '.') : undefined);
    const visitor = options.gitignore ? gitignoreVisitor(budget, rootRelative, startTracking) : undefined;
    const walked = walkDirectory<readonly Level[]>(absolute, hidesItself(outer) ? [] : outer, visitor ?? walkEverything, options.onMany);
    for (const file of walked.files) add(file);
    for (const { path, code } of walked.unreadable) {
      warnings.push({ path: rootRelative(path) || '.', message: `not scanned: this directory could not be read (${code})`, kind: 'incomplete' });
    }
    const tracked = await tracking;
    if (tracked && visitor && visitor.ignored > 0) {
      if (tracked.warning) warnings.push(tracked.warning);
      for (const file of tracked.files) if (!found.has(keyOf(file.absolute)) && isRegularFile(file.absolute)) add(file);
    }
  }
  return { files: [...found.values()], warnings };
}

/**
 * A predicate for gitignore-style path patterns (`.keywardenignore` globs, config
 * excludes), for sources that do not list files: staged changes and history.
 */
export function excludedPaths(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  if (patterns.length > maxGitignorePatterns) throw tooManyPatterns('.keywardenignore and the config excludes', `${patterns.length} patterns`);
  const matcher = gitignoreRules(patterns.join('\n'));
  return (path) => !path.startsWith('../') && path !== '' && matcher.ignores(path);
}
