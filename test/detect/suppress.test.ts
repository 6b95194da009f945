import { describe, expect, it } from 'vitest';
import type { Finding, Origin } from '../../src/core/types.js';
import { toFinding, toWire } from '../../src/detect/finding.js';
import { applySuppressions, parseIgnoreFile, type Baseline } from '../../src/detect/suppress.js';
import { renderJson } from '../../src/report/json.js';
import { parseReport } from '../../src/report/schema.js';
import { builtin, detectText } from '../helpers/engine.js';
import { keyFactory } from '../helpers/keys.js';

const keys = keyFactory(0x73757070);

/** A baseline as `--baseline` makes one: a json report of these findings, read back by the report reader. */
function baselineOf(findings: Finding[]): Baseline {
  const text = renderJson({ findings, warnings: [], stats: { files: 1, bytes: 1, durationMs: 1 } }, { toolVersion: '0.1.0', showSecrets: false });
  return { fingerprints: new Set(parseReport(JSON.parse(text)).findings.map((finding) => finding.fingerprint)) };
}

function findingsIn(path: string, text: string): Finding[] {
  const origin: Origin = { kind: 'file', path };
  return detectText(text).map((match) => {
    const rule = builtin().engine.rules.find((r) => r.id === match.rule.id);
    if (!rule) throw new Error('no rule');
    return toFinding(toWire(match, origin), rule);
  });
}

describe('parseIgnoreFile (.keywardenignore)', () => {
  it('separates fingerprints from path globs, skipping comments and blank lines', () => {
    const list = parseIgnoreFile(
      [
        '# fixtures with fake keys',
        'test/fixtures/**',
        '',
        '   ',
        'src/client.ts:openrouter.api-key:0123456789abcdef',
        '  docs/*.md  ',
        'C:/odd:path.ts:tokenrouter.live-key:fedcba9876543210',
        '# src/other.ts:openrouter.api-key:0123456789abcdef',
        '!keep.env',
      ].join('\r\n'),
    );
    expect([...list.fingerprints]).toEqual(['src/client.ts:openrouter.api-key:0123456789abcdef', 'C:/odd:path.ts:tokenrouter.live-key:fedcba9876543210']);
    expect(list.pathPatterns).toEqual(['test/fixtures/**', 'docs/*.md', '!keep.env']);
  });

  it.each([
    ['src/a.ts:openrouter.api-key:0123456789ABCDEF', 'path'], // upper-case hex is not a fingerprint
    ['src/a.ts:openrouter.api-key:0123456789abcde', 'path'], // 15 hex
    ['src/a.ts:openrouter:0123456789abcdef', 'path'], // rule id without a dot
    ['a.ts:agentrouter.api-key:00112233445566ff', 'fingerprint'],
  ])('%s is a %s', (line, kind) => {
    const list = parseIgnoreFile(line);
    expect(kind === 'fingerprint' ? [...list.fingerprints] : list.pathPatterns).toEqual([line]);
  });

  it('an empty file ignores nothing', () => {
    expect(parseIgnoreFile('')).toEqual({ fingerprints: new Set(), pathPatterns: [] });
  });
});

describe('applySuppressions', () => {
  const a = keys.openrouter();
  const b = keys.agentrouter();
  const c = keys.tokenrouterLive();
  const findings = [...findingsIn('src/a.ts', `A=${a}\nB=${b}`), ...findingsIn('src/c.ts', `C=${c}`)];
  const [fa, fb, fc] = findings;
  if (!fa || !fb || !fc) throw new Error('fixture');

  it.each([
    { name: 'nothing', suppressions: {}, kept: [fa, fb, fc] },
    { name: 'an ignored fingerprint', suppressions: { ignore: { fingerprints: new Set([fb.fingerprint]), pathPatterns: [] } }, kept: [fa, fc] },
    { name: 'a baseline', suppressions: { baseline: { fingerprints: new Set([fa.fingerprint, fc.fingerprint]) } }, kept: [fb] },
    {
      name: 'both',
      suppressions: { ignore: { fingerprints: new Set([fa.fingerprint]), pathPatterns: [] }, baseline: { fingerprints: new Set([fb.fingerprint]) } },
      kept: [fc],
    },
    { name: 'path patterns (applied when listing files, not here)', suppressions: { ignore: { fingerprints: new Set<string>(), pathPatterns: ['src/**'] } }, kept: [fa, fb, fc] },
  ])('$name', ({ suppressions, kept }) => {
    const result = applySuppressions(findings, suppressions);
    expect(result.kept).toEqual(kept);
    expect(result.suppressed).toBe(findings.length - kept.length);
  });

  it('a baseline made from a json report suppresses the same key after lines moved', () => {
    const moved = findingsIn('src/a.ts', `// new header\n\nA=${a}\nB=${b}`);
    const result = applySuppressions(moved, { baseline: baselineOf([fa]) });
    expect(result.kept.map((f) => f.secret.reveal())).toEqual([b]);
    expect(result.suppressed).toBe(1);
  });

  it('a baseline does not suppress a new key at the same place', () => {
    const replaced = findingsIn('src/a.ts', `A=${keys.openrouter()}`);
    expect(applySuppressions(replaced, { baseline: baselineOf([fa]) }).kept).toHaveLength(1);
  });
});
