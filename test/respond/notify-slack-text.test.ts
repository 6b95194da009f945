/**
 * The webhook's Slack/Mattermost text (src/respond/notify/slack-text.ts): a summary with counts
 * by status, one line per finding most urgent first, links to the line at the commit, cut to
 * fit with "and N more", and nothing a repository holds able to format a mention or a link.
 */
import { describe, expect, it } from 'vitest';
import type { Notice, NoticeFinding } from '../../src/respond/notify/notice.js';
import { escapeMrkdwn, maxSlackTextChars, renderSlackText } from '../../src/respond/notify/slack-text.js';
import { invalid, live, noticeFinding, noticeOf, testCommit, testRepository, unknown } from '../helpers/notice.js';

const commit = testCommit;
const notice = (findings: NoticeFinding[], withRepository = true): Notice => noticeOf(findings, withRepository ? testRepository : null);

describe('the Slack text', () => {
  it('sums up by status and lists findings most urgent first, each with key, provider, status and place', () => {
    const text = renderSlackText(
      notice([
        noticeFinding(1, invalid),
        noticeFinding(2),
        noticeFinding(3, { ...live, source: 'history', commit, author: 'A', email: 'a@example.test', date: '2021-01-01T00:00:00+00:00' }),
        noticeFinding(4, { ...live, revocation: 'revoked' }),
        noticeFinding(5, unknown),
      ]),
    );
    expect(text.split('\n')).toEqual([
      '*keywarden: 5 leaked keys* in <https://github.com/acme/widgets|acme/widgets> — 1 live, 1 unknown, 1 not verified, 1 revoked, 1 invalid',
      `• *live* \`sk-or-v1-0003…0003\` openrouter — <https://github.com/acme/widgets/blob/${commit}/src/f3.ts#L4|src/f3.ts:4>`,
      '• *unknown* `sk-or-v1-0005…0005` openrouter — src/f5.ts:6',
      '• *not verified* `sk-or-v1-0002…0002` openrouter — src/f2.ts:3',
      '• *revoked* `sk-or-v1-0004…0004` openrouter — src/f4.ts:5',
      '• *invalid* `sk-or-v1-0001…0001` openrouter — src/f1.ts:2',
    ]);
  });

  it.each([
    ['one key in two places', [noticeFinding(1), noticeFinding(1, { path: 'b.ts' })], '*keywarden: 2 findings of 1 leaked key*'],
    ['no repository known: no link, the commit named', [noticeFinding(1, { commit, source: 'history' })], '*keywarden: 1 leaked key* — 1 not verified'],
  ])('%s', (_case, findings, summary) => {
    expect(renderSlackText(notice(findings, false)).split('\n')[0]).toContain(summary);
  });

  it('names a commit and the finding’s repository when there is no repository to link into', () => {
    const text = renderSlackText(notice([noticeFinding(1, { commit, source: 'history', repository: 'acme/gadgets' })], false));
    expect(text.split('\n')[1]).toBe('• *not verified* `sk-or-v1-0001…0001` openrouter — acme/gadgets src/f1.ts:2 in a1b2c3d');
  });

  it(`stays within ${maxSlackTextChars} characters and counts the rest as "and N more"`, () => {
    const findings = Array.from({ length: 200 }, (_, i) => noticeFinding(i + 1, { ...(i % 3 === 0 ? live : {}), commit, path: `services/payments/config/${'deep/'.repeat(8)}settings-${i}.ts` }));
    const text = renderSlackText(notice(findings));
    expect(text.length).toBeLessThanOrEqual(maxSlackTextChars);
    const lines = text.split('\n');
    const shown = lines.filter((line) => line.startsWith('• ')).length;
    expect(shown).toBeGreaterThan(5);
    expect(lines.at(-1)).toBe(`_and ${200 - shown} more_`);
    // Most urgent first even when cut: the live ones are the ones shown.
    expect(lines.slice(1, 1 + Math.min(shown, 67)).every((line) => line.startsWith('• *live*'))).toBe(true);
  });

  it.each([10, 11, 12, 13, 14])('keeps to a small limit exactly (%i findings)', (count) => {
    const findings = Array.from({ length: count }, (_, i) => noticeFinding(i + 1));
    for (const limit of [300, 400, 555, 700]) {
      const text = renderSlackText(notice(findings), limit);
      expect(text.length).toBeLessThanOrEqual(limit);
      const lines = text.split('\n');
      const shown = lines.filter((line) => line.startsWith('• ')).length;
      if (shown < count) expect(lines.at(-1)).toBe(`_and ${count - shown} more_`);
    }
  });

  it('sends a message with every finding when they fit, and no "more"', () => {
    const text = renderSlackText(notice([noticeFinding(1), noticeFinding(2)]));
    expect(text).not.toContain('more_');
  });
});

describe('repository text in the Slack text', () => {
  it.each([
    ['a broadcast', 'src/<!channel>.ts', '<!channel>'],
    ['a here mention', 'docs/@here.md', '@here'],
    ['an everyone mention', 'x/<!everyone>/y', '<!everyone'],
    ['a user mention', 'a/<@U024BE7LH>.txt', '<@U'],
    ['a Mattermost all', 'ping @all now.txt', '@all'],
    ['a link of its own', 'a/<https://evil.example|click me>.ts', '<https://evil'],
    ['an entity', 'a/&lt;!here&gt;.ts', '&lt;!here&gt;.ts:'],
    ['a forged line', 'a\n• *live* fake.ts', '\n• *live* fake'],
    ['a right-to-left override', 'evil\u202Egnp.js', '\u202E'],
  ])('%s in a path cannot act (%j)', (_case, path, forbidden) => {
    const text = renderSlackText(notice([noticeFinding(1, { path, commit, source: 'history' })]));
    expect(text).not.toContain(forbidden);
    // Only the summary's and the line link's own `<…|…>` remain.
    expect(text.match(/</g)).toHaveLength(2);
  });

  it('escapes &, < and > as Slack asks, and breaks every @ with a zero-width space', () => {
    expect(escapeMrkdwn('a & <b> @here')).toBe('a &amp; &lt;b&gt; @\u200bhere');
  });

  it('keeps a long path to its end and a long link out, so one finding cannot crowd out the rest', () => {
    const path = `${'very-long-directory-name/'.repeat(60)}leak.ts`;
    const text = renderSlackText(notice([noticeFinding(1, { path, commit, source: 'history' }), noticeFinding(2)]));
    const line = text.split('\n')[1] ?? '';
    expect(line).toMatch(/ — …[^<]*\/leak\.ts:2 in a1b2c3d$/);
    expect(line.length).toBeLessThan(250);
    expect(text.split('\n')).toHaveLength(3);
  });
});
