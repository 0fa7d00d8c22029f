import type { EditableGroup } from '../../../shared/operations';
import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { requireOwnOrganization } from '../../common/ownership';
import type { Db } from '../../database/db';
import { placesTaken } from '../contracts';

/** Who keeps an organization's catalogue: its own staff, and the administrator. */
export const ORG_AND_ADMIN = ['admin', 'org_staff'] as const;

export const FOREIGN_PROGRAM = 'Это программа другой организации: изменять её может только сама организация или администратор.';

export function programOrganization(ctx: OperationContext, programId: string): string {
  const row = ctx.core.db.prepare('SELECT organization_id AS o FROM programs WHERE id = ? AND deleted = 0').get(programId) as { o: string } | undefined;
  if (!row) throw new DomainError('not_found', 'Программа не найдена.');
  return row.o;
}

interface EditableGroupRow {
  id: string;
  module_id: string;
  module_name: string;
  name: string;
  start_date: string;
  end_date: string;
  capacity: number;
  address: string;
  teacher: string | null;
  timetable: string;
  hours_per_week: number;
}

/** Applications and contracts, in any status, of the groups the condition picks (`g` is program_groups). */
export function contractsReferring(db: Db, groupCondition: string, value: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM contracts k JOIN program_groups g ON g.id = k.group_id WHERE ${groupCondition} AND k.deleted = 0`).get(value) as { n: number }).n;
}

type CataloguePart = 'program_modules' | 'program_groups';

/** A module or group about to be removed: its name and program; staff of another organization are refused. */
export function ownPart(ctx: OperationContext, table: CataloguePart, id: string, notFound: string): { name: string; program: string } {
  const row = ctx.core.db.prepare(`SELECT name, program_id AS program FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as { name: string; program: string } | undefined;
  if (!row) throw new DomainError('not_found', notFound);
  requireOwnOrganization(ctx, programOrganization(ctx, row.program), FOREIGN_PROGRAM);
  return row;
}

/** The deletion mark: the row stays for the exchange and the audit, every list leaves it out. */
export function markRemoved(ctx: OperationContext, table: CataloguePart, id: string, kind: 'module' | 'group', summary: string): { id: string } {
  ctx.core.db.prepare(`UPDATE ${table} SET deleted = 1, modified_at = ? WHERE id = ?`).run(ctx.stamp, id);
  ctx.audit(kind, id, summary);
  return { id };
}

export function editableGroups(ctx: OperationContext, programId: string): EditableGroup[] {
  const rows = ctx.core.db
    .prepare(
      `SELECT g.id, g.module_id, m.name AS module_name, g.name, g.start_date, g.end_date, g.capacity, g.address, g.teacher, g.timetable, g.hours_per_week
         FROM program_groups g JOIN program_modules m ON m.id = g.module_id
        WHERE g.program_id = ? AND g.deleted = 0 ORDER BY g.start_date, g.name`,
    )
    .all(programId) as EditableGroupRow[];
  return rows.map((r) => ({
    id: r.id,
    moduleId: r.module_id,
    moduleName: r.module_name,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    capacity: r.capacity,
    placesTaken: placesTaken(ctx.core.db, r.id),
    address: r.address,
    teacher: r.teacher,
    timetable: JSON.parse(r.timetable) as EditableGroup['timetable'],
    hoursPerWeek: r.hours_per_week,
  }));
}
