import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { KeywardenError } from '../core/errors.js';

/**
 * Git hook files: the raw hooks `keywarden hook install` writes (chaining any hook already
 * there), the lines it adds to husky's hook files, and the snippets it prints for lefthook
 * and the pre-commit framework, whose own installers would overwrite or bypass a raw hook.
 */

export type HookName = 'pre-commit' | 'pre-push';

/** How a raw hook starts keywarden: the node binary and the bin that ran `hook install`. */
export interface Launcher {
  node: string;
  bin: string;
}

/** Marker of the hooks keywarden writes, at the start of their second line (the first is the shebang). */
const marker = '# keywarden-hook';
/** A hook that was there before keywarden's is kept under this suffix and run first. */
export const chainedSuffix = '.keywarden-chained';

/** The command the hook runs, after `keywarden`. */
const hookArgs: Record<HookName, string> = { 'pre-commit': 'staged', 'pre-push': 'hook pre-push "$@"' };

/** Quote for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The raw hook script. It runs the chained hook first (a hook that formats and re-stages
 * files changes what the guard must see), then keywarden through the node and bin that
 * installed it, falling back to `node` on PATH and then to the project's own
 * `node_modules/.bin/keywarden`. Never npx: even `npx --no-install` asks the registry when the
 * package is missing, and a git hook must not reach the network. If none can run, it exits 2
 * (not 1, which means findings): a commit or push must not pass because the guard could not start.
 */
export function hookScript(name: HookName, launcher: Launcher): string {
  const prePush = name === 'pre-push';
  const stopped = prePush ? 'push' : 'commit';
  // pre-push reads the pushed refs on stdin; both the chained hook and keywarden need them.
  const feed = prePush ? 'refs | ' : '';
  const run = (command: string) => (prePush ? `${feed}${command} ${hookArgs[name]}\n  exit $?` : `exec ${command} ${hookArgs[name]}`);
  return `#!/bin/sh
${marker} ${name}: installed by \`keywarden hook install\`; \`keywarden hook uninstall\` removes it
# and puts back the hook it chained. It fails closed: if keywarden cannot run, the ${stopped} stops.
hook_dir=$(dirname "$0")
${prePush ? `input=$(cat)\nrefs() { [ -z "$input" ] || printf '%s\\n' "$input"; }\n` : ''}if [ -x "$hook_dir/${name}${chainedSuffix}" ]; then
  ${feed}"$hook_dir/${name}${chainedSuffix}" "$@" || exit $?
fi
node=${shellQuote(launcher.node)}
bin=${shellQuote(launcher.bin)}
[ -x "$node" ] || node=$(command -v node) || node=
if [ -n "$node" ] && [ -f "$bin" ]; then
  ${run('"$node" "$bin"')}
fi
top=$(git rev-parse --show-toplevel 2>/dev/null) || top=
local_bin="$top/node_modules/.bin/keywarden"
if [ -n "$top" ] && [ -f "$local_bin" ] && [ -x "$local_bin" ]; then
  ${run('"$local_bin"')}
fi
echo "keywarden: cannot run the ${name} guard: neither $bin (with node) nor $local_bin was found, so the ${stopped} is stopped." >&2
echo "keywarden: reinstall it with 'keywarden hook install' (or add keywarden to devDependencies), or remove it with 'keywarden hook uninstall'." >&2
exit 2
`;
}

/** Keywarden's own raw hook: a regular file (never a link) whose second line starts with the marker, as the installer writes it. */
function isOurs(path: string): boolean {
  try {
    if (!lstatSync(path).isFile()) return false;
    const second = readFileSync(path, 'utf8').split('\n', 2)[1] ?? '';
    return second.startsWith(`${marker} `);
  } catch {
    return false;
  }
}

/** Within `root` (or `root` itself), comparing real paths. */
function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The real path of `path`, which need not exist: its nearest existing ancestor resolved, the
 * rest appended. A dangling link on the way is followed to where it points (where a write
 * through it, or a `mkdir -p`, would land).
 */
function realPathOf(path: string): string {
  const missing: string[] = [];
  let at = resolve(path);
  for (let hops = 0; ; ) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      let target: string | undefined;
      try {
        if (lstatSync(at).isSymbolicLink() && hops++ < 40) target = resolve(dirname(at), readlinkSync(at));
      } catch {
        // absent
      }
      if (target !== undefined) {
        at = target;
        continue;
      }
      const parent = dirname(at);
      if (parent === at) return join(at, ...missing.reverse());
      missing.push(basename(at));
      at = parent;
    }
  }
}

/**
 * Refuse (exit 2) to write, rewrite or remove `path` when it is a symbolic link (writing would
 * go to wherever it points: a committed `.husky/pre-commit -> ../../victim/profile` would get
 * keywarden's block appended to a file outside the repository), or when its real location is
 * not under one of `roots` (the work tree's top, the git dir): a linked directory on the way
 * could lead anywhere too.
 */
