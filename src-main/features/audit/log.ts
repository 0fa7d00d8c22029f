import { createHash } from 'node:crypto';
import type { AuditEntryView, AuditVerification } from '../../../shared/operations';
import type { Db } from '../../database/db';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  operatorId: string | null;
  operatorLogin: string | null;
  operation: string;
  recordType: string | null;
  recordId: string | null;
  outcome: 'ok' | 'refused';
  summary: string;
}

interface AuditRow {
  seq: number;
  at: string;
  operator_id: string | null;
  operator_login: string | null;
  operation: string;
  record_type: string | null;
  record_id: string | null;
  outcome: 'ok' | 'refused';
  summary: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, seq: number, e: AuditEntryInput): string {
  const body = JSON.stringify([seq, e.at, e.operatorId, e.operatorLogin, e.operation, e.recordType, e.recordId, e.outcome, e.summary]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry chained to the previous one. Call inside the operation's transaction. */
export function appendAudit(db: Db, e: AuditEntryInput): number {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, seq, e);
  db.prepare(
    `INSERT INTO audit_log(seq, at, operator_id, operator_login, operation, record_type, record_id, outcome, summary, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, e.at, e.operatorId, e.operatorLogin, e.operation, e.recordType, e.recordId, e.outcome, e.summary, prevHash, hash);
  return seq;
}

/** Walks the whole chain and names the first entry whose hash or link does not hold. */
export function verifyAudit(db: Db): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const e: AuditEntryInput = {
      at: row.at,
      operatorId: row.operator_id,
      operatorLogin: row.operator_login,
      operation: row.operation,
      recordType: row.record_type,
      recordId: row.record_id,
      outcome: row.outcome,
      summary: row.summary,
    };
    const broken =
      row.seq !== expectedSeq || row.prev_hash !== prevHash || entryHash(prevHash, row.seq, e) !== row.hash;
    if (broken) {
      const reason = row.seq !== expectedSeq ? `запись № ${expectedSeq} отсутствует` : `запись № ${row.seq} изменена`;
      return {
        ok: false,
        checked,
        firstBrokenSeq: row.seq !== expectedSeq ? expectedSeq : row.seq,
        message: `Целостность журнала нарушена: ${reason}. Проверено записей до неё: ${checked}.`,
      };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBrokenSeq: null, message: `Журнал цел: проверено записей — ${checked}.` };
}

export function listAudit(
  db: Db,
  q: { beforeSeq?: number | undefined; limit: number; operation?: string | undefined },
): { entries: AuditEntryView[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.beforeSeq) {
    where.push('seq < ?');
    args.push(q.beforeSeq);
  }
  if (q.operation) {
    where.push('operation = ?');
    args.push(q.operation);
  }
  const sqlWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT * FROM audit_log ${sqlWhere} ORDER BY seq DESC LIMIT ?`)
    .all(...args, q.limit) as AuditRow[];
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return {
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      operatorLogin: r.operator_login,
      operation: r.operation,
      recordType: r.record_type,
      recordId: r.record_id,
      outcome: r.outcome,
      summary: r.summary,
    })),
  };
}
