/**
 * The runner's side of the action: masks, outputs, the job summary and keywarden's own
 * messages, through GitHub's toolkit (`@actions/core`) so the file and command formats are
 * the runner's own and not a copy of them. The only file that imports `@actions/core`.
 *
 * `@actions/core` reads `process.env` (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) itself; the
 * action runs with `process.env`, so the presence checks here read the same variables.
 */
import { randomUUID } from 'node:crypto';
import { error, setOutput, setSecret, summary, warning } from '@actions/core';
import type { Annotation } from '../report/github.js';

/**
 * Tells the runner to replace `secret` with `***` in every later line of this step's log
 * and of later steps' (`::add-mask::`). Call it before anything that could print the value.
 */
export function mask(secret: string): void {
  setSecret(secret);
}

/**
 * The step's outputs, each as a `name<<ghadelimiter_UUID` block in GITHUB_OUTPUT, so a
 * value may hold newlines and cannot add an output of its own. Outside a runner (no
 * GITHUB_OUTPUT) nothing is written: the toolkit's fallback, `::set-output`, is deprecated.
 */
export function setOutputs(outputs: Readonly<Record<string, string>>): void {
  if (!process.env.GITHUB_OUTPUT) return;
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}

/** Appends Markdown to the job summary (other steps write there too); none outside a runner. */
export async function appendSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(markdown, !markdown.endsWith('\n')).write();
}

/** A finding's annotation on its file and line, through the toolkit (which escapes the message and the properties). */
export function annotate({ level, title, message, place }: Annotation): void {
  const properties = { title, ...(place ? { file: place.file, startLine: place.startLine, startColumn: place.startColumn, endColumn: place.endColumn } : {}) };
  if (level === 'error') error(message, properties);
  else warning(message, properties);
}

/** A warning annotation with no place (keywarden's own, not a finding's); the text is escaped. Never pass a raw key. */
export function warn(message: string): void {
  warning(message);
}

/** An error annotation with no place (keywarden's own, not a finding's); the text is escaped. Never pass a raw key. */
export function fail(message: string): void {
  error(message);
}

/**
 * Writes text the runner must not read commands from: between `::stop-commands::TOKEN` and
 * `::TOKEN::`, with a fresh token the text cannot know. The runner reads `::cmd::` at the
 * start of any line and the legacy `##[cmd]` anywhere in one, so a printed file named
 * `x\n::add-mask::…` or `##[error]…` would otherwise be a command. Hand-written: the toolkit
 * exports no helper for it (its `issueCommand` is internal to the package).
 */
export function writeInert(text: string): void {
  const resume = randomUUID();
  process.stdout.write(`::stop-commands::${resume}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}::${resume}::\n`);
}
