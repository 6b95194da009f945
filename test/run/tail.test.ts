/**
 * The one tail every command shares, driven with hand-made sources and a scripted verifier:
 * what it keeps, suppresses, checks, shows and decides, independent of any file or network.
 */
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/core/secret.js';
import type { Chunk, Finding, Origin, VerificationStatus } from '../../src/core/types.js';
import { fingerprintOf, secretHashOf } from '../../src/detect/finding.js';
import type { Source, SourceEvent } from '../../src/run/source.js';
import type { Verifier } from '../../src/verify/verifier.js';
import { keyFactory } from '../helpers/keys.js';
import { runThrough } from '../helpers/run.js';

const keys = keyFactory(0x7461696c);

/** A source that hands over exactly these events. */
function sourceOf(events: SourceEvent[], extra: Partial<Source> = {}): Source {
  return {
    ...extra,
    async read(_context, emit) {
      for (const event of events) await emit(event);
    },
  };
}

const chunk = (text: string, origin: Origin = { kind: 'file', path: 'a.env' }, startLine = 1): SourceEvent => ({ kind: 'chunk', chunk: { origin, data: Buffer.from(text), startLine } satisfies Chunk });

/** A verifier that answers from a table (by raw key), after an optional delay, counting its calls. */
function scripted(answers: Map<string, VerificationStatus>, delayMs: (key: string) => number = () => 0): Verifier & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async verify(_ruleId, secret: Secret) {
      const key = secret.reveal();
      calls.push(key);
      await new Promise((resolve) => setTimeout(resolve, delayMs(key)));
      return { verification: { status: answers.get(key) ?? 'unknown', detail: {} } };
    },
  };
}

