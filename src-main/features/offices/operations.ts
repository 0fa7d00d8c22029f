import { OFFICE_ROLE_LABELS } from '../../../shared/enums';
import { fingerprintMatches } from '../../../shared/fingerprint';
import type { FeatureOperations, OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { checkCard, makeCard, ownOffice } from './card';
import { liveEntryByCode, preview, recordRevocation, recordTrust, refuseUntrustable, trustEntry, trustList } from './trust';

/** Office identity and trust are the administrator's: they decide with whom this office exchanges children's data. */
const ADMIN = ['admin'] as const;

/** Who acted, as the trust list records it: an operator of this office, or the office's script (no account). */
function who(ctx: OperationContext): { operatorId: string | null; name: string } {
  const actor = ctx.actor!;
  const isOperator = ctx.core.db.prepare('SELECT 1 FROM operators WHERE id = ?').get(actor.operatorId) !== undefined;
  return { operatorId: isOperator ? actor.operatorId : null, name: `${actor.fullName} (${actor.login})` };
}

export const officeOperations: FeatureOperations<'offices.own' | 'offices.card' | 'offices.readCard' | 'offices.trust' | 'offices.trusted' | 'offices.revoke' | 'offices.setRole'> = {
  'offices.own': {
    roles: ADMIN,
    writes: false,
    handler(_input, { core }) {
      return ownOffice(core);
    },
  },
  'offices.card': {
    roles: ADMIN,
    writes: false,
    auditReads: true,
    handler(_input, ctx) {
      const file = makeCard(ctx.core, ctx.nowIso);
      ctx.audit('office', ctx.core.officeId, `Выгружена карточка офиса ${file.card.code}, отпечаток ${file.fingerprint}`);
      return file;
    },
  },
  'offices.readCard': {
    roles: ADMIN,
    writes: false,
    handler(input, { core }) {
      const checked = checkCard(input.cardText);
      refuseUntrustable(core, checked);
      return preview(checked);
    },
  },
  'offices.trust': {
    roles: ADMIN,
    writes: true,
    handler(input, ctx) {
      const checked = checkCard(input.cardText);
      const { card } = checked;
      ctx.audit('office', card.officeId, `Доверие офису ${card.code} «${card.name}», отпечаток ${card.fingerprint}`);
      refuseUntrustable(ctx.core, checked);
      if (!fingerprintMatches(input.fingerprint, checked.fingerprintHex)) {
        const why = 'Отпечаток не совпадает с отпечатком карточки. Сверьте его с другим офисом по телефону, знак за знаком: при расхождении карточку не принимайте.';
        throw new DomainError('invalid_input', why, { fields: { fingerprint: why } });
      }
      const id = recordTrust(ctx.core, checked, who(ctx), ctx.nowIso);
      ctx.audit('office_trust', id, `Офис ${card.code} «${card.name}» (${OFFICE_ROLE_LABELS[card.role]}) добавлен в доверенные, отпечаток ${card.fingerprint}`);
      return trustEntry(ctx.core, id);
    },
  },
  'offices.trusted': {
    roles: ADMIN,
    writes: false,
    handler(_input, { core }) {
      return trustList(core);
    },
  },
  'offices.revoke': {
    roles: ADMIN,
    writes: true,
    handler(input, ctx) {
      ctx.audit('office_trust', null, `Отзыв доверия офису ${input.officeCode}`);
      const entry = liveEntryByCode(ctx.core, input.officeCode);
      if (!entry) throw new DomainError('not_found', `Офиса с кодом ${input.officeCode} нет среди доверенных (или доверие к нему уже отозвано).`);
      recordRevocation(ctx.core, entry.id, who(ctx), ctx.nowIso, input.reason);
      ctx.audit('office_trust', entry.id, `Отозвано доверие офису ${entry.code} «${entry.name}», отпечаток ${entry.fingerprint}. Причина: ${input.reason}`);
      return trustEntry(ctx.core, entry.id);
    },
  },
  'offices.setRole': {
    roles: ADMIN,
    writes: true,
    handler(input, ctx) {
      const { core } = ctx;
      const before = ownOffice(core);
      let organization = '';
      if (input.organizationId) {
        const org = core.db.prepare('SELECT short_name FROM organizations WHERE id = ? AND deleted = 0').get(input.organizationId) as { short_name: string } | undefined;
        if (!org) throw new DomainError('not_found', 'Организация не найдена в реестре.', { fields: { organizationId: 'Организация не найдена в реестре.' } });
        organization = ` (${org.short_name})`;
      }
      core.db.prepare('UPDATE offices SET role = ?, organization_id = ?, modified_at = ? WHERE id = ?').run(input.role, input.organizationId, ctx.stamp, core.officeId);
      ctx.audit(
        'office', core.officeId,
        `Роль офиса ${before.code}: ${OFFICE_ROLE_LABELS[input.role]}${organization} (была: ${OFFICE_ROLE_LABELS[before.role]}${before.organizationName ? ` (${before.organizationName})` : ''})`,
      );
      return ownOffice(core);
    },
  },
};

