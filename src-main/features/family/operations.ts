import { REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import { DomainError } from '../../errors';
import { verifyCabinetCredentials } from '../cabinet';
import { certificateRow, primaryRepresentative, recordCertificateEvent } from '../certificates';

/** A family's cabinets are joined at the desk: the parent proves the other cabinet with its login and password. */
export const familyOperations: FeatureOperations<'family.link'> = {
  'family.link': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const here = certificateRow(db, input.certificateId);
      ctx.audit('certificate', here.id, `Объединение кабинетов: ${here.number} + ${input.login}`);
      if (input.login === here.number) throw new DomainError('invalid_input', 'Это тот же сертификат: укажите логин другого кабинета.');
      const rep = primaryRepresentative(db, here.child_id);
      if (!rep) throw new DomainError('conflict', 'У ребёнка не указан законный представитель.');
      const other = verifyCabinetCredentials(ctx, input.login, input.password);
      const linked = db.prepare('SELECT 1 FROM child_representatives WHERE child_id = ? AND representative_id = ? AND deleted = 0').get(other.child_id, rep.id);
      if (linked) throw new DomainError('conflict', `Кабинет ${other.number} уже объединён с этим представителем.`);
      const otherRep = primaryRepresentative(db, other.child_id);
      db.prepare('INSERT INTO child_representatives(id, modified_at, origin_office, child_id, representative_id, relation) VALUES (?, ?, ?, ?, ?, ?)').run(
        ctx.core.newId(), ctx.stamp, ctx.core.officeId, other.child_id, rep.id, otherRep?.relation ?? rep.relation,
      );
      recordCertificateEvent(ctx, here.id, { kind: 'family', reason: `Кабинет объединён с ${other.number}` });
      recordCertificateEvent(ctx, other.id, { kind: 'family', reason: `Кабинет объединён с ${here.number} (представитель ${rep.fullName})` });
      ctx.audit('certificate', here.id, `Объединение кабинетов: ${here.number} + ${other.number}`);
      return { linkedCertificateId: other.id };
    },
  },
};
