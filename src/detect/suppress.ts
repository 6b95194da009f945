import type { Finding } from '../core/types.js';

/**
 * Suppressions after detection (the inline `keywarden:allow` marker is handled while
 * detecting, because it needs the line's text). Pure: callers read the files.
 */

export interface IgnoreList {
  /** Finding fingerprints (`path:ruleId:hash16`). */
  fingerprints: Set<string>;
  /** gitignore-style path patterns; applied when listing files, so ignored files are not even read. */
  pathPatterns: string[];
}

const fingerprintShape = /^.+:[a-z0-9-]+(?:\.[a-z0-9-]+)+:[0-9a-f]{16}$/;

/** Parse `.keywardenignore`: one fingerprint or path glob a line, `#` comments, blank lines ignored. */
export function parseIgnoreFile(text: string): IgnoreList {
  const list: IgnoreList = { fingerprints: new Set(), pathPatterns: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (fingerprintShape.test(line)) list.fingerprints.add(line);
    else list.pathPatterns.push(line);
  }
  return list;
}

/** What a baseline remembers of each old finding. Line numbers are deliberately not part of it. */
export interface Baseline {
  fingerprints: Set<string>;
}

export interface Suppressions {
  ignore?: IgnoreList;
  baseline?: Baseline;
}

/** Whether an ignore file or the baseline names this finding. */
export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  return suppressions.ignore?.fingerprints.has(finding.fingerprint) === true || suppressions.baseline?.fingerprints.has(finding.fingerprint) === true;
}

export function applySuppressions(findings: readonly Finding[], suppressions: Suppressions): { kept: Finding[]; suppressed: number } {
  const kept = findings.filter((finding) => !isSuppressed(finding, suppressions));
  return { kept, suppressed: findings.length - kept.length };
}
