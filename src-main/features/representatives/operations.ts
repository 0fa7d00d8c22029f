import { REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import { DomainError } from '../../errors';

export const representativeOperations: FeatureOperations<'representatives.update'> = {
  'representatives.update': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const rep = db.prepare('SELECT id FROM representatives WHERE id = ? AND deleted = 0').get(input.representativeId);
      if (!rep) throw new DomainError('not_found', 'Представитель не найден.');
      db.prepare('UPDATE representatives SET phone = ?, email = ?, address = ?, class_address = ?, modified_at = ? WHERE id = ?').run(
        input.phone, input.email, input.address, input.classAddress, ctx.stamp, input.representativeId,
      );
      ctx.audit('representative', input.representativeId, 'Изменены контактные данные представителя');
      return { representativeId: input.representativeId };
    },
  },
};
