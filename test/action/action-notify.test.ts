/**
 * The Action's `notify` input end to end (issue 13, point 5): the bundle run as one workflow step
 * (test/helpers/action-step.ts) on a push that adds a live key, with `verify`, `revoke` and
 * `notify: webhook`: the webhook URL (a secret) is masked before anything else is printed and
 * never printed again, and the one POST tells the key as revoked. How inputs are read is tested
 * in process (notify-inputs.test.ts); the telling itself in test/cli/notify-chain.test.ts.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WebhookPayload } from '../../src/respond/notify/webhook.js';
import { runActionStep } from '../helpers/action-step.js';
import { git, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { createAccount } from '../helpers/openrouter-management.js';
import { startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(20261315);
const token = 'Hx5LpW9qB3nT7vK2mR8cZ4dJ';

describe('notify: webhook in a workflow', () => {
  it('after revoke: one POST telling the key as revoked; the webhook URL masked first and shown nowhere', async () => {
    const [live, managementKey] = [keys.openrouter(), keys.openrouter()];
    const account = createAccount({ managementKey, keys: [{ key: live, name: 'ci' }] });
    const provider = await startStandIn((request) => account.answer(request.method, request.url, request.key, request.body));
    const hook = await startStandIn(() => ({ status: 200, body: 'ok' }));
    const url = `${hook.origin}/services/T0ACTION/B0ACTION/${token}`;
    const dir = join(makeTmpDir('action-notify'), 'workspace');
    mkdirSync(dir);
    const repo = TestRepo.init(dir);
    const base = repo.commit({ 'README.md': '# widgets\n' }, 'main');
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    const head = repo.commit({ 'a.env': `OPENROUTER_API_KEY=${live}\n` }, 'settings');

    const step = await runActionStep({
      workspace: repo.dir,
      event: 'push',
      payload: { ref: 'refs/heads/feature', before: base, after: head, created: false, deleted: false, forced: false, repository: { full_name: 'acme/widgets', default_branch: 'main' } },
      inputs: { verify: 'true', revoke: 'true', 'openrouter-management-key': managementKey, notify: 'webhook', 'webhook-url': url },
      env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` },
    });

    expect(step.code, step.stdout + step.stderr).toBe(1); // revoked, but still in the branch
    expect(account.stateOf(live)?.disabled).toBe(true);
    // The secrets are the step's first lines: nothing before them can have printed one.
    expect(step.lines.slice(0, 2).sort()).toEqual([`::add-mask::${managementKey}`, `::add-mask::${url}`].sort());
    expect(step.lines).toContain('keywarden: notify: webhook: sent: posted 1 finding to the webhook (HTTP 200)');

    expect(hook.requests).toHaveLength(1);
    const body = JSON.parse(hook.requests[0]?.body ?? '') as WebhookPayload;
    expect(body.findings.map((finding) => [finding.path, finding.verification?.status, finding.revocation])).toEqual([['a.env', 'live', 'revoked']]);
    expect(body.text).toContain('• *revoked* ');

    const printed = [step.lines.filter((line) => !line.startsWith('::add-mask::')).join('\n'), step.stderr, step.summary, step.outputFile, hook.requests[0]?.body ?? ''].join('\n');
    expect(step.lines.filter((line) => line.includes(token))).toEqual([`::add-mask::${url}`]);
    for (const secret of [token, live, managementKey]) expect(printed).not.toContain(secret);
  });
});
