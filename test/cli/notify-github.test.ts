/**
 * `keywarden notify --to issue|commit-comment` through the command (in this process) against
 * the GitHub API stand-in on 127.0.0.1, from a json report of a real `history --verify` run:
 * one issue ever per repository across re-runs, one comment per (commit, key), owners from the
 * CODEOWNERS of the commit that added the key, a dry run that sends nothing, and no raw key in
 * any request GitHub receives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNotify } from '../../src/cli/notify.js';
import { defaultsOf, notifyTable, type NotifyOptions } from '../../src/cli/options.js';
import { defaultToken, startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { TestRepo } from '../helpers/history-repos.js';
import { history } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { makeFileTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(20261205);
const liveKey = keys.openrouter();
const deadKey = keys.openrouter();
const rawKeys = [liveKey, deadKey];

let repo: TestRepo;
let reportFile: string;
let introduced: string;

beforeAll(async () => {
  repo = TestRepo.init(makeFileTmpDir('notify-gh-repo'));
  repo.commit({ '.github/CODEOWNERS': '* @acme/everyone\n/src/ @acme/security\n', 'README.md': 'hello\n' }, 'owners');
  introduced = repo.commit({ 'src/config.ts': `export const key = '${liveKey}';\nexport const old = '${deadKey}';\n` }, 'add config');
  // Ownership changes later: the owners mentioned are those of the commit that added the keys.
  repo.commit({ '.github/CODEOWNERS': '* @acme/everyone\n/src/ @acme/platform\n' }, 'hand src over');
  const provider = await startStandIn(openRouterLike({ live: [liveKey] }));
  const run = await history(repo.dir, { format: 'json', verify: true, showSecrets: true }, { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` });
  await provider.close();
  expect(run.code).toBe(1);
  reportFile = join(makeFileTmpDir('notify-gh'), 'report.json');
  writeFileSync(reportFile, run.report);
});

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function notify(api: GitHubApi, flags: Partial<NotifyOptions>): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io = {
    env: { GITHUB_TOKEN: defaultToken, GITHUB_API_URL: api.apiUrl },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    tuning: { githubTiming: { writeSpacingMs: 0, secondMs: 1 } },
  };
  const code = await runNotify({ ...defaultsOf(notifyTable), report: reportFile, root: repo.dir, repo: 'acme/widgets', ...flags }, io);
  return { code, stdout, stderr };
}

/** Everything GitHub was sent, and everything printed: none of it may hold a raw key or the token. */
function expectNothingSecret(api: GitHubApi, ...printed: string[]): void {
  const sent = api.requests.map((request) => request.rawBody).join('\n');
  for (const text of [sent, ...printed]) {
    for (const key of rawKeys) expect(text.includes(key)).toBe(false);
  }
  expect(printed.join('\n')).not.toContain(defaultToken);
}

describe('keywarden notify --to issue', () => {
  it('opens one issue, then leaves it alone while nothing changes', async () => {
    const api = await startGitHubApi();
    api.seedLabels(['security']);
    const first = await notify(api, { to: ['issue'] });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^issue: created: /m);
    const [issue, ...others] = api.issuesOf();
    expect(others).toEqual([]);
    expect(issue?.labels.map((label) => label.name)).toEqual(['security']);
    expect(issue?.body).toContain(`/acme/widgets/blob/${introduced}/src/config.ts#L1`);
    expect(issue?.body).toMatch(/live/);
    const second = await notify(api, { to: ['issue'] });
    expect(second.stdout).toMatch(/^issue: unchanged: /m);
    expect(api.issuesOf()).toHaveLength(1);
    expectNothingSecret(api, first.stdout, first.stderr, second.stdout, second.stderr);
  });

  it('--mention-owners: the CODEOWNERS of the commit that added the key', async () => {
    const api = await startGitHubApi();
    const ran = await notify(api, { to: ['issue'], mentionOwners: true });
    expect(ran.code).toBe(0);
    const body = api.issuesOf()[0]?.body ?? '';
    expect(body).toContain('@acme/security');
    expect(body).not.toContain('@acme/platform');
    expectNothingSecret(api, ran.stdout, ran.stderr);
  });

  it('--dry-run prints the issue it would open and sends nothing', async () => {
    const api = await startGitHubApi();
    const ran = await notify(api, { to: ['issue', 'commit-comment'], dryRun: true });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^# issue → .*acme\/widgets.* \(dry run: not sent\)$/m);
    expect(ran.stdout).toMatch(/^# commit-comment → /m);
    expect(api.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expectNothingSecret(api, ran.stdout, ran.stderr);
  });
});

describe('keywarden notify --to commit-comment', () => {
  it('comments once per key on the commit that added it, at its line; a re-run adds none', async () => {
    const api = await startGitHubApi();
    const first = await notify(api, { to: ['commit-comment'] });
    expect(first.code).toBe(0);
    const comments = api.commitCommentsOn(introduced);
    expect(comments.map((comment) => [comment.path, comment.line])).toEqual([
      ['src/config.ts', 1],
      ['src/config.ts', 2],
    ]);
    await notify(api, { to: ['commit-comment'] });
    expect(api.commitCommentsOn(introduced)).toHaveLength(2);
    expectNothingSecret(api, first.stdout, first.stderr);
  });
});
