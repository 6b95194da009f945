/**
 * `keywarden revoke` (SPEC §5.1) against a stand-in of OpenRouter's key info and management API
 * on 127.0.0.1 (test/helpers/openrouter-management.ts). What a run plans, does and decides is
 * tested in this process, as src/cli/revoke.ts builds its run (test/helpers/in-process.ts); the
 * built CLI keeps what only it does (the last describe): argv, the exit code, the table and its
 * last line on stdout, json on stdout, and a run killed half-way. Every case checks the whole
 * of what was printed and logged holds no raw key and no credential.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, type CliRun } from '../helpers/cli.js';
import { revoke, scan, type InProcessRevoke } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { createAccount, labelOf, labelTwin, sha256hex, type AccountOptions } from '../helpers/openrouter-management.js';
import { agentRouterLike, startStandIn, tokenRouterLike, type RecordedRequest, type Reply, type StandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs('all');

const keys = keyFactory(20261212);
const managementKey = keys.openrouter();

interface Revoked {
  secretHash: string;
  redacted: string;
  provider: string;
  ruleId: string;
  outcome: string;
  action: string;
  target?: { hash: string; label?: string; name?: string };
  reason?: string;
  at: string;
}

interface Setup {
  standIn: StandIn;
  account: ReturnType<typeof createAccount>;
  env: Record<string, string>;
}

/** The account behind a stand-in; `fault` may answer a request first (a 429, a 500, a hang). */
async function openRouter(options: Omit<AccountOptions, 'managementKey'>, fault?: (request: RecordedRequest, seen: number) => Reply | undefined): Promise<Setup> {
  const account = createAccount({ managementKey, ...options });
  let seen = 0;
  const standIn = await startStandIn((request) => {
    const reply = fault?.(request, ++seen);
    if (reply) return reply;
    const { status, body } = account.answer(request.method, request.url, request.key, request.body);
    return { status, body };
  });
  return { standIn, account, env: { OPENROUTER_BASE_URL: `${standIn.origin}/api/v1`, OPENROUTER_MANAGEMENT_KEY: managementKey } };
}

/** What a request was, in the terms of the flow. */
function stepOf(request: RecordedRequest): string {
  const path = request.url.replace(/^\/api\/v1/, '');
  if (path === '/key') return 'check';
  if (path.startsWith('/keys?')) return `list ${new URLSearchParams(path.slice(6)).get('offset') ?? ''}`;
  return `${request.method === 'GET' ? 'direct' : request.method} ${path.slice('/keys/'.length, '/keys/'.length + 8)}`;
}

const steps = (standIn: StandIn, kind: string) => standIn.requests.map(stepOf).filter((step) => step.startsWith(kind));

type RevokeFlags = NonNullable<Parameters<typeof revoke>[1]>;

/** `keywarden revoke FLAGS < stdin` in this process, in a directory of its own. */
const revokeKeys = (flags: RevokeFlags, env: Record<string, string>, stdin = '') => revoke(makeTmpDir('revoke'), { ...flags, stdin }, env);

/** The bin: `keywarden revoke ARGS < input`. */
const revokeCli = (args: string[], env: Record<string, string>, input = '') => runCli(['revoke', ...args], { cwd: makeTmpDir('revoke'), env, input });

/** What a run wrote to stdout: the bin's, or the report of a run in this process. */
const stdoutOf = (run: CliRun | InProcessRevoke) => ('stdout' in run ? run.stdout : run.report);

/** Everything a run in this process printed, as the bin would have: its report, warnings, stderr and error. */
const printedBy = (run: InProcessRevoke) => [run.report, run.stderr, ...run.warnings, run.error ?? ''];

const parse = (run: CliRun | InProcessRevoke) => JSON.parse(stdoutOf(run)) as { version: number; dryRun: boolean; revocations: Revoked[]; stats: { keys: number; byOutcome: Record<string, number> } };

/** The revocations without their time, which is the run's. */
const outcomes = (run: CliRun | InProcessRevoke) => parse(run).revocations.map(({ at, ...rest }) => (expect(Date.parse(at)).not.toBeNaN(), rest));

const hashOf = (key: string) => `sha256:${sha256hex(key)}`;
const redactedOf = (key: string) => `sk-or-v1-${key.slice(9, 13)}…${key.slice(-4)}`;

