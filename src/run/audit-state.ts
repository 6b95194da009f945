import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ScanWarning } from '../core/types.js';
import { parseReport, type Report, type ReportFinding } from '../report/schema.js';
import { toolVersion } from './version.js';

/**
 * The state of a remote audit under way (`audit --resume`, SPEC §8): which repositories are
 * finished, so an audit of 500 repositories that was stopped starts again where it stopped.
 * One small JSON file in `<cache>/audits/`, named by what changes the audit's result, rewritten
 * whole (a temporary file renamed over it) each time a repository is finished, so a kill at any
 * moment leaves the last complete state. It never holds a raw key: each finished repository's
 * findings are kept as a json report without `--show-secrets` spells them (src/report/schema.ts),
 * and the keys are read again from the mirror at resume (src/run/recover.ts).
 */

/** A repository finished: where it was cloned from, its mirror's refs then, and what its scan found (redacted). */
export interface FinishedRepository {
  repository: string;
  cloneUrl: string;
  /** `mirrorTips` when it was scanned: a different value means the mirror changed, and it is scanned again. */
  tips: string;
  /** Its findings (before suppression and the live check), warnings and stats, as a json report. */
  report: Report;
}

interface StateFile {
  keywardenAuditState: 1;
  id: string;
  finished: FinishedRepository[];
}

/**
 * The id of an audit: a hash of everything that changes what it finds (targets, filters, the
 * API, the size limit, the rules, the paths left out). A different audit never resumes this one.
 */
export function auditStateId(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 24);
}

/** `<cache>/audits/<id>.json`. */
export function auditStatePath(cache: string, id: string): string {
  return join(cache, 'audits', `${id}.json`);
}

/** A finished repository's report, as the state keeps it: findings and warnings already redacted by the caller. */
export function finishedReport(findings: ReportFinding[], warnings: readonly ScanWarning[], read: { files: number; bytes: number }): Report {
  return { version: 1, tool: { name: 'keywarden', version: toolVersion }, findings, stats: { files: read.files, bytes: read.bytes, durationMs: 0 }, ...(warnings.length > 0 ? { warnings: [...warnings] } : {}) };
}

/** The state file's finished repositories, or undefined when there is none or it is not one this version wrote (it is then started afresh). */
function readFinished(path: string, id: string): FinishedRepository[] | undefined {
  let parsed: Partial<StateFile>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<StateFile>;
  } catch {
    return undefined;
  }
  if (parsed.keywardenAuditState !== 1 || parsed.id !== id || !Array.isArray(parsed.finished)) return undefined;
  try {
    return parsed.finished.map((entry) => ({ repository: String(entry.repository), cloneUrl: String(entry.cloneUrl), tips: String(entry.tips), report: parseReport(entry.report) }));
  } catch {
    return undefined;
  }
}

/** The state of one audit: what an earlier run finished (with `--resume`), and what this run finishes, kept on disk. */
export class AuditState {
  readonly #path: string;
  readonly #id: string;
  readonly #finished = new Map<string, FinishedRepository>();

  private constructor(path: string, id: string, earlier: readonly FinishedRepository[]) {
    this.#path = path;
    this.#id = id;
    for (const entry of earlier) this.#finished.set(entry.repository, entry);
  }

  /**
   * The state at `path`: with `resume`, what the file holds (nothing when there is none);
   * without, a fresh one, and `found` says whether a resumable state was there.
   */
  static open(path: string, id: string, resume: boolean): { state: AuditState; found: number } {
    const earlier = existsSync(path) ? readFinished(path, id) : undefined;
    return { state: new AuditState(path, id, resume ? (earlier ?? []) : []), found: earlier?.length ?? 0 };
  }

  /** What an earlier run finished of `repository` cloned from `cloneUrl`. */
  finished(repository: string, cloneUrl: string): FinishedRepository | undefined {
    const entry = this.#finished.get(repository);
    return entry?.cloneUrl === cloneUrl ? entry : undefined;
  }

  /** Record a repository as finished, and write the state (atomically: a kill leaves the old file or the new one). */
  finish(entry: FinishedRepository): void {
    this.#finished.set(entry.repository, entry);
    const file: StateFile = { keywardenAuditState: 1, id: this.#id, finished: [...this.#finished.values()] };
    mkdirSync(dirname(this.#path), { recursive: true });
    const partial = `${this.#path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(file), { mode: 0o600 });
    renameSync(partial, this.#path);
  }

  /** The audit is finished: nothing to resume. */
  remove(): void {
    rmSync(this.#path, { force: true });
  }
}
