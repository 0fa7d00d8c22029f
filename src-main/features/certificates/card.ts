import { certificateDecisions } from '../../../shared/certificate-rules';
import type { BudgetRegistry, CertificateStatus, CertificateType, Relation } from '../../../shared/enums';
import type { CertificateCard } from '../../../shared/operations';
import { fullName } from '../../../shared/rules';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { consentsOf } from '../consents';
import { budgetCountsUsed } from '../contracts';
import { documentsOf } from '../documents';
import { budgetCountsOf, categoryById, municipalLimitReached, type CategoryRow } from '../municipalities';
import { activationMissing, certificateRow, hasValidConsent, needsRepresentationProof } from './records';

export const LIMIT_REACHED_MESSAGE =
  'Лимит денежного обеспечения сертификатов муниципалитета исчерпан: средства сертификата сейчас нельзя использовать для оплаты обучения. Доступна запись на бюджетные программы.';

export interface CertificateMoney {
  nominalKopecks: number;
  reserveKopecks: number;
  spentKopecks: number;
  balanceKopecks: number;
}

/** Money of a certificate for a year: sums over its ledger. Balance is derived, so the invariant holds by construction. */
export function certificateMoney(db: Db, certificateId: string, year: number): CertificateMoney {
  const s = db
    .prepare(
      `SELECT coalesce(sum(d_nominal), 0) AS nominal, coalesce(sum(d_reserve), 0) AS reserve, coalesce(sum(d_spent), 0) AS spent
         FROM ledger_entries WHERE certificate_id = ? AND year = ? AND deleted = 0`,
    )
    .get(certificateId, year) as { nominal: number; reserve: number; spent: number };
  return { nominalKopecks: s.nominal, reserveKopecks: s.reserve, spentKopecks: s.spent, balanceKopecks: s.nominal - s.reserve - s.spent };
}

interface CardRow {
  id: string;
  number: string;
  type: CertificateType;
  status: CertificateStatus;
  issued_on: string;
  category_id: string;
  municipality_id: string;
  municipality_name: string;
  municipality_regulations: string;
  child_id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string;
  gender: string;
  identity_document: string;
  snils: string | null;
}

