/** Notices for the notify channels' tests, built by hand: redacted forms and hashes only, never a key. */
import type { Notice, NoticeFinding, RepositoryRef } from '../../src/respond/notify/notice.js';

export const testRepository: RepositoryRef = { owner: 'acme', name: 'widgets', webUrl: 'https://github.com' };
export const testCommit = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

/** A finding as a notice holds it; `n` makes its key (hash, redacted form), path and line its own. */
export function noticeFinding(n: number, overrides: Partial<NoticeFinding> = {}): NoticeFinding {
  const hex = n.toString(16).padStart(4, '0');
  return {
    ruleId: 'openrouter.api-key',
    provider: 'openrouter',
    severity: 'high',
    secretHash: `sha256:${hex.repeat(16)}`,
    redacted: `sk-or-v1-${hex}…${hex}`,
    fingerprint: `src/f${n}.ts:openrouter.api-key:${hex.repeat(4)}`,
    source: 'file',
    path: `src/f${n}.ts`,
    line: n + 1,
    column: 1,
    endColumn: 74,
    ...overrides,
  };
}

export const live = { verification: { status: 'live' as const, detail: {} } };
export const invalid = { verification: { status: 'invalid' as const, detail: {} } };
export const unknown = { verification: { status: 'unknown' as const, detail: {}, reason: 'HTTP 503' } };

/** A notice in `repository` (acme/widgets by default; null: none known). */
export function noticeOf(findings: NoticeFinding[], repository: RepositoryRef | null = testRepository): Notice {
  return { ...(repository ? { repository } : {}), findings, toolVersion: '0.0.0-test' };
}
