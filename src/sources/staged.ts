import { KeywardenError } from '../core/errors.js';
import type { Chunk } from '../core/types.js';
import { gitLines, gitOutput } from './git.js';
import { isUtf16, sniffText, utf8Of } from './text-encoding.js';
import { addedLinesOf, addedRuns, unquotePath, type AddedRun, runChunk } from './unified-diff.js';

/**
 * The staged source: what the next commit would add. It reads the index (through
 * `GIT_INDEX_FILE` too, which git sets for `git commit -a` and `git commit PATH`), never the
 * working tree, so a key hidden by an unstaged edit is caught and one that is only in an
 * unstaged edit is not.
 */

/**
 * `git diff --cached` flags that make the output the same whatever the user's config:
 * no colour, external diff, textconv, relative paths or custom prefixes. Added, copied,
 * modified, renamed and type-changed paths only (a deletion adds nothing); submodule
 * pointers are skipped (a submodule's content is committed, and guarded, in its own repo).
 * Without a HEAD (the first commit) git diffs against the empty tree, so everything is added.
 */
const diffArgs = [
  'diff',
  '--cached',
  '-U0',
  '-M',
  '--diff-filter=ACMRT',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--ignore-submodules=all',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/** The top of the work tree holding `cwd`; exit 2 outside one (a bare repository has none) or without git. */
export async function workTreeTop(cwd: string): Promise<string> {
  const { stdout, stderr, code } = await gitOutput(cwd, ['rev-parse', '--show-toplevel'], { allowFailure: true });
  const top = stdout.toString('utf8').replace(/\n$/, '');
  if (code !== 0 || top === '') {
    // git's own reason matters: "not a git repository", a bare repository, or an unsafe owner (safe.directory).
    const reason = stderr.split('\n').find((line) => line.trim() !== '') ?? `git exited with ${code}`;
    throw new KeywardenError(`not inside a git work tree (${reason.slice(0, 300)})`);
  }
  return top;
}

/** Bytes git looks at to tell a binary file (a NUL among the first 8000). */
const binarySniffBytes = 8000;

/** `Binary files a/x and b/y differ` → `y`, the new path. */
function binaryPath(line: string): string | undefined {
  if (!line.startsWith('Binary files ') || !line.endsWith(' differ')) return undefined;
  const body = line.slice('Binary files '.length, -' differ'.length);
  const at = Math.max(body.lastIndexOf(' and b/'), body.lastIndexOf(' and "b/'));
  if (at === -1) return undefined;
  return unquotePath(body.slice(at + ' and '.length)).replace(/^b\//, '');
}

/** Pass diff lines through, noting the paths git reported as binary. */
async function* notingBinaries(lines: AsyncIterable<string>, binaries: string[]): AsyncGenerator<string> {
  for await (const line of lines) {
    const path = binaryPath(line);
    if (path !== undefined) binaries.push(path);
    yield line;
  }
}

function toChunk(run: AddedRun): Chunk {
  return runChunk(run, { kind: 'staged', path: run.path });
}

export interface StagedOptions {
  /** Paths not to scan (`.keywardenignore` globs, config excludes); relative to the top, with `/`. */
  exclude?: (path: string) => boolean;
}

/**
 * Of the paths git called binary, those it called so because `.gitattributes` says `binary`,
 * `-diff` or names a diff driver, rather than because of their content.
 */
async function binaryByAttribute(top: string, paths: readonly string[]): Promise<string[]> {
  const { stdout } = await gitOutput(top, ['check-attr', '-z', '--stdin', 'diff'], { input: paths.map((path) => `${path}\0`).join('') });
  const fields = stdout.toString('utf8').split('\0');
  const found: string[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const info = fields[i + 2];
    if (info !== 'unspecified' && info !== 'set') found.push(fields[i] ?? '');
  }
  return found;
}

/** Paths in groups short enough for any command line. */
function* batches(paths: readonly string[], maxChars = 16_000): Generator<string[]> {
  let batch: string[] = [];
  let length = 0;
  for (const path of paths) {
    if (batch.length > 0 && length + path.length > maxChars) {
      yield batch;
      batch = [];
      length = 0;
    }
    batch.push(path);
    length += path.length + 1;
  }
  if (batch.length > 0) yield batch;
}

/** The blob ids of each staged change, by new path (`git diff --cached --raw`): the blob before (none for an added file) and after. */
async function stagedBlobs(top: string): Promise<Map<string, { before?: string; after: string }>> {
  const { stdout } = await gitOutput(top, ['diff', '--cached', '--raw', '-z', '--no-abbrev', '-M', '--diff-filter=ACMRT', '--no-ext-diff', '--no-relative', '--ignore-submodules=all']);
  const fields = stdout.toString('utf8').split('\0');
  const blobs = new Map<string, { before?: string; after: string }>();
  for (let i = 0; i < fields.length; ) {
    // `:old-mode new-mode old-id new-id status`, then the path, or for a rename or copy the old path and the new.
    const meta = (fields[i] ?? '').split(' ');
    const renamed = /^[RC]/.test(meta[4] ?? '');
    const path = fields[i + (renamed ? 2 : 1)];
    const [before, after] = [meta[2], meta[3]];
    if (path !== undefined && after !== undefined) blobs.set(path, { ...(before && !/^0+$/.test(before) ? { before } : {}), after });
    i += renamed ? 3 : 2;
  }
  return blobs;
}

/** Of the paths git called binary, those whose staged content is UTF-16 text, with the lines they add. */
async function* utf16AddedRuns(top: string, paths: readonly string[]): AsyncGenerator<AddedRun> {
  const blobs = await stagedBlobs(top);
  const textOf = async (id: string) => (await gitOutput(top, ['cat-file', 'blob', id])).stdout;
  for (const path of paths) {
    const ids = blobs.get(path);
    if (!ids) continue;
    const after = await textOf(ids.after);
    if (!isUtf16(sniffText(after))) continue;
    const before = ids.before === undefined ? '' : utf8Of(await textOf(ids.before)).toString('utf8');
    yield* addedLinesOf(path, before, utf8Of(after).toString('utf8'));
  }
}

/**
 * The lines the next commit would add, as chunks (origin `staged`, paths relative to the
 * work tree's top, line numbers in the staged file). `top` is from `workTreeTop`.
 *
 * UTF-16 text, which git calls binary, is decoded and its added lines found here (`utf16AddedRuns`).
 * Binary files are skipped, but git also calls a file binary when `.gitattributes` says so
 * (`binary`, `-diff`), which would let one attribute line hide a text file from the guard. So
 * the files binary by attribute are diffed once more as text, and only those whose added bytes
 * hold a NUL near their start — binary by content, as git itself judges it — are skipped.
 */
export async function* stagedChunks(top: string, options: StagedOptions = {}): AsyncGenerator<Chunk> {
  const excluded = options.exclude ?? (() => false);
  const binaries: string[] = [];
  for await (const run of addedRuns(notingBinaries(gitLines(top, diffArgs), binaries))) {
    if (!excluded(run.path)) yield toChunk(run);
  }
  let candidates = binaries.filter((path) => !excluded(path));
  if (candidates.length === 0) return;
  // UTF-16 text has a NUL in every other byte, so git calls it binary: decode it and diff the lines here.
  const utf16 = new Set<string>();
  for await (const run of utf16AddedRuns(top, candidates)) {
    utf16.add(run.path);
    yield toChunk(run);
  }
  candidates = candidates.filter((path) => !utf16.has(path));
  if (candidates.length === 0) return;
  const byAttribute = await binaryByAttribute(top, candidates);
  const binaryByContent = new Set<string>();
  const seen = new Set<string>();
  for (const batch of batches(byAttribute)) {
    for await (const run of addedRuns(gitLines(top, ['--literal-pathspecs', ...diffArgs, '--text', '--', ...batch]))) {
      if (!seen.has(run.path)) {
        seen.add(run.path);
        if (run.lines.join('\n').slice(0, binarySniffBytes).includes('\0')) binaryByContent.add(run.path);
      }
      if (!binaryByContent.has(run.path)) yield toChunk(run);
    }
  }
}
