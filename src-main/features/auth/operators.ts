import type { Role, Theme } from '../../../shared/enums';
import type { OperatorView } from '../../../shared/operations';
import type { Actor } from '../../core';
import type { Db } from '../../database/db';

export interface OperatorRow {
  id: string;
  login: string;
  full_name: string;
  role: Role;
  organization_id: string | null;
  organization_name: string | null;
  password_hash: string;
  failed_logins: number;
  first_failed_at: string | null;
  locked_until: string | null;
  theme: Theme;
  active: number;
}

const SELECT = `SELECT o.*, org.short_name AS organization_name FROM operators o
  LEFT JOIN organizations org ON org.id = o.organization_id`;

export function operatorByLogin(db: Db, login: string): OperatorRow | undefined {
  return db.prepare(`${SELECT} WHERE o.login = ? AND o.deleted = 0`).get(login) as OperatorRow | undefined;
}

export function operatorById(db: Db, id: string): OperatorRow | undefined {
  return db.prepare(`${SELECT} WHERE o.id = ? AND o.deleted = 0`).get(id) as OperatorRow | undefined;
}

export function toOperatorView(row: OperatorRow): OperatorView {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    theme: row.theme,
  };
}

export function toActor(row: OperatorRow): Actor {
  return {
    operatorId: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    organizationId: row.organization_id,
  };
}
