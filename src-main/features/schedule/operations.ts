import type { ScheduleEntry } from '../../../shared/operations';
import { ALL_ROLES, REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import type { Db } from '../../database/db';
import { findCertificateId } from '../certificates';
import { groupRow } from '../contracts';

interface SlotRow {
  timetable: string;
  program_name: string;
  group_name: string;
  organization_name: string;
  address: string;
  teacher: string | null;
}

function entries(rows: SlotRow[]): ScheduleEntry[] {
  const out: ScheduleEntry[] = [];
  for (const r of rows) {
    for (const slot of JSON.parse(r.timetable) as Array<{ weekday: number; start: string; end: string }>) {
      out.push({ ...slot, programName: r.program_name, groupName: r.group_name, organizationName: r.organization_name, address: r.address, teacher: r.teacher });
    }
  }
  return out.sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

const SLOT_SELECT = `SELECT g.timetable, p.name AS program_name, g.name AS group_name, o.short_name AS organization_name, g.address, g.teacher
  FROM program_groups g JOIN programs p ON p.id = g.program_id JOIN organizations o ON o.id = p.organization_id`;

/** «Расписание»: the child's week across the contracts in force today (and confirmed ones about to start). */
export function childSchedule(db: Db, certificateId: string, today: string): ScheduleEntry[] {
  return entries(
    db
      .prepare(
        `${SLOT_SELECT} JOIN contracts k ON k.group_id = g.id
          WHERE k.certificate_id = ? AND k.status IN ('confirmed', 'active') AND k.end_date >= ? AND k.deleted = 0`,
      )
      .all(certificateId, today) as SlotRow[],
  );
}

export const scheduleOperations: FeatureOperations<'schedule.child' | 'schedule.group'> = {
  'schedule.child': {
    roles: REGISTRY_STAFF,
    writes: false,
    handler: (input, ctx) =>
      childSchedule(ctx.core.db, findCertificateId(ctx.core.db, 'certificateId' in input ? { id: input.certificateId } : { number: input.certificateNumber }), ctx.today),
  },
  'schedule.group': {
    roles: ALL_ROLES,
    writes: false,
    handler: (input, ctx) => entries([ctx.core.db.prepare(`${SLOT_SELECT} WHERE g.id = ?`).get(groupRow(ctx.core.db, input.groupId).id) as SlotRow]),
  },
};