interface RepRow {
  id: string;
  identity_document: string;
  class_address: string | null;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  relation: Relation;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export function findCertificateId(db: Db, by: { id: string } | { number: string }): string {
  const row = ('id' in by
    ? db.prepare('SELECT id FROM certificates WHERE id = ? AND deleted = 0').get(by.id)
    : db.prepare('SELECT id FROM certificates WHERE number = ? AND deleted = 0').get(by.number)) as { id: string } | undefined;
  if (!row) {
    throw new DomainError('not_found', 'number' in by ? `Сертификат № ${by.number} не найден в реестре.` : 'Сертификат не найден в реестре.');
  }
  return row.id;
}

/** «Кабинет сертификата»: what the parent's cabinet shows, for the operator at the desk. */
export function certificateCard(db: Db, certificateId: string, today: string, nowIso: string): CertificateCard {
  const row = certificateRow(db, certificateId);
  const c = db
    .prepare(
      `SELECT cert.id, cert.number, cert.type, cert.status, cert.issued_on, cert.category_id, cert.municipality_id,
              m.name AS municipality_name, m.regulations AS municipality_regulations, ch.id AS child_id, ch.last_name, ch.first_name, ch.middle_name, ch.birth_date,
              ch.gender, ch.identity_document, ch.snils
         FROM certificates cert
         JOIN children ch ON ch.id = cert.child_id
         JOIN municipalities m ON m.id = cert.municipality_id
        WHERE cert.id = ?`,
    )
    .get(certificateId) as CardRow | undefined;
  if (!c) throw new DomainError('not_found', 'Сертификат не найден в реестре.');
  const year = Number(today.slice(0, 4));
  const category = categoryById(db, c.category_id)!;
  const rep = db
    .prepare(
      `SELECT r.id, r.last_name, r.first_name, r.middle_name, cr.relation, r.phone, r.email, r.address, r.identity_document, r.class_address
         FROM child_representatives cr JOIN representatives r ON r.id = cr.representative_id
        WHERE cr.child_id = ? AND cr.deleted = 0 ORDER BY cr.modified_at, cr.id LIMIT 1`,
    )
    .get(c.child_id) as RepRow | undefined;
  const notifications = db
    .prepare('SELECT id, at, text FROM notifications WHERE certificate_id = ? AND deleted = 0 AND read = 0 ORDER BY at DESC LIMIT 20')
    .all(certificateId) as Array<{ id: string; at: string; text: string }>;
  const limitReached = c.type === 'financing' && municipalLimitReached(db, c.municipality_id, year);
  const money = certificateMoney(db, certificateId, year);
  return {
    id: c.id,
    number: c.number,
    type: c.type,
    status: c.status,
    issuedAt: c.issued_on,
    child: {
      id: c.child_id,
      fullName: fullName({ lastName: c.last_name, firstName: c.first_name, middleName: c.middle_name }),
      birthDate: c.birth_date,
      gender: c.gender,
      identityDocument: c.identity_document,
      snils: c.snils,
    },
    representative: rep
      ? {
          id: rep.id,
          fullName: fullName({ lastName: rep.last_name, firstName: rep.first_name, middleName: rep.middle_name }),
          relation: rep.relation,
          phone: rep.phone,
          email: rep.email,
          address: rep.address,
          classAddress: rep.class_address,
          identityDocument: rep.identity_document,
        }
      : null,
    municipality: { id: c.municipality_id, name: c.municipality_name, regulations: c.municipality_regulations },
    category: { id: category.id, name: category.name, year: category.year },
    money: limitReached ? null : money,
    limitMessage: limitReached ? LIMIT_REACHED_MESSAGE : null,
    budgetCounts: budgetCountsLeft(db, category, certificateId, year),
    budgetCountsUsed: budgetCountsUsed(db, certificateId, year),
    notifications,
    statusReason: row.status_reason,
    checklist: {
      childIdentity: row.doc_child_identity === 1,
      representativeIdentity: row.doc_representative_identity === 1,
      representationProof: row.doc_representation_proof === 1,
      representationProofRequired: needsRepresentationProof(rep?.relation),
      recordedAt: row.checklist_recorded_at,
    },
    consents: consentsOf(db, certificateId),
    hasValidConsent: hasValidConsent(db, certificateId),
    activationMissing: row.status === 'issued' ? activationMissing(db, row) : [],
    confirmation: {
      policy: row.confirmation_policy,
      codePhraseSet: !!row.code_phrase_hash,
      codePhraseChangedAt: row.code_phrase_changed_at,
      lockedUntil: row.confirmation_locked_until && row.confirmation_locked_until > nowIso ? row.confirmation_locked_until : null,
    },
    cabinet: { login: row.number, passwordSetAt: row.cabinet_password_set_at },
    family: rep ? familyOf(db, rep.id, certificateId) : [],
    history: historyOf(db, certificateId),
    documents: documentsOf(db, certificateId),
    decisions: certificateDecisions(c.status),
  };
}

/** The category's counts for the year minus the budget places the certificate's contracts hold. */
function budgetCountsLeft(db: Db, category: CategoryRow, certificateId: string, year: number): Record<BudgetRegistry, number> {
  const quota = budgetCountsOf(category);
  const used = budgetCountsUsed(db, certificateId, year);
  return { significant: quota.significant - used.significant, general: quota.general - used.general, preprofessional: quota.preprofessional - used.preprofessional };
}

function familyOf(db: Db, representativeId: string, exceptCertificateId: string): CertificateCard['family'] {
  return db
    .prepare(
      `SELECT cert.id AS certificateId, cert.number, ch.last_name || ' ' || ch.first_name || coalesce(' ' || ch.middle_name, '') AS childName, cert.status
         FROM child_representatives cr
         JOIN children ch ON ch.id = cr.child_id
         JOIN certificates cert ON cert.child_id = ch.id AND cert.deleted = 0
        WHERE cr.representative_id = ? AND cr.deleted = 0 AND cert.id <> ?
        ORDER BY ch.birth_date`,
    )
    .all(representativeId, exceptCertificateId) as CertificateCard['family'];
}

const EVENT_TITLES: Record<string, string> = {
  issued: 'Сертификат выдан',
  activated: 'Сертификат активирован',
  suspended: 'Сертификат приостановлен',
  resumed: 'Сертификат возобновлён',
  annulled: 'Сертификат аннулирован',
  checklist: 'Перечень документов',
  consent_signed: 'Согласие подписано',
  consent_scan: 'Скан согласия',
  consent_withdrawn: 'Согласие отозвано',
  confirmation_policy: 'Тип подтверждения',
  cabinet_password: 'Пароль личного кабинета',
  family: 'Объединение кабинетов',
};

function historyOf(db: Db, certificateId: string): CertificateCard['history'] {
  const rows = db
    .prepare('SELECT at, kind, reason, operator_name FROM certificate_events WHERE certificate_id = ? AND deleted = 0 ORDER BY at DESC, rowid DESC LIMIT 100')
    .all(certificateId) as Array<{ at: string; kind: string; reason: string | null; operator_name: string | null }>;
  return rows.map((r) => ({
    at: r.at,
    kind: r.kind,
    text: [EVENT_TITLES[r.kind] ?? r.kind, r.reason].filter(Boolean).join(': '),
    operatorName: r.operator_name,
  }));
}
