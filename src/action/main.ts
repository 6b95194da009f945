/**
 * The GitHub Action's entry (action.yml runs the esbuild bundle of this file). Thin: inputs
 * and the event → the same pipeline as the CLI → workflow commands, job summary, PR
 * comment, SARIF and outputs (SPEC §7). Only this file reads the runner's environment; what
 * goes back to the runner (masks, outputs, summary, messages) goes through `runner.ts`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ExitCode, KeywardenError } from '../core/errors.js';
import type { CompiledRule, Finding, ScanResult } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { redactKeys, redactKeyLikeTokens } from '../detect/redact-text.js';
import type { GitHubRepo } from '../respond/notify/pr-comment.js';
import { withoutKeysInBase } from '../run/base-keys.js';
import { parseResults, type RunConfig } from '../run/config.js';
import { gitHubApiUrl } from '../run/github-env.js';
import { historySource, rangeSource } from '../run/history.js';
import { notifySettingsOf } from '../run/notify.js';
import { prepare, type Prepared } from '../run/prepare.js';
import type { Source } from '../run/source.js';
import { runTail, type RunResult } from '../run/tail.js';
import { toolVersion } from '../run/version.js';
import { builtinKeyPrefixes } from '../rules/prefixes.js';
import { annotationsOf, renderAllClearComment, renderJobSummary, renderPrComment, prCommentMarker } from '../report/github.js';
import { renderHuman } from '../report/human.js';
import { renderRevocationsMarkdown } from '../report/revocations.js';
import { render } from '../report/index.js';
import { maskContext, maskResult, type Redact } from '../report/mask.js';
import { ensureRange, remoteBranchTip } from '../sources/fetch.js';
import { openRepository, type Repository } from '../sources/history.js';
import { settingsAtBase, settingsDir, settingsNote } from './base-settings.js';
import { scanTargetOf, UnsupportedEvent, type ScanTarget } from './event.js';
import { InputError, readInputs, secretInputValues, type ActionInputs } from './inputs.js';
import { annotate, appendSummary, fail, mask, setOutputs, warn, writeInert } from './runner.js';

/** What is scanned, in words for the summary and the comment, and the source that reads it. */
interface Target {
  scope: string;
  source: Source;
  pullRequest?: number;
}

/**
 * Every text the action prints besides its findings' redacted keys (a path, a commit author, a
 * branch name, a message) goes through this: each key in it masked, and `::add-mask::`ed first,
 * so no later line of the job prints it either. Until the rules are loaded, anything shaped
 * like a built-in key is masked.
 */
let shown: Redact = (text) => redactKeyLikeTokens(text, builtinKeyPrefixes());

/** The one redaction, with each key it masks hidden from the runner's log too (once). */
function maskingRedactor(rules: readonly CompiledRule[]): Redact {
  const engine = createEngine([...rules]);
  const masked = new Set<string>();
  const hide = (key: string) => {
    if (masked.has(key)) return;
    masked.add(key);
    mask(key);
  };
  return (text) => redactKeys(text, engine, hide);
}

const log = (line: string) => process.stdout.write(`${shown(line)}\n`);