/** No raw key and no credential anywhere in what the run printed or logged. */
function expectNoSecrets(texts: string[], secrets: string[]) {
  const all = texts.join('\n');
  for (const secret of [...secrets, managementKey].filter((text) => text !== '')) expect(all).not.toContain(secret);
}

function auditLogAt(dir: string) {
  const file = join(dir, 'revocations.jsonl');
  return { file, records: () => readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('keywarden revoke: dry run and --yes', () => {
  it('plans without changing anything, then disables exactly the live key with --yes, and a second run changes nothing', async () => {
    const [leaked, dead, other] = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const setup = await openRouter({ keys: [{ key: other, name: 'other' }, { key: leaked, name: 'ci-bot', usage: 4.25, limit: 20 }, { key: dead, disabled: true }] });
    const dir = makeTmpDir('revoke-audit');
    const audit = auditLogAt(dir);
    const input = `${leaked}\n${dead}\n`;
    const target = { hash: setup.account.stateOf(leaked)?.hash, label: labelOf(leaked), name: 'ci-bot' };

    const plan = await revokeKeys({ format: 'json', auditLog: audit.file }, setup.env, input);
    expect(plan.code).toBe(1); // a dry run with something to revoke
    expect(parse(plan).dryRun).toBe(true);
    expect(outcomes(plan)).toEqual([
      { secretHash: hashOf(leaked), redacted: redactedOf(leaked), provider: 'openrouter', ruleId: 'openrouter.api-key', outcome: 'would-revoke', action: 'disable', target },
      { secretHash: hashOf(dead), redacted: redactedOf(dead), provider: 'openrouter', ruleId: 'openrouter.api-key', outcome: 'already-revoked', action: 'none', reason: 'the live check says the key no longer works (HTTP 401)' },
    ]);
    expect(steps(setup.standIn, 'PATCH')).toEqual([]);
    expect(setup.account.stateOf(leaked)?.disabled).toBe(false);

    const done = await revokeKeys({ format: 'json', yes: true, auditLog: audit.file }, setup.env, input);
    expect(done.code).toBe(0);
    expect(outcomes(done)[0]).toEqual({ secretHash: hashOf(leaked), redacted: redactedOf(leaked), provider: 'openrouter', ruleId: 'openrouter.api-key', outcome: 'revoked', action: 'disable', target });
    expect(setup.account.stateOf(leaked)?.disabled).toBe(true);
    expect(setup.account.stateOf(other)?.disabled).toBe(false);
    const patches = setup.standIn.requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.url, request.body, request.key])).toEqual([[`/api/v1/keys/${target.hash}`, '{"disabled":true}', managementKey]]);

    const again = await revokeKeys({ format: 'json', yes: true, auditLog: audit.file }, setup.env, input);
    expect(again.code).toBe(0);
    expect(outcomes(again).map((r) => r.outcome)).toEqual(['already-revoked', 'already-revoked']);
    expect(setup.standIn.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);

    const records = audit.records();
    // Keys are decided concurrently: each run's records are compared as a set, the action's two in order.
    const byRun = (from: number, to: number) => records.slice(from, to).map((r) => [r.outcome, r.action, r.dryRun, r.secretHash === hashOf(leaked) ? 'leaked' : 'dead'].join(' ')).sort();
    expect(records).toHaveLength(7);
    expect(byRun(0, 2)).toEqual(['already-revoked none true dead', 'would-revoke disable true leaked']);
    expect(byRun(2, 5)).toEqual(['already-revoked none false dead', 'revoked disable false leaked', 'started disable false leaked']);
    expect(byRun(5, 7)).toEqual(['already-revoked none false dead', 'already-revoked none false leaked']);
    const action = records.filter((r) => r.secretHash === hashOf(leaked) && !r.dryRun).slice(0, 2);
    expect(action.map((r) => r.outcome)).toEqual(['started', 'revoked']);
    for (const record of records) expect(Object.keys(record).sort()).toEqual(expect.arrayContaining(['action', 'actor', 'at', 'command', 'dryRun', 'httpStatus', 'outcome', 'provider', 'redacted', 'ruleId', 'secretHash', 'target']));
    expect(action[1]).toMatchObject({ command: 'revoke', httpStatus: 200, target });
    expectNoSecrets([...printedBy(plan), ...printedBy(done), ...printedBy(again), readFileSync(audit.file, 'utf8')], [leaked, dead, other]);
  });

  it('revokes the keys of a json report, recovered from where they were found', async () => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked }] });
    const root = writeTree(makeTmpDir('revoke-tree'), { 'config/.env': `OPENROUTER_API_KEY=${leaked}\n`, 'b.ts': `const k = "${leaked}";\n` });
    const report = join(makeTmpDir('revoke-report'), 'report.json');
    const scanned = await scan(root, { format: 'json' });
    expect(scanned.code).toBe(1);
    writeFileSync(report, scanned.report);
    const run = await revokeKeys({ report, root, yes: true, format: 'json' }, setup.env);
    expect(run.code).toBe(0);
    expect(outcomes(run).map((r) => r.outcome)).toEqual(['revoked']); // one key in two places: once
    expect(steps(setup.standIn, 'PATCH')).toHaveLength(1);
  });
});

