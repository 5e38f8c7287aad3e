import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { KINDS, type ErrorClass, type Kind, type PriorityLevel, type State } from './constants.ts';
import { CannotDecrypt, open, seal, type Keyring } from './encryption.ts';
import { cryptoRandom, type RandomSource } from './random.ts';
import { newReference } from './reference.ts';

/**
 * The outbox: every accepted request is one row, written in one transaction before the browser is
 * told it worked. Personal data is sealed (AES-256-GCM) and erased once delivered; the rest of the
 * row is kept for the retention period so operators can answer "did IMHA-… arrive?".
 *
 * Several processes may share the file: writes happen in BEGIN IMMEDIATE transactions, and delivery
 * claims rows with a lease so each row has at most one sender at a time.
 */

const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  id               INTEGER PRIMARY KEY,
  reference        TEXT    NOT NULL UNIQUE,
  submission_token TEXT    NOT NULL UNIQUE,
  kind             TEXT    NOT NULL CHECK (kind IN (${KINDS.map((kind) => `'${kind}'`).join(', ')})),
  priority         TEXT    NOT NULL CHECK (priority IN ('urgent', 'soon', 'routine')),
  state            TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'stuck')),
  key_id           TEXT,
  sealed           BLOB,
  created_at       INTEGER NOT NULL,
  window_start     INTEGER NOT NULL,
  next_attempt_at  INTEGER NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  lease_owner      TEXT,
  lease_expires_at INTEGER,
  last_error       TEXT,
  last_status      INTEGER,
  message_id       TEXT,
  delivered_at     INTEGER,
  CHECK ((sealed IS NULL) = (key_id IS NULL)),
  CHECK (state <> 'delivered' OR sealed IS NULL)
) STRICT;
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
`;

/**
 * Version 1 allowed two kinds; SQLite cannot change a CHECK in place, so the table is rebuilt with
 * the same rows (inside the caller's transaction: all or nothing).
 */
const FROM_VERSION_1 = `
ALTER TABLE outbox RENAME TO outbox_v1;
DROP INDEX IF EXISTS outbox_due;
${SCHEMA}
INSERT INTO outbox SELECT * FROM outbox_v1;
DROP TABLE outbox_v1;
`;

export interface AcceptInput {
  kind: Kind;
  submissionToken: string;
  priority: PriorityLevel;
  /** The personal data as text (JSON); sealed with the reference as additional data. */
  personal: string;
  now: number;
}

export interface Accepted {
  reference: string;
  /** True when this token was accepted before: nothing new was stored. */
  duplicate: boolean;
}

export interface Claimed {
  id: number;
  reference: string;
  kind: Kind;
  priority: PriorityLevel;
  /** Including this one. */
  attempts: number;
  createdAt: number;
  /** When the current retry window began: creation, or the operator's last requeue. */
  windowStart: number;
  /** The opened personal data, or null when it cannot be opened (unknown key, tampering). */
  personal: string | null;
}

export interface RowSummary {
  reference: string;
  kind: Kind;
  priority: PriorityLevel;
  state: State;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastError: ErrorClass | null;
  lastStatus: number | null;
}

export interface Stats {
  pending: number;
  stuck: number;
  /** created_at of the oldest pending row, or null when none is pending. */
  oldestPendingCreatedAt: number | null;
}

export interface Confirmation {
  reference: string;
  kind: Kind;
  createdAt: number;
}

export type RequeueResult = 'requeued' | 'not-found' | 'delivered';

export interface Outbox {
  readonly path: string;
  accept(input: AcceptInput): Accepted;
  /** Several requests in one transaction (one disk sync): all are stored, or none and it throws. */
  acceptMany(inputs: readonly AcceptInput[]): Accepted[];
  claimDue(input: { owner: string; now: number; leaseMs: number; limit: number }): Claimed[];
  markDelivered(id: number, owner: string, input: { now: number; messageId: string | null }): boolean;
  markRetry(id: number, owner: string, input: { nextAttemptAt: number; errorClass: ErrorClass; status: number | null }): boolean;
  markStuck(id: number, owner: string, input: { errorClass: ErrorClass; status: number | null }): boolean;
  /** Deletes delivered rows older than the retention period; returns how many. */
  sweep(input: { now: number; retentionMs: number }): number;
  stats(): Stats;
  list(limit?: number): RowSummary[];
  /** Makes a stuck or waiting row due now, with a fresh retry window. */
  requeue(reference: string, now: number): RequeueResult;
  /** Requeues every stuck row (or, with dryRun, only says which). */
  requeueStuck(now: number, dryRun: boolean): string[];
  findConfirmation(reference: string): Confirmation | null;
  close(): void;
}

export interface OutboxOptions {
  path: string;
  /** Needed to accept and to deliver; operator commands that only list or requeue can pass null. */
  keyring: Keyring | null;
  random?: RandomSource;
  /** How long to wait for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v);

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message) && error.message.includes(`outbox.${column}`);
}

/** Creates the file owner-only before SQLite does; SQLite gives its -wal and -shm files the same mode. */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}

export function openOutbox(options: OutboxOptions): Outbox {
  const { path, random = cryptoRandom } = options;
  const keys = (): Keyring => {
    if (options.keyring === null) throw new Error('this outbox was opened without an encryption key');
    return options.keyring;
  };
  createPrivateFile(path);
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  // Freed pages are zeroed, so erased ciphertext does not linger in the file.
  db.exec('PRAGMA secure_delete = ON');
  inTransaction(db, () => {
    const version = num((db.prepare('PRAGMA user_version').get() as Row)['user_version']);
    if (version > SCHEMA_VERSION) throw new Error(`${path} was written by a newer version (schema ${version})`);
    db.exec(version === 1 ? FROM_VERSION_1 : SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  });

  const stmt = (sql: string): StatementSync => db.prepare(sql);
  const byToken = stmt('SELECT reference FROM outbox WHERE submission_token = ?');
  const insert = stmt(
    `INSERT INTO outbox (reference, submission_token, kind, priority, key_id, sealed, created_at, window_start, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const claim = stmt(
    `UPDATE outbox
        SET lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1
      WHERE id IN (SELECT id FROM outbox
                    WHERE state = 'pending' AND next_attempt_at <= ?
                      AND (lease_expires_at IS NULL OR lease_expires_at <= ?)
                    ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END, next_attempt_at, id
                    LIMIT ?)
      RETURNING id, reference, kind, priority, attempts, created_at, window_start, key_id, sealed`,
  );
  const delivered = stmt(
    `UPDATE outbox
        SET state = 'delivered', delivered_at = ?, message_id = ?, sealed = NULL, key_id = NULL,
            lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = ?, last_error = NULL, last_status = NULL
      WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
  );
  const retry = stmt(
    `UPDATE outbox
        SET next_attempt_at = ?, last_error = ?, last_status = ?, lease_owner = NULL, lease_expires_at = NULL
      WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
  );
  const stuck = stmt(
    `UPDATE outbox
        SET state = 'stuck', last_error = ?, last_status = ?, lease_owner = NULL, lease_expires_at = NULL
      WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
  );
  const sweep = stmt(`DELETE FROM outbox WHERE state = 'delivered' AND delivered_at <= ?`);
  const stats = stmt(
    `SELECT count(*) FILTER (WHERE state = 'pending') AS pending,
            count(*) FILTER (WHERE state = 'stuck') AS stuck,
            min(created_at) FILTER (WHERE state = 'pending') AS oldest
       FROM outbox`,
  );
  const list = stmt(
    `SELECT reference, kind, priority, state, attempts, created_at, next_attempt_at, delivered_at, last_error, last_status
       FROM outbox ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const stateOf = stmt('SELECT state FROM outbox WHERE reference = ?');
  const requeue = stmt(
    `UPDATE outbox
        SET state = 'pending', next_attempt_at = ?, window_start = ?, lease_owner = NULL, lease_expires_at = NULL
      WHERE reference = ? AND state IN ('pending', 'stuck')`,
  );
  const stuckRefs = stmt(`SELECT reference FROM outbox WHERE state = 'stuck' ORDER BY created_at, id`);
  const confirmation = stmt('SELECT reference, kind, created_at FROM outbox WHERE reference = ?');

  const changed = (s: StatementSync, ...params: SQLInputValue[]) => num(s.run(...params).changes) === 1;

  return {
    path,

    accept(input) {
      const [accepted] = this.acceptMany([input]);
      if (!accepted) throw new Error('acceptMany returned nothing');
      return accepted;
    },

    acceptMany(inputs) {
      return inTransaction(db, () => {
        const keyring = keys();
        return inputs.map((input): Accepted => {
          // Also finds a duplicate earlier in the same batch: it is already inserted in this transaction.
          const existing = byToken.get(input.submissionToken) as Row | undefined;
          if (existing) return { reference: str(existing['reference']), duplicate: true };
          for (let attempt = 0; attempt < 10; attempt++) {
            const reference = newReference(random);
            const sealed = seal(keyring, input.personal, reference, random);
            try {
              insert.run(reference, input.submissionToken, input.kind, input.priority, sealed.keyId, sealed.blob, input.now, input.now, input.now);
              return { reference, duplicate: false };
            } catch (error) {
              if (!isUniqueViolation(error, 'reference')) throw error;
            }
          }
          throw new Error('could not find an unused reference after 10 tries: is the random source broken?');
        });
      });
    },

    claimDue({ owner, now, leaseMs, limit }) {
      const keyring = keys();
      const rows = inTransaction(db, () => claim.all(owner, now + leaseMs, now, now, limit) as Row[]);
      return rows.map((row) => {
        const reference = str(row['reference']);
        let personal: string | null = null;
        if (row['sealed'] instanceof Uint8Array && typeof row['key_id'] === 'string') {
          try {
            personal = open(keyring, { keyId: row['key_id'], blob: row['sealed'] }, reference);
          } catch (error) {
            if (!(error instanceof CannotDecrypt)) throw error;
          }
        }
        return {
          id: num(row['id']),
          reference,
          kind: str(row['kind']) as Kind,
          priority: str(row['priority']) as PriorityLevel,
          attempts: num(row['attempts']),
          createdAt: num(row['created_at']),
          windowStart: num(row['window_start']),
          personal,
        };
      });
    },

    markDelivered(id, owner, { now, messageId }) {
      return changed(delivered, now, messageId, now, id, owner);
    },

    markRetry(id, owner, { nextAttemptAt, errorClass, status }) {
      return changed(retry, nextAttemptAt, errorClass, status, id, owner);
    },

    markStuck(id, owner, { errorClass, status }) {
      return changed(stuck, errorClass, status, id, owner);
    },

    sweep({ now, retentionMs }) {
      return num(sweep.run(now - retentionMs).changes);
    },

    stats() {
      const row = stats.get() as Row;
      return { pending: num(row['pending']), stuck: num(row['stuck']), oldestPendingCreatedAt: numOrNull(row['oldest']) };
    },

    list(limit = 200) {
      return (list.all(limit) as Row[]).map((row) => ({
        reference: str(row['reference']),
        kind: str(row['kind']) as Kind,
        priority: str(row['priority']) as PriorityLevel,
        state: str(row['state']) as State,
        attempts: num(row['attempts']),
        createdAt: num(row['created_at']),
        nextAttemptAt: row['state'] === 'pending' ? num(row['next_attempt_at']) : null,
        deliveredAt: numOrNull(row['delivered_at']),
        lastError: (row['last_error'] ?? null) as ErrorClass | null,
        lastStatus: numOrNull(row['last_status']),
      }));
    },

    requeue(reference, now) {
      return inTransaction(db, () => {
        const row = stateOf.get(reference) as Row | undefined;
        if (!row) return 'not-found';
        if (row['state'] === 'delivered') return 'delivered';
        requeue.run(now, now, reference);
        return 'requeued';
      });
    },

    requeueStuck(now, dryRun) {
      return inTransaction(db, () => {
        const refs = (stuckRefs.all() as Row[]).map((r) => str(r['reference']));
        if (!dryRun) for (const ref of refs) requeue.run(now, now, ref);
        return refs;
      });
    },

    findConfirmation(reference) {
      const row = confirmation.get(reference) as Row | undefined;
      return row ? { reference: str(row['reference']), kind: str(row['kind']) as Kind, createdAt: num(row['created_at']) } : null;
    },

    close() {
      if (db.isOpen) db.close();
    },
  };
}

/** BEGIN IMMEDIATE takes the write lock up front, so two processes never both read-then-write. */
function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