describe('runTail', () => {
  it('detects in chunks, wraps findings, and counts what the source read', async () => {
    const [a, b] = [keys.openrouter(), keys.agentrouter()];
    const result = await runThrough(
      sourceOf([chunk(`A=${a}\nB=${b}\n`), { kind: 'read', files: 1, bytes: 10 }, { kind: 'read', files: 2, bytes: 5 }]),
    );
    expect(result.findings.map((f) => [f.secret.reveal(), f.line, f.column])).toEqual([
      [a, 1, 3],
      [b, 2, 3],
    ]);
    expect(result.stats).toMatchObject({ files: 3, bytes: 15 });
    expect(result.counts).toMatchObject({ found: 2, shown: 2, files: 1, suppressed: 0 });
    expect(result.verdict).toEqual({ exitCode: 1 });
  });

  it.each([
    { once: undefined, expected: 3 },
    { once: 'fingerprint' as const, expected: 2 },
    { once: 'key' as const, expected: 1 },
  ])('keeps the first finding of each $once ($expected of 3)', async ({ once, expected }) => {
    const key = keys.openrouter();
    const events = [chunk(`k=${key}`, { kind: 'file', path: 'a' }), chunk(`k=${key}`, { kind: 'file', path: 'a' }, 5), chunk(`k=${key}`, { kind: 'file', path: 'b' })];
    const result = await runThrough(sourceOf(events, once ? { once } : {}));
    expect(result.findings).toHaveLength(expected);
  });

  it('suppresses by fingerprint and baseline, and counts what it suppressed', async () => {
    const [ignored, baselined, kept] = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const fingerprint = (key: string) => fingerprintOf('a.env', 'openrouter.api-key', secretHashOf(key));
    const result = await runThrough(sourceOf([chunk(`${ignored}\n${baselined}\n${kept}\n`)]), {
      suppressions: { ignore: { fingerprints: new Set([fingerprint(ignored)]), pathPatterns: [] }, baseline: { fingerprints: new Set([fingerprint(baselined)]) } },
    });
    expect(result.findings.map((f) => f.secret.reveal())).toEqual([kept]);
    expect(result.counts.suppressed).toBe(2);
  });

  it('checks each finding, shows the most urgent first, and counts outcomes', async () => {
    const [dead, live, unknown] = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const verifier = scripted(new Map([[dead, 'invalid'], [live, 'live']]));
    const result = await runThrough(sourceOf([chunk(`${dead}\n${live}\n${unknown}\n`)]), { verifier });
    expect(result.findings.map((f) => f.verification?.status)).toEqual(['live', 'unknown', 'invalid']);
    expect(result.counts.byStatus).toEqual({ live: 1, unknown: 1, invalid: 1 });
    expect(result.verified).toBe(true);
  });

  it('--results chooses what is shown, never the verdict, and says why the exit code is 1 when nothing failing is shown', async () => {
    const dead = keys.openrouter();
    const warnings: string[] = [];
    const result = await runThrough(sourceOf([chunk(dead)]), {
      verifier: scripted(new Map([[dead, 'invalid']])),
      results: new Set(['live']),
      onWarning: (warning) => warnings.push(warning.message),
    });
    expect(result.findings).toEqual([]);
    expect(result.verdict.exitCode).toBe(1);
    expect(result.verdict.why).toMatch(/^exit 1: 1 failing finding not shown/);
    expect(warnings).toEqual(['--results live left out 1 invalid finding']);
  });

  it('under --fail-on live, dead keys shown do not fail the run, and the verdict says so', async () => {
    const dead = keys.openrouter();
    const result = await runThrough(sourceOf([chunk(dead)]), { verifier: scripted(new Map([[dead, 'invalid']])), failOn: 'live' });
    expect(result.findings).toHaveLength(1);
    expect(result.verdict).toEqual({ exitCode: 0, why: 'exit 0: every key found is known dead (--fail-on live)' });
  });

  it.each([
    { name: 'a clean run that could not read everything exits 2', events: [{ kind: 'warning', warning: { path: 'x.gz', message: 'not scanned', kind: 'incomplete' } }], exit: 2 },
    { name: 'findings still exit 1', events: [{ kind: 'warning', warning: { path: 'x.gz', message: 'not scanned', kind: 'incomplete' } }, 'key'], exit: 1 },
    { name: 'a plain warning does not fail', events: [{ kind: 'warning', warning: { path: 'big', message: 'too large' } }], exit: 0 },
  ] as { name: string; events: (SourceEvent | 'key')[]; exit: number }[])('$name', async ({ events, exit }) => {
    const result = await runThrough(sourceOf(events.map((event) => (event === 'key' ? chunk(keys.openrouter()) : event)), { noun: 'log' }));
    expect(result.verdict.exitCode).toBe(exit);
    if (exit === 2) expect(result.verdict.why).toBe('exit 2: not every log could be read to its end (1 warning: x.gz)');
  });

  it('settle sees every finding before any is checked, and only what it keeps is checked', async () => {
    const [old, brought] = [keys.openrouter(), keys.openrouter()];
    const verifier = scripted(new Map([[brought, 'live']]));
    let seenBeforeCheck: string[] = [];
    const source = sourceOf([chunk(`${old}\n${brought}\n`)], {
      settle: async (findings: Finding[]) => {
        seenBeforeCheck = findings.map((f) => f.secret.reveal());
        expect(verifier.calls).toEqual([]);
        return findings.filter((f) => f.secret.reveal() !== old);
      },
    });
    const result = await runThrough(source, { verifier });
    expect(seenBeforeCheck).toEqual([old, brought]);
    expect(verifier.calls).toEqual([brought]);
    expect(result.findings.map((f) => f.secret.reveal())).toEqual([brought]);
  });

  it('hands findings on as they are answered when the source allows it, in order otherwise', async () => {
    const [slow, fast] = [keys.openrouter(), keys.openrouter()];
    const delay = (key: string) => (key === slow ? 60 : 1);
    for (const unordered of [true, false]) {
      const handed: string[] = [];
      await runThrough(sourceOf([chunk(`${slow}\n${fast}\n`)], { unordered }), {
        verifier: scripted(new Map(), delay),
        keep: false,
        onFinding: (finding) => void handed.push(finding.secret.reveal()),
      });
      expect(handed).toEqual(unordered ? [fast, slow] : [slow, fast]);
    }
  });

  it('measures its duration, verification included, with the clock it is given', async () => {
    let now = 0;
    const result = await runThrough(sourceOf([chunk(keys.openrouter())]), { clock: () => (now += 40) });
    expect(result.stats.durationMs).toBe(40);
  });
});
