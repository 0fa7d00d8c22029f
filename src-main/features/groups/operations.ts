import { ALL_ROLES, type FeatureOperations } from '../../api/operation';
import { DomainError } from '../../errors';
import { requireOwnOrganization } from '../../common/ownership';
import { takesProlongationOf } from '../../../shared/contract-rules';
import { contractViewIfAny, listGroups, placesTaken } from '../contracts';
import { contractsReferring, FOREIGN_PROGRAM, markRemoved, ORG_AND_ADMIN, ownPart, programOrganization } from '../programs';

export const groupOperations: FeatureOperations<'groups.list' | 'groups.save' | 'groups.remove'> = {
  'groups.list': {
    roles: ALL_ROLES,
    writes: false,
    handler(input, ctx) {
      const actor = ctx.actor!;
      // A program's groups are public, as the navigator's program page shows them to everyone; otherwise organization
      // staff list only their own organization's groups.
      if (input.programId) return listGroups(ctx.core.db, { programId: input.programId, query: input.query });
      const organizationId = actor.role === 'org_staff' ? actor.organizationId! : input.organizationId;
      const groups = listGroups(ctx.core.db, { organizationId, query: input.query });
      if (!input.prolongationOf) return groups;
      // Another organization's contract, or an unknown id, takes no group at all and is not named.
      const contracts = input.prolongationOf.map((id) => contractViewIfAny(ctx.core.db, id, ctx.today));
      if (contracts.some((k) => !k || (actor.role === 'org_staff' && k.organizationId !== actor.organizationId))) return [];
      return groups.filter((g) => contracts.every((k) => !!k && g.organizationId === k.organizationId && takesProlongationOf(g, k)));
    },
  },
  'groups.save': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const organizationId = programOrganization(ctx, input.programId);
      requireOwnOrganization(ctx, organizationId, FOREIGN_PROGRAM);
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
};
