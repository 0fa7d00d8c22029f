import type { CertificateStatus, ConfirmationPolicy, Relation } from '../../../shared/enums';
import { PARENT_RELATIONS } from '../../../shared/enums';
import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';

export interface CertificateRow {
  rowid: number;
  id: string;
  number: string;
  child_id: string;
  municipality_id: string;
  category_id: string;
  type: 'financing' | 'accounting';
  status: CertificateStatus;
  issued_on: string;
  activated_on: string | null;
  doc_child_identity: number;
  doc_representative_identity: number;
  doc_representation_proof: number;
  checklist_recorded_at: string | null;
  confirmation_policy: ConfirmationPolicy;
  code_phrase_hash: string | null;
  code_phrase_changed_at: string | null;
  confirmation_locked_until: string | null;
  cabinet_password_hash: string | null;
  cabinet_password_set_at: string | null;
  status_reason: string | null;
}

export function certificateRow(db: Db, id: string): CertificateRow {
  const row = db.prepare('SELECT rowid, * FROM certificates WHERE id = ? AND deleted = 0').get(id) as CertificateRow | undefined;
  if (!row) throw new DomainError('not_found', 'Сертификат не найден в реестре.');
  return row;
}

export function certificateRowByNumber(db: Db, number: string): CertificateRow | undefined {
  return db.prepare('SELECT rowid, * FROM certificates WHERE number = ? AND deleted = 0').get(number) as CertificateRow | undefined;
}

/** The child's legal representative on record (the first linked). */
export function primaryRepresentative(db: Db, childId: string): { id: string; relation: Relation; fullName: string } | undefined {
  return db
    .prepare(
      `SELECT r.id, cr.relation, r.last_name || ' ' || r.first_name || coalesce(' ' || r.middle_name, '') AS fullName
         FROM child_representatives cr JOIN representatives r ON r.id = cr.representative_id
        WHERE cr.child_id = ? AND cr.deleted = 0 ORDER BY cr.modified_at, cr.id LIMIT 1`,
    )
    .get(childId) as { id: string; relation: Relation; fullName: string } | undefined;
}

export function needsRepresentationProof(relation: Relation | undefined): boolean {
  return !relation || !PARENT_RELATIONS.includes(relation);
}

/** Appends to the certificate's history (shown on the card) and marks the certificate modified. */
export function recordCertificateEvent(
  ctx: OperationContext,
  certificateId: string,
  e: { kind: string; from?: CertificateStatus | null; to?: CertificateStatus | null; reason?: string | null },
): void {
  const { db } = ctx.core;
  db.prepare(
    `INSERT INTO certificate_events(id, modified_at, origin_office, certificate_id, at, kind, from_status, to_status, reason, operator_id, operator_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ctx.core.newId(), ctx.stamp, ctx.core.officeId, certificateId, ctx.nowIso, e.kind, e.from ?? null, e.to ?? null, e.reason ?? null,
    ctx.actor?.operatorId ?? null, ctx.actor?.fullName ?? null,
  );
}

export function hasValidConsent(db: Db, certificateId: string): boolean {
  return !!db.prepare('SELECT 1 FROM consents WHERE certificate_id = ? AND deleted = 0 AND withdrawn_on IS NULL LIMIT 1').get(certificateId);
}

/** What activation still needs, in the operator's words. Empty when everything is in place. */
export function activationMissing(db: Db, c: CertificateRow): string[] {
  const missing: string[] = [];
  if (!c.doc_child_identity) missing.push('не отмечен документ, удостоверяющий личность ребёнка');
  if (!c.doc_representative_identity) missing.push('не отмечен документ, удостоверяющий личность представителя');
  const rep = primaryRepresentative(db, c.child_id);
  if (needsRepresentationProof(rep?.relation) && !c.doc_representation_proof) {
    missing.push('не отмечен документ, подтверждающий полномочия представителя (представитель не родитель)');
  }
  if (!hasValidConsent(db, c.id)) missing.push('нет подписанного и не отозванного согласия на обработку персональных данных');
  return missing;
}

/** The child's date of birth: ages on a start or event date are counted from it. */
export function childBirthDate(ctx: OperationContext, c: CertificateRow): string {
  return (ctx.core.db.prepare('SELECT birth_date AS b FROM children WHERE id = ?').get(c.child_id) as { b: string }).b;
}
