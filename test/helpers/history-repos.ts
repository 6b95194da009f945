/**
 * Real git repositories for the history tests, isolated from the machine's git config,
 * with deterministic authors and dates (each commit one hour after the previous one, so
 * the walk order is known).
 */
import { execFileSyncSmall } from './spawn-sync.js';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTree } from './tmp.js';

/**
 * An empty template directory for `git init` and `git clone`: git's default one copies ~18
 * sample hooks and files into every repository, which a test then writes and deletes for nothing
 * (hooks are installed by keywarden into a `.git/hooks` it creates when missing, as in a real
 * repository made without templates).
 */
const emptyTemplate = fileURLToPath(new URL('../../node_modules/.cache/keywarden/git-template', import.meta.url));
mkdirSync(emptyTemplate, { recursive: true });

/** Environment for git in tests (and for the CLI under test): no global or system config. */
export const isolatedGitEnv: Record<string, string> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  // Every `git commit` otherwise starts `git maintenance run --auto` (~10 ms of CPU each), which a
  // repository of a few commits never needs.
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'maintenance.auto',
  GIT_CONFIG_VALUE_0: 'false',
  GIT_TEMPLATE_DIR: emptyTemplate,
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.test',
};

export function git(cwd: string, args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): string {
  return execFileSyncSmall({ file: 'git', args, cwd, env: { ...process.env, ...isolatedGitEnv, ...options.env }, input: options.input ?? '' }).trim();
}

export interface Author {
  name: string;
  email: string;
}

/** A repository under construction: each `commit` is one hour after the previous one (from 2021-01-01T00:00:00Z). */
export class TestRepo {
  #hour = 0;
  constructor(readonly dir: string) {}

  static init(dir: string, options: { bare?: boolean } = {}): TestRepo {
    git(dir, ['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : []), '.']);
    return new TestRepo(dir);
  }

  /** The date the next commit gets, as ISO 8601 in UTC. */
  nextDate(): string {
    return new Date(Date.UTC(2021, 0, 1, this.#hour)).toISOString().replace('.000Z', '+00:00');
  }

  /** Write (string/Buffer) or delete (null) files, stage everything, commit; returns the commit id. */
  commit(files: Record<string, string | Buffer | null>, message = 'change', options: { author?: Author; allowEmpty?: boolean } = {}): string {
    const writes: Record<string, string | Buffer> = {};
    for (const [path, content] of Object.entries(files)) {
      if (content === null) rmSync(join(this.dir, ...path.split('/')), { force: true });
      else writes[path] = content;
    }
    writeTree(this.dir, writes);
    return this.#commit({ stageAll: true }, message, options);
  }

  /** Commit what is staged (a merge in progress, say); returns the commit id. */
  commitStaged(message = 'change', options: { author?: Author; allowEmpty?: boolean } = {}): string {
    return this.#commit({ stageAll: false }, message, options);
  }

  /**
   * `git commit` (after `git add -A` with `stageAll`) and the new HEAD, in one shell: a spawn
   * from the test process costs more than the git run itself (node forks the whole process to
   * start one), so three become one.
   */
  #commit({ stageAll }: { stageAll: boolean }, message: string, options: { author?: Author; allowEmpty?: boolean }): string {
    const date = this.nextDate();
    this.#hour++;
    const commit = ['commit', '-q', '--no-verify', '-m', message, ...(options.allowEmpty ? ['--allow-empty'] : [])];
    // The commit's arguments travel as positional parameters, never through the shell's parser.
    const script = `${stageAll ? 'git add -A && ' : ''}git "$@" && git rev-parse HEAD`;
    return execFileSyncSmall({
      file: 'sh',
      args: ['-c', script, 'sh', ...commit],
      cwd: this.dir,
      env: {
        ...process.env,
        ...isolatedGitEnv,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        ...(options.author ? { GIT_AUTHOR_NAME: options.author.name, GIT_AUTHOR_EMAIL: options.author.email } : {}),
      },
    }).trim();
  }

  /** Run git here; merges and similar get the next date too. */
  git(...args: string[]): string {
    const date = this.nextDate();
    this.#hour++;
    return git(this.dir, args, { env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  }

  head(): string {
    return git(this.dir, ['rev-parse', 'HEAD']);
  }
}

/** One commit of `importHistory`: files written (string/Buffer) or deleted (null). */
export interface ImportedCommit {
  files: Record<string, string | Buffer | null>;
  message?: string;
  author?: Author;
}

/**
 * A linear history on `branch` (main) of the repository in `dir`, written by one
 * `git fast-import`: a commit by TestRepo costs four processes, a history of any length here
 * one. Authors and dates as TestRepo's (each commit one hour after the previous one from
 * 2021-01-01T00:00:00Z, or from `firstHour` hours after it); only objects and the branch are
 * written, not the work tree or index. The first commit's parent is `from` when given (to go on
 * from a commit), else none. Returns the commit ids in order.
 */
export function importHistory(dir: string, commits: readonly ImportedCommit[], branch = 'main', options: { from?: string; firstHour?: number } = {}): string[] {
  const parts: Buffer[] = [];
  const text = (line: string) => parts.push(Buffer.from(`${line}\n`));
  const data = (content: string | Buffer) => {
    const bytes = Buffer.from(content);
    text(`data ${bytes.length}`);
    parts.push(bytes, Buffer.from('\n'));
  };
  commits.forEach((commit, at) => {
    const hour = (options.firstHour ?? 0) + at;
    const when = `${Date.UTC(2021, 0, 1, hour) / 1000} +0000`;
    const author = commit.author ?? { name: isolatedGitEnv['GIT_AUTHOR_NAME'], email: isolatedGitEnv['GIT_AUTHOR_EMAIL'] };
    text(`commit refs/heads/${branch}`);
    text(`mark :${at + 1}`);
    text(`author ${author.name} <${author.email}> ${when}`);
    text(`committer ${isolatedGitEnv['GIT_COMMITTER_NAME']} <${isolatedGitEnv['GIT_COMMITTER_EMAIL']}> ${when}`);
    data(commit.message ?? 'change');
    if (at === 0 && options.from !== undefined) text(`from ${options.from}`);
    for (const [path, content] of Object.entries(commit.files)) {
      // A path fast-import would need quoted: not worth the quoting here.
      if (/[\s"\\]/.test(path)) throw new Error(`importHistory: write ${JSON.stringify(path)} with TestRepo`);
      if (content === null) text(`D ${path}`);
      else {
        text(`M 100644 inline ${path}`);
        data(content);
      }
    }
  });
  // The ids from fast-import's marks (`:1` the first commit): no `git rev-list` run after it.
  const marks = join(existsSync(join(dir, '.git')) ? join(dir, '.git') : dir, 'import-marks');
  git(dir, ['fast-import', '--quiet', `--export-marks=${marks}`], { input: Buffer.concat(parts) });
  const ids = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((line) => line.split(' ') as [string, string]));
  rmSync(marks);
  return commits.map((_, i) => ids.get(`:${i + 1}`) ?? '');
}
