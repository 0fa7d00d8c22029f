import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../shared/enums';
import type { DocumentVerification, IssuedDocumentView } from '../../../shared/operations';
import { formatDateRu } from '../../../shared/rules';
import type { OperationContext } from '../../api/operation';
import type { Db } from '../../database/db';
import { officeCode, officeName } from '../../common/office';

const PREFIX: Record<DocumentKind, string> = { extract: 'ВС', attendance: 'СП', consent: 'СО', application: 'ЗЗ' };
const OUR_NUMBER = new RegExp(`^(${Object.values(PREFIX).join('|')})-`);

/** The QR code carries the registration number and a random code: it proves origin and holds no personal data. */
export const QR_PREFIX = 'CERTDESK1';

export function qrPayload(registrationNumber: string, verificationCode: string): string {
  return `${QR_PREFIX}:${registrationNumber}:${verificationCode}`;
}

export interface RegisteredDocument {
  id: string;
  registrationNumber: string;
  verificationCode: string;
  qrPayload: string;
  issuedAt: string;
}

/**
 * Numbers run per kind, office and year: «ВС-9901-01-2026-000017». An application names its contract
 * (`contractId`); the other kinds belong to the certificate alone.
 */
export function registerDocument(ctx: OperationContext, kind: DocumentKind, certificateId: string, contractId: string | null = null): RegisteredDocument {
  const { db } = ctx.core;
  const year = ctx.today.slice(0, 4);
  const prefix = `${PREFIX[kind]}-${officeCode(db, ctx.core.officeId)}-${year}-`;
  const last = db
    .prepare('SELECT max(registration_number) AS n FROM issued_documents WHERE registration_number >= ? AND registration_number < ?')
    .get(prefix, `${prefix}:`) as { n: string | null };
  const seq = last.n ? Number(last.n.slice(prefix.length)) + 1 : 1;
  const registrationNumber = `${prefix}${String(seq).padStart(6, '0')}`;
  const verificationCode = randomBytes(12).toString('base64url');
  const id = ctx.core.newId();
  db.prepare(
    `INSERT INTO issued_documents(id, modified_at, origin_office, kind, registration_number, verification_code, certificate_id, contract_id, issued_at, issued_by, issued_by_name, office_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, ctx.stamp, ctx.core.officeId, kind, registrationNumber, verificationCode, certificateId, contractId, ctx.nowIso, ctx.actor?.operatorId ?? null, ctx.actor?.fullName ?? 'АРМ Сертификат', officeName(db));
  return { id, registrationNumber, verificationCode, qrPayload: qrPayload(registrationNumber, verificationCode), issuedAt: ctx.nowIso };
}

interface DocRow {
  id: string;
  kind: DocumentKind;
  registration_number: string;
  verification_code: string;
  issued_at: string;
  issued_by_name: string;
  office_name: string;
  superseded_at: string | null;
  superseded_reason: string | null;
  certificate_number: string;
  certificate_status: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  contract_number: string | null;
  contract_status: string | null;
}

const DOC_SELECT = `SELECT d.*, c.number AS certificate_number, c.status AS certificate_status, ch.last_name, ch.first_name, ch.middle_name,
       k.number AS contract_number, k.status AS contract_status
  FROM issued_documents d JOIN certificates c ON c.id = d.certificate_id JOIN children ch ON ch.id = c.child_id
  LEFT JOIN contracts k ON k.id = d.contract_id`;

/** An application stops being valid when the request it records was turned down or withdrawn. */
const WITHDRAWN_APPLICATION: Record<string, string> = {
  rejected: 'заявка отклонена организацией',
  cancelled: 'заявка отменена',
};

function invalidReason(r: DocRow): string | null {
  if (r.superseded_at) return r.superseded_reason ?? 'Документ заменён новым';
  if (r.certificate_status === 'annulled') return 'Сертификат аннулирован';
  if (r.contract_status && WITHDRAWN_APPLICATION[r.contract_status]) return `${WITHDRAWN_APPLICATION[r.contract_status]} (${r.contract_number})`;
  return null;
}

function toView(r: DocRow): IssuedDocumentView {
  const reason = invalidReason(r);
  return {
    id: r.id,
    kind: r.kind,
    registrationNumber: r.registration_number,
    issuedAt: r.issued_at,
    issuedByName: r.issued_by_name,
    valid: reason === null,
    supersededReason: reason,
  };
}

export function documentsOf(db: Db, certificateId: string): IssuedDocumentView[] {
  return (db.prepare(`${DOC_SELECT} WHERE d.certificate_id = ? AND d.deleted = 0 ORDER BY d.issued_at DESC, d.registration_number DESC LIMIT 50`).all(certificateId) as DocRow[]).map(toView);
}

const NOT_FOUND: DocumentVerification = {
  found: false, valid: false, message: '', kind: null, registrationNumber: null, issuedAt: null, issuedByName: null, officeName: null, certificateNumber: null, childName: null,
};

/**
 * «Проверка документа»: takes what the QR code holds (or a registration number typed by hand) and says whether
 * this registry issued it, for whom, when, and whether it is still valid.
 */
export function verifyDocument(db: Db, code: string, timeZone: string): DocumentVerification {
  const text = code.trim();
  const qr = new RegExp(`^${QR_PREFIX}:([^:]+):([A-Za-z0-9_-]{16})$`).exec(text);
  const regNumber = (qr ? qr[1]! : text).toUpperCase().replace(/\s+/g, '');
  const row = db.prepare(`${DOC_SELECT} WHERE d.registration_number = ? AND d.deleted = 0`).get(regNumber) as DocRow | undefined;
  if (!row) {
    const looksLikeOurs = text.startsWith(`${QR_PREFIX}:`) || OUR_NUMBER.test(regNumber);
    return {
      ...NOT_FOUND,
      message: looksLikeOurs
        ? `Документ ${regNumber} в реестре не найден: реестр его не выдавал, или код введён с ошибкой.`
        : 'Код не распознан: введите регистрационный номер документа (например, ВС-9901-01-2026-000001) или отсканируйте QR-код.',
    };
  }
  if (qr) {
    const a = Buffer.from(qr[2]!);
    const b = Buffer.from(row.verification_code);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      return { ...NOT_FOUND, registrationNumber: row.registration_number, message: `Код проверки не совпадает с записью реестра для ${row.registration_number}: документ поддельный или QR-код повреждён.` };
    }
  }
  const reason = invalidReason(row);
  const issued = new Intl.DateTimeFormat('ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(row.issued_at));
  const childName = `${row.last_name} ${row.first_name[0]}.${row.middle_name ? ` ${row.middle_name[0]}.` : ''}`;
  const label = DOCUMENT_KIND_LABELS[row.kind];
  const origin = qr ? 'Код проверки совпадает.' : 'Проверено по номеру; для проверки подлинности отсканируйте QR-код.';
  const subject = `${row.contract_number ? `по заявке (договору) ${row.contract_number}, ` : ''}по сертификату ${row.certificate_number}`;
  return {
    found: true,
    valid: reason === null,
    message: reason === null
      ? `${label} № ${row.registration_number} выдан(а) ${issued} (${row.office_name}, ${row.issued_by_name}) ${subject}, ${childName} Документ действителен. ${origin}`
      : `${label} № ${row.registration_number} выдан(а) ${issued} ${subject}, но больше не действителен: ${reason}. ${origin}`,
    kind: row.kind,
    registrationNumber: row.registration_number,
    issuedAt: row.issued_at,
    issuedByName: row.issued_by_name,
    officeName: row.office_name,
    certificateNumber: row.certificate_number,
    childName,
  };
}

export function issuedOnLabel(iso: string): string {
  return formatDateRu(iso.slice(0, 10));
}
