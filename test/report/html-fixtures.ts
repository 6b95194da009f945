/**
 * What an audit of a few repositories hands the HTML renderer: history findings in two
 * repositories over a couple of years, every verification outcome, one key revoked, one
 * repository clean and one that could not be cloned. Keys come from `keyFactory` (seeded), so
 * the page and its screenshot are the same every time and hold no realistic key.
 */
import { createHash } from 'node:crypto';
import type { Revocation } from '../../src/core/revocation.js';
import type { Finding, Origin } from '../../src/core/types.js';
import type { HtmlResult } from '../../src/report/html.js';
import { keyFactory } from '../helpers/keys.js';
import { findingOf, verifications } from './findings.js';

const outcomes = verifications();

interface Place {
  repository: string;
  path: string;
  line: number;
  commit: number;
  author: string;
  date: string;
}

/** A commit id that looks like one, made from `n`. */
const commitId = (n: number) => createHash('sha1').update(`commit ${n}`).digest('hex');

function historyOrigin(place: Place): Origin {
  return { kind: 'history', repository: place.repository, path: place.path, commit: commitId(place.commit), author: place.author, email: `${place.author.toLowerCase().replace(/\W+/g, '.')}@example.com`, date: place.date };
}

/** The raw keys in the result, so a test can look for each one in the page. */
export interface AuditFixture {
  result: HtmlResult;
  keys: string[];
}

export function auditFixture(seed = 0x68746d6c): AuditFixture {
  const keys = keyFactory(seed);
  const live = keys.openrouter();
  const management = keys.openrouter();
  const revoked = keys.tokenrouterLive();
  const dead = keys.agentrouter();
  const unchecked = keys.tokenrouterTest();
  const unknown = keys.openrouter();
  const at = (key: string, place: Place, outcome: keyof typeof outcomes, line = place.line): Finding =>
    findingOf(key, { origin: historyOrigin(place), line, column: 17, ...outcomes[outcome] });
  const findings = [
    at(live, { repository: 'acme/payments', path: 'config/settings.py', line: 12, commit: 101, author: 'Ada Lovelace', date: '2024-03-04T10:00:00Z' }, 'live'),
    at(live, { repository: 'acme/payments', path: 'deploy/.env.production', line: 3, commit: 117, author: 'Grace Hopper', date: '2024-09-21T16:30:00Z' }, 'live'),
    at(management, { repository: 'acme/payments', path: 'scripts/rotate.sh', line: 8, commit: 140, author: 'Ada Lovelace', date: '2025-02-11T09:15:00Z' }, 'critical'),
    at(revoked, { repository: 'acme/payments', path: 'src/router/client.ts', line: 27, commit: 152, author: 'Linus Torvalds', date: '2025-06-30T12:00:00Z' }, 'live'),
    at(dead, { repository: 'acme/website', path: 'README.md', line: 41, commit: 203, author: 'Margaret Hamilton', date: '2023-11-02T08:45:00Z' }, 'invalid'),
    findingOf(unchecked, {
      origin: historyOrigin({ repository: 'acme/website', path: 'tests/fixtures/keys.json', line: 5, commit: 219, author: 'Grace Hopper', date: '2024-05-17T14:20:00Z' }),
      line: 5,
      column: 17,
      verification: { status: 'skipped', detail: {}, reason: 'TOKENROUTER_BASE_URL is not set' },
    }),
    at(unknown, { repository: 'acme/website', path: 'notebooks/eval.ipynb', line: 88, commit: 233, author: 'Ken Thompson', date: '2025-08-08T18:05:00Z' }, 'unknown'),
  ];
  const revocation: Revocation = {
    ruleId: findings[3]?.ruleId ?? '',
    provider: 'tokenrouter',
    secretHash: findings[3]?.secretHash ?? '',
    redacted: findings[3]?.secret.redacted ?? '',
    outcome: 'revoked',
    action: 'disable',
    at: '2025-09-01T00:00:00Z',
  };
  const result: HtmlResult = {
    findings,
    warnings: [{ path: 'acme/website:assets/dump.sql', message: 'larger than 100MiB: not scanned' }],
    stats: { files: 1834, bytes: 48_211_004, durationMs: 12_640 },
    repositories: {
      scanned: ['acme/docs', 'acme/payments', 'acme/website'],
      notScanned: [{ repository: 'acme/legacy', reason: 'clone failed: repository not found (HTTP 404)' }],
    },
    revocations: [revocation],
  };
  return { result, keys: [live, management, revoked, dead, unchecked, unknown] };
}