export function assertSafeToWrite(path: string, roots: readonly string[]): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // absent: nothing to follow
  }
  if (link) {
    throw new KeywardenError(
      `${path} is a symbolic link: keywarden will not write through it (it could point anywhere, outside the repository too). Replace the link with a regular file or directory, or add keywarden by hand.`,
    );
  }
  assertInside(path, roots);
}

/** Refuse (exit 2) a `path` whose parent directory's real location is not under one of `roots`. */
function assertInside(path: string, roots: readonly string[]): void {
  const real = join(realPathOf(dirname(path)), basename(path));
  const realRoots = [...new Set(roots.map(realPathOf))];
  if (!realRoots.some((root) => inside(real, root))) {
    throw new KeywardenError(
      `${path} is really ${real}, outside this repository (${realRoots.join(', ')}): keywarden will not write there. Add keywarden to it by hand if that is what you want.`,
    );
  }
}

/** Exists, as a file or as a link (even a dangling one, which `existsSync` would miss). */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface InstallOutcome {
  action: 'installed' | 'updated' | 'unchanged';
  path: string;
  /** Where the hook that was there before now lives (it still runs, first). */
  chained?: string;
}

/**
 * Write keywarden's hook into `hooksDir`, moving a foreign hook aside to be chained. Idempotent.
 * `roots` are the directories it may write in (the work tree's top, the git dirs): never a file
 * through a symlink, nor a hooks directory that leads outside them. A foreign hook that is a
 * symlink is moved aside as the link it is, without writing through it.
 */
export function installHook(hooksDir: string, name: HookName, launcher: Launcher, roots: readonly string[]): InstallOutcome {
  const path = join(hooksDir, name);
  const chained = path + chainedSuffix;
  assertInside(path, roots);
  mkdirSync(hooksDir, { recursive: true });
  assertInside(path, roots);
  const script = hookScript(name, launcher);
  let action: InstallOutcome['action'] = 'installed';
  if (isOurs(path)) {
    action = readFileSync(path, 'utf8') === script ? 'unchanged' : 'updated';
  } else if (present(path)) {
    if (present(chained)) {
      throw new KeywardenError(`${path} is not keywarden's and ${chained} already exists: move one of them away and install again`);
    }
    // A rename keeps the file exactly (content, mode, or a symlink as a symlink), so uninstall can put it back.
    renameSync(path, chained);
  }
  if (action !== 'unchanged') {
    assertSafeToWrite(path, roots);
    writeFileSync(path, script);
    chmodSync(path, 0o755);
  }
  return { action, path, ...(present(chained) ? { chained } : {}) };
}

export interface UninstallOutcome {
  /** `foreign`: the hook there is not keywarden's and was left alone. */
  action: 'removed' | 'restored' | 'absent' | 'foreign';
  path: string;
}

/** Remove keywarden's hook and put back the one it chained (only in `roots`, as for install). */
export function uninstallHook(hooksDir: string, name: HookName, roots: readonly string[]): UninstallOutcome {
  const path = join(hooksDir, name);
  const chained = path + chainedSuffix;
  if (!present(path)) {
    if (!present(chained)) return { action: 'absent', path };
    assertInside(path, roots);
    renameSync(chained, path);
    return { action: 'restored', path };
  }
  if (!isOurs(path)) return { action: present(chained) ? 'foreign' : 'absent', path };
  assertSafeToWrite(path, roots);
  unlinkSync(path);
  if (!present(chained)) return { action: 'removed', path };
  renameSync(chained, path);
  return { action: 'restored', path };
}

/** Hook managers found at the top of a work tree. */
export interface Frameworks {
  /** `.husky/`: keywarden adds its line to `.husky/<hook>` (husky points core.hooksPath at `.husky/_`). */
  husky?: string;
  /** The lefthook config file: `lefthook install` replaces the raw hooks, so keywarden prints a snippet. */
  lefthook?: string;
  /** `.pre-commit-config.yaml`: `pre-commit install` replaces the raw hooks, so keywarden prints a snippet. */
  preCommit?: string;
}

const lefthookFiles = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'];

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function detectFrameworks(top: string): Frameworks {
  const lefthook = lefthookFiles.find((file) => existsSync(join(top, file)));
  return {
    ...(isDirectory(join(top, '.husky')) ? { husky: '.husky' } : {}),
    ...(lefthook !== undefined ? { lefthook } : {}),
    ...(existsSync(join(top, '.pre-commit-config.yaml')) ? { preCommit: '.pre-commit-config.yaml' } : {}),
  };
}

/**
 * The command a shared hook config runs. These files are committed, so they cannot name this
 * machine's paths: they run the project's own keywarden (a devDependency) through npx, which
 * fails, and so stops the commit, when it is not installed.
 */
export function sharedCommand(name: HookName): string {
  return `npx --no-install keywarden ${hookArgs[name]}`;
}

