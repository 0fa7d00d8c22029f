/**
 * What the enrollment application («Заявление на зачисление») prints for one application or contract: the
 * same numbers the contract lists show (price, certificate and representative parts, monthly payments). For an
 * application still awaiting confirmation nothing is booked yet, so the form shows what confirmation would
 * book today, marked as an estimate.
 */
import {
  CERTIFICATE_TYPE_LABELS,
  CONFIRMATION_METHOD_LABELS,
  CONTRACT_STATUS_PRINTED_LABELS,
  PROGRAM_REGISTRY_LABELS,
  RELATION_LABELS,
  type ConfirmationMethod,
  type ProgramRegistry,
} from '../../../shared/enums';
import { monthlyPayments, splitPayment } from '../../../shared/money';
import { formatDateRu } from '../../../shared/rules';
import type { OperationContext } from '../../api/operation';
import { dateInZone } from '../../clock';
import { DomainError } from '../../errors';
import type { ApplicationFormData, ApplicationMonth, ApplicationPayment } from '../../pdf/application';
import type { DocumentFrame } from '../../pdf/layout';
import { certificateCard, certificateMoney, type CertificateRow } from '../certificates';
import { isApplicationPrintable } from '../../../shared/contract-rules';
import { budgetPlace, contractFacts, contractView, paidFromCertificate, type ContractRow } from '../contracts';
import { municipalLimitReached } from '../municipalities';

/**
 * A rejected or cancelled application records a request that will not be fulfilled: a freshly registered form
 * would be «действителен» on verification for an enrollment that is not going to happen. Every other status
 * prints: a pending one is the form the representative signs when applying, later ones are reprints for the
 * organization's file (the application is kept with the contract, also after it ended).
 */
export function refuseWithdrawnApplication(k: ContractRow): void {
  if (!isApplicationPrintable(contractFacts(k))) {
    const what = k.status === 'rejected' ? 'отклонена организацией' : 'отменена';
    throw new DomainError('conflict', `Заявка ${k.number} ${what}: заявление на зачисление по ней не печатается.`);
  }
}

interface GroupFacts {
  organization_full_name: string;
  registries: string;
  module_name: string;
  module_hours: number;
  group_name: string;
  address: string;
  teacher: string | null;
  timetable: string;
  confirmation_method: string;
}

function groupFacts(ctx: OperationContext, contractId: string): GroupFacts {
  return ctx.core.db
    .prepare(
      `SELECT o.name AS organization_full_name, p.registries, m.name AS module_name, m.hours AS module_hours, g.name AS group_name, g.address, g.teacher, g.timetable,
              k.confirmation_method
         FROM contracts k
         JOIN program_groups g ON g.id = k.group_id
         JOIN program_modules m ON m.id = g.module_id
         JOIN programs p ON p.id = g.program_id
         JOIN organizations o ON o.id = k.organization_id
        WHERE k.id = ?`,
    )
    .get(contractId) as GroupFacts;
}

/** The certificate's and the representative's monthly payments side by side, month by month. */
function schedule(k: ContractRow, certificateKopecks: number, parentKopecks: number): ApplicationMonth[] {
  const parent = monthlyPayments(parentKopecks, k.start_date, k.end_date);
  return monthlyPayments(certificateKopecks, k.start_date, k.end_date).map((m, i) => ({
    month: m.month,
    certificateKopecks: m.kopecks,
    parentKopecks: parent[i]!.kopecks,
  }));
}

function payment(ctx: OperationContext, k: ContractRow, c: CertificateRow, registries: ProgramRegistry[]): ApplicationPayment {
  const { db } = ctx.core;
  if (k.funding === 'certificate') {
    return { funding: 'certificate', priceKopecks: k.price_kopecks, certificateKopecks: k.certificate_kopecks, parentKopecks: k.parent_kopecks, schedule: schedule(k, k.certificate_kopecks, k.parent_kopecks), provisionalNote: null };
  }
  if (k.funding === 'budget') {
    return { funding: 'budget', priceKopecks: k.price_kopecks, registryLabel: k.budget_registry ? PROGRAM_REGISTRY_LABELS[k.budget_registry] : null, provisionalNote: null };
  }
  // Awaiting confirmation: the estimate follows the rules confirmation applies (contracts/operations.ts confirm).
  const on = formatDateRu(ctx.today);
  if (paidFromCertificate(registries, c.type)) {
    const limitReached = municipalLimitReached(db, c.municipality_id, k.year);
    const balance = limitReached ? 0 : certificateMoney(db, c.id, k.year).balanceKopecks;
    const split = splitPayment(k.price_kopecks, balance);
    return {
      funding: 'certificate',
      priceKopecks: k.price_kopecks,
      certificateKopecks: split.certificateKopecks,
      parentKopecks: split.parentKopecks,
      schedule: schedule(k, split.certificateKopecks, split.parentKopecks),
      provisionalNote: limitReached
        ? `Лимит денежного обеспечения сертификатов муниципалитета на ${k.year} год исчерпан: средства сертификата для этой заявки сейчас использовать нельзя.`
        : `Расчёт предварительный, по остатку сертификата на ${on}; окончательный — при подтверждении заявки.`,
    };
  }
  const { free } = budgetPlace(db, c, registries, k.year);
  return {
    funding: 'budget',
    priceKopecks: k.price_kopecks,
    registryLabel: free ? PROGRAM_REGISTRY_LABELS[free] : null,
    provisionalNote: `Бюджетное место учитывается при подтверждении заявки организацией (сведения на ${on}).`,
  };
}

function confirmationMethodLine(method: string, prolongedFrom: string | null): string {
  const label = (CONFIRMATION_METHOD_LABELS as Record<string, string | undefined>)[method as ConfirmationMethod] ?? method;
  return method === 'prolongation' && prolongedFrom ? `${label} (${prolongedFrom})` : label;
}

export function applicationFormData(ctx: OperationContext, k: ContractRow, c: CertificateRow, frame: DocumentFrame): ApplicationFormData {
  const { db } = ctx.core;
  const view = contractView(db, k.id, ctx.today);
  const card = certificateCard(db, c.id, ctx.today, ctx.nowIso);
  const facts = groupFacts(ctx, k.id);
  const rep = card.representative;
  return {
    ...frame,
    organization: { fullName: facts.organization_full_name },
    representative: rep ? { fullName: rep.fullName, relationLabel: RELATION_LABELS[rep.relation], phone: rep.phone, email: rep.email, address: rep.address } : null,
    child: { fullName: card.child.fullName, birthDate: card.child.birthDate },
    certificate: { number: card.number, typeLabel: CERTIFICATE_TYPE_LABELS[card.type] },
    program: {
      name: view.programName,
      moduleName: facts.module_name,
      moduleHours: facts.module_hours,
      groupName: view.groupName,
      classAddress: facts.address,
      teacher: facts.teacher,
      timetable: JSON.parse(facts.timetable) as ApplicationFormData['program']['timetable'],
      startDate: view.startDate,
      endDate: view.endDate,
    },
    application: {
      number: view.number,
      appliedOn: dateInZone(new Date(view.createdAt), ctx.core.clock.timeZone),
      statusLabel: `${CONTRACT_STATUS_PRINTED_LABELS[view.status]}${view.terminationDate ? ` с ${formatDateRu(view.terminationDate)}` : ''}`,
      confirmationMethod: confirmationMethodLine(facts.confirmation_method, view.prolongedFromNumber),
    },
    payment: payment(ctx, k, c, JSON.parse(facts.registries) as ProgramRegistry[]),
  };
}
