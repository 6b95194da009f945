import { createHash } from 'node:crypto';
import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact, Secret } from '../../src/core/secret.js';
import type { Origin } from '../../src/core/types.js';
import { fingerprintOf, secretHashOf, toFinding, toWire } from '../../src/detect/finding.js';
import { builtin, detectText } from '../helpers/engine.js';
import { keyFactory, keyKinds, prefixes } from '../helpers/keys.js';

const keys = keyFactory(0x66696e64);
const or = keys.openrouter();

function findingFor(text: string, path = 'src/client.ts') {
  const [match] = detectText(text);
  if (!match) throw new Error('no key found');
  const rule = builtin().engine.rules.find((r) => r.id === match.rule.id);
  if (!rule) throw new Error('no rule');
  const origin: Origin = { kind: 'file', path };
  return toFinding(toWire(match, origin), rule);
}

describe('Secret never shows the raw key by accident', () => {
  const secret = new Secret(or, prefixes.openrouter);
  const finding = findingFor(`const k = "${or}";`);
  const body = or.slice(prefixes.openrouter.length);

  it.each([
    ['String()', () => String(secret)],
    ['a template literal', () => `${secret}`],
    ['string concatenation', () => 'key: ' + secret],
    ['JSON.stringify', () => JSON.stringify(secret)],
    ['JSON.stringify of a finding', () => JSON.stringify(finding)],
    ['JSON.stringify of a finding, pretty', () => JSON.stringify({ findings: [finding] }, null, 2)],
    ['util.inspect', () => inspect(secret)],
    ['util.inspect of a finding, any depth', () => inspect(finding, { depth: Infinity, showHidden: true })],
    ['util.format %s %o %O %j', () => format('%s %o %O %j', secret, secret, finding, finding)],
    ['an Error message', () => new Error(`bad ${secret}`).message],
    ['Object.entries', () => JSON.stringify(Object.entries(secret))],
    ['a spread copy', () => JSON.stringify({ ...secret })],
  ])('%s', (_name, render) => {
    const text = render();
    expect(text).not.toContain(or);
    expect(text).not.toContain(body.slice(4, -4));
    expect(text).toContain(secret.redacted);
  });

  it('reveal() is the only way to the raw key', () => {
    expect(secret.reveal()).toBe(or);
    expect(finding.secret.reveal()).toBe(or);
  });

  it('a finding carries the rule, location and redacted key', () => {
    expect(finding).toMatchObject({
      ruleId: 'openrouter.api-key',
      provider: 'openrouter',
      severity: 'high',
      origin: { kind: 'file', path: 'src/client.ts' },
      line: 1,
      column: 12,
      endColumn: 85,
    });
    expect(finding.encoding).toBeUndefined();
  });
});

describe('redact keeps the prefix and at most four characters at each end of the body', () => {
  it.each(keyKinds)('%s keys of every length', (kind) => {
    const prefix = prefixes[kind];
    const lengths = kind === 'openrouter' ? [64] : [16, 17, 23, 24, 25, 32, 64, 128];
    for (const length of lengths) {
      const body = kind === 'openrouter' ? keys.body('hex', 64) : keys.body('alnum', length);
      const redacted = redact(prefix + body, prefix);
      const match = /^(.*?)([A-Za-z0-9]*)…([A-Za-z0-9]*)$/.exec(redacted);
      expect(match?.[1]).toBe(prefix);
      const head = match?.[2] ?? '';
      const tail = match?.[3] ?? '';
      expect(head.length).toBeLessThanOrEqual(4);
      expect(tail.length).toBeLessThanOrEqual(4);
      expect(body.startsWith(head)).toBe(true);
      expect(body.endsWith(tail)).toBe(true);
      expect(head.length + tail.length).toBeLessThanOrEqual(body.length / 2);
    }
  });

  it.each([
    { raw: 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', prefix: 'sk-or-v1-', redacted: 'sk-or-v1-0123…cdef' },
    { raw: 'sk-ar-ABCDEFGHIJKLMNOP', prefix: 'sk-ar-', redacted: 'sk-ar-ABCD…MNOP' }, // keywarden:allow (a deliberate fake: a sequence)
    { raw: 'sk-ar-ABCDEFGH', prefix: 'sk-ar-', redacted: 'sk-ar-AB…GH' },
    { raw: 'sk-ar-ABC', prefix: 'sk-ar-', redacted: 'sk-ar-…' },
    { raw: 'no-prefix-here', prefix: 'sk-ar-', redacted: 'no-…ere' },
  ])('$raw → $redacted', ({ raw, prefix, redacted }) => {
    expect(redact(raw, prefix)).toBe(redacted);
  });
});

describe('secretHash and fingerprint', () => {
  it('secretHash is sha256: + lowercase hex of SHA-256 over the raw key', () => {
    for (const kind of keyKinds) {
      const key = keys.of(kind);
      const expected = `sha256:${createHash('sha256').update(Buffer.from(key, 'utf8')).digest('hex')}`;
      expect(secretHashOf(key)).toBe(expected);
      expect(secretHashOf(key)).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(findingFor(`k=${key}`).secretHash).toBe(expected);
    }
  });

  it('is path:ruleId:first 16 hex of the hash', () => {
    const finding = findingFor(`k=${or}`, 'config/.env');
    expect(finding.fingerprint).toBe(`config/.env:openrouter.api-key:${finding.secretHash.slice(7, 23)}`);
    expect(fingerprintOf('a/b.ts', 'x.y', 'sha256:0123456789abcdef0123')).toBe('a/b.ts:x.y:0123456789abcdef');
  });

  it('does not change when lines are added above the key or the key moves on its line', () => {
    const a = findingFor(`K=${or}\n`);
    const b = findingFor(`# comment\n\n\nexport   K="${or}"\n`);
    expect([a.line, b.line]).toEqual([1, 4]);
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('changes with the key, so another key at an ignored place is still reported', () => {
    const other = keys.openrouter();
    expect(findingFor(`K=${other}`).fingerprint).not.toBe(findingFor(`K=${or}`).fingerprint);
  });

  it('changes with the path', () => {
    expect(findingFor(`K=${or}`, 'a.env').fingerprint).not.toBe(findingFor(`K=${or}`, 'b.env').fingerprint);
  });

  it('never contains the raw key', () => {
    expect(findingFor(`K=${or}`).fingerprint).not.toContain(or.slice(9));
  });
});

describe('toWire keeps the raw key as plain data for a thread boundary, toFinding wraps it again', () => {
  it('round-trips through structuredClone', () => {
    const [match] = detectText(`x: ${or}`);
    if (!match) throw new Error('no key');
    const wire = structuredClone(toWire(match, { kind: 'file', path: 'x.yaml' }));
    expect(wire).toEqual({ ruleId: 'openrouter.api-key', key: or, origin: { kind: 'file', path: 'x.yaml' }, line: 1, column: 4, endColumn: 77 });
    const rule = builtin().engine.rules.find((r) => r.id === wire.ruleId);
    if (!rule) throw new Error('no rule');
    const finding = toFinding(wire, rule);
    expect(finding.secret).toBeInstanceOf(Secret);
    expect(finding.secret.reveal()).toBe(or);
  });

  it('keeps the base64 encoding mark', () => {
    const [match] = detectText(`x: ${Buffer.from(or).toString('base64')}`);
    if (!match) throw new Error('no key');
    expect(toWire(match, { kind: 'file', path: 'x' }).encoding).toBe('base64');
  });
});