describe('keywarden revoke: finding the account key', () => {
  it('reads a list of many pages once for all keys, fetching each page once', async () => {
    const leaked = [keys.openrouter(), keys.openrouter(), keys.openrouter()] as const;
    const filler = Array.from({ length: 1_234 }, (_, i) => ({ name: `filler ${i}` }));
    const setup = await openRouter({ keys: [...filler.slice(0, 400), { key: leaked[0] }, ...filler.slice(400, 1_100), { key: leaked[1] }, ...filler.slice(1_100), { key: leaked[2] }] });
    const run = await revokeKeys({ format: 'json', yes: true }, setup.env, leaked.join('\n'));
    expect(run.code).toBe(0);
    expect(outcomes(run).map((r) => r.outcome)).toEqual(['revoked', 'revoked', 'revoked']);
    const pages = steps(setup.standIn, 'list');
    expect(new Set(pages).size).toBe(pages.length); // no page twice
    expect(pages.length).toBeGreaterThanOrEqual(13); // 1,237 keys: 12 full pages and a short one
    expect(pages.length).toBeLessThanOrEqual(13 + 7); // and at most a window (8) of pages past the end
    // Probes stop once one missed: the list answers everyone after that.
    expect(steps(setup.standIn, 'direct')).toHaveLength(1);
  });

  it('finds the account key directly when its hash is the key\'s sha256, and reads no list', async () => {
    const leaked = [keys.openrouter(), keys.openrouter()] as const;
    const setup = await openRouter({ hashes: 'sha256', keys: [{ name: 'x' }, { key: leaked[0] }, { key: leaked[1] }] });
    const run = await revokeKeys({ format: 'json', yes: true }, setup.env, leaked.join('\n'));
    expect(run.code).toBe(0);
    expect(outcomes(run).map((r) => [r.outcome, r.target?.hash])).toEqual(leaked.map((key) => ['revoked', sha256hex(key)]));
    expect(steps(setup.standIn, 'list')).toEqual([]);
    expect(steps(setup.standIn, 'direct')).toHaveLength(2);
  });

  it.each([
    { what: 'twins with another usage: the right one', twinUsage: 9, twinLimit: 50, outcome: 'revoked', patches: 1 },
    { what: 'twins with another limit: the right one', twinUsage: 1.5, twinLimit: 10, outcome: 'revoked', patches: 1 },
    { what: 'twins alike in usage and limit: none', twinUsage: 1.5, twinLimit: 50, outcome: 'ambiguous', patches: 0 },
  ])('tells label twins apart by usage and limit — $what', async ({ twinUsage, twinLimit, outcome, patches }) => {
    const leaked = keys.openrouter();
    const twin = labelTwin(leaked, keys.body('hex', 58));
    expect(labelOf(twin)).toBe(labelOf(leaked));
    const setup = await openRouter({ keys: [{ key: twin, usage: twinUsage, limit: twinLimit, name: 'twin' }, { key: leaked, usage: 1.5, limit: 50, name: 'leaked' }] });
    const run = await revokeKeys({ format: 'json', yes: true }, setup.env, `${leaked}\n`);
    expect(run.code).toBe(outcome === 'revoked' ? 0 : 1);
    const [revocation] = outcomes(run);
    expect(revocation?.outcome).toBe(outcome);
    expect(steps(setup.standIn, 'PATCH')).toHaveLength(patches);
    expect(setup.account.stateOf(twin)?.disabled).toBe(false);
    if (outcome === 'ambiguous') expect(revocation?.reason).toBe(`2 account keys have label ${labelOf(leaked)} and the same usage and limit; none was touched: revoke it by hand`);
    else expect(revocation?.target?.name).toBe('leaked');
  });

  it.each([
    { what: 'a live key of another account', seed: 'elsewhere', outcome: 'not-found', code: 1 },
    { what: 'a key listed as disabled that still answers', seed: 'disabled-sticky', outcome: 'already-revoked', code: 0 },
    { what: 'a deleted key', seed: 'deleted', outcome: 'already-revoked', code: 0 },
  ])('$what is $outcome, and nothing is changed', async ({ seed, outcome, code }) => {
    const leaked = keys.openrouter();
    const options: Omit<AccountOptions, 'managementKey'> =
      seed === 'elsewhere' ? { keys: [{ name: 'mine' }], elsewhere: [leaked] } : seed === 'disabled-sticky' ? { keys: [{ key: leaked, disabled: true }], sticky: [leaked] } : { keys: [{ key: leaked }] };
    const setup = await openRouter(options);
    if (seed === 'deleted') {
      const state = setup.account.stateOf(leaked);
      if (state) state.deleted = true;
    }
    const run = await revokeKeys({ format: 'json', yes: true }, setup.env, `${leaked}\n`);
    expect(run.code).toBe(code);
    expect(outcomes(run).map((r) => r.outcome)).toEqual([outcome]);
    expect(steps(setup.standIn, 'PATCH')).toEqual([]);
    if (outcome === 'not-found') expect(outcomes(run)[0]?.reason).toBe(`no account key of this management key has label ${labelOf(leaked)}: tell the key's owner (keywarden notify)`);
  });
});