function readEvent(env: NodeJS.ProcessEnv): { name: string; payload: unknown } {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new KeywardenError('GITHUB_EVENT_PATH is not set: this runs as a GitHub Action step');
  try {
    return { name, payload: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    throw new KeywardenError(`cannot read the event at ${path}: ${(error as NodeJS.ErrnoException).code ?? 'not valid JSON'}`);
  }
}

const short = (sha: string) => sha.slice(0, 7);

/**
 * The source for what the event brings: the lines added by a pull request's or a push's
 * commits, or a new branch's commits not on the default branch; in each case settled against
 * the base, so a range is blamed only for keys it brings.
 */
async function targetSource(target: Exclude<ScanTarget, { kind: 'nothing' }>, repo: Repository): Promise<Target> {
  if (target.kind === 'range') {
    try {
      for (const step of await ensureRange(repo.dir, target.base, target.head)) log(`keywarden: ${step}`);
    } catch (error) {
      // A force-push can leave `before` unreachable on the remote: then the pushed branch's
      // commits not on the default branch are what it brings, as for a new branch.
      if (target.pullRequest !== undefined || target.defaultBranch === undefined || !(error instanceof KeywardenError)) throw error;
      log(`keywarden: ${short(target.base)} cannot be fetched (a force-push?); scanning the commits not on ${target.defaultBranch} instead`);
      return targetSource({ kind: 'new-branch', head: target.head, defaultBranch: target.defaultBranch }, repo);
    }
    const what = target.pullRequest === undefined ? 'pushed' : `pull request #${target.pullRequest}`;
    return {
      scope: `lines added by the ${what} commits (${short(target.base)}..${short(target.head)})`,
      source: settledAgainst(rangeSource({ repo, range: `${target.base}..${target.head}` }), repo, target.base, target.head),
      ...(target.pullRequest !== undefined ? { pullRequest: target.pullRequest } : {}),
    };
  }
  const tip = await remoteBranchTip(repo.dir, target.defaultBranch);
  if (tip === undefined) log(`keywarden: the default branch ${target.defaultBranch} is not reachable; scanning every commit of the new branch`);
  if (tip !== undefined) for (const step of await ensureRange(repo.dir, tip, target.head)) log(`keywarden: ${step}`);
  const range = rangeSource({ repo, range: tip === undefined ? target.head : `${tip}..${target.head}` });
  // As for a pull request: a branch commit that edits or moves a line holding the default branch's key did not leak it.
  return { scope: `lines added by the new branch's commits (not on ${target.defaultBranch})`, source: tip === undefined ? range : settledAgainst(range, repo, tip, target.head) };
}

/** A range's source whose findings keep only keys the range brought itself (see withoutKeysInBase), saying how many were left out. */
function settledAgainst(source: Source, repo: Repository, base: string, head: string): Source {
  return {
    ...source,
    async settle(findings: Finding[]) {
      const { kept, inBase } = await withoutKeysInBase(findings, repo.dir, base, head);
      if (inBase > 0) log(`keywarden: ${inBase} finding${inBase === 1 ? '' : 's'} left out: the key was already at ${short(base)} (in that file, or moved from another)`);
      return kept;
    },
  };
}

/** A rendered comment or summary with the settings note (base-settings.ts) after it. */
const withNote = (text: string, note: string | undefined) => (note ? `${text.replace(/\n*$/, '\n')}\n${note}\n` : text);

async function updateComment(inputs: ActionInputs, env: NodeJS.ProcessEnv, scanned: { scope: string; result: ScanResult; pullRequest?: number; note?: string; revoked: string }, rules: readonly CompiledRule[]): Promise<void> {
  if (!inputs.comment || scanned.pullRequest === undefined) return;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!inputs.githubToken || !owner || !repo) {
    warn('keywarden: no github-token or GITHUB_REPOSITORY, so the pull request comment was not updated');
    return;
  }
  const target: GitHubRepo = { apiUrl: gitHubApiUrl(env), token: inputs.githubToken, owner, repo };
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  try {
    // octokit is loaded only when there is a PR to comment on.
    const { settleMarkedComment, upsertMarkedComment } = await import('../respond/notify/pr-comment.js');
    // A clean PR that changes the settings still gets a comment: its reviewers should know the check did not use its versions.
    const outcome =
      scanned.result.findings.length > 0 || scanned.note
        ? await upsertMarkedComment(target, scanned.pullRequest, prCommentMarker, withNote(`${renderPrComment(scanned.result, rules, scanned.scope, runUrl)}${scanned.revoked === '' ? '' : `\n${scanned.revoked}`}`, scanned.note))
        : await settleMarkedComment(target, scanned.pullRequest, prCommentMarker, renderAllClearComment(scanned.scope, runUrl));
    log(`keywarden: pull request comment ${outcome}`);
  } catch (error) {
    // The check still reports the findings (annotations, summary, exit code): only the comment is lost.
    warn(`keywarden: could not update the pull request comment: ${shown((error as Error).message)}`);
  }
}

/** The inputs as the run's config: the same run the CLI makes, from the workflow's words. */
function runConfigOf(inputs: ActionInputs, repo: Repository, env: NodeJS.ProcessEnv): RunConfig {
  return {
    env,
    ruleDirs: inputs.rules,
    failOn: inputs.failOn,
    ...(inputs.config !== undefined ? { configFile: inputs.config } : {}),
    ...(repo.workTree !== undefined ? { ignoreRoot: repo.workTree } : {}),
    ...(inputs.verify ? { verify: {} } : {}),
    ...(inputs.results !== undefined ? { results: parseResults(inputs.results) } : {}),
    // Never by default: only `revoke: true`, and then it acts (a workflow has no one to confirm a plan).
    ...(inputs.revoke ? { revoke: { execute: true, action: 'disable', command: 'action' } } : {}),
  };
}

