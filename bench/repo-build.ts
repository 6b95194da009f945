/**
 * What the git benchmarks (`history`, `staged`) build their repositories from: git run
 * apart from the machine's configuration, a writer for `git fast-import` streams, the text
 * of this repository's node_modules (real third-party source) as file contents, and the
 * small, seeded edits that turn one version of a file into the next.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { redactKeys } from './keys.js';
import { looksBinary, pickDistinct } from './tree-build.js';
import { HarnessError, MB, repoRoot, type Command } from './lib.js';

/**
 * Every git the benchmarks run, theirs and keywarden's, sees the same configuration: none
 * from the machine (no global or system file, so no user's aliases, hooks path, pager or
 * diff settings change what is measured), a fixed locale, never a credential prompt.
 */
export const gitEnv: Readonly<Record<string, string>> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

/** Run git (isolated) and return its stdout; a failure is a harness error. */
export function git(cwd: string, args: readonly string[], options: { stdinFile?: string; maxBuffer?: number } = {}): string {
  const stdin = options.stdinFile === undefined ? 'ignore' : openSync(options.stdinFile, 'r');
  try {
    const run = spawnSync('git', args, {
      cwd,
      env: { ...process.env, ...gitEnv },
      stdio: [stdin, 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: options.maxBuffer ?? 64 * MB,
    });
    if (run.error) throw new HarnessError(`git ${args.join(' ')}: ${run.error.message}`);
    // git may quote the input it choked on (fast-import quotes stream lines): key-shaped text is blanked out.
    if (run.status !== 0) throw new HarnessError(`git ${args.join(' ')} failed (exit ${String(run.status)}) in ${cwd}\n${redactKeys(run.stderr.trim()).slice(0, 2000)}`);
    return run.stdout;
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
  }
}

/** A git command to time, isolated like every other. */
export function gitCommand(label: string, cwd: string, args: readonly string[], stdoutFile?: string): Command {
  return { label, file: 'git', args, cwd, env: gitEnv, ...(stdoutFile === undefined ? {} : { stdoutFile }) };
}

export interface ObjectCounts {
  commits: number;
  trees: number;
  blobs: number;
  tags: number;
  /** Uncompressed size of all blobs: what a full-history scan has to read. */
  blobBytes: number;
  /** Packed size on disk (`git count-objects -v`: size-pack + size, in bytes). */
  diskBytes: number;
  refs: number;
}

/** What a repository holds, for the report (one `cat-file --batch-check` pass, untimed). */
export function countObjects(repoDir: string): ObjectCounts {
  const counts: ObjectCounts = { commits: 0, trees: 0, blobs: 0, tags: 0, blobBytes: 0, diskBytes: 0, refs: 0 };
  const listing = git(repoDir, ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectsize)'], { maxBuffer: 1024 * MB });
  for (const line of listing.split('\n')) {
    const [type, size] = line.split(' ');
    if (type === 'commit') counts.commits++;
    else if (type === 'tree') counts.trees++;
    else if (type === 'tag') counts.tags++;
    else if (type === 'blob') {
      counts.blobs++;
      counts.blobBytes += Number(size);
    }
  }
  for (const line of git(repoDir, ['count-objects', '-v']).split('\n')) {
    const [name, value] = line.split(': ');
    if (name === 'size' || name === 'size-pack') counts.diskBytes += Number(value) * 1024;
  }
  counts.refs = git(repoDir, ['for-each-ref', '--format=x']).split('\n').filter(Boolean).length;
  return counts;
}

// ---------------------------------------------------------------------------------------
// Source text

export interface SourceFile {
  /** Path it gets in a generated repository: node_modules-relative, nested `node_modules` renamed `deps`. */
  path: string;
  text: string;
}

/** Files no generated repository should carry: they would change what a scanner or git skips. */
const skippedNames = new Set(['.gitignore', '.gitattributes', '.gitmodules', '.ignore', '.keywardenignore', '.npmignore']);

/**
 * The text files of this repository's node_modules, in a fixed order, whose size lies in
 * `[minBytes, maxBytes]`: binaries and symbolic links are left out.
 */
export function sourceFiles(minBytes: number, maxBytes: number): SourceFile[] {
  const root = join(repoRoot, 'node_modules');
  if (!existsSync(root)) throw new HarnessError(`${root} is missing: run \`npm install\` first`);
  const files: SourceFile[] = [];
  const walk = (dir: string, relative: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = entry.name === 'node_modules' ? 'deps' : entry.name;
      const path = relative === '' ? name : `${relative}/${name}`;
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== '.bin') walk(join(dir, entry.name), path);
      } else if (entry.isFile() && !skippedNames.has(entry.name)) {
        const data = readFileSync(join(dir, entry.name));
        if (data.length < minBytes || data.length > maxBytes || looksBinary(data)) continue;
        files.push({ path, text: data.toString('utf8') });
      }
    }
  };
  walk(root, '');
  return files;
}

// ---------------------------------------------------------------------------------------
// Edits

/** Lines of real source to draw inserted lines from. */
export class LinePool {
  private readonly lines: string[] = [];

  constructor(files: readonly SourceFile[], random: () => number, maxLines = 200_000) {
    for (const file of pickDistinct(files, Math.min(files.length, 400), random)) {
      for (const line of file.text.split('\n')) {
        if (line.length <= 200 && this.lines.length < maxLines) this.lines.push(line);
      }
    }
    if (this.lines.length === 0) throw new HarnessError('no source lines to edit files with');
  }

