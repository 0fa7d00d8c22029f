import { ALL_ROLES, type FeatureOperations } from '../../api/operation';
import { DomainError } from '../../errors';
import { requireOwnOrganization } from '../../common/ownership';
import { programRating } from '../ratings';
import { contractsReferring, editableGroups, FOREIGN_PROGRAM, ORG_AND_ADMIN, programOrganization } from './editing';
import { decideRegistry, REGISTRY_STAFF, registryRequests, requestRegistries } from './registries';
import { certificateFor, certificateOutlook, programCard, programRow, searchPrograms, toCards } from './search';

export const programOperations: FeatureOperations<
  'programs.search' | 'programs.get' | 'programs.rating' | 'programs.getForEditing' | 'programs.save' | 'programs.remove' | 'programs.registryRequests' | 'programs.decideRegistry'
> = {
  'programs.search': {
    roles: ALL_ROLES,
    writes: false,
    handler: (input, ctx) => searchPrograms(ctx, input),
  },
  'programs.get': {
    roles: ALL_ROLES,
    writes: false,
    handler(input, ctx) {
      const row = programRow(ctx, input.programId);
      const c = certificateFor(ctx, input.certificateNumber);
      return toCards(ctx.core.db, [row], c ? certificateOutlook(ctx.core.db, c, ctx.today) : undefined, ctx.today)[0]!;
    },
  },
  'programs.rating': {
    roles: ALL_ROLES,
    writes: false,
    handler: (input, ctx) => programRating(ctx.core.db, input.programId),
  },
  'programs.getForEditing': {
    roles: ORG_AND_ADMIN,
    writes: false,
    handler(input, ctx) {
      requireOwnOrganization(ctx, programOrganization(ctx, input.programId), 'Это программа другой организации: открыть её для изменения может только сама организация или администратор.');
      return { program: programCard(ctx, input.programId), groups: editableGroups(ctx, input.programId) };
    },
  },
  'programs.save': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwnOrganization(ctx, input.organizationId, FOREIGN_PROGRAM);
      if (!db.prepare('SELECT 1 FROM organizations WHERE id = ? AND deleted = 0').get(input.organizationId)) throw new DomainError('not_found', 'Организация не найдена.');
      // The ticked registries are requests (registries.ts): the registries column changes only by a registry decision.
      const values = [input.name, input.direction, input.ageMin, input.ageMax, JSON.stringify(input.activityTypes),
        JSON.stringify(input.interests), input.goals, input.annotation, JSON.stringify(input.addresses), input.enrollmentOpen ? 1 : 0];
      let id = input.id;
      if (id) {
        if (programOrganization(ctx, id) !== input.organizationId) throw new DomainError('conflict', 'Программу нельзя перенести в другую организацию.');
        db.prepare(
          `UPDATE programs SET name = ?, direction = ?, age_min = ?, age_max = ?, activity_types = ?, interests = ?, goals = ?, annotation = ?,
                  addresses = ?, enrollment_open = ?, modified_at = ? WHERE id = ?`,
        ).run(...values, ctx.stamp, id);
      } else {
        id = ctx.core.newId();
        db.prepare(
          `INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries, activity_types, interests, goals, annotation, addresses, enrollment_open)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)`,
        ).run(id, ctx.stamp, ctx.core.officeId, input.organizationId, ...values);
      }
      const requests = requestRegistries(ctx, id, input.registries);
      ctx.audit('program', id, `${input.id ? 'Изменена' : 'Создана'} программа «${input.name}»${input.enrollmentOpen ? '' : ' (зачисление закрыто)'}${requests}`);
      return programCard(ctx, id);
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
      requireOwnOrganization(ctx, p.org, FOREIGN_PROGRAM);
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
  },  'programs.registryRequests': {
    roles: REGISTRY_STAFF,
    writes: false,
    handler: (input, ctx) => registryRequests(ctx.core.db, input.municipalityId),
  },
  'programs.decideRegistry': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const p = ctx.core.db.prepare('SELECT name FROM programs WHERE id = ? AND deleted = 0').get(input.programId) as { name: string } | undefined;
      if (!p) throw new DomainError('not_found', 'Программа не найдена.');
      decideRegistry(ctx, input, p.name);
      return programCard(ctx, input.programId);
    },
  },
};