describe('keywarden revoke: when the API misbehaves', () => {
  it('waits out a 429 with Retry-After and retries 500s, on the list and on the PATCH', async () => {
    const leaked = keys.openrouter();
    const faults = new Map<string, Reply[]>([
      ['list 0', [{ status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 429 } } }, { status: 500, body: {} }]],
      ['PATCH', [{ status: 503, body: {} }]],
    ]);
    const setup = await openRouter({ keys: [{ key: leaked }] }, (request) => {
      const step = stepOf(request);
      const script = faults.get(step.startsWith('PATCH') ? 'PATCH' : step);
      return script?.shift();
    });
    const run = await revokeKeys({ format: 'json', yes: true }, setup.env, `${leaked}\n`);
    expect(run.code).toBe(0);
    expect(outcomes(run).map((r) => r.outcome)).toEqual(['revoked']);
    expect(steps(setup.standIn, 'list 0')).toHaveLength(3);
    expect(steps(setup.standIn, 'PATCH')).toHaveLength(2);
  });

  it.each([
    { what: 'a PATCH that keeps failing', fault: (step: string) => (step.startsWith('PATCH') ? { status: 500, body: {} } : undefined), reason: 'disable: HTTP 500 after retries', code: 1, action: 'disable' },
    { what: 'a list that keeps failing', fault: (step: string) => (step === 'list 0' ? { status: 502, body: {} } : undefined), reason: 'list (offset 0): HTTP 502 after retries', code: 1, action: 'none' },
    { what: 'a list that hangs', fault: (step: string) => (step.startsWith('list') ? { status: 200, hang: true } : undefined), reason: 'list (offset 0): timed out after 1 s', code: 1, action: 'none' },
  ])('fails with the step named on $what, and touches nothing else', async ({ fault, reason, code, action }) => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked }] }, (request) => fault(stepOf(request)));
    const run = await revokeKeys({ format: 'json', yes: true, verifyTimeout: 1 }, setup.env, `${leaked}\n`);
    expect(run.code).toBe(code);
    expect(outcomes(run).map((r) => [r.outcome, r.action, r.reason])).toEqual([['failed', action, reason]]);
    expectNoSecrets(printedBy(run), [leaked]);
  });

  it('reports a PATCH that answers 200 while the key keeps working as failed', async () => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked }], sticky: [leaked] });
    const run = await revokeKeys({ format: 'json', yes: true }, setup.env, `${leaked}\n`);
    expect(run.code).toBe(1);
    expect(outcomes(run).map((r) => [r.outcome, r.action, r.reason])).toEqual([['failed', 'disable', 'confirm: the key still works after disable (checked 3 times)']]);
    expect(steps(setup.standIn, 'check')).toHaveLength(4); // the live check, then 3 confirmations
  });

  it('never acts on a key the live check could not settle', async () => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked }] }, (request) => (stepOf(request) === 'check' ? { status: 200, hang: true } : undefined));
    const run = await revokeKeys({ format: 'json', yes: true, verifyTimeout: 1 }, setup.env, `${leaked}\n`);
    expect(run.code).toBe(1);
    expect(outcomes(run).map((r) => [r.outcome, r.action, r.reason])).toEqual([['unknown', 'none', 'the live check could not tell (timed out after 1 s); nothing was done']]);
    expect(setup.standIn.requests.map(stepOf)).toEqual(['check']);
  });

  it.each([
    { what: 'refused', env: { OPENROUTER_MANAGEMENT_KEY: keys.openrouter() }, reason: /^find \(direct\): HTTP 401: the management credential was refused/, managed: 1 },
    { what: 'unset', env: { OPENROUTER_MANAGEMENT_KEY: '' }, reason: /^OPENROUTER_MANAGEMENT_KEY \(or OPENROUTER_PROVISIONING_KEY\) is not set: revoking needs the owner's management key, from the environment$/, managed: 0 },
  ])('exits 2 when the management key is $what, asking the management API once at most', async ({ env, reason, managed }) => {
    const leaked = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const setup = await openRouter({ keys: leaked.map((key) => ({ key })) });
    const run = await revokeKeys({ format: 'json', yes: true }, { ...setup.env, ...env }, leaked.join('\n'));
    expect(run.code).toBe(2);
    const [first, ...rest] = outcomes(run);
    expect(first?.outcome).toBe('failed');
    for (const revocation of rest) expect(revocation.outcome).toBe('failed');
    // No summary line in json: the reason for the exit 2 goes to stderr.
    expect(run.stderr).toMatch(/^keywarden: exit 2: .+\n$/);
    // The direct request is tried first and refused: after that no key asks again.
    expect(setup.standIn.requests.filter((request) => stepOf(request) !== 'check')).toHaveLength(managed);
    for (const revocation of outcomes(run)) expect(revocation.reason).toMatch(reason);
    expectNoSecrets(printedBy(run), [...leaked, env.OPENROUTER_MANAGEMENT_KEY]);
  });
});