  /** `count` consecutive lines from a random place. */
  take(count: number, random: () => number): string[] {
    const start = Math.floor(random() * Math.max(1, this.lines.length - count));
    return this.lines.slice(start, start + count);
  }
}

/**
 * A commit-sized edit of a source file: one to three hunks, each deleting up to three lines
 * and inserting up to four lines of other real source. Lines for which `keep` is true
 * (planted keys that must survive) are never deleted.
 */
export function editText(text: string, random: () => number, pool: LinePool, keep: (line: string) => boolean = () => false): string {
  const lines = text.split('\n');
  const hunks = 1 + Math.floor(random() * 3);
  for (let h = 0; h < hunks; h++) {
    const at = Math.floor(random() * lines.length);
    let remove = Math.floor(random() * 4);
    while (remove > 0 && lines.slice(at, at + remove).some(keep)) remove--;
    const insert = pool.take(Math.floor(random() * 5), random);
    if (remove === 0 && insert.length === 0) insert.push(...pool.take(1, random));
    lines.splice(at, remove, ...insert);
  }
  return lines.join('\n');
}

/** Insert `line` before a random line of `text` (never before the first, so a shebang stays first). */
export function insertLine(text: string, line: string, random: () => number): string {
  const lines = text.split('\n');
  const at = lines.length <= 1 ? lines.length : 1 + Math.floor(random() * (lines.length - 1));
  lines.splice(at, 0, line);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// fast-import

export interface Identity {
  name: string;
  email: string;
}

export interface CommitSpec {
  ref: string;
  author: Identity;
  /** Seconds since the epoch; committer date too. */
  time: number;
  message: string;
  /** Mark of the first parent; omitted for a root commit. */
  from?: number;
  /** Marks of further parents (a merge). */
  merges?: readonly number[];
  /** Blob marks to store at paths, and paths to delete. */
  changes: readonly ({ path: string; blob: number } | { path: string; delete: true })[];
}

/**
 * Writes a `git fast-import` stream to a file (buffered), then imports it. Marks number
 * blobs and commits; `import` returns the object id of every commit mark.
 */
export class FastImportStream {
  private readonly fd: number;
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private nextMark = 1;
  readonly commitMarks: number[] = [];
  /** Bytes of blob content written (uncompressed, duplicates included). */
  blobBytes = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  private write(chunk: string | Buffer): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.buffered.push(buffer);
    this.bufferedBytes += buffer.length;
    if (this.bufferedBytes >= 4 * MB) this.flush();
  }

  private flush(): void {
    const all = Buffer.concat(this.buffered);
    for (let offset = 0; offset < all.length; ) offset += writeSync(this.fd, all, offset);
    this.buffered = [];
    this.bufferedBytes = 0;
  }

  private data(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    this.write(`data ${bytes.length}\n`);
    this.write(bytes);
    this.write('\n');
  }

  blob(text: string): number {
    const mark = this.nextMark++;
    this.write(`blob\nmark :${mark}\n`);
    this.blobBytes += Buffer.byteLength(text, 'utf8');
    this.data(text);
    return mark;
  }

  commit(spec: CommitSpec): number {
    const mark = this.nextMark++;
    const who = `${spec.author.name} <${spec.author.email}> ${spec.time} +0000`;
    this.write(`commit ${spec.ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n`);
    this.data(spec.message);
    if (spec.from !== undefined) this.write(`from :${spec.from}\n`);
    for (const parent of spec.merges ?? []) this.write(`merge :${parent}\n`);
    for (const change of spec.changes) {
      this.write('delete' in change ? `D ${quotePath(change.path)}\n` : `M 100644 :${change.blob} ${quotePath(change.path)}\n`);
    }
    this.write('\n');
    this.commitMarks.push(mark);
    return mark;
  }

  /** An annotated tag object pointing at a commit. */
  annotatedTag(name: string, commit: number, tagger: Identity, time: number, message: string): void {
    this.write(`tag ${name}\nfrom :${commit}\ntagger ${tagger.name} <${tagger.email}> ${time} +0000\n`);
    this.data(message);
  }

  /** Point a ref (a lightweight tag, a branch) at a commit. */
  reset(ref: string, commit: number): void {
    this.write(`reset ${ref}\nfrom :${commit}\n\n`);
  }

  /** Import the stream into `repoDir` (an initialised repository); returns commit marks → object ids. */
  import(repoDir: string): Map<number, string> {
    this.write('done\n');
    this.flush();
    closeSync(this.fd);
    const marksFile = `${this.file}.marks`;
    git(repoDir, ['fast-import', '--quiet', '--done', `--export-marks=${marksFile}`], { stdinFile: this.file });
    const ids = new Map<number, string>();
    for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
      const match = /^:(\d+) ([0-9a-f]+)$/.exec(line);
      if (match) ids.set(Number(match[1]), match[2] ?? '');
    }
    return ids;
  }
}

/** fast-import takes a path unquoted unless it starts with `"` or holds a newline or a space is ambiguous; quote when in doubt. */
function quotePath(path: string): string {
  if (!/["\\\n\s]/.test(path)) return path;
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
