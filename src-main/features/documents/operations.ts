import { CERTIFICATE_STATUS_LABELS, CERTIFICATE_TYPE_LABELS, CONSENT_FORM_VERSION, RELATION_LABELS } from '../../../shared/enums';
import type { IssuedDocumentView, PrintedDocument } from '../../../shared/operations';
import { ALL_ROLES, REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { getMeta } from '../../database/db';
import { renderAttendanceReference, renderCertificateExtract, renderConsentForm, type AttendanceEnrollment, type DocumentFrame, type ExtractData } from '../../pdf/documents';
import { renderApplicationForm } from '../../pdf/application';
import { FOREIGN_CONTRACT, requireOwnOrganization } from '../../common/ownership';
import { reissueCabinetPassword } from '../cabinet';
import { certificateCard, certificateRow, type CertificateRow } from '../certificates';
import { contractRow, listContracts } from '../contracts';
import { applicationFormData, refuseWithdrawnApplication } from './application';
import { officeName } from '../../common/office';
import { documentsOf, registerDocument, verifyDocument } from './registration';

function frame(ctx: OperationContext, registered: { registrationNumber: string; qrPayload: string; issuedAt: string }): DocumentFrame {
  return {
    registrationNumber: registered.registrationNumber,
    qrPayload: registered.qrPayload,
    issuedAt: registered.issuedAt,
    office: { name: officeName(ctx.core.db), address: getMeta(ctx.core.db, 'office_address') },
    operator: { fullName: ctx.actor?.fullName ?? 'АРМ Сертификат' },
  };
}

function printed(ctx: OperationContext, certificateId: string, registeredId: string, pdf: Buffer, fileName: string): PrintedDocument {
  const document = documentsOf(ctx.core.db, certificateId).find((d) => d.id === registeredId) as IssuedDocumentView;
  return { document, pdfBase64: pdf.toString('base64'), fileName };
}

/** Everything the extract shows, read from the card (the same numbers the operator sees on screen). */
export function extractData(ctx: OperationContext, c: CertificateRow, password: string, registered: { registrationNumber: string; qrPayload: string; issuedAt: string }): ExtractData {
  const card = certificateCard(ctx.core.db, c.id, ctx.today, ctx.nowIso);
  return {
    ...frame(ctx, registered),
    certificate: {
      number: card.number,
      typeLabel: CERTIFICATE_TYPE_LABELS[card.type],
      statusLabel: CERTIFICATE_STATUS_LABELS[card.status],
      categoryName: card.category.name,
      municipalityName: card.municipality.name,
      year: card.category.year,
      nominalKopecks: card.money?.nominalKopecks ?? null,
      balanceKopecks: card.money?.balanceKopecks ?? null,
      budgetCounts: card.budgetCounts,
      limitMessage: card.limitMessage,
    },
    child: { fullName: card.child.fullName, birthDate: card.child.birthDate },
    representative: card.representative ? { fullName: card.representative.fullName } : null,
    cabinet: { login: card.number, password },
  };
}

/** The child's contracts in force on the day of the reference. */
function currentEnrollments(ctx: OperationContext, certificateId: string): AttendanceEnrollment[] {
  return listContracts(ctx.core.db, ctx.today, { tab: 'active', certificateId, limit: 100 }).map((k) => {
    const g = ctx.core.db.prepare('SELECT hours_per_week AS h FROM program_groups WHERE id = ?').get(k.groupId) as { h: number };
    return { organization: k.organizationName, program: k.programName, group: k.groupName, startDate: k.startDate, hoursPerWeek: g.h };
  });
}

function refuseAnnulled(c: CertificateRow, what: string): void {
  if (c.status === 'annulled') throw new DomainError('conflict', `Сертификат ${c.number} аннулирован: ${what} не выдаётся.`);
}

export const documentOperations: FeatureOperations<
  'documents.printExtract' | 'documents.printAttendance' | 'documents.printConsentForm' | 'documents.printApplication' | 'documents.verify'
> = {
  'documents.printExtract': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseAnnulled(c, 'выписка');
      const password = reissueCabinetPassword(ctx, c);
      const registered = registerDocument(ctx, 'extract', c.id);
      const pdf = renderCertificateExtract(extractData(ctx, c, password, registered));
      ctx.audit('document', registered.id, `Выписка сертификата ${c.number} № ${registered.registrationNumber} (новый пароль кабинета)`);
      return printed(ctx, c.id, registered.id, pdf, `Выписка ${c.number}.pdf`);
    },
  },
  'documents.printAttendance': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseAnnulled(c, 'справка');
      const card = certificateCard(ctx.core.db, c.id, ctx.today, ctx.nowIso);
      const registered = registerDocument(ctx, 'attendance', c.id);
      const pdf = renderAttendanceReference({
        ...frame(ctx, registered),
        child: { fullName: card.child.fullName, birthDate: card.child.birthDate },
        certificate: { number: card.number, municipalityName: card.municipality.name },
        enrollments: currentEnrollments(ctx, c.id),
      });
      ctx.audit('document', registered.id, `Справка о посещении кружков по сертификату ${c.number} № ${registered.registrationNumber}`);
      return printed(ctx, c.id, registered.id, pdf, `Справка ${c.number}.pdf`);
    },
  },
  'documents.printConsentForm': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const c = certificateRow(ctx.core.db, input.certificateId);
      refuseAnnulled(c, 'форма согласия');
      const card = certificateCard(ctx.core.db, c.id, ctx.today, ctx.nowIso);
      if (!card.representative) throw new DomainError('conflict', 'У ребёнка не указан законный представитель: согласие подписывает представитель.');
      const registered = registerDocument(ctx, 'consent', c.id);
      const rep = card.representative;
      const parent = rep.relation === 'mother' || rep.relation === 'father';
      const pdf = renderConsentForm({
        ...frame(ctx, registered),
        formVersion: CONSENT_FORM_VERSION,
        operatorOfData: {
          name: officeName(ctx.core.db),
          address: getMeta(ctx.core.db, 'office_address') ?? card.municipality.name,
        },
        subject: { fullName: card.child.fullName, birthDate: card.child.birthDate, address: rep.address, identityDocument: card.child.identityDocument },
        representative: {
          fullName: rep.fullName,
          identityDocument: rep.identityDocument,
          address: rep.address,
          relationLabel: RELATION_LABELS[rep.relation],
          authorityDocument: parent ? `Свидетельство о рождении ребёнка ${card.child.identityDocument}` : null,
        },
      });
      ctx.audit('document', registered.id, `Форма согласия на обработку ПДн по сертификату ${c.number} № ${registered.registrationNumber}`);
      return printed(ctx, c.id, registered.id, pdf, `Согласие ${c.number}.pdf`);
    },
  },
  'documents.printApplication': {
    // Organization staff print applications to their own organization only (requireOwnOrganization).
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const k = contractRow(ctx.core.db, input.contractId);
      requireOwnOrganization(ctx, k.organization_id, FOREIGN_CONTRACT);
      refuseWithdrawnApplication(k);
      const c = certificateRow(ctx.core.db, k.certificate_id);
      refuseAnnulled(c, 'заявление на зачисление');
      const registered = registerDocument(ctx, 'application', c.id, k.id);
      const pdf = renderApplicationForm(applicationFormData(ctx, k, c, frame(ctx, registered)));
      ctx.audit('document', registered.id, `Заявление на зачисление по заявке ${k.number} (сертификат ${c.number}) № ${registered.registrationNumber}`);
      return printed(ctx, c.id, registered.id, pdf, `Заявление ${k.number}.pdf`);
    },
  },
  'documents.verify': {
    roles: ALL_ROLES,
    writes: false,
    handler: (input, ctx) => verifyDocument(ctx.core.db, input.code, ctx.core.clock.timeZone),
  },
};
