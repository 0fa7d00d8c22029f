import { statusChangeAllowed, type CertificateStatusChange } from '../../../shared/certificate-rules';
import { CERTIFICATE_STATUS_LABELS, type CertificateStatus } from '../../../shared/enums';
import { REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { activationMissing, certificateRow, needsRepresentationProof, primaryRepresentative, recordCertificateEvent, type CertificateRow } from './records';

function setStatus(ctx: OperationContext, c: CertificateRow, to: CertificateStatus, kind: string, reason: string | null): { status: CertificateStatus } {
  ctx.core.db
    .prepare(`UPDATE certificates SET status = ?, status_reason = ?, modified_at = ?${to === 'active' && !c.activated_on ? ', activated_on = ?' : ''} WHERE id = ?`)
    .run(...([to, reason, ctx.stamp, ...(to === 'active' && !c.activated_on ? [ctx.today] : []), c.id] as unknown[]));
  recordCertificateEvent(ctx, c.id, { kind, from: c.status, to, reason });
  ctx.audit('certificate', c.id, `${CERTIFICATE_STATUS_LABELS[to]}: ${c.number}${reason ? ` (${reason})` : ''}`);
  return { status: to };
}

function refuseUnless(c: CertificateRow, change: CertificateStatusChange, action: string): void {
  if (c.status === 'annulled') throw new DomainError('conflict', `Сертификат ${c.number} аннулирован: ${action} невозможно.`);
  if (!statusChangeAllowed(change, c.status)) {
    throw new DomainError('conflict', `${action[0]!.toUpperCase()}${action.slice(1)} невозможно: статус сертификата — «${CERTIFICATE_STATUS_LABELS[c.status]}».`);
  }
}

/** Activating and resuming need the same things in place: the documents checklist and a valid consent. */
function refuseWhileMissing(ctx: OperationContext, c: CertificateRow, verb: string): void {
  const missing = activationMissing(ctx.core.db, c);
  if (missing.length) throw new DomainError('refused', `Сертификат нельзя ${verb}: ${missing.join('; ')}.`, { details: missing });
}

/**
 * Status changes of a certificate. Activation needs the documents checklist and a valid consent;
 * resuming needs a valid consent; annulment is final.
 */
export const statusOperations: FeatureOperations<
  'certificates.setChecklist' | 'certificates.activate' | 'certificates.suspend' | 'certificates.resume' | 'certificates.annul'
> = {
  'certificates.setChecklist': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseUnless(c, 'setChecklist', 'изменение перечня документов');
      const rep = primaryRepresentative(ctx.core.db, c.child_id);
      ctx.core.db
        .prepare(
          `UPDATE certificates SET doc_child_identity = ?, doc_representative_identity = ?, doc_representation_proof = ?,
                  checklist_recorded_at = ?, modified_at = ? WHERE id = ?`,
        )
        .run(+input.childIdentity, +input.representativeIdentity, +input.representationProof, ctx.nowIso, ctx.stamp, c.id);
      const ticked = [input.childIdentity && 'документ ребёнка', input.representativeIdentity && 'документ представителя', input.representationProof && 'подтверждение полномочий'].filter(Boolean);
      recordCertificateEvent(ctx, c.id, { kind: 'checklist', reason: ticked.length ? `Отмечено: ${ticked.join(', ')}` : 'Отметки сняты' });
      ctx.audit('certificate', c.id, `Перечень документов ${c.number}: ${ticked.join(', ') || 'пусто'}`);
      return {
        childIdentity: input.childIdentity,
        representativeIdentity: input.representativeIdentity,
        representationProof: input.representationProof,
        representationProofRequired: needsRepresentationProof(rep?.relation),
        recordedAt: ctx.nowIso,
      };
    },
  },
  'certificates.activate': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseUnless(c, 'activate', 'активация');
      ctx.audit('certificate', c.id, `Активация ${c.number}`);
      refuseWhileMissing(ctx, c, 'активировать');
      return setStatus(ctx, c, 'active', 'activated', null);
    },
  },
  'certificates.suspend': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseUnless(c, 'suspend', 'приостановление');
      return setStatus(ctx, c, 'suspended', 'suspended', input.reason);
    },
  },
  'certificates.resume': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseUnless(c, 'resume', 'возобновление');
      ctx.audit('certificate', c.id, `Возобновление ${c.number}`);
      refuseWhileMissing(ctx, c, 'возобновить');
      return setStatus(ctx, c, 'active', 'resumed', null);
    },
  },
  'certificates.annul': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseUnless(c, 'annul', 'аннулирование');
      return setStatus(ctx, c, 'annulled', 'annulled', input.reason);
    },
  },
};
