import { localAuditSource } from '../run/audit.js';
import { historySource } from '../run/history.js';
import { prepare } from '../run/prepare.js';
import { workTreeSource } from '../run/scan.js';
import { openRepository } from '../sources/history.js';
import { callerRepositoryVariables } from './history.js';
import { ignoreFileHint } from './ignore-hint.js';
import { notifyStepFrom, runNotifyStep } from './notify-step.js';
import { parseSize, type AuditOptions } from './options.js';
import { printRun } from './output.js';
import { runConfigFrom } from './run-config.js';

/**
 * `keywarden audit [PATH]` (SPEC §8), a local repository: its whole history and its working
 * tree in one run and one report, each key once per path with the commit that introduced it.
 * Live checks are on unless `--no-verify`: an audit is asked what still works.
 */
export async function runAudit(options: AuditOptions & { PATH: string }): Promise<number> {
  for (const name of callerRepositoryVariables) delete process.env[name];
  const repo = await openRepository(options.PATH);
  const top = repo.workTree;
  const notifying = await notifyStepFrom(options, top ?? repo.dir);
  const audit = { ...options, verify: options.verify ?? true };
  const prepared = await prepare(runConfigFrom(audit, top));
  const maxFileSize = parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? '100MiB'), '--max-file-size');
  const history = historySource({ repo, selection: { revisions: [] }, maxBlobSize: maxFileSize });
  // A bare repository (a mirror) has no working tree: its history is all there is.
  const source = top ? localAuditSource(history, workTreeSource({ root: top, paths: [top], gitignore: prepared.file.gitignore ?? true, maxFileSize })) : history;
  const result = await printRun(source, prepared, { ...audit, keepFindings: notifying !== undefined }, top ? { ignoreFile: ignoreFileHint(top) } : {});
  return notifying ? runNotifyStep(result, prepared.rules, notifying, audit) : result.verdict.exitCode;
}
