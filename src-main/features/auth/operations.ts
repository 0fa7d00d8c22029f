import type { SessionView } from '../../../shared/operations';
import { ALL_ROLES, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { officeName } from '../../common/office';
import { operatorById, operatorByLogin, toOperatorView, type OperatorRow } from './operators';
import { hashSecret, spendVerificationTime, verifySecret } from './passwords';

/** After this many wrong passwords within the window, the account waits out the lock. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;

const WRONG = 'Неверный логин или пароль.';

function sessionView(ctx: OperationContext, row: OperatorRow, token: string): SessionView {
  return { token, operator: toOperatorView(row), office: { id: ctx.core.officeId, name: officeName(ctx.core.db) }, allowedOperations: ctx.allowedOperations(row.role), deskNow: ctx.nowIso };
}

function minutesLeft(untilIso: string, nowMs: number): number {
  return Math.max(1, Math.ceil((Date.parse(untilIso) - nowMs) / 60000));
}

export const authOperations: FeatureOperations<'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'> = {
  'auth.login': {
    roles: 'public',
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const nowMs = Date.parse(ctx.nowIso);
      const row = operatorByLogin(db, input.login);
      ctx.audit('operator', row?.id ?? null, `Вход: ${input.login}`);
      if (!row || !row.active) {
        spendVerificationTime(input.password);
        throw new DomainError('unauthenticated', WRONG);
      }
      if (row.locked_until && Date.parse(row.locked_until) > nowMs) {
        throw new DomainError(
          'locked',
          `Вход временно заблокирован после ${LOGIN_MAX_FAILURES} неудачных попыток. Повторите через ${minutesLeft(row.locked_until, nowMs)} мин. или обратитесь к администратору.`,
        );
      }
      if (!verifySecret(input.password, row.password_hash)) {
        const windowOpen = row.first_failed_at && nowMs - Date.parse(row.first_failed_at) < LOGIN_FAILURE_WINDOW_MS;
        const failures = windowOpen ? row.failed_logins + 1 : 1;
        const firstFailedAt = windowOpen ? row.first_failed_at : ctx.nowIso;
        const lockedUntil = failures >= LOGIN_MAX_FAILURES ? new Date(nowMs + LOGIN_LOCK_MS).toISOString() : null;
        throw new DomainError('unauthenticated', lockedUntil ? `${WRONG} Вход заблокирован на ${LOGIN_LOCK_MS / 60000} минут.` : WRONG, {
          // The counter must survive the refusal's rollback, or the limit would never bite.
          persist: () => {
            db.prepare(
              'UPDATE operators SET failed_logins = ?, first_failed_at = ?, locked_until = ? WHERE id = ?',
            ).run(lockedUntil ? 0 : failures, lockedUntil ? null : firstFailedAt, lockedUntil, row.id);
          },
        });
      }
      if (row.failed_logins > 0 || row.locked_until) {
        db.prepare('UPDATE operators SET failed_logins = 0, first_failed_at = NULL, locked_until = NULL WHERE id = ?').run(row.id);
      }
      const token = ctx.core.sessions.open(row.id);
      return sessionView(ctx, row, token);
    },
  },
  'auth.logout': {
    roles: ALL_ROLES,
    writes: true,
    handler(_input, ctx) {
      if (ctx.token) ctx.core.sessions.close(ctx.token);
      ctx.audit('operator', ctx.actor?.operatorId ?? null, 'Выход');
      return { loggedOut: true };
    },
  },
  'auth.me': {
    roles: ALL_ROLES,
    writes: false,
    handler(_input, ctx) {
      const row = operatorById(ctx.core.db, ctx.actor!.operatorId);
      if (!row) throw new DomainError('unauthenticated', 'Сеанс завершён. Войдите снова.');
      return sessionView(ctx, row, ctx.token ?? '');
    },
  },
  'auth.changePassword': {
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const row = operatorById(ctx.core.db, ctx.actor!.operatorId);
      if (!row) throw new DomainError('not_found', 'Сотрудник не найден.');
      ctx.audit('operator', row.id, 'Смена собственного пароля');
      if (!verifySecret(input.currentPassword, row.password_hash)) {
        throw new DomainError('refused', 'Текущий пароль указан неверно.', { fields: { currentPassword: 'Неверный пароль' } });
      }
      if (input.currentPassword === input.newPassword) {
        throw new DomainError('invalid_input', 'Новый пароль должен отличаться от текущего.', { fields: { newPassword: 'Совпадает с текущим' } });
      }
      ctx.core.db.prepare('UPDATE operators SET password_hash = ?, modified_at = ? WHERE id = ?').run(hashSecret(input.newPassword), ctx.stamp, row.id);
      return { changed: true };
    },
  },
};