/**
 * The run's settings: on a pull request, its `config` and `rules` as the base commit has them
 * (see base-settings.ts), with the note saying when the PR changes them; otherwise as given.
 */
async function prepareFor(inputs: ActionInputs, repo: Repository, env: NodeJS.ProcessEnv, pullRequest?: { base: string; head: string }): Promise<{ prepared: Prepared; note?: string }> {
  if (pullRequest === undefined || repo.workTree === undefined) return { prepared: await prepare(runConfigOf(inputs, repo, env)) };
  const into = settingsDir(env, tmpdir());
  try {
    const at = { top: repo.workTree, workspace: env.GITHUB_WORKSPACE ?? process.cwd(), base: pullRequest.base, head: pullRequest.head, into };
    const settings = await settingsAtBase(at, inputs);
    const fromBase: ActionInputs = { ...inputs, rules: settings.rules };
    if (settings.config === undefined) delete fromBase.config;
    else fromBase.config = settings.config;
    const prepared = await prepare(runConfigOf(fromBase, repo, env));
    const note = settingsNote(settings.changed, pullRequest.base);
    if (note) log(`keywarden: ${note}`);
    return { prepared, ...(note ? { note } : {}) };
  } finally {
    // Everything is read into memory by now (rules compiled, config parsed).
    rmSync(into, { recursive: true, force: true });
  }
}

/** The management key from the input (a secret, masked first of all) as the revoke step reads it: from the environment only. */
function withManagementKey(inputs: ActionInputs, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (inputs.openrouterManagementKey === '') return env;
  return { ...env, OPENROUTER_MANAGEMENT_KEY: inputs.openrouterManagementKey };
}

/**
 * The notify step (input `notify`): after the live check and `revoke`, the findings this run
 * reported told as `keywarden scan --notify` tells them, with the `github-token` input for the
 * GitHub channels and GITHUB_REPOSITORY for the repository. Each delivery is a line of the log, a
 * failed one a warning. Returns the reason to fail with when no channel could deliver.
 */
async function notifyOwners(inputs: ActionInputs, env: NodeJS.ProcessEnv, root: string, result: RunResult, rules: readonly CompiledRule[]): Promise<string | undefined> {
  if (inputs.notify.length === 0) return undefined;
  const withToken = inputs.githubToken === '' ? env : { ...env, GITHUB_TOKEN: inputs.githubToken };
  const settings = notifySettingsOf({ channels: inputs.notify, root, webhookUrl: inputs.webhookUrl === '' ? undefined : inputs.webhookUrl, mentionOwners: false }, withToken);
  const { notifyRun } = await import('../run/notify-step.js');
  const told = await notifyRun(result, rules, settings);
  for (const message of told.warnings) warn(`keywarden: notify: ${shown(message)}`);
  for (const delivery of told.deliveries) {
    if (delivery.outcome === 'failed') warn(`keywarden: notify: ${delivery.channel}: ${shown(delivery.detail)}`);
    else log(`keywarden: notify: ${delivery.channel}: ${delivery.outcome}: ${delivery.detail}`);
  }
  return told.exitCode === ExitCode.error ? told.why : undefined;
}

