import type { OperationParsedInput, OperatorAccountView } from '../../../shared/operations';
import { ROLE_LABELS } from '../../../shared/enums';
import { type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { hashSecret, operatorById, toOperatorView, type OperatorRow } from '../auth';

/** An account as the administrator's list shows it; `locked` is decided here, in the desk's time, not on the screen. */
function accountView(row: OperatorRow, nowIso: string): OperatorAccountView {
  const locked = row.locked_until !== null && row.locked_until > nowIso;
  return { ...toOperatorView(row), active: row.active === 1, lockedUntil: locked ? row.locked_until : null, locked };
}

function mustFind(db: Db, id: string): OperatorRow {
  const row = operatorById(db, id);
  if (!row) throw new DomainError('not_found', 'Сотрудник не найден.');
  return row;
}

/** Organization staff belong to exactly one organization; other roles to none. */
function organizationFor(ctx: OperationContext, role: string, organizationId: string | null | undefined): string | null {
  if (role !== 'org_staff') return null;
  if (!organizationId) {
    throw new DomainError('invalid_input', 'Сотруднику организации нужно указать организацию.', { fields: { organizationId: 'Выберите организацию' } });
  }
  const org = ctx.core.db.prepare('SELECT id FROM organizations WHERE id = ? AND deleted = 0').get(organizationId);
  if (!org) throw new DomainError('not_found', 'Организация не найдена.', { fields: { organizationId: 'Выберите организацию из списка' } });
  return organizationId;
}

function activeAdmins(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM operators WHERE role = 'admin' AND active = 1 AND deleted = 0").get() as { n: number }).n;
}

/** A new staff account: from the administrator's screen, and the first administrator of a new registry. */
export function createOperatorAccount(input: OperationParsedInput<'operators.create'>, ctx: OperationContext): OperatorAccountView {
  const { db } = ctx.core;
  if (db.prepare('SELECT 1 FROM operators WHERE login = ?').get(input.login)) {
    throw new DomainError('conflict', `Логин «${input.login}» уже занят.`, { fields: { login: 'Логин уже занят' } });
  }
  const organizationId = organizationFor(ctx, input.role, input.organizationId);
  const id = ctx.core.newId();
  db.prepare(
    `INSERT INTO operators(id, modified_at, origin_office, login, full_name, role, organization_id, password_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, ctx.stamp, ctx.core.officeId, input.login, input.fullName, input.role, organizationId, hashSecret(input.password));
  ctx.audit('operator', id, `Создана учётная запись ${input.login} (${ROLE_LABELS[input.role]})`);
  return accountView(mustFind(db, id), ctx.nowIso);
}

export const operatorOperations: FeatureOperations<
  'operators.list' | 'operators.create' | 'operators.update' | 'operators.resetPassword'
> = {
  'operators.list': {
    roles: ['admin'],
    writes: false,
    handler(_input, { core, nowIso }) {
      const ids = core.db.prepare('SELECT id FROM operators WHERE deleted = 0 ORDER BY full_name').all() as Array<{ id: string }>;
      return ids.map(({ id }) => accountView(operatorById(core.db, id)!, nowIso));
    },
  },
  'operators.create': {
    roles: ['admin'],
    writes: true,
    handler: createOperatorAccount,
  },
  'operators.update': {
    roles: ['admin'],
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const row = mustFind(db, input.id);
      const role = input.role ?? row.role;
      const active = input.active ?? row.active === 1;
      const organizationId = organizationFor(ctx, role, input.organizationId === undefined ? row.organization_id : input.organizationId);
      if (row.role === 'admin' && row.active === 1 && (role !== 'admin' || !active) && activeAdmins(db) <= 1) {
        throw new DomainError('conflict', 'Нельзя лишить прав или отключить последнего администратора.');
      }
      db.prepare('UPDATE operators SET full_name = ?, role = ?, organization_id = ?, active = ?, modified_at = ? WHERE id = ?').run(
        input.fullName ?? row.full_name, role, organizationId, active ? 1 : 0, ctx.stamp, row.id,
      );
      if (!active || role !== row.role) ctx.core.sessions.closeAllFor(row.id);
      const changes = [
        role !== row.role ? `роль: ${ROLE_LABELS[role]}` : '',
        active !== (row.active === 1) ? (active ? 'включена' : 'отключена') : '',
        input.fullName && input.fullName !== row.full_name ? 'ФИО изменено' : '',
      ].filter(Boolean);
      ctx.audit('operator', row.id, `Учётная запись ${row.login}: ${changes.join(', ') || 'без изменений'}`);
      return accountView(mustFind(db, row.id), ctx.nowIso);
    },
  },
  'operators.resetPassword': {
    roles: ['admin'],
    writes: true,
    handler(input, ctx) {
      const row = mustFind(ctx.core.db, input.id);
      ctx.core.db
        .prepare('UPDATE operators SET password_hash = ?, failed_logins = 0, first_failed_at = NULL, locked_until = NULL, modified_at = ? WHERE id = ?')
        .run(hashSecret(input.password), ctx.stamp, row.id);
      ctx.core.sessions.closeAllFor(row.id);
      ctx.audit('operator', row.id, `Пароль учётной записи ${row.login} задан администратором`);
      return { reset: true };
    },
  },
};
