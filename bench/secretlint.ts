/**
 * secretlint, the tool users reach for today, set up with the rule-pattern rule and the
 * same key patterns as keywarden's rules. Installed outside the project's dependencies,
 * in bench/.work/secretlint/, so the benchmark never changes package.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { keyPatterns } from './keys.js';
import { HarnessError, ensureDir, log, workDir, type Command } from './lib.js';

const prefix = join(workDir, 'secretlint');
const bin = join(prefix, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
const configFile = join(prefix, '.secretlintrc.json');

/** Config format from @secretlint/secretlint-rule-pattern's README: RegExp-like strings, `/…/`. */
function writeConfig(): void {
  const config = {
    rules: [
      {
        id: '@secretlint/secretlint-rule-pattern',
        options: { patterns: [{ name: 'llm-router-keys', patterns: keyPatterns.map((pattern) => `/${pattern}/`) }] },
      },
    ],
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
}

/** Install secretlint when missing and (re)write its config. */
export function ensureSecretlint(): void {
  if (!existsSync(bin) || !existsSync(join(prefix, 'node_modules', '@secretlint', 'secretlint-rule-pattern'))) {
    log(`installing secretlint into ${prefix}`);
    const install = spawnSync('npm', ['install', '--prefix', ensureDir(prefix), '--no-audit', '--no-fund', 'secretlint', '@secretlint/secretlint-rule-pattern'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (install.status !== 0 || !existsSync(bin)) throw new HarnessError('npm install secretlint failed');
  }
  writeConfig();
}

/**
 * secretlint over everything under `dir` (relative to `cwd`). Secrets are masked in its
 * report (its default) and the report goes to a file, so no key reaches the terminal.
 * The `unix` format, because `json` embeds every file's whole content in the report.
 */
export function secretlintCommand(cwd: string, dir: string, reportFile: string): Command {
  const glob = dir === '.' ? '**/*' : `${dir}/**/*`;
  return {
    label: 'secretlint',
    file: process.execPath,
    args: [bin, '--secretlintrc', configFile, '--format', 'unix', '--output', reportFile, '--no-color', glob],
    cwd,
    okExitCodes: [0, 1],
  };
}

/** Findings per file (path relative to `root`) from a secretlint `unix` report: `PATH:LINE:COL: message`. */
export function secretlintFindings(reportFile: string, root: string): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(reportFile, 'utf8');
  } catch (error) {
    throw new HarnessError(`cannot read secretlint report ${reportFile}: ${(error as Error).message}`);
  }
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(.+?):\d+:\d+: /.exec(line);
    if (!match?.[1]) continue;
    const path = relative(root, resolve(root, match[1]));
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return counts;
}
