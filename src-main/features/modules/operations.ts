import { type FeatureOperations } from '../../api/operation';
import { DomainError } from '../../errors';
import { requireOwnOrganization } from '../../common/ownership';
import { FOREIGN_PROGRAM, markRemoved, ORG_AND_ADMIN, ownPart, programOrganization } from '../programs';

export const moduleOperations: FeatureOperations<'modules.save' | 'modules.remove'> = {
  'modules.save': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwnOrganization(ctx, programOrganization(ctx, input.programId), FOREIGN_PROGRAM);
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
};