describe('keywarden revoke: other providers', () => {
  it('calls AgentRouter and TokenRouter keys unsupported, naming their consoles and notify', async () => {
    const agent = keys.agentrouter();
    const token = keys.tokenrouterLive();
    const [ar, tr] = await Promise.all([startStandIn(agentRouterLike({ live: [agent] })), startStandIn(tokenRouterLike({ live: [token] }))]);
    const run = await revokeKeys({ format: 'json', yes: true }, { AGENTROUTER_BASE_URL: ar.origin, TOKENROUTER_BASE_URL: tr.origin }, `${agent}\n${token}\n`);
    expect(run.code).toBe(1);
    expect(outcomes(run).map((r) => [r.provider, r.outcome, r.action, r.reason])).toEqual([
      ['agentrouter', 'unsupported', 'none', 'AgentRouter documents no API to revoke a key. Revoke the key in your AgentRouter console, issue a new one, and load it from the environment. Tell its owner: keywarden notify.'],
      ['tokenrouter', 'unsupported', 'none', 'TokenRouter documents no API to revoke a key. Roll the key in the TokenRouter dashboard, then load the new one from the environment. Tell its owner: keywarden notify.'],
    ]);
    expectNoSecrets(printedBy(run), [agent, token]);
  });
});

describe('keywarden revoke: the audit log', () => {
  it('refuses to write through a symlink, before anything is sent', async () => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked }] });
    const dir = makeTmpDir('revoke-link');
    writeFileSync(join(dir, 'elsewhere.txt'), 'untouched\n');
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'audit.jsonl'));
    const run = await revokeKeys({ yes: true, auditLog: join(dir, 'audit.jsonl') }, setup.env, `${leaked}\n`);
    expect(run.code).toBe(2);
    expect(run.error).toContain('audit.jsonl: is a symbolic link; the audit log is never written through one');
    expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('untouched\n');
    expect(setup.standIn.requests).toEqual([]);
  });
});

