import { createHash } from 'node:crypto';
import { PRINTED_CONSENT_FORM_VERSIONS, SCAN_MAX_BYTES, type ScanMime } from '../../../shared/enums';
import type { ConsentView } from '../../../shared/operations';
import { formatDateRu } from '../../../shared/rules';
import { REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { certificateRow, childBirthDate, primaryRepresentative, recordCertificateEvent, type CertificateRow } from '../certificates';

interface ConsentRow {
  id: string;
  certificate_id: string;
  form_version: string;
  signed_on: string;
  signed_by: string;
  recorded_at: string;
  withdrawn_on: string | null;
  scan_blob_id: string | null;
  file_name: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
}

const SELECT = `SELECT c.*, b.file_name, b.mime, b.size, b.sha256 FROM consents c LEFT JOIN blobs b ON b.id = c.scan_blob_id`;

function toView(r: ConsentRow): ConsentView {
  return {
    id: r.id,
    formVersion: r.form_version,
    signedOn: r.signed_on,
    signedBy: r.signed_by,
    recordedAt: r.recorded_at,
    withdrawnOn: r.withdrawn_on,
    scan: r.scan_blob_id ? { fileName: r.file_name!, mime: r.mime!, size: r.size!, sha256: r.sha256! } : null,
  };
}

export function consentsOf(db: Db, certificateId: string): ConsentView[] {
  return (db.prepare(`${SELECT} WHERE c.certificate_id = ? AND c.deleted = 0 ORDER BY c.signed_on DESC, c.recorded_at DESC`).all(certificateId) as ConsentRow[]).map(toView);
}

function consentRow(db: Db, id: string): ConsentRow {
  const row = db.prepare(`${SELECT} WHERE c.id = ? AND c.deleted = 0`).get(id) as ConsentRow | undefined;
  if (!row) throw new DomainError('not_found', 'Согласие не найдено.');
  return row;
}

/** What a scan's first bytes say it is: the declared type must match, or the file is refused. */
export function sniffScan(data: Buffer): ScanMime | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

function decodeBase64Strict(value: string): Buffer | null {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  return Buffer.from(clean, 'base64');
}

function refuseDateAfterToday(ctx: OperationContext, date: string, label: string): void {
  if (date > ctx.today) throw new DomainError('invalid_input', `${label} не может быть позже сегодняшнего дня (${formatDateRu(ctx.today)}).`);
}

/**
 * A consent is signed on a form the office prints, not before the child was born and not before the representative
 * became the child's representative in the registry: the data keeps no such date, so the certificate's issue day
 * stands for it (the representative is recorded with the certificate).
 */
function refuseSenselessConsent(ctx: OperationContext, c: CertificateRow, signedOn: string, formVersion: string): void {
  if (!PRINTED_CONSENT_FORM_VERSIONS.includes(formVersion)) {
    throw new DomainError('invalid_input', `Форма согласия версии «${formVersion}» в офисе не печатается: запишите согласие, подписанное на форме версии ${PRINTED_CONSENT_FORM_VERSIONS.join(', ')}.`, {
      fields: { formVersion: `Печатается версия ${PRINTED_CONSENT_FORM_VERSIONS.join(', ')}` },
    });
  }
  const birth = childBirthDate(ctx, c);
  if (signedOn < birth) {
    throw new DomainError('invalid_input', `Дата подписания согласия не может быть раньше рождения ребёнка (${formatDateRu(birth)}).`, { fields: { signedOn: 'Раньше рождения ребёнка' } });
  }
  if (signedOn < c.issued_on) {
    throw new DomainError('invalid_input', `Дата подписания согласия не может быть раньше дня, когда представитель стал представителем ребёнка в реестре (выдача сертификата ${formatDateRu(c.issued_on)}).`, {
      fields: { signedOn: 'Раньше выдачи сертификата' },
    });
  }
}

export const consentOperations: FeatureOperations<'consents.sign' | 'consents.attachScan' | 'consents.withdraw'> = {
  'consents.sign': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const c = certificateRow(db, input.certificateId);
      if (c.status === 'annulled') throw new DomainError('conflict', `Сертификат ${c.number} аннулирован: согласие не записывается.`);
      refuseDateAfterToday(ctx, input.signedOn, 'Дата подписания согласия');
      refuseSenselessConsent(ctx, c, input.signedOn, input.formVersion);
      const rep = primaryRepresentative(db, c.child_id);
      if (!rep) throw new DomainError('conflict', 'У ребёнка не указан законный представитель: согласие подписывает представитель.');
      const id = ctx.core.newId();
      db.prepare(
        `INSERT INTO consents(id, modified_at, origin_office, certificate_id, representative_id, form_version, signed_on, signed_by, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, ctx.stamp, ctx.core.officeId, c.id, rep.id, input.formVersion, input.signedOn, input.signedBy, ctx.nowIso, ctx.actor?.operatorId ?? null);
      recordCertificateEvent(ctx, c.id, { kind: 'consent_signed', reason: `Согласие (форма ${input.formVersion}) подписано ${formatDateRu(input.signedOn)}: ${input.signedBy}` });
      ctx.audit('consent', id, `Записано согласие на обработку ПДн по сертификату ${c.number}, форма ${input.formVersion}`);
      return toView(consentRow(db, id));
    },
  },
  'consents.attachScan': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const consent = consentRow(db, input.consentId);
      const data = decodeBase64Strict(input.dataBase64);
      if (!data || data.length === 0) throw new DomainError('invalid_input', 'Скан не прочитан: файл повреждён или пуст.');
      if (data.length > SCAN_MAX_BYTES) throw new DomainError('invalid_input', `Скан больше ${SCAN_MAX_BYTES / 1024 / 1024} МБ: уменьшите разрешение или разделите файл.`);
      const actual = sniffScan(data);
      if (!actual) throw new DomainError('invalid_input', 'Скан должен быть файлом PDF, PNG или JPEG; этот файл не является ни одним из них.');
      if (actual !== input.mime) throw new DomainError('invalid_input', `Содержимое файла не соответствует его типу (${input.mime}): прикрепите настоящий PDF, PNG или JPEG.`);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const blobId = ctx.core.newId();
      db.prepare('INSERT INTO blobs(id, modified_at, origin_office, sha256, mime, size, file_name, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        blobId, ctx.stamp, ctx.core.officeId, sha256, actual, data.length, input.fileName, data,
      );
      db.prepare('UPDATE consents SET scan_blob_id = ?, modified_at = ? WHERE id = ?').run(blobId, ctx.stamp, consent.id);
      recordCertificateEvent(ctx, consent.certificate_id, { kind: 'consent_scan', reason: `Прикреплён скан согласия: ${input.fileName}` });
      ctx.audit('consent', consent.id, `Прикреплён скан согласия (${actual}, ${data.length} байт, SHA-256 ${sha256.slice(0, 16)}…)`);
      return toView(consentRow(db, consent.id));
    },
  },
  'consents.withdraw': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const consent = consentRow(db, input.consentId);
      if (consent.withdrawn_on) throw new DomainError('conflict', `Согласие уже отозвано ${formatDateRu(consent.withdrawn_on)}.`);
      refuseDateAfterToday(ctx, input.withdrawnOn, 'Дата отзыва согласия');
      if (input.withdrawnOn < consent.signed_on) throw new DomainError('invalid_input', 'Дата отзыва не может быть раньше даты подписания согласия.');
      db.prepare('UPDATE consents SET withdrawn_on = ?, withdrawal_recorded_at = ?, withdrawal_recorded_by = ?, modified_at = ? WHERE id = ?').run(
        input.withdrawnOn, ctx.nowIso, ctx.actor?.operatorId ?? null, ctx.stamp, consent.id,
      );
      const c = certificateRow(db, consent.certificate_id);
      recordCertificateEvent(ctx, c.id, { kind: 'consent_withdrawn', reason: `Согласие отозвано ${formatDateRu(input.withdrawnOn)}` });
      // Without consent the registry may not process the child's data for the certificate: it is suspended.
      const stillValid = db.prepare('SELECT 1 FROM consents WHERE certificate_id = ? AND withdrawn_on IS NULL AND deleted = 0').get(c.id);
      if (!stillValid && c.status === 'active') {
        const reason = 'Отозвано согласие на обработку персональных данных';
        db.prepare('UPDATE certificates SET status = ?, status_reason = ?, modified_at = ? WHERE id = ?').run('suspended', reason, ctx.stamp, c.id);
        recordCertificateEvent(ctx, c.id, { kind: 'suspended', from: 'active', to: 'suspended', reason });
      }
      ctx.audit('consent', consent.id, `Отзыв согласия по сертификату ${c.number} от ${formatDateRu(input.withdrawnOn)}${!stillValid && c.status === 'active' ? '; сертификат приостановлен' : ''}`);
      return toView(consentRow(db, consent.id));
    },
  },
};
