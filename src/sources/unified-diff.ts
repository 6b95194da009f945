/**
 * Reads git's unified diffs (`git diff --cached -U0`, `git log -p -U0`) and yields the
 * added lines, grouped into runs of consecutive lines of one file, with the 1-based line
 * number of the run's first line in the new file. Removed and context lines are dropped:
 * a guard blames only what a change adds.
 */

import type { Chunk, Origin } from '../core/types.js';

/** A commit header line, as printed by `--format=${commitFormat}`. */
export const commitMarker = '\u0001commit ';
export const commitFormat = '%x01commit %H%x09%an%x09%ae%x09%aI';

export interface CommitInfo {
  commit: string;
  author: string;
  email: string;
  date: string;
}

export interface AddedRun {
  /** New path of the file, relative to the repository root, with `/`. */
  path: string;
  /** 1-based line number of `lines[0]` in the new file. */
  startLine: number;
  lines: string[];
  /** The commit that added the lines (`git log -p`); absent for `git diff`. */
  commit?: CommitInfo;
}

/** Longest run kept in memory before it is handed on; a huge added file is cut into runs this size. */
const maxRunBytes = 4 * 1024 * 1024;

/** Undo git's C-style quoting of a path (`"a\tb"`, `"caf\303\251"`). */
export function unquotePath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const inner = text.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, a: 7, v: 11, '\\': 92, '"': 34 };
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] ?? '';
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = inner[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseCommit(line: string): CommitInfo {
  const [commit = '', author = '', email = '', date = ''] = line.slice(commitMarker.length).split('\t');
  return { commit, author, email, date };
}

/** `@@ -a,b +c,d @@`, or for a merge's combined diff `@@@ -a,b -c,d +e,f @@@` (one `-` range per parent). */
const hunkHeader = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? \1/;
const prefixChars = /^[ +-]*$/;

/** Added-line runs from the lines of a unified diff (or of `git log -p` with `commitFormat`). */
export async function* addedRuns(diff: AsyncIterable<string>): AsyncGenerator<AddedRun> {
  let commit: CommitInfo | undefined;
  let path: string | undefined;
  let inHunk = false;
  let nextLine = 0;
  /** Prefix columns of a hunk's lines: 1, or one per parent in a combined diff. */
  let columns = 1;
  let run: AddedRun | undefined;
  let runBytes = 0;
  const take = (): AddedRun | undefined => {
    const done = run;
    run = undefined;
    runBytes = 0;
    return done;
  };
  for await (const line of diff) {
    if (line.startsWith(commitMarker)) {
      const done = take();
      if (done) yield done;
      commit = parseCommit(line);
      path = undefined;
      inHunk = false;
      continue;
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      const done = take();
      if (done) yield done;
      path = undefined;
      inHunk = false;
      continue;
    }
    if (!inHunk) {
      if (line.startsWith('+++ ')) {
        // git ends a path holding spaces with a tab, to tell it from what follows.
        const target = line.slice(4).replace(/\t$/, '');
        path = target === '/dev/null' ? undefined : unquotePath(target).replace(/^b\//, '');
      }
      const hunk = hunkHeader.exec(line);
      if (hunk && path !== undefined) {
        inHunk = true;
        columns = (hunk[1]?.length ?? 2) - 1;
        nextLine = Number(hunk[2]);
      }
      continue;
    }
    const hunk = hunkHeader.exec(line);
    const prefix = line.slice(0, columns);
    if (hunk) {
      const done = take();
      if (done) yield done;
      columns = (hunk[1]?.length ?? 2) - 1;
      nextLine = Number(hunk[2]);
    } else if (line === '' || (prefixChars.test(prefix) && prefix.length === columns && !prefix.includes('-') && prefix.includes(' '))) {
      // A context line (in a combined diff: present in at least one parent), or a blank one printed empty.
      const done = take();
      if (done) yield done;
      nextLine++;
    } else if (prefix === '+'.repeat(columns)) {
      // Added against every parent: a line this change brings itself.
      const text = line.slice(columns);
      if (!run || runBytes > maxRunBytes) {
        const done = take();
        if (done) yield done;
        run = { path: path ?? '', startLine: nextLine, lines: [], ...(commit ? { commit } : {}) };
      }
      run.lines.push(text);
      runBytes += text.length + 1;
      nextLine++;
    } else if ((prefixChars.test(prefix) && prefix.length === columns) || line.startsWith('\\')) {
      // Removed from some parent (not in the new file), or `\ No newline at end of file`.
      const done = take();
      if (done) yield done;
    } else {
      // Anything else ends the file's hunks (the next header, a blank line before a commit).
      const done = take();
      if (done) yield done;
      inHunk = false;
    }
  }
  const done = take();
  if (done) yield done;
}

/**
 * The lines one version of a file adds to another, for text git diffs as binary (UTF-16,
 * decoded first): the lines of `after` that `before` does not hold as often (a moved line is
 * not added; a key the file already held is not the change's doing), in runs numbered as in
 * `after`. Not a minimal diff, but the same blame for every line a guard cares about.
 */
export function addedLinesOf(path: string, before: string, after: string, commit?: CommitInfo): AddedRun[] {
  const old = new Map<string, number>();
  if (before !== '') for (const line of before.split('\n')) old.set(line, (old.get(line) ?? 0) + 1);
  const runs: AddedRun[] = [];
  let run: AddedRun | undefined;
  after.split('\n').forEach((line, index) => {
    const left = old.get(line) ?? 0;
    if (left > 0) {
      old.set(line, left - 1);
      run = undefined;
    } else if (run) {
      run.lines.push(line);
    } else {
      run = { path, startLine: index + 1, lines: [line], ...(commit ? { commit } : {}) };
      runs.push(run);
    }
  });
  return runs;
}

/** A run as text to scan: its lines, each ended by a newline, numbered from the run's first line. */
export function runChunk(run: AddedRun, origin: Origin): Chunk {
  return { origin, data: Buffer.from(`${run.lines.join('\n')}\n`, 'utf8'), startLine: run.startLine };
}
