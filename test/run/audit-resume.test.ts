/**
 * `audit --resume` at the source (SPEC §8, issue 14 item 5): each repository finished is recorded
 * in the audit's state file (redacted, never a raw key); a run given that state reads a finished
 * repository back from it, its keys recovered from the mirror, without fetching it, and the report
 * is the one an uninterrupted audit gives. A mirror that changed or vanished is scanned again.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuditState, auditStateId, auditStatePath } from '../../src/run/audit-state.js';
import { remoteAuditSource, type AuditPlan } from '../../src/run/remote-audit.js';
import { mirrorDir } from '../../src/sources/mirror.js';
import { git, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { runThrough } from '../helpers/run.js';
import { makeTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(20261406);

/** Repositories with keys (one key in all of them; three unless fewer are needed), and a plan listing them in order. */
function organization(names = ['a', 'b', 'c']) {
  const shared = keys.openrouter();
  const made = names.map((name, i) => {
    const repo = TestRepo.init(makeTmpDir(`resume-${name}`));
    repo.commit({ 'app.env': `KEY=${shared}\n` }, 'shared key');
    repo.commit({ [`${name}.env`]: `KEY=${i === 1 ? keys.agentrouter() : keys.tokenrouterLive()}\n` }, 'own key');
    return { name, repo };
  });
  const plan: AuditPlan = { repositories: made.map(({ name, repo }) => ({ fullName: `acme/${name}`, cloneUrl: repo.dir, fork: false, archived: false, named: false, size: 1 })), notScanned: [] };
  return { shared, made, plan };
}

const statePath = (cache: string) => auditStatePath(cache, auditStateId({ test: 'resume' }));

async function audit(plan: AuditPlan, cache: string, state?: AuditState) {
  const seen: string[] = [];
  const result = await runThrough(remoteAuditSource(plan, { cache, apiUrl: 'https://api.github.com', maxBlobSize: 1 << 20, ...(state ? { state } : {}), onProgress: (p) => seen.push(`${p.repository} ${p.step}`) }));
  const findings = result.findings.map((f) => [f.origin.repository, f.origin.path, f.origin.kind === 'history' ? f.origin.commit : '', f.secretHash, f.fingerprint].join(' ')).sort();
  return { result, findings, steps: [...new Set(seen)], raw: result.findings.map((f) => f.secret.reveal()) };
}

/** The state after a run over the first `done` repositories only: what a kill after them leaves. */
async function interrupted(plan: AuditPlan, cache: string, done: number) {
  const { state } = AuditState.open(statePath(cache), auditStateId({ test: 'resume' }), false);
  await audit({ ...plan, repositories: plan.repositories.slice(0, done) }, cache, state);
}

const resumed = (cache: string) => AuditState.open(statePath(cache), auditStateId({ test: 'resume' }), true);

describe('the audit state', () => {
  it('records each repository finished, as a json report would spell its findings: never a raw key', async () => {
    const { plan, made } = organization();
    const cache = makeTmpDir('resume-cache');
    await interrupted(plan, cache, 2);
    const text = readFileSync(statePath(cache), 'utf8');
    const file = JSON.parse(text) as { finished: { repository: string; tips: string; report: { findings: { path: string; redacted: string; secret?: string }[] } }[] };
    expect(file.finished.map((entry) => entry.repository)).toEqual(['acme/a', 'acme/b']);
    expect(file.finished[1]?.report.findings.map((f) => f.path)).toEqual(['app.env', 'b.env']);
    expect(file.finished.every((entry) => /^sha256:[0-9a-f]{64}$/.test(entry.tips))).toBe(true);
    for (const { repo } of made) {
      for (const line of git(repo.dir, ['log', '-p', '--all']).split('\n').filter((l) => l.startsWith('+KEY='))) expect(text).not.toContain(line.slice('+KEY='.length));
    }
    expect(text).not.toContain('"secret"');
  });

  it('opens afresh without --resume, saying how many an earlier run finished; a state of another audit, or a broken one, is none', async () => {
    const { plan } = organization();
    const cache = makeTmpDir('resume-cache');
    await interrupted(plan, cache, 2);
    const id = auditStateId({ test: 'resume' });
    const fresh = AuditState.open(statePath(cache), id, false);
    expect(fresh.found).toBe(2);
    expect(fresh.state.finished('acme/a', plan.repositories[0]?.cloneUrl ?? '')).toBeUndefined();
    expect(resumed(cache).state.finished('acme/a', plan.repositories[0]?.cloneUrl ?? '')).toBeDefined();
    // The same name cloned from elsewhere is another repository.
    expect(resumed(cache).state.finished('acme/a', '/elsewhere.git')).toBeUndefined();
    expect(AuditState.open(statePath(cache), auditStateId({ test: 'other' }), true).found).toBe(0);
    writeFileSync(statePath(cache), '{"keywardenAuditState":1,"id":"');
    expect(resumed(cache).found).toBe(0);
  });
});

describe('resuming an audit', () => {
  it('reads the finished repositories back without fetching them, their keys recovered, and reports what an uninterrupted audit reports', async () => {
    const { plan, made, shared } = organization();
    const whole = await audit(plan, makeTmpDir('resume-whole'));
    const cache = makeTmpDir('resume-cache');
    await interrupted(plan, cache, 2);
    // Their clone sources gone: a fetch of a finished repository would fail, and say so.
    for (const { repo } of made.slice(0, 2)) renameSync(repo.dir, `${repo.dir}-gone`);
    const again = await audit(plan, cache, resumed(cache).state);
    expect(again.result.warnings).toEqual([]);
    expect(again.findings).toEqual(whole.findings);
    expect(again.steps).toEqual(['acme/a mirroring', 'acme/a resumed', 'acme/b mirroring', 'acme/b resumed', 'acme/c mirroring', 'acme/c scanning', 'acme/c done']);
    // The raw keys, read again from the mirrors, for the live check, revocation and notification.
    expect(again.raw.sort()).toEqual(whole.raw.sort());
    expect(again.raw.filter((key) => key === shared)).toHaveLength(3);
    expect(again.result.stats.files).toBe(whole.result.stats.files);
    expect(again.result.repositories).toEqual(whole.result.repositories);
  });

  it.each([
    {
      name: 'a mirror fetched since (its refs changed)',
      change: (mirror: string, source: TestRepo) => {
        source.commit({ 'new.env': `KEY=${keys.agentrouter()}\n` }, 'new key');
        git(mirror, ['fetch', '-q', 'origin']);
      },
      paths: ['app.env', 'a.env', 'new.env'],
    },
    { name: 'a mirror removed', change: (mirror: string) => rmSync(mirror, { recursive: true, force: true }), paths: ['app.env', 'a.env'] },
    {
      name: 'a state whose finding no longer points at its key',
      change: (_mirror: string, _source: TestRepo, cache: string) => {
        const path = statePath(cache);
        writeFileSync(path, readFileSync(path, 'utf8').replace('"line":1', '"line":7'));
      },
      paths: ['app.env', 'a.env'],
    },
  ])('scans a finished repository again after $name', async ({ change, paths }) => {
    const { plan, made } = organization(['a']);
    const cache = makeTmpDir('resume-cache');
    await interrupted(plan, cache, 1);
    const first = made[0]?.repo as TestRepo;
    change(mirrorDir(cache, 'acme/a', first.dir), first, cache);
    const again = await audit(plan, cache, resumed(cache).state);
    expect(again.steps).toContain('acme/a scanning');
    expect(again.result.findings.map((f) => f.origin.path).sort()).toEqual([...paths].sort());
    expect(again.result.warnings).toEqual([]);
  });
});