describe('keywarden revoke: the built CLI', () => {
  it('prints the plan as a table, naming the account key and what --yes would do', async () => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked, name: 'laptop' }] });
    const run = await revokeCli([], setup.env, `${leaked}\n`);
    expect(run.code).toBe(1);
    const hash = setup.account.stateOf(leaked)?.hash ?? '';
    expect(run.stdout).toBe(
      [
        'KEY                 PROVIDER    OUTCOME       WOULD    ACCOUNT KEY',
        `${redactedOf(leaked)}  openrouter  would-revoke  disable  laptop  ${labelOf(leaked)}  ${hash.slice(0, 12)}…`,
        '',
        '1 key: 1 would-revoke. Dry run: nothing was changed; run again with --yes to disable 1 key.',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
  });

  it('deletes instead with --delete, and takes the credential from OPENROUTER_PROVISIONING_KEY too', async () => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked }] });
    const env = { OPENROUTER_BASE_URL: setup.env.OPENROUTER_BASE_URL ?? '', OPENROUTER_MANAGEMENT_KEY: '', OPENROUTER_PROVISIONING_KEY: managementKey };
    const run = await revokeCli(['--format', 'json', '--yes', '--delete'], env, `${leaked}\n`);
    expect(run.code).toBe(0);
    expect(outcomes(run).map((r) => [r.outcome, r.action])).toEqual([['revoked', 'delete']]);
    expect(setup.account.stateOf(leaked)?.deleted).toBe(true);
    expect(steps(setup.standIn, 'DELETE')).toHaveLength(1);
    expect(steps(setup.standIn, 'PATCH')).toEqual([]);
    expectNoSecrets([run.stdout, run.stderr], [leaked]);
  });

  it('exits 2 with json on stdout and the reason on stderr when the management key is refused', async () => {
    const leaked = keys.openrouter();
    const setup = await openRouter({ keys: [{ key: leaked }] });
    const refused = keys.openrouter();
    const run = await revokeCli(['--format', 'json', '--yes'], { ...setup.env, OPENROUTER_MANAGEMENT_KEY: refused }, `${leaked}\n`);
    expect(run.code).toBe(2);
    expect(outcomes(run).map((r) => r.outcome)).toEqual(['failed']);
    expect(run.stderr).toMatch(/^keywarden: exit 2: find \(direct\): HTTP 401: the management credential was refused.*\n$/);
    expectNoSecrets([run.stdout, run.stderr], [leaked, refused]);
  });

  it('holds every action the API received, each line whole, when the run is killed half-way', async () => {
    const leaked = Array.from({ length: 6 }, () => keys.openrouter());
    let patches = 0;
    const setup = await openRouter({ keys: leaked.map((key) => ({ key })) }, (request) => (request.method === 'PATCH' && ++patches > 3 ? { status: 200, hang: true } : undefined));
    const dir = makeTmpDir('revoke-kill');
    const audit = auditLogAt(dir);
    const child = startCli(['revoke', '--yes', '--audit-log', audit.file], { cwd: dir, env: setup.env, input: leaked.join('\n') });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // Half-way: three keys revoked, three PATCHes sent and unanswered.
    const revokedSoFar = () => (existsSync(audit.file) ? audit.records().filter((r) => r.outcome === 'revoked').length : 0);
    while (patches < 6 || revokedSoFar() < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    const exited = new Promise((resolve) => child.on('close', resolve));
    child.kill('SIGKILL');
    await exited;

    const records = audit.records(); // every line parses: none is torn
    const received = setup.standIn.requests.filter((request) => request.method === 'PATCH').map((request) => request.url.split('/').pop());
    const started = records.filter((r) => r.outcome === 'started').map((r) => (r.target as { hash: string }).hash);
    expect(started.sort()).toEqual(received.sort()); // every PATCH sent was announced before it was sent
    expect(records.filter((r) => r.outcome === 'revoked')).toHaveLength(3);
    expect(records).toHaveLength(9); // and nothing else: the three left hanging have no outcome yet
    expectNoSecrets([output, readFileSync(audit.file, 'utf8')], leaked);
  });
});
