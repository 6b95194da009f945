import { ExitCode } from '../core/errors.js';
import type { Chunk } from '../core/types.js';
import { prepare } from '../run/prepare.js';
import { chunkSource } from '../run/scan-chunks.js';
import { ignoreFileHint } from './ignore-hint.js';
import type { ReportOptions } from './options.js';
import { printRun } from './output.js';
import { runConfigFrom } from './run-config.js';

/**
 * What the commit and push guards share: rules, `.keywardenignore` at the work tree's top,
 * `--config`, `--baseline`, the report, and — when keys are found — what to do next.
 * Only what the options ask for is loaded (the YAML parser for `--config`, the glob
 * matcher for path patterns), because the guard runs on every commit.
 */
export async function runGuard(
  options: ReportOptions,
  top: string,
  chunksOf: (excluded: (path: string) => boolean) => AsyncIterable<Chunk>,
  blocked: 'commit' | 'push',
): Promise<number> {
  const prepared = await prepare(runConfigFrom(options, top));
  const result = await printRun(chunkSource(chunksOf), prepared, options, { ignoreFile: ignoreFileHint(top) });
  const code = result.verdict.exitCode;
  if (code === ExitCode.findings && !options.quiet) process.stderr.write(advice(result.counts.found, blocked));
  return code;
}
/** How to proceed, printed under the findings (each of which names file:line, the provider and the redacted key). */
function advice(count: number, blocked: 'commit' | 'push'): string {
  const keys = `${count} leaked key${count === 1 ? '' : 's'}`;
  const lines =
    blocked === 'commit'
      ? [
          `keywarden: commit blocked: ${keys} in the staged changes.`,
          '  1. Remove the key from the file (read it from an environment variable or a secret store instead), then `git add` the file again.',
        ]
      : [
          `keywarden: push blocked: ${keys} in the commits being pushed.`,
          '  1. Rewrite those commits without the key (`git commit --amend` for the last one, `git rebase -i` for older ones); deleting it in a new commit leaves it in history.',
        ];
  return [
    ...lines,
    '  2. Rotate the key at its provider if it ever left your machine (pushed, pasted, shared): a revoked key is harmless.',
    '  3. A deliberate fake (a test fixture)? Add `keywarden:allow` to its line, or its fingerprint to .keywardenignore.',
    '',
  ].join('\n');
}
