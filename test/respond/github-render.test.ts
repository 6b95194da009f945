/**
 * What the GitHub channels write (respond/notify/github-render.ts), as text: every text from the
 * repository or the report escaped so it cannot break the table, add markup or mention anyone;
 * only the owners asked for are mentioned; links that a path cannot end early; GitHub's size limit.
 */
import { describe, expect, it } from 'vitest';
import { issueMarker, renderCommitComment, renderIssueBody, unsettledKeysIn } from '../../src/respond/notify/github-render.js';
import { keyId } from '../../src/respond/notify/notice.js';
import type { NoticeFinding, RepositoryRef } from '../../src/respond/notify/notice.js';
import { keyFactory } from '../helpers/keys.js';
import { commitId, noticeFinding } from '../helpers/notice-findings.js';

const keys = keyFactory(1303);
const repository: RepositoryRef = { owner: 'acme', name: 'widgets', webUrl: 'https://github.com' };

/** The table's rows: lines starting with `|` after the header and its rule. */
function tableRows(body: string): string[] {
  return body.split('\n').filter((line) => line.startsWith('| ')).slice(1);
}

/** Cells of a row, split on the pipes Markdown reads as cell borders (not `\|`, not inside code). */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 1; i < row.length; i++) {
    const char = row[i] as string;
    if (char === '\\') {
      current += char + (row[++i] ?? '');
      continue;
    }
    if (char === '`') inCode = !inCode;
    if (char === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  return cells;
}

/** What GitHub would take for a mention: `@name` outside code spans. */
function mentionsIn(body: string): string[] {
  const outsideCode = body.replace(/`[^`\n]*`/g, '');
  return [...outsideCode.matchAll(/(?<![\\\w])@[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?/g)].map((match) => match[0]);
}

const hostilePaths = [
  'src/a|b.ts',
  'docs/@admin/notes.md',
  'x/<img src=x onerror=alert(1)>.js',
  'a`b`c.ts',
  'new\nline.ts',
  'carriage\rreturn.ts',
  'link](https://evil.example) [x.ts',
  '#12 closes.ts',
  '**bold** _it_.ts',
  'bidi\u202Egnp.js',
];

describe('the issue body', () => {
  it.each(hostilePaths)('keeps a finding at %j in its own five cells, with nothing GitHub would act on', (path) => {
    const finding = noticeFinding(keys.openrouter(), { path, line: 2, commit: commitId(1) }, { status: 'live', hint: 'Ask @security-team | or see <b>#7</b>' });
    const body = renderIssueBody(repository, [finding]);
    const [row, ...more] = tableRows(body);
    expect(more).toEqual([]);
    expect(cellsOf(row ?? '')).toHaveLength(5);
    expect(mentionsIn(body)).toEqual([]);
    expect(body).not.toMatch(/(?<!\\)<(?!!--|sub>|\/sub>)/);
    expect(body).not.toContain('\r');
    expect(body).not.toContain('\u202E');
    // One link, to the line at the commit.
    expect([...body.matchAll(/(?<!\\)\]\(/g)]).toHaveLength(1);
    expect(body).toMatch(/\]\(https:\/\/github\.com\/acme\/widgets\/blob\/[0-9a-f]{40}\/[^\s()]+#L2\)/);
  });

  it('mentions exactly the owners asked for, once each; anything not shaped like a mention is shown inert', () => {
    const findings = [
      noticeFinding(keys.openrouter(), { path: 'a.ts', commit: commitId(1) }, { status: 'live', owners: ['@alice', '@acme/security'] }),
      noticeFinding(keys.agentrouter(), { path: 'b.ts' }, { status: 'live', owners: ['@alice', '@evil\n| x', 'bob@example.com'] }),
    ];
    const body = renderIssueBody(repository, findings);
    expect(mentionsIn(body)).toEqual(['@alice', '@acme/security']);
    expect(body).toContain('Owners: @alice @acme/security');
    expect(body.split('\n').filter((line) => line.startsWith('Owners:'))).toHaveLength(1);
  });

  it('no owners line without owners', () => {
    expect(renderIssueBody(repository, [noticeFinding(keys.openrouter(), { path: 'a.ts' }, { status: 'live' })])).not.toContain('Owners:');
  });

  it('shows only the redacted key, and `…` for a redacted field that is not shaped like one (a tampered report)', () => {
    const raw = keys.openrouter();
    const finding = noticeFinding(raw, { path: 'a.ts' }, { status: 'live' });
    const body = renderIssueBody(repository, [finding, { ...finding, redacted: raw }]);
    expect(body).not.toContain(raw);
    expect(body).toContain(`\`${finding.redacted}\``);
    expect(body).toContain('| `…` |');
  });

  it('lists the most urgent first, and counts keys, not places', () => {
    const live = keys.openrouter();
    const findings: NoticeFinding[] = [
      noticeFinding(keys.agentrouter(), { path: 'revoked.ts' }, { status: 'live', revocation: 'revoked' }),
      noticeFinding(keys.tokenrouterLive(), { path: 'unverified.ts' }),
      noticeFinding(live, { path: 'live-1.ts' }, { status: 'live' }),
      noticeFinding(live, { path: 'live-2.ts' }, { status: 'live' }),
    ];
    const body = renderIssueBody(repository, findings);
    expect(tableRows(body).map((row) => /\| ([\w.-]+\.ts):1 \|/.exec(row)?.[1])).toEqual(['live-1.ts', 'live-2.ts', 'unverified.ts', 'revoked.ts']);
    expect(body).toContain('## keywarden: 3 leaked API keys in acme/widgets');
    expect(body).toContain('3 keys: 1 live, 1 not verified, 1 revoked.');
    expect(body).toContain('| Nothing: the key is revoked. |');
  });

  it('starts with the marker and names the keys still open in a hidden line', () => {
    const open = noticeFinding(keys.openrouter(), { path: 'a.ts' }, { status: 'unknown' });
    const done = noticeFinding(keys.agentrouter(), { path: 'b.ts' }, { status: 'invalid' });
    const body = renderIssueBody(repository, [open, done]);
    expect(body.startsWith(`${issueMarker}\n`)).toBe(true);
    expect(unsettledKeysIn(body)).toEqual(new Set([keyId(open)]));
    expect(unsettledKeysIn(renderIssueBody(repository, [done]))).toEqual(new Set());
    expect(unsettledKeysIn('an issue from before the hidden line')).toBeUndefined();
  });

  it('stays under GitHub’s 65,536 characters, counting the rows it leaves out', () => {
    const findings = Array.from({ length: 3000 }, (_, i) => noticeFinding(keys.agentrouter(), { path: `packages/service-${i}/src/config/settings.ts`, line: i + 1, commit: commitId(i + 1) }, { status: 'live' }));
    const body = renderIssueBody(repository, findings);
    expect(body.length).toBeLessThanOrEqual(65_536);
    const shown = tableRows(body).length;
    expect(shown).toBeGreaterThan(100);
    expect(body).toContain(`… and ${3000 - shown} more findings, left out because GitHub limits an issue to 65536 characters.`);
    expect(body.trimEnd().endsWith('-->')).toBe(true);
  });
});

describe('the commit comment', () => {
  it('says what the key is, its status and what to do, with hostile text inert', () => {
    const finding = noticeFinding(keys.openrouter(), { path: 'a.ts', line: 3, commit: commitId(1) }, { status: 'live', hint: 'Ping @oncall <script>', owners: ['@alice'] });
    const body = renderCommitComment(finding);
    expect(body.split('\n')[0]).toBe(`<!-- keywarden:commit-comment ${keyId(finding)} -->`);
    expect(body).toContain(`\`${finding.redacted}\``);
    expect(body).toContain('Status: **live**.');
    expect(mentionsIn(body)).toEqual(['@alice']);
    expect(body).not.toContain('<script>');
  });
});
