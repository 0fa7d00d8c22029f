import type { EditableGroup, OrganizationCardView, OrganizationRef } from '../../../shared/operations';
import type { FeatureOperations, OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { listGroups, placesTaken } from '../contracts/queries';
import { programCard } from './operations';

const ORG_AND_ADMIN = ['admin', 'org_staff'] as const;

const FOREIGN_PROGRAM = 'Это программа другой организации: изменять её может только сама организация или администратор.';

/** Organization staff keep only their own organization's card, programs, modules and groups. */
export function requireOwn(ctx: OperationContext, organizationId: string, refusal = FOREIGN_PROGRAM): void {
  const a = ctx.actor!;
  if (a.role === 'org_staff' && a.organizationId !== organizationId) throw new DomainError('forbidden', refusal);
}

function programOrganization(ctx: OperationContext, programId: string): string {
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
function contractsReferring(db: Db, groupCondition: string, value: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM contracts k JOIN program_groups g ON g.id = k.group_id WHERE ${groupCondition} AND k.deleted = 0`).get(value) as { n: number }).n;
}

type CataloguePart = 'program_modules' | 'program_groups';

/** A module or group about to be removed: its name and program; staff of another organization are refused. */
function ownPart(ctx: OperationContext, table: CataloguePart, id: string, notFound: string): { name: string; program: string } {
  const row = ctx.core.db.prepare(`SELECT name, program_id AS program FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as { name: string; program: string } | undefined;
  if (!row) throw new DomainError('not_found', notFound);
  requireOwn(ctx, programOrganization(ctx, row.program));
  return row;
}

/** The deletion mark: the row stays for the exchange and the audit, every list leaves it out. */
function markRemoved(ctx: OperationContext, table: CataloguePart, id: string, kind: 'module' | 'group', summary: string): { id: string } {
  ctx.core.db.prepare(`UPDATE ${table} SET deleted = 1, modified_at = ? WHERE id = ?`).run(ctx.stamp, id);
  ctx.audit(kind, id, summary);
  return { id };
}

function editableGroups(ctx: OperationContext, programId: string): EditableGroup[] {
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

export const editingOperations: FeatureOperations<
  | 'programs.save' | 'modules.save' | 'groups.save' | 'organizations.update' | 'organizations.get' | 'programs.getForEditing'
  | 'programs.remove' | 'modules.remove' | 'groups.remove'
> = {
  'organizations.get': {
    roles: ORG_AND_ADMIN,
    writes: false,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwn(ctx, input.organizationId, 'Это карточка другой организации: открыть её может только сама организация или администратор.');
      const org = db
        .prepare(
          `SELECT o.id, o.name, o.short_name AS shortName, o.address, o.phone, o.email, m.name AS municipalityName
             FROM organizations o JOIN municipalities m ON m.id = o.municipality_id WHERE o.id = ? AND o.deleted = 0`,
        )
        .get(input.organizationId) as Omit<OrganizationCardView, 'programs'> | undefined;
      if (!org) throw new DomainError('not_found', 'Организация не найдена.');
      const programs = (db
        .prepare(
          `SELECT p.id, p.name, p.direction, p.age_min AS ageMin, p.age_max AS ageMax, p.enrollment_open AS enrollmentOpen,
                  (SELECT count(*) FROM program_modules x WHERE x.program_id = p.id AND x.deleted = 0) AS modules,
                  (SELECT count(*) FROM program_groups x WHERE x.program_id = p.id AND x.deleted = 0) AS groups
             FROM programs p WHERE p.organization_id = ? AND p.deleted = 0 ORDER BY p.name`,
        )
        .all(input.organizationId) as Array<Omit<OrganizationCardView['programs'][number], 'enrollmentOpen'> & { enrollmentOpen: number }>)
        .map((p) => ({ ...p, enrollmentOpen: p.enrollmentOpen === 1 }));
      return { ...org, programs };
    },
  },
  'programs.getForEditing': {
    roles: ORG_AND_ADMIN,
    writes: false,
    handler(input, ctx) {
      requireOwn(ctx, programOrganization(ctx, input.programId), 'Это программа другой организации: открыть её для изменения может только сама организация или администратор.');
      return { program: programCard(ctx, input.programId), groups: editableGroups(ctx, input.programId) };
    },
  },
  'programs.save': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwn(ctx, input.organizationId);
      if (!db.prepare('SELECT 1 FROM organizations WHERE id = ? AND deleted = 0').get(input.organizationId)) throw new DomainError('not_found', 'Организация не найдена.');
      const values = [input.name, input.direction, input.ageMin, input.ageMax, JSON.stringify(input.registries), JSON.stringify(input.activityTypes),
        JSON.stringify(input.interests), input.goals, input.annotation, JSON.stringify(input.addresses), input.enrollmentOpen ? 1 : 0];
      let id = input.id;
      if (id) {
        if (programOrganization(ctx, id) !== input.organizationId) throw new DomainError('conflict', 'Программу нельзя перенести в другую организацию.');
        db.prepare(
          `UPDATE programs SET name = ?, direction = ?, age_min = ?, age_max = ?, registries = ?, activity_types = ?, interests = ?, goals = ?, annotation = ?,
                  addresses = ?, enrollment_open = ?, modified_at = ? WHERE id = ?`,
        ).run(...values, ctx.stamp, id);
      } else {
        id = ctx.core.newId();
        db.prepare(
          `INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries, activity_types, interests, goals, annotation, addresses, enrollment_open)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, ctx.stamp, ctx.core.officeId, input.organizationId, ...values);
      }
      ctx.audit('program', id, `${input.id ? 'Изменена' : 'Создана'} программа «${input.name}»${input.enrollmentOpen ? '' : ' (зачисление закрыто)'}`);
      return programCard(ctx, id);
    },
  },
  'modules.save': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwn(ctx, programOrganization(ctx, input.programId));
      let id = input.id;
      if (id) {
        const m = db.prepare('SELECT program_id AS p FROM program_modules WHERE id = ? AND deleted = 0').get(id) as { p: string } | undefined;
        if (!m || m.p !== input.programId) throw new DomainError('not_found', 'Модуль этой программы не найден.');
        db.prepare('UPDATE program_modules SET name = ?, hours = ?, price_kopecks = ?, modified_at = ? WHERE id = ?').run(input.name, input.hours, input.priceKopecks, ctx.stamp, id);
      } else {
        id = ctx.core.newId();
        const next = (db.prepare('SELECT coalesce(max(ordinal), 0) + 1 AS n FROM program_modules WHERE program_id = ?').get(input.programId) as { n: number }).n;
        db.prepare('INSERT INTO program_modules(id, modified_at, origin_office, program_id, ordinal, name, hours, price_kopecks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, ctx.stamp, ctx.core.officeId, input.programId, next, input.name, input.hours, input.priceKopecks);
      }
      ctx.audit('module', id, `${input.id ? 'Изменён' : 'Добавлен'} модуль «${input.name}»: ${input.hours} ч, ${input.priceKopecks} коп.`);
      return { id };
    },
  },
  'groups.save': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const organizationId = programOrganization(ctx, input.programId);
      requireOwn(ctx, organizationId);
      const m = db.prepare('SELECT program_id AS p FROM program_modules WHERE id = ? AND deleted = 0').get(input.moduleId) as { p: string } | undefined;
      if (!m || m.p !== input.programId) throw new DomainError('invalid_input', 'Модуль должен быть модулем этой программы.', { fields: { moduleId: 'Выберите модуль программы' } });
      const values = [input.moduleId, input.name, input.startDate, input.endDate, input.capacity, input.address, input.teacher, JSON.stringify(input.timetable), input.hoursPerWeek];
      let id = input.id;
      if (id) {
        const g = db.prepare('SELECT program_id AS p FROM program_groups WHERE id = ? AND deleted = 0').get(id) as { p: string } | undefined;
        if (!g || g.p !== input.programId) throw new DomainError('not_found', 'Группа этой программы не найдена.');
        const taken = placesTaken(db, id);
        if (input.capacity < taken) throw new DomainError('conflict', `В группе уже ${taken} заявок и договоров: мест не может быть меньше.`, { fields: { capacity: `Не меньше ${taken}` } });
        db.prepare(
          `UPDATE program_groups SET module_id = ?, name = ?, start_date = ?, end_date = ?, capacity = ?, address = ?, teacher = ?, timetable = ?, hours_per_week = ?, modified_at = ?
            WHERE id = ?`,
        ).run(...values, ctx.stamp, id);
      } else {
        id = ctx.core.newId();
        db.prepare(
          `INSERT INTO program_groups(id, modified_at, origin_office, program_id, module_id, name, start_date, end_date, capacity, address, teacher, timetable, hours_per_week)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, ctx.stamp, ctx.core.officeId, input.programId, ...values);
      }
      ctx.audit('group', id, `${input.id ? 'Изменена' : 'Создана'} группа «${input.name}», ${input.startDate} — ${input.endDate}, мест ${input.capacity}`);
      return listGroups(db, { organizationId }).find((g) => g.id === id)!;
    },
  },
  // A removal is a deletion mark (the row stays for the exchange and the audit), refused while an application or
  // contract refers to the thing, even a rejected or cancelled one: the parents' history must keep its program.
  'programs.remove': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const p = db.prepare('SELECT name, organization_id AS org FROM programs WHERE id = ? AND deleted = 0').get(input.programId) as { name: string; org: string } | undefined;
      if (!p) throw new DomainError('not_found', 'Программа не найдена.');
      requireOwn(ctx, p.org);
      const contracts = contractsReferring(db, 'g.program_id = ?', input.programId);
      if (contracts) {
        throw new DomainError('conflict', `Программу «${p.name}» удалить нельзя: по ней есть заявки и договоры (${contracts}). Закройте зачисление — программа останется в истории договоров.`);
      }
      db.prepare('UPDATE program_groups SET deleted = 1, modified_at = ? WHERE program_id = ? AND deleted = 0').run(ctx.stamp, input.programId);
      db.prepare('UPDATE program_modules SET deleted = 1, modified_at = ? WHERE program_id = ? AND deleted = 0').run(ctx.stamp, input.programId);
      db.prepare('UPDATE programs SET deleted = 1, modified_at = ? WHERE id = ?').run(ctx.stamp, input.programId);
      ctx.audit('program', input.programId, `Удалена программа «${p.name}» с её модулями и группами`);
      return { id: input.programId };
    },
  },
  'modules.remove': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const m = ownPart(ctx, 'program_modules', input.moduleId, 'Модуль не найден.');
      const groups = ctx.core.db.prepare('SELECT name FROM program_groups WHERE module_id = ? AND deleted = 0 ORDER BY name').all(input.moduleId) as Array<{ name: string }>;
      if (groups.length) {
        throw new DomainError('conflict', `Модуль «${m.name}» удалить нельзя: по нему занимаются группы (${groups.map((g) => `«${g.name}»`).join(', ')}). Сначала удалите их.`);
      }
      return markRemoved(ctx, 'program_modules', input.moduleId, 'module', `Удалён модуль «${m.name}»`);
    },
  },
  'groups.remove': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const g = ownPart(ctx, 'program_groups', input.groupId, 'Группа не найдена.');
      const contracts = contractsReferring(ctx.core.db, 'g.id = ?', input.groupId);
      if (contracts) {
        throw new DomainError('conflict', `Группу «${g.name}» удалить нельзя: по ней есть заявки и договоры (${contracts}). Измените группу или закройте зачисление на программу.`);
      }
      return markRemoved(ctx, 'program_groups', input.groupId, 'group', `Удалена группа «${g.name}»`);
    },
  },
  'organizations.update': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwn(ctx, input.id);
      const done = db.prepare('UPDATE organizations SET name = ?, short_name = ?, address = ?, phone = ?, email = ?, modified_at = ? WHERE id = ? AND deleted = 0')
        .run(input.name, input.shortName, input.address, input.phone, input.email, ctx.stamp, input.id);
      if (done.changes === 0) throw new DomainError('not_found', 'Организация не найдена.');
      ctx.audit('organization', input.id, `Изменена карточка организации «${input.shortName}»`);
      return db.prepare('SELECT o.id, o.short_name AS shortName, m.name AS municipalityName FROM organizations o JOIN municipalities m ON m.id = o.municipality_id WHERE o.id = ?').get(input.id) as OrganizationRef;
    },
  },
};