const blockStart = '# keywarden >>> added by `keywarden hook install`; `keywarden hook uninstall` removes this block';
const blockEnd = '# keywarden <<<';

function huskyBlock(name: HookName): string {
  return `${blockStart}\n${sharedCommand(name)}\n${blockEnd}\n`;
}

/**
 * Add keywarden's block to `.husky/<hook>` (creating it if needed). `top` is the work tree's
 * top: neither `.husky` nor the hook file may be a symlink or lead outside it.
 */
export function addHuskyHook(huskyDir: string, name: HookName, top: string): { action: 'added' | 'updated' | 'unchanged'; path: string } {
  const path = join(huskyDir, name);
  assertSafeToWrite(huskyDir, [top]);
  assertSafeToWrite(path, [top]);
  const block = huskyBlock(name);
  if (!present(path)) {
    writeFileSync(path, `#!/bin/sh\n${block}`);
    chmodSync(path, 0o755);
    return { action: 'added', path };
  }
  const text = readFileSync(path, 'utf8');
  if (text.includes(block)) return { action: 'unchanged', path };
  const without = removeBlock(text);
  if (without !== undefined) {
    writeFileSync(path, `${without}${block}`);
    return { action: 'updated', path };
  }
  writeFileSync(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${block}`);
  return { action: 'added', path };
}

/** The text without keywarden's block, or undefined when it has none. */
function removeBlock(text: string): string | undefined {
  const start = text.indexOf(blockStart);
  if (start === -1) return undefined;
  const endAt = text.indexOf(blockEnd, start);
  const end = endAt === -1 ? text.length : text.indexOf('\n', endAt) === -1 ? text.length : text.indexOf('\n', endAt) + 1;
  return text.slice(0, start) + text.slice(end);
}

/** Remove keywarden's block from `.husky/<hook>`; the file goes too when nothing else is left in it. Never through a symlink. */
export function removeHuskyHook(huskyDir: string, name: HookName, top: string): { action: 'removed' | 'absent'; path: string } {
  const path = join(huskyDir, name);
  if (!existsSync(path)) return { action: 'absent', path };
  const without = removeBlock(readFileSync(path, 'utf8'));
  if (without === undefined) return { action: 'absent', path };
  assertSafeToWrite(huskyDir, [top]);
  assertSafeToWrite(path, [top]);
  if (without.replace(/^#!.*\n?/, '').trim() === '') unlinkSync(path);
  else writeFileSync(path, without);
  return { action: 'removed', path };
}

/** What to add to a lefthook config. */
export function lefthookSnippet(names: readonly HookName[]): string {
  const parts = names.map((name) =>
    name === 'pre-commit'
      ? `pre-commit:\n  commands:\n    keywarden:\n      run: ${sharedCommand('pre-commit')}\n`
      : // lefthook passes the pushed refs on stdin only to commands that ask for them.
        `pre-push:\n  commands:\n    keywarden:\n      run: npx --no-install keywarden hook pre-push {1}\n      use_stdin: true\n`,
  );
  return parts.join('');
}

/**
 * What to add under `repos:` in `.pre-commit-config.yaml`. The commit hook scans the files
 * pre-commit passes (so `pre-commit run --all-files` scans them all), after `--`, so that a file
 * named `--help` or `-o` is scanned rather than read as an option; the push hook reads the
 * range pre-commit describes in `PRE_COMMIT_FROM_REF`/`PRE_COMMIT_TO_REF`.
 */
export function preCommitSnippet(names: readonly HookName[]): string {
  const hooks = names.map((name) =>
    name === 'pre-commit'
      ? `      - id: keywarden\n        name: keywarden (leaked LLM-router keys)\n        entry: npx --no-install keywarden scan --\n        language: system\n        stages: [pre-commit]\n`
      : `      - id: keywarden-push\n        name: keywarden (keys in the commits being pushed)\n        entry: npx --no-install keywarden hook pre-push\n        language: system\n        pass_filenames: false\n        always_run: true\n        stages: [pre-push]\n`,
  );
  return `  - repo: local\n    hooks:\n${hooks.join('')}`;
}

/**
 * What `installHook` (`uninstall`: `uninstallHook`) would change in `hooksDir`, one line a
 * file, without changing anything: said before refusing a hooks directory shared with other
 * repositories, so the user sees what `--global` would do there.
 */
export function hookPlan(hooksDir: string, names: readonly HookName[], verb: 'install' | 'uninstall'): string[] {
  return names.flatMap((name) => {
    const path = join(hooksDir, name);
    const chained = path + chainedSuffix;
    if (verb === 'uninstall') {
      if (!isOurs(path)) return [];
      return [present(chained) ? `remove ${path} and put back ${chained} in its place` : `remove ${path}`];
    }
    if (isOurs(path)) return [`rewrite ${path} (keywarden's hook)`];
    return present(path) ? [`move the hook there to ${chained} (it would run first)`, `write ${path}`] : [`write ${path}`];
  });
}
