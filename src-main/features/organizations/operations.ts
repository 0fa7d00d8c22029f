import type { OrganizationCardView, OrganizationRef } from '../../../shared/operations';
import { ALL_ROLES, type FeatureOperations } from '../../api/operation';
import { DomainError } from '../../errors';
import { FOREIGN_ORGANIZATION, requireOwnOrganization } from '../../common/ownership';
import { ORG_AND_ADMIN } from '../programs';

export const organizationOperations: FeatureOperations<'organizations.list' | 'organizations.get' | 'organizations.update'> = {
  'organizations.list': {
    roles: ALL_ROLES,
    writes: false,
    handler(_input, { core }) {
      return core.db
        .prepare(
          `SELECT o.id, o.short_name AS shortName, m.name AS municipalityName FROM organizations o
             JOIN municipalities m ON m.id = o.municipality_id WHERE o.deleted = 0 ORDER BY o.short_name`,
        )
        .all() as OrganizationRef[];
    },
  },
  'organizations.get': {
    roles: ORG_AND_ADMIN,
    writes: false,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwnOrganization(ctx, input.organizationId, 'Это карточка другой организации: открыть её может только сама организация или администратор.');
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
  'organizations.update': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwnOrganization(ctx, input.id, FOREIGN_ORGANIZATION);
      const done = db.prepare('UPDATE organizations SET name = ?, short_name = ?, address = ?, phone = ?, email = ?, modified_at = ? WHERE id = ? AND deleted = 0')
        .run(input.name, input.shortName, input.address, input.phone, input.email, ctx.stamp, input.id);
      if (done.changes === 0) throw new DomainError('not_found', 'Организация не найдена.');
      ctx.audit('organization', input.id, `Изменена карточка организации «${input.shortName}»`);
      return db.prepare('SELECT o.id, o.short_name AS shortName, m.name AS municipalityName FROM organizations o JOIN municipalities m ON m.id = o.municipality_id WHERE o.id = ?').get(input.id) as OrganizationRef;
    },
  },
};
