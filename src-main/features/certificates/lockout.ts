import type { ErrorCode } from '../../../shared/result';
import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { CertificateRow } from './records';

/** 5 wrong answers within 15 minutes lock organization-initiated applications on the certificate for 30 minutes. */
export const CONFIRMATION_MAX_FAILURES = 5;
export const CONFIRMATION_WINDOW_MS = 15 * 60 * 1000;
export const CONFIRMATION_LOCK_MS = 30 * 60 * 1000;

export type AttemptMethod = 'by_name' | 'by_phrase' | 'cabinet_password';

export function isLocked(c: CertificateRow, nowIso: string): boolean {
  return !!c.confirmation_locked_until && c.confirmation_locked_until > nowIso;
}

/** A right answer is recorded inside the calling operation's transaction. */
export function recordSuccessfulAttempt(ctx: OperationContext, c: CertificateRow, method: AttemptMethod): void {
  ctx.core.db
    .prepare('INSERT INTO confirmation_attempts(certificate_id, at, method, success, operator_id, organization_id) VALUES (?, ?, ?, 1, ?, ?)')
    .run(c.id, ctx.nowIso, method, ctx.actor?.operatorId ?? null, ctx.actor?.organizationId ?? null);
}

/**
 * The refusal for a wrong answer. It counts the failures of the last 15 minutes (this one included) and, at the
 * fifth, locks the certificate for 30 minutes. The attempt and the lock are written by `persist`, after the
 * refused operation's rollback, so they survive it (and a restart: they are in the registry).
 */
export function wrongAnswer(
  ctx: OperationContext,
  c: CertificateRow,
  method: AttemptMethod,
  code: ErrorCode,
  message: (failures: number, locked: boolean) => string,
): DomainError {
  const { db } = ctx.core;
  const nowMs = Date.parse(ctx.nowIso);
  const failures =
    (db
      .prepare('SELECT count(*) AS n FROM confirmation_attempts WHERE certificate_id = ? AND success = 0 AND at > ?')
      .get(c.id, new Date(nowMs - CONFIRMATION_WINDOW_MS).toISOString()) as { n: number }).n + 1;
  const lockedUntil = failures >= CONFIRMATION_MAX_FAILURES ? new Date(nowMs + CONFIRMATION_LOCK_MS).toISOString() : null;
  return new DomainError(code, message(failures, lockedUntil !== null), {
    persist: () => {
      db.prepare('INSERT INTO confirmation_attempts(certificate_id, at, method, success, operator_id, organization_id) VALUES (?, ?, ?, 0, ?, ?)')
        .run(c.id, ctx.nowIso, method, ctx.actor?.operatorId ?? null, ctx.actor?.organizationId ?? null);
      if (lockedUntil) db.prepare('UPDATE certificates SET confirmation_locked_until = ? WHERE id = ?').run(lockedUntil, c.id);
    },
  });
}
