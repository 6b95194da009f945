import { closeSync, constants, openSync, readdirSync, type Dirent } from 'node:fs';
import { canOpenRelative, hopBytes, joinPath, nameOf, pathLength, throughDescriptor, type FsPath } from './long-path.js';

/**
 * The directory walk of a working tree: regular files only (symbolic links are never
 * followed, so nothing outside the tree is read), `.git` skipped, and nothing left out in
 * silence: names are read as bytes (a newline or invalid UTF-8 in a name is just a name),
 * a directory that cannot be read is reported, and a directory deeper than PATH_MAX is
 * read relative to an open ancestor, so every directory costs the same whatever its depth
 * (the walk is linear in the size of the tree). Iterative: a 100,000-level tree does not
 * overflow the stack.
 */

/** A file found: where to open it (absolute; bytes when a name is not UTF-8), and its path below the walked directory, with `/`. */
export interface WalkedFile {
  absolute: FsPath;
  path: string;
}

/** A directory entry as the walk sees it: its name as text (for matching and reports) and as the path that opens it. */
export interface Entry {
  /** The name as UTF-8 text; a byte that is not UTF-8 reads as U+FFFD. */
  text: string;
  /** Below the walked directory, with `/`. */
  path: string;
  isDirectory: boolean;
  isFile: boolean;
}

export interface WalkVisitor<S> {
  /**
   * Entering a directory (`dir` below the walked one, '' for itself): the state its entries
   * are judged with, from its parent's state and its own entries. `pathOf(name)` opens one of
   * its files while `enter` runs (a `.gitignore`).
   */
  enter(dir: string, parent: S, entries: readonly Entry[], pathOf: (name: string) => FsPath): S;
  /** Whether to walk into a directory, or list a file. */
  include(entry: Entry, state: S): boolean;
}

/** A directory the walk could not read: its path below the walked one ('' for itself), and why. */
export interface Unreadable {
  path: string;
  code: string;
}

/** An open ancestor directory that deep paths are read relative to; closed when nothing waiting needs it. */
interface Anchor {
  fd: number;
  users: number;
}

interface Pending<S> {
  dir: string;
  /** Where to read it: a path short enough for the kernel, maybe through an anchor. */
  handle: FsPath;
  /** Names in `handle` past its anchor (or the walked directory): what the kernel resolves to read it. */
  names: number;
  anchor: Anchor | undefined;
  /** Its full path, for the files in it. */
  absolute: FsPath;
  parent: S;
}

function release(anchor: Anchor | undefined): void {
  if (anchor && --anchor.users === 0) closeSync(anchor.fd);
}

const dotGit = Buffer.from('.git');
/**
 * Names resolved at most to reach a directory before the walk opens it to read deeper ones
 * relative to it: each listing then costs a bounded lookup, not one as long as its depth
 * (quadratic over a deep chain), at the price of one open descriptor per this many levels
 * of the directory being read.
 */
const maxNames = 64;

function readEntries(handle: FsPath): Dirent<Buffer>[] {
  return readdirSync(handle, { withFileTypes: true, encoding: 'buffer' });
}

/** Called once, during the walk, when it has found `count` files: a caller can start work that pays only on large trees. */
export interface ManyFiles {
  count: number;
  then: () => void;
}

/** Walk the directory at `absolute`, depth first. */
export function walkDirectory<S>(absolute: string, initial: S, visitor: WalkVisitor<S>, onMany?: ManyFiles): { files: WalkedFile[]; unreadable: Unreadable[] } {
  const files: WalkedFile[] = [];
  const unreadable: Unreadable[] = [];
  const stack: Pending<S>[] = [{ dir: '', handle: absolute, names: 0, anchor: undefined, absolute, parent: initial }];
  const visit = (pending: Pending<S>, dirents: readonly Dirent<Buffer>[]) => {
    const named = dirents
      .filter((dirent) => !dirent.name.equals(dotGit))
      .map((dirent) => {
        const name = nameOf(dirent.name);
        const entry: Entry = { text: name.text, path: pending.dir === '' ? name.text : `${pending.dir}/${name.text}`, isDirectory: dirent.isDirectory(), isFile: dirent.isFile() };
        return { entry, name: name.path };
      });
    const state = visitor.enter(pending.dir, pending.parent, named.map(({ entry }) => entry), (name) => joinPath(pending.handle, name));
    for (const { entry, name } of named) {
      if (!(entry.isDirectory || entry.isFile) || !visitor.include(entry, state)) continue;
      if (entry.isFile) {
        files.push({ absolute: joinPath(pending.absolute, name), path: entry.path });
        if (files.length === onMany?.count) onMany.then();
      } else {
        if (pending.anchor) pending.anchor.users++;
        stack.push({ dir: entry.path, handle: joinPath(pending.handle, name), names: pending.names + 1, anchor: pending.anchor, absolute: joinPath(pending.absolute, name), parent: state });
      }
    }
  };
  try {
    for (let next = stack.pop(); next; next = stack.pop()) {
      const pending = next;
      try {
        let dirents: Dirent<Buffer>[];
        try {
          if ((pending.names > maxNames || pathLength(pending.handle) > hopBytes) && canOpenRelative()) {
            // Deep: open this directory and read what is below it through it.
            const fd = openSync(pending.handle, constants.O_RDONLY | constants.O_DIRECTORY);
            release(pending.anchor);
            pending.anchor = { fd, users: 1 };
            pending.handle = throughDescriptor(fd);
            pending.names = 0;
          }
          dirents = readEntries(pending.handle);
        } catch (error) {
          unreadable.push({ path: pending.dir, code: (error as NodeJS.ErrnoException).code ?? String(error) });
          continue;
        }
        visit(pending, dirents);
      } finally {
        release(pending.anchor);
      }
    }
  } finally {
    // Stopped by an error (a .gitignore too large): the anchors still held are closed.
    for (const pending of stack.splice(0)) release(pending.anchor);
  }
  return { files, unreadable };
}
