import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import sqlite from 'node-sqlite3-wasm';
import { UsageError } from '../core/errors.js';

/**
 * The durable store of `serve` (SPEC §6): one SQLite file, through node-sqlite3-wasm (SQLite
 * compiled to WebAssembly with a VFS over node's fs: it installs with no download and no
 * compiler; see docs/DESIGN.md "serve: the store"). The only file that knows SQL.
 *
 * An alert is committed (synchronous=FULL) before it is answered. A token row is keyed by
 * sha256(token): a duplicate or replayed alert adds its place (alert_tokens) but never a second
 * token to act on. The raw token lives only sealed (AES-256-GCM, sealed.ts) and only while the
 * token is open; `secure_delete` overwrites what is erased.
 *
 * A token moves `pending` → `checked` (verified, revoked when asked: what it came to is kept,
 * so a restart does not act again) → `done` (told; the sealed token erased). A token no rule
 * matches is `done` at once and its value never stored.
 */

const { Database } = sqlite;
type Db = InstanceType<typeof Database>;

export type TokenState = 'pending' | 'checked' | 'done';

/** One token of an alert as it is accepted. */
export interface AcceptedToken {
  /** sha256 hex of the token. */
  hash: string;
  /** Undefined for a token no rule matches: its value is never stored. */
  sealed?: Buffer;
  ruleId?: string;
  type: string;
  url: string;
  source: string;
}

/** What the worker needs of an open token. */
export interface OpenToken {
  hash: string;
  sealed: Uint8Array | null;
  ruleId: string;
  state: 'pending' | 'checked';
  attempts: number;
  wasLive: boolean;
  /** The json-report finding without its key, once checked (what notify tells). */
  told?: string;
  /** The first alert's url and source, for the notice. */
  url: string;
}

/** What the answer's feedback is made of, per token. */
export interface TokenStatus {
  hash: string;
  ruleId: string | null;
  state: TokenState;
  verification: string | null;
  revocation: string | null;
  wasLive: boolean;
}

export interface CheckedResult {
  verification: string;
  revocation?: string;
  /** The notice's finding for this token (no raw key). */
  told?: string;
}

/** Each migration once, in order; `user_version` says how many have run. Append, never edit. */
const migrations: readonly string[] = [
  `CREATE TABLE alerts (
     id INTEGER PRIMARY KEY,
     discloser TEXT NOT NULL,
     received_at INTEGER NOT NULL,
     body_sha256 TEXT NOT NULL,
     token_count INTEGER NOT NULL
   );
   CREATE TABLE tokens (
     hash TEXT PRIMARY KEY,
     sealed BLOB,
     rule_id TEXT,
     state TEXT NOT NULL CHECK (state IN ('pending', 'checked', 'done')),
     verification TEXT,
     revocation TEXT,
     was_live INTEGER NOT NULL DEFAULT 0,
     told TEXT,
     notified TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL DEFAULT 0,
     accepted_at INTEGER NOT NULL,
     finished_at INTEGER,
     last_error TEXT
   );
   CREATE INDEX tokens_open ON tokens (next_attempt_at) WHERE state != 'done';
   CREATE TABLE alert_tokens (
     alert_id INTEGER NOT NULL REFERENCES alerts (id),
     position INTEGER NOT NULL,
     token_hash TEXT NOT NULL REFERENCES tokens (hash),
     type TEXT NOT NULL,
     url TEXT NOT NULL,
     source TEXT NOT NULL,
     PRIMARY KEY (alert_id, position)
   );
   CREATE INDEX alert_tokens_by_token ON alert_tokens (token_hash);`,
];

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number => (typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0);

/** Whether a process with this id runs (and is not this one: in a container the restarted server may get its predecessor's pid). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Make this process the store's one owner: `FILE.owner` holds its pid. A file naming a process
 * that still runs is a second server on the same store: refused. Otherwise the previous owner
 * died (kill -9, a crash), and the wasm VFS's own lock (a `FILE.lock` directory, made and
 * removed around each transaction) may still be there: it is removed, so SQLite sees the
 * journal the dead owner left as hot and rolls its half-written transaction back.
 */
