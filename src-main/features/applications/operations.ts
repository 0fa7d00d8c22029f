import { CERTIFICATE_STATUS_LABELS } from '../../../shared/enums';
import { contractPrice } from '../../../shared/money';
import type { OperationParsedInput } from '../../../shared/operations';
import { ageOn, formatDateRu } from '../../../shared/rules';
import { ALL_ROLES, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { FOREIGN_GROUP, requireOwnOrganization } from '../../common/ownership';
import { verifyCabinetCredentials } from '../cabinet';
import { certificateRowByNumber, checkOrganizationConfirmation, childBirthDate, type CertificateRow } from '../certificates';
import { contractView, groupRow, nextContractNumber, placesTaken } from '../contracts';

/** What the applicant presents for the child besides the certificate number (see `admitApplicant`). */
export interface ApplicantPresented {
  childFullName?: string | undefined;
  codePhrase?: string | undefined;
  cabinetPassword?: string | undefined;
}

/**
 * The certificate checks every application of a child makes, for a program or an event: an annulled or suspended
 * certificate takes none; organization staff pass the confirmation policy (wrong answers count toward the lockout);
 * at the registry desk the parent may instead present the cabinet password. Returns how it was confirmed.
 */
export function admitApplicant(ctx: OperationContext, c: CertificateRow, presented: ApplicantPresented): string {
  if (c.status === 'annulled' || c.status === 'suspended') {
    throw new DomainError('refused', `Заявку создать нельзя: ${CERTIFICATE_STATUS_LABELS[c.status].toLowerCase()}.`);
  }
  if (ctx.actor!.role !== 'org_staff' && presented.cabinetPassword) {
    verifyCabinetCredentials(ctx, c.number, presented.cabinetPassword);
    return 'cabinet_password';
  }
  checkOrganizationConfirmation(ctx, c, { childFullName: presented.childFullName, codePhrase: presented.codePhrase });
  return c.confirmation_policy;
}

/**
 * An application for a child into a group, under the certificate's confirmation policy. Organization staff pass
 * the policy's check (wrong answers count toward the lockout); at the registry desk the parent may instead present
 * the cabinet login and password (the only way for «Запись запрещена»).
 */
function createApplication(input: OperationParsedInput<'applications.create'>, ctx: OperationContext) {
  const { db } = ctx.core;
  const c = certificateRowByNumber(db, input.certificateNumber);
  if (!c) throw new DomainError('not_found', `Сертификат № ${input.certificateNumber} не найден в реестре.`);
  const g = groupRow(db, input.groupId);
  ctx.audit('contract', null, `Заявка по сертификату ${c.number} в группу «${g.name}» (${g.program_name})`);
  requireOwnOrganization(ctx, g.organization_id, FOREIGN_GROUP);
  const method = admitApplicant(ctx, c, input);
  if (!g.enrollment_open) throw new DomainError('refused', `Зачисление на программу «${g.program_name}» закрыто.`);
  const startDate = input.startDate ?? (ctx.today > g.start_date ? ctx.today : g.start_date);
  if (startDate < g.start_date || startDate > g.end_date) {
    throw new DomainError('invalid_input', `Дата начала должна быть в периоде обучения группы: с ${formatDateRu(g.start_date)} по ${formatDateRu(g.end_date)}.`, { fields: { startDate: 'Вне периода группы' } });
  }
  const age = ageOn(childBirthDate(ctx, c), startDate);
  if (age < g.age_min || age > g.age_max) {
    throw new DomainError('refused', `Программа «${g.program_name}» — для детей от ${g.age_min} до ${g.age_max} лет, ребёнку на дату начала ${age}.`);
  }
  if (placesTaken(db, g.id) >= g.capacity) throw new DomainError('refused', `В группе «${g.name}» нет свободных мест (${g.capacity} из ${g.capacity}).`);
  const twin = db
    .prepare("SELECT number FROM contracts WHERE certificate_id = ? AND group_id = ? AND status IN ('pending', 'confirmed', 'active') AND deleted = 0")
    .get(c.id, g.id) as { number: string } | undefined;
  if (twin) throw new DomainError('conflict', `Ребёнок уже записан в эту группу: ${twin.number}.`);
  const year = Number(startDate.slice(0, 4));
  const id = ctx.core.newId();
  const number = nextContractNumber(ctx, year);
  db.prepare(
    `INSERT INTO contracts(id, modified_at, origin_office, number, certificate_id, group_id, organization_id, status, start_date, end_date,
                           price_kopecks, year, created_at, created_by, confirmation_method)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, ctx.stamp, ctx.core.officeId, number, c.id, g.id, g.organization_id, startDate, g.end_date,
    contractPrice(g.price_kopecks, g.start_date, g.end_date, startDate, g.end_date), year, ctx.nowIso, ctx.actor?.operatorId ?? null, method);
  ctx.audit('contract', id, `Заявка ${number}: сертификат ${c.number}, «${g.program_name}», группа «${g.name}», с ${formatDateRu(startDate)}`);
  return contractView(db, id, ctx.today);
}

export const applicationOperations: FeatureOperations<'applications.create'> = {
  'applications.create': {
    roles: ALL_ROLES,
    writes: true,
    handler: createApplication,
  },
};
