/**
 * The store of `serve` (src/serve/store.ts) on a real SQLite file: an alert is committed whole,
 * a token is one row however many alerts hold it, its value is kept only sealed and erased once
 * done, what was decided survives a reopen, and a file from a newer schema is refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seal, storeKeyFrom, unseal } from '../../src/serve/sealed.js';
import { Store, type AcceptedToken } from '../../src/serve/store.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(2026120515);
const storeKey = Buffer.alloc(32, 7);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function accepted(token: string, matched = true): AcceptedToken {
  const hash = sha(token);
  return { hash, type: 'openrouter_api_key', url: 'https://github.com/acme/widgets/blob/0123456789abcdef/config.js', source: 'content', ...(matched ? { ruleId: 'openrouter.api-key', sealed: seal(storeKey, token, hash) } : {}) };
}

const alert = (tokens: AcceptedToken[], receivedAt = 1000) => ({ discloser: 'github', receivedAt, bodySha256: sha(JSON.stringify(tokens.map((t) => t.hash))), tokens });

describe('serve store', () => {
  it('keeps one row per token hash however many alerts carry it, and hands each open token out once', () => {
    const file = join(makeTmpDir('store'), 'serve.db');
    const store = Store.open(file);
    const key = keys.openrouter();
    store.accept(alert([accepted(key)]));
    store.accept(alert([accepted(key), accepted(keys.openrouter())], 2000));
    const due = store.due(5000, 10, new Set());
    expect(due.map((token) => token.hash)).toEqual([sha(key), expect.any(String)]);
    expect(unseal(storeKey, due[0]?.sealed ?? new Uint8Array(), sha(key))).toBe(key);
    expect(store.due(5000, 10, new Set([sha(key)])).map((token) => token.hash)).not.toContain(sha(key));
    store.close();
  });

  it('never stores a token no rule matches, and answers it done at once', () => {
    const dir = makeTmpDir('store');
    const store = Store.open(join(dir, 'serve.db'));
    const notAKey = `not-a-key-${keys.chars('alnum', 30)}`;
    store.accept(alert([accepted(notAKey, false)]));
    expect(store.statuses([sha(notAKey)]).get(sha(notAKey))).toMatchObject({ state: 'done', ruleId: null });
    expect(store.due(5000, 10, new Set())).toEqual([]);
    store.close();
  });

  it('erases the sealed token when done, keeps what it came to across a reopen, and leaves no token in the file', () => {
    const file = join(makeTmpDir('store'), 'serve.db');
    const key = keys.openrouter();
    const hash = sha(key);
    let store = Store.open(file);
    store.accept(alert([accepted(key)]));
    store.markLive(hash);
    store.markChecked(hash, { verification: 'invalid', revocation: 'revoked', told: '{}' });
    store.close();
    store = Store.open(file);
    expect(store.due(5000, 10, new Set())).toMatchObject([{ hash, state: 'checked', wasLive: true, told: '{}' }]);
    store.finish(hash, 6000, 'webhook:sent');
    expect(store.due(5000, 10, new Set())).toEqual([]);
    expect(store.statuses([hash]).get(hash)).toEqual({ hash, ruleId: 'openrouter.api-key', state: 'done', verification: 'invalid', revocation: 'revoked', wasLive: true });
    expect(store.countByState()).toEqual({ pending: 0, checked: 0, done: 1 });
    store.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(key))).toBe(false);
    expect(bytes.includes(Buffer.from(key.slice(-24)))).toBe(false);
  });

  it('puts a token off until its retry is due', () => {
    const store = Store.open(join(makeTmpDir('store'), 'serve.db'));
    const key = keys.openrouter();
    store.accept(alert([accepted(key)]));
    store.retryLater(sha(key), 9000, 'the live check could not tell', { verification: 'unknown' });
    expect(store.due(8999, 10, new Set())).toEqual([]);
    expect(store.nextDue()).toBe(9000);
    expect(store.due(9000, 10, new Set())).toMatchObject([{ hash: sha(key), attempts: 1, state: 'pending' }]);
    store.close();
  });

  it('refuses a file made by a newer schema, and a file that is not SQLite', async () => {
    const dir = makeTmpDir('store');
    const file = join(dir, 'serve.db');
    Store.open(file).close();
    const { default: sqlite } = await import('node-sqlite3-wasm');
    const db = new sqlite.Database(file);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => Store.open(file)).toThrow(/made by a newer keywarden \(schema 99/);
    const junk = join(dir, 'junk.db');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(junk, 'this is not a database, just text that goes on for a while '.repeat(20));
    expect(() => Store.open(junk)).toThrow(/--store .*junk\.db: cannot open it as a SQLite database/);
  });
});

describe('KEYWARDEN_STORE_KEY and sealed tokens', () => {
  it.each([
    [undefined, /KEYWARDEN_STORE_KEY is not set/],
    ['', /KEYWARDEN_STORE_KEY is not set/],
    ['abc', /not 64 hex characters/],
    ['g'.repeat(64), /not 64 hex characters/],
    ['a'.repeat(63), /not 64 hex characters/],
  ])('refuses %j', (value, message) => {
    expect(() => storeKeyFrom(value === undefined ? {} : { KEYWARDEN_STORE_KEY: value })).toThrow(message);
  });

  it('opens only under the same key and for the same row', () => {
    const key = storeKeyFrom({ KEYWARDEN_STORE_KEY: 'ab'.repeat(32) });
    const token = keys.openrouter();
    const sealed = seal(key, token, 'row-1');
    expect(sealed.includes(Buffer.from(token))).toBe(false);
    expect(unseal(key, sealed, 'row-1')).toBe(token);
    expect(unseal(key, sealed, 'row-2')).toBeUndefined();
    expect(unseal(Buffer.alloc(32, 1), sealed, 'row-1')).toBeUndefined();
    expect(unseal(key, sealed.subarray(0, 20), 'row-1')).toBeUndefined();
  });
});

describe('one owner per store', () => {
  it('refuses a store another running process owns, and takes over one whose owner died (its lock left behind)', async () => {
    const { mkdirSync, writeFileSync, existsSync } = await import('node:fs');
    const { spawn } = await import('node:child_process');
    const file = join(makeTmpDir('store'), 'serve.db');
    Store.open(file).close();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${file}.owner`, `${other.pid}\n`);
      expect(() => Store.open(file)).toThrow(new RegExp(`in use by another keywarden serve \\(pid ${other.pid}\\)`));
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.on('close', resolve));
    }
    // The owner is gone, and SQLite's lock directory from its last transaction is still there.
    mkdirSync(`${file}.lock`);
    const store = Store.open(file);
    expect(store.countByState()).toEqual({ pending: 0, checked: 0, done: 0 });
    expect(readFileSync(`${file}.owner`, 'utf8').trim()).toBe(String(process.pid));
    store.close();
    expect(existsSync(`${file}.owner`)).toBe(false);
  });
});