function takeOwnership(file: string): string {
  const owner = `${file}.owner`;
  let previous: number | undefined;
  try {
    previous = Number(readFileSync(owner, 'utf8').trim());
  } catch {
    previous = undefined;
  }
  if (previous !== undefined && isRunning(previous)) throw new UsageError(`--store ${file}: in use by another keywarden serve (pid ${previous}); one server per store`);
  const fd = openSync(owner, 'w', 0o600);
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  rmSync(`${file}.lock`, { recursive: true, force: true });
  return owner;
}

export class Store {
  readonly #db: Db;
  readonly #owner: string;

  private constructor(db: Db, owner: string) {
    this.#db = db;
    this.#owner = owner;
  }

  /** Open (creating) FILE and bring its schema up to date; a usage error when it cannot be opened, is in use, or is newer than this version. */
  static open(file: string): Store {
    let db: Db;
    let owner: string;
    try {
      owner = takeOwnership(file);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--store ${file}: cannot take it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
      db = new Database(file);
    } catch (error) {
      rmSync(owner, { force: true });
      throw new UsageError(`--store ${file}: cannot open it as a SQLite database (${error instanceof Error ? error.message : String(error)})`);
    }
    const store = new Store(db, owner);
    try {
      // The wasm VFS has no shared memory, so no WAL: a rollback journal, synced before each commit returns.
      // Its lock is a directory made and removed around every statement (measured: most of the store's time);
      // this process owns the store alone (takeOwnership), so it takes the lock once and keeps it.
      db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON;');
      store.#migrate(file);
    } catch (error) {
      store.close();
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--store ${file}: cannot open it as a SQLite database (${error instanceof Error ? error.message : String(error)})`);
    }
    return store;
  }

  #migrate(file: string): void {
    const version = num(this.#db.get('PRAGMA user_version')?.user_version);
    if (version > migrations.length) throw new UsageError(`--store ${file}: made by a newer keywarden (schema ${version}, this one knows ${migrations.length})`);
    migrations.slice(version).forEach((sql, index) => this.#transaction(() => this.#db.exec(`${sql}; PRAGMA user_version = ${version + index + 1};`)));
  }

  /** Several writes in one commit (one sync of the file instead of one each). */
  transaction<T>(work: () => T): T {
    return this.#transaction(work);
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Commit an alert and its tokens in one transaction; returns the alert's id. A token already known keeps its row. */
  accept(alert: { discloser: string; receivedAt: number; bodySha256: string; tokens: readonly AcceptedToken[] }): number {
    return this.#transaction(() => {
      const id = num(this.#db.run('INSERT INTO alerts (discloser, received_at, body_sha256, token_count) VALUES (?, ?, ?, ?)', [alert.discloser, alert.receivedAt, alert.bodySha256, alert.tokens.length]).lastInsertRowid);
      alert.tokens.forEach((token, position) => {
        const open = token.ruleId !== undefined && token.sealed !== undefined;
        this.#db.run(
          `INSERT INTO tokens (hash, sealed, rule_id, state, accepted_at, finished_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
          [token.hash, open ? (token.sealed ?? null) : null, token.ruleId ?? null, open ? 'pending' : 'done', alert.receivedAt, open ? null : alert.receivedAt],
        );
        this.#db.run('INSERT INTO alert_tokens (alert_id, position, token_hash, type, url, source) VALUES (?, ?, ?, ?, ?, ?)', [id, position, token.hash, token.type, token.url, token.source]);
      });
      return id;
    });
  }

  /** Open tokens whose next attempt is due at `now` (ms), oldest first, at most `limit`, leaving out `busy`. */
  due(now: number, limit: number, busy: ReadonlySet<string>): OpenToken[] {
    const rows = this.#db.all(
      `SELECT t.hash, t.sealed, t.rule_id, t.state, t.attempts, t.was_live, t.told,
              (SELECT url FROM alert_tokens a WHERE a.token_hash = t.hash ORDER BY a.alert_id, a.position LIMIT 1) AS url
         FROM tokens t WHERE t.state != 'done' AND t.next_attempt_at <= ? ORDER BY t.accepted_at, t.hash LIMIT ?`,
      [now, limit + busy.size],
    );
    return rows
      .map((row) => ({
        hash: str(row.hash) ?? '',
        sealed: row.sealed instanceof Uint8Array ? row.sealed : null,
        ruleId: str(row.rule_id) ?? '',
        state: row.state === 'checked' ? ('checked' as const) : ('pending' as const),
        attempts: num(row.attempts),
        wasLive: num(row.was_live) === 1,
        ...(str(row.told) !== null ? { told: str(row.told) ?? '' } : {}),
        url: str(row.url) ?? '',
      }))
      .filter((token) => !busy.has(token.hash))
      .slice(0, limit);
  }

  /** When the next open token is due (ms), or undefined when none is open. */
  nextDue(): number | undefined {
    const row = this.#db.get(`SELECT MIN(next_attempt_at) AS at FROM tokens WHERE state != 'done'`);
    return row?.at === null || row?.at === undefined ? undefined : num(row.at);
  }

  /**
   * The live check called the token live: kept before any revoke request is sent, so a restart
   * knows it was live even once revoked. Written through to the OS but not synced to the disk
   * (one fsync per live key was the store's largest cost under load): it survives the process
   * dying (kill -9), and a power cut can only cost a revoked key its `true_positive` label.
   */
  markLive(hash: string): void {
    this.#db.exec('PRAGMA synchronous = OFF');
    try {
      this.#db.run('UPDATE tokens SET was_live = 1 WHERE hash = ?', [hash]);
    } finally {
      this.#db.exec('PRAGMA synchronous = FULL');
    }
  }

  /** Verified (and revoked when asked): what it came to, so a restart only tells. */
  markChecked(hash: string, result: CheckedResult): void {
    this.#db.run(`UPDATE tokens SET state = 'checked', verification = ?, revocation = ?, told = ?, last_error = NULL WHERE hash = ? AND state = 'pending'`, [result.verification, result.revocation ?? null, result.told ?? null, hash]);
  }

  /** Try again at `at` (ms): the provider could not tell, or the revocation failed. */
  retryLater(hash: string, at: number, why: string, known: { verification: string; revocation?: string }): void {
    this.#db.run('UPDATE tokens SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, verification = ?, revocation = ? WHERE hash = ?', [at, why, known.verification, known.revocation ?? null, hash]);
  }

  /** Put an open token off until `at` (ms) without touching what is known of it: its batch failed as a whole. */
  putOff(hash: string, at: number, why: string): void {
    this.#db.run(`UPDATE tokens SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE hash = ? AND state != 'done'`, [at, why, hash]);
  }

  /** Done: told (or not, `notified` says), the sealed token erased. */
  finish(hash: string, at: number, notified: string): void {
    this.#db.run(`UPDATE tokens SET state = 'done', sealed = NULL, told = NULL, notified = ?, finished_at = ? WHERE hash = ?`, [notified, at, hash]);
  }

  /** Where each of these tokens stands, for the answer's feedback. */
  statuses(hashes: readonly string[]): Map<string, TokenStatus> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return new Map();
    const rows = this.#db.all(`SELECT hash, rule_id, state, verification, revocation, was_live FROM tokens WHERE hash IN (${unique.map(() => '?').join(', ')})`, unique);
    return new Map(
      rows.map((row) => {
        const status: TokenStatus = { hash: str(row.hash) ?? '', ruleId: str(row.rule_id), state: (str(row.state) ?? 'pending') as TokenState, verification: str(row.verification), revocation: str(row.revocation), wasLive: num(row.was_live) === 1 };
        return [status.hash, status];
      }),
    );
  }

  /** Tokens per state, for /healthz and /metrics. */
  countByState(): Record<TokenState, number> {
    const counts: Record<TokenState, number> = { pending: 0, checked: 0, done: 0 };
    for (const row of this.#db.all('SELECT state, COUNT(*) AS n FROM tokens GROUP BY state')) counts[(str(row.state) ?? 'pending') as TokenState] = num(row.n);
    return counts;
  }

  close(): void {
    if (!this.#db.isOpen) return;
    this.#db.close();
    rmSync(this.#owner, { force: true });
  }
}