async function runAction(env: NodeJS.ProcessEnv): Promise<number> {
  // Secrets first, before the inputs are even checked: no line of this step or a later one can print them.
  for (const secret of secretInputValues(env)) mask(secret);
  const inputs = readInputs(env);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const repo = await openRepository(workspace);
  const runEnv = withManagementKey(inputs, env);
  const event = inputs.scan === 'history' ? undefined : readEvent(env);
  const scanTarget = event ? scanTargetOf(event.name, event.payload) : undefined;
  const pullRequest = scanTarget?.kind === 'range' && scanTarget.pullRequest !== undefined ? scanTarget : undefined;
  // A pull request's settings are read once its base is fetched (by targetSource); any other run's first, to fail fast.
  let settings = pullRequest ? undefined : await prepareFor(inputs, repo, runEnv);

  let target: Target;
  if (scanTarget === undefined) {
    target = { scope: 'every blob in the repository history', source: historySource({ repo, selection: { revisions: [] }, maxBlobSize: 100 * 1024 * 1024 }) };
  } else {
    if (scanTarget.kind === 'nothing') {
      log(`keywarden: nothing to scan: ${scanTarget.why}`);
      setOutputs({ findings: '0', live: '0' });
      return ExitCode.clean;
    }
    target = await targetSource(scanTarget, repo);
  }
  settings ??= await prepareFor(inputs, repo, runEnv, pullRequest);
  const { prepared, note } = settings;
  const { rules } = prepared;
  shown = maskingRedactor(rules);

  // Kept whole, most urgent first when verified, so a comment or summary cut at GitHub's size limits keeps the live keys.
  const found = await runTail(target.source, prepared, { keep: true });
  // First of all, so no later line of this step or any other step can print a key.
  for (const key of new Set(found.findings.map((finding) => finding.secret.reveal()))) mask(key);
  // Then keys in paths, authors and warnings (masked by `shown`): every output below prints this result.
  const result = maskResult(found, shown);
  const revoked = renderRevocationsMarkdown(result.revocations ?? []);
  const scanned = { scope: shown(target.scope), result, revoked, ...(target.pullRequest !== undefined ? { pullRequest: target.pullRequest } : {}) };

  // The runner's log shows ANSI colour; NO_COLOR is honoured as everywhere else. The report
  // prints paths (and rule text) as they are, so the runner reads no command inside it.
  writeInert(renderHuman(result, maskContext({ toolVersion, showSecrets: false, verdict: result.verdict }, shown), rules, !env.NO_COLOR));
  // Rendered (and escaped) by report/github.ts, a pure renderer: see docs/DESIGN.md on why these stay text.
  for (const annotation of annotationsOf(result, rules)) annotate(annotation);
  for (const warning of result.warnings) warn(`keywarden: ${shown(`${warning.path ? `${warning.path}: ` : ''}${warning.message}`)}`);
  // The summary, the annotations' home when there are many (GitHub shows only a step's first few).
  await appendSummary(withNote(`${renderJobSummary(result, rules, scanned.scope)}${revoked === '' ? '' : `\n${revoked}`}`, note));
  // Reasons can quote a provider's text (a key's name): inert, like the report.
  const revocationLines = (result.revocations ?? []).map((revocation) => `keywarden: ${revocation.redacted}: ${revocation.outcome}${revocation.reason !== undefined ? ` (${shown(revocation.reason)})` : ''}\n`);
  if (revocationLines.length > 0) writeInert(revocationLines.join(''));

  const outputs: Record<string, string> = {
    findings: String(result.findings.length),
    live: String(result.counts.byStatus.live ?? 0),
  };
  if (inputs.sarif !== undefined) {
    const sarifPath = isAbsolute(inputs.sarif) ? inputs.sarif : join(workspace, inputs.sarif);
    writeFileSync(sarifPath, render('sarif', result, { toolVersion, showSecrets: false }, rules, false));
    outputs['sarif-file'] = sarifPath;
  }
  setOutputs(outputs);
  await updateComment(inputs, env, { ...scanned, ...(note ? { note } : {}) }, rules);
  const notifyFailure = await notifyOwners(inputs, env, repo.workTree ?? repo.dir, result, rules);

  const revokeProblem = result.revocations?.find((revocation) => revocation.configuration);
  if (revokeProblem) {
    fail(`keywarden: revoke: ${shown(revokeProblem.reason ?? 'a configuration error')}`);
    return ExitCode.error;
  }
  const { exitCode: code, why } = result.verdict;
  if (code === ExitCode.findings && result.findings.length > 0) fail(`keywarden: ${result.findings.length} leaked key${result.findings.length === 1 ? '' : 's'} in ${scanned.scope}`);
  // An exit the findings shown do not explain (all hidden by results:, or input not all read) says why.
  if (code !== ExitCode.clean && why) fail(`keywarden: ${shown(why)}`);
  // Last: notify was asked for and reached no one, an operational failure whatever the scan found.
  if (notifyFailure !== undefined) {
    fail(`keywarden: ${shown(notifyFailure)}`);
    return ExitCode.error;
  }
  return code;
}

/** Failures the user can act on, as one `::error::`; never a raw key (messages are redacted). */
function reportFailure(error: unknown): void {
  const known = error instanceof KeywardenError || error instanceof InputError || error instanceof UnsupportedEvent;
  const message = known ? (error as Error).message : `unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  fail(`keywarden: ${shown(message)}`);
  process.exitCode = ExitCode.error;
}

runAction(process.env).then((code) => {
  process.exitCode = code;
}, reportFailure);
