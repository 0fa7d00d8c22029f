import { CERTIFICATE_STATUS_LABELS, PROGRAM_REGISTRY_LABELS } from '../../../shared/enums';
import { splitPayment } from '../../../shared/money';
import { formatDateRu } from '../../../shared/rules';
import { isAcceptedProlongation, isCancellable, isConfirmable, isProlongable, isRejectable, isTerminable, isTerminationWithdrawable, takesProlongationOf } from '../../../shared/contract-rules';
import { ALL_ROLES, REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { FOREIGN_CONTRACT, FOREIGN_GROUP, requireOwnOrganization } from '../../common/ownership';
import { officeCode } from '../../common/office';
import { certificateMoney, certificateRow, type CertificateRow } from '../certificates';
import { municipalLimitReached } from '../municipalities';
import { budgetPlace, contractFacts, contractRow, contractView, groupRow, listContracts, paidFromCertificate, placesTaken, programRegistries, type ContractRow, type GroupRow } from './queries';

const ORG_AND_ADMIN = ['admin', 'org_staff'] as const;

/** The next contract number of the year, in the office's series: «Д-<office code>-<year>-000001». */
export function nextContractNumber(ctx: OperationContext, year: number): string {
  const prefix = `Д-${officeCode(ctx.core.db, ctx.core.officeId)}-${year}-`;
  const last = ctx.core.db
    .prepare('SELECT max(number) AS n FROM contracts WHERE number >= ? AND number < ?')
    .get(prefix, `${prefix}:`) as { n: string | null };
  return `${prefix}${String(last.n ? Number(last.n.slice(prefix.length)) + 1 : 1).padStart(6, '0')}`;
}

function ledger(ctx: OperationContext, c: CertificateRow, k: ContractRow, kind: 'reserve' | 'release', kopecks: number, note: string): void {
  if (kopecks === 0) return;
  ctx.core.db
    .prepare(
      `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_reserve, contract_id, at, operator_id, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, c.id, c.municipality_id, k.year, kind, kind === 'reserve' ? kopecks : -kopecks, k.id, ctx.nowIso, ctx.actor?.operatorId ?? null, note);
}

/** «2026-11» → «11.2026», as a refusal names a month. */
function formatMonthRu(month: string): string {
  return `${month.slice(5, 7)}.${month.slice(0, 4)}`;
}

/** Whether the municipality of the contract's certificate has closed the month (monthly_closes of features/months). */
function monthClosed(ctx: OperationContext, k: ContractRow, month: string): boolean {
  return !!ctx.core.db
    .prepare('SELECT 1 FROM monthly_closes WHERE municipality_id = (SELECT municipality_id FROM certificates WHERE id = ?) AND month = ? AND deleted = 0')
    .get(k.certificate_id, month);
}

/** What of a contract's certificate part is still booked: its part minus what monthly closes charged. */
function reservedFor(ctx: OperationContext, k: ContractRow): number {
  const s = ctx.core.db
    .prepare("SELECT coalesce(sum(d_reserve), 0) AS r FROM ledger_entries WHERE contract_id = ? AND deleted = 0")
    .get(k.id) as { r: number };
  return s.r;
}

function setStatus(ctx: OperationContext, k: ContractRow, status: ContractRow['status'], extra: { reason?: string; terminationDate?: string } = {}): void {
  ctx.core.db
    .prepare('UPDATE contracts SET status = ?, reason = coalesce(?, reason), termination_date = coalesce(?, termination_date), decided_at = ?, decided_by = ?, modified_at = ? WHERE id = ?')
    .run(status, extra.reason ?? null, extra.terminationDate ?? null, ctx.nowIso, ctx.actor?.operatorId ?? null, ctx.stamp, k.id);
}

/**
 * The organization confirms: a certified program is paid from the certificate (its part booked balance → reserve,
 * within the municipal limit), a budget-registry program takes one of the certificate's budget counts.
 */
function confirm(ctx: OperationContext, k: ContractRow, g: GroupRow, c: CertificateRow): void {
  const { db } = ctx.core;
  if (c.status !== 'active') {
    throw new DomainError('refused', `Зачислить нельзя: ${CERTIFICATE_STATUS_LABELS[c.status].toLowerCase()}. Организация зачисляет только по активированному сертификату.`);
  }
  if (placesTaken(db, g.id, k.id) >= g.capacity) throw new DomainError('refused', `В группе «${g.name}» нет свободных мест.`);
  const registries = programRegistries(g);
  if (paidFromCertificate(registries, c.type)) {
    if (municipalLimitReached(db, c.municipality_id, k.year)) {
      throw new DomainError('refused', 'Лимит денежного обеспечения сертификатов муниципалитета исчерпан: новый договор за счёт сертификата заключить нельзя.');
    }
    const balance = certificateMoney(db, c.id, k.year).balanceKopecks;
    const split = splitPayment(k.price_kopecks, balance);
    const limit = db.prepare('SELECT money_limit_kopecks AS v FROM municipal_years WHERE municipality_id = ? AND year = ? AND deleted = 0').get(c.municipality_id, k.year) as { v: number } | undefined;
    const committed = (db.prepare('SELECT committed_kopecks AS v FROM municipal_money WHERE municipality_id = ? AND year = ?').get(c.municipality_id, k.year) as { v: number } | undefined)?.v ?? 0;
    if (limit && committed + split.certificateKopecks > limit.v) {
      throw new DomainError('refused', 'Договор превысил бы лимит денежного обеспечения сертификатов муниципалитета: заключить его за счёт сертификата нельзя.');
    }
    db.prepare("UPDATE contracts SET funding = 'certificate', certificate_kopecks = ?, parent_kopecks = ? WHERE id = ?").run(split.certificateKopecks, split.parentKopecks, k.id);
    ledger(ctx, c, k, 'reserve', split.certificateKopecks, `Резерв по договору ${k.number}`);
    return;
  }
  const { budget, free } = budgetPlace(db, c, registries, k.year);
  if (!free) {
    const names = budget.map((r) => PROGRAM_REGISTRY_LABELS[r].toLowerCase()).join(', ');
    throw new DomainError('refused', budget.length
      ? `У сертификата не осталось мест в реестре: ${names}.`
      : 'Программа не входит ни в реестр сертифицированных, ни в бюджетные реестры: оплатить её сертификатом нельзя.');
  }
  db.prepare("UPDATE contracts SET funding = 'budget', budget_registry = ?, certificate_kopecks = 0, parent_kopecks = ? WHERE id = ?").run(free, k.price_kopecks, k.id);
}

/** The representative may refuse a prolongation up to and including the 7th day after it was made. */
export const PROLONGATION_REFUSAL_DAYS = 7;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The refusal for a contract that is not the group's organization's (or none at all): it names no record. */
export const PROLONG_NOT_OWN = 'Договор не найден среди договоров организации, которой принадлежит группа следующего года.';

/** Prolongs one contract into a group of the next school year; answers the refusal instead of throwing. */
function prolongOne(ctx: OperationContext, contractId: string, to: GroupRow): { id: string } | { message: string } {
  const { db } = ctx.core;
  const k = db.prepare('SELECT * FROM contracts WHERE id = ? AND deleted = 0').get(contractId) as ContractRow | undefined;
  // Another organization's contract is answered as one not found: the refusal says nothing about it.
  if (!k || k.organization_id !== to.organization_id) return { message: PROLONG_NOT_OWN };
  if (!isProlongable(contractFacts(k))) return { message: `${k.number}: пролонгировать можно действующий или завершённый договор.` };
  const from = groupRow(db, k.group_id);
  if (from.program_id !== to.program_id) return { message: `${k.number}: группа следующего года должна быть той же программы.` };
  if (!takesProlongationOf({ programId: to.program_id, startDate: to.start_date }, { programId: to.program_id, endDate: k.end_date })) return { message: `${k.number}: новая группа начинается до окончания договора.` };
  const twin = db.prepare("SELECT number FROM contracts WHERE prolonged_from = ? AND status NOT IN ('rejected', 'cancelled') AND deleted = 0").get(k.id) as { number: string } | undefined;
  if (twin) return { message: `${k.number}: уже пролонгирован (${twin.number}).` };
  if (placesTaken(db, to.id) >= to.capacity) return { message: `${k.number}: в группе «${to.name}» нет свободных мест.` };
  const year = Number(to.start_date.slice(0, 4));
  const id = ctx.core.newId();
  const number = nextContractNumber(ctx, year);
  db.prepare(
    `INSERT INTO contracts(id, modified_at, origin_office, number, certificate_id, group_id, organization_id, status, start_date, end_date,
                           price_kopecks, year, created_at, created_by, confirmation_method, prolonged_from, prolongation_deadline)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, 'prolongation', ?, ?)`,
  ).run(id, ctx.stamp, ctx.core.officeId, number, k.certificate_id, to.id, to.organization_id, to.start_date, to.end_date,
    to.price_kopecks, year, ctx.nowIso, ctx.actor?.operatorId ?? null, k.id, addDays(ctx.today, PROLONGATION_REFUSAL_DAYS));
  return { id };
}

/**
 * Prolongations the representative did not refuse within 7 days are accepted: confirmed as the organization
 * would confirm them (money booked or a budget count used). One that cannot be confirmed (certificate not active,
 * no money, no budget place) is rejected with that reason.
 */
/** Prolongations not refused by their deadline (read through the partial index of migration 011). */
const DUE_PROLONGATIONS = "FROM contracts WHERE status = 'pending' AND prolongation_deadline IS NOT NULL AND deleted = 0 AND prolongation_deadline < ?";

/** Whether some prolongation waits for acceptance: the desk's hourly job and the close's preview ask first. */
export function prolongationsDue(db: Db, today: string): boolean {
  return !!db.prepare(`SELECT 1 ${DUE_PROLONGATIONS} LIMIT 1`).get(today);
}

export function acceptDueProlongations(ctx: OperationContext): { accepted: number; rejected: number } {
  const { db } = ctx.core;
  const due = db.prepare(`SELECT * ${DUE_PROLONGATIONS} ORDER BY created_at`).all(ctx.today) as ContractRow[];
  let accepted = 0;
  let rejected = 0;
  for (const k of due) {
    try {
      db.transaction(() => {
        confirm(ctx, k, groupRow(db, k.group_id), certificateRow(db, k.certificate_id));
        setStatus(ctx, k, 'confirmed', { reason: 'Пролонгация принята: отказа в течение 7 дней не поступило' });
      })();
      accepted += 1;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      setStatus(ctx, k, 'rejected', { reason: `Пролонгация не вступила в силу: ${e.message}` });
      rejected += 1;
    }
  }
  return { accepted, rejected };
}

/** The same acceptance, with its audit line: from the operation and from the desk's hourly job. */
export function acceptProlongationsAudited(ctx: OperationContext): { accepted: number; rejected: number } {
  const r = acceptDueProlongations(ctx);
  ctx.audit('contract', null, `Пролонгации без отказа за 7 дней: принято ${r.accepted}, не вступило в силу ${r.rejected}`);
  return r;
}

export const contractOperations: FeatureOperations<
  'contracts.prolong' | 'contracts.acceptProlongations' | 'contracts.confirm' | 'contracts.reject' | 'contracts.cancel' | 'contracts.terminate' | 'contracts.withdrawTermination'
  | 'contracts.list'
> = {
  'contracts.prolong': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const to = groupRow(ctx.core.db, input.toGroupId);
      requireOwnOrganization(ctx, to.organization_id, FOREIGN_GROUP);
      const prolonged = [];
      const refused: Array<{ contractId: string; message: string }> = [];
      for (const contractId of input.contractIds) {
        const r = prolongOne(ctx, contractId, to);
        if ('id' in r) prolonged.push(contractView(ctx.core.db, r.id, ctx.today));
        else refused.push({ contractId, message: r.message });
      }
      ctx.audit('group', to.id, `Пролонгация в группу «${to.name}»: ${prolonged.map((k) => k.number).join(', ') || 'ни одного'}${refused.length ? `; отказано: ${refused.length}` : ''}`);
      return { prolonged, refused };
    },
  },
  'contracts.acceptProlongations': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler: (_input, ctx) => acceptProlongationsAudited(ctx),
  },
  'contracts.confirm': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const k = contractRow(db, input.contractId);
      requireOwnOrganization(ctx, k.organization_id, FOREIGN_CONTRACT);
      ctx.audit('contract', k.id, `Подтверждение заявки ${k.number}`);
      if (!isConfirmable(contractFacts(k))) throw new DomainError('conflict', `Заявка ${k.number} уже рассмотрена.`);
      confirm(ctx, k, groupRow(db, k.group_id), certificateRow(db, k.certificate_id));
      setStatus(ctx, k, 'confirmed');
      const view = contractView(db, k.id, ctx.today);
      ctx.audit('contract', k.id, `Заявка ${k.number} подтверждена: ${view.funding === 'budget' ? `бюджетное место (${view.budgetRegistry})` : `сертификат ${view.certificateKopecks} коп., представитель ${view.parentKopecks} коп.`}`);
      return view;
    },
  },
  'contracts.reject': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const k = contractRow(ctx.core.db, input.contractId);
      requireOwnOrganization(ctx, k.organization_id, FOREIGN_CONTRACT);
      if (!isRejectable(contractFacts(k))) throw new DomainError('conflict', `Отклонить можно только ожидающую заявку; ${k.number} уже рассмотрена.`);
      setStatus(ctx, k, 'rejected', { reason: input.reason });
      ctx.audit('contract', k.id, `Заявка ${k.number} отклонена: ${input.reason}`);
      return contractView(ctx.core.db, k.id, ctx.today);
    },
  },
  'contracts.cancel': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const k = contractRow(db, input.contractId);
      if (isAcceptedProlongation(contractFacts(k))) {
        throw new DomainError('conflict', `Пролонгация ${k.number} принята: отказа в течение ${PROLONGATION_REFUSAL_DAYS} дней не поступило, и отменить её нельзя. `
          + `Отказаться от обучения можно расторжением договора с даты начала обучения (${formatDateRu(k.start_date)}).`);
      }
      if (!isCancellable(contractFacts(k), ctx.today)) {
        throw new DomainError('conflict', `Отменить можно заявку, ожидающую подтверждения, или подтверждённую до начала обучения; ${k.number} — нет.`);
      }
      ledger(ctx, certificateRow(db, k.certificate_id), k, 'release', reservedFor(ctx, k), `Отмена заявки ${k.number}`);
      setStatus(ctx, k, 'cancelled', { reason: input.reason });
      ctx.audit('contract', k.id, `Заявка ${k.number} отменена представителем: ${input.reason}`);
      return contractView(db, k.id, ctx.today);
    },
  },
  'contracts.terminate': {
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const k = contractRow(db, input.contractId);
      requireOwnOrganization(ctx, k.organization_id, FOREIGN_CONTRACT);
      const facts = contractFacts(k);
      if (isTerminationWithdrawable(facts)) {
        throw new DomainError('conflict', `Договор ${k.number} уже ожидает расторжения с ${formatDateRu(k.termination_date!)}: чтобы изменить дату, сначала отзовите расторжение.`);
      }
      if (!isTerminable(facts, ctx.today)) {
        throw new DomainError('conflict', `Расторгнуть можно только действующий договор; ${k.number} — не действующий.`);
      }
      if (input.terminationDate < k.start_date || input.terminationDate > k.end_date) {
        throw new DomainError('invalid_input', `Дата расторжения должна быть в сроке договора: с ${formatDateRu(k.start_date)} по ${formatDateRu(k.end_date)}.`, {
          fields: { terminationDate: 'Вне срока договора' },
        });
      }
      const month = input.terminationDate.slice(0, 7);
      if (monthClosed(ctx, k, month)) {
        throw new DomainError('refused', `Месяц ${formatMonthRu(month)} уже закрыт: дата расторжения должна быть в месяце, который ещё не закрыт.`, {
          fields: { terminationDate: 'Месяц уже закрыт' },
        });
      }
      // Termination takes effect at the close of its month: that close charges the month and ends the contract,
      // releasing what is left. Until then the contract is in force and the termination may be withdrawn.
      db.prepare('UPDATE contracts SET termination_date = ?, reason = ?, modified_at = ? WHERE id = ?').run(input.terminationDate, input.reason, ctx.stamp, k.id);
      ctx.audit('contract', k.id, `Договор ${k.number} ожидает расторжения с ${formatDateRu(input.terminationDate)} (вступит в силу при закрытии месяца ${formatMonthRu(month)}): ${input.reason}`);
      return contractView(db, k.id, ctx.today);
    },
  },
  'contracts.withdrawTermination': {
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const k = contractRow(db, input.contractId);
      requireOwnOrganization(ctx, k.organization_id, FOREIGN_CONTRACT);
      if (!isTerminationWithdrawable(contractFacts(k))) {
        throw new DomainError('conflict', k.status === 'terminated'
          ? `Договор ${k.number} уже расторгнут: месяц расторжения закрыт, отозвать расторжение нельзя.`
          : `Договор ${k.number} не ожидает расторжения: отзывать нечего.`);
      }
      db.prepare('UPDATE contracts SET termination_date = NULL, reason = NULL, modified_at = ? WHERE id = ?').run(ctx.stamp, k.id);
      ctx.audit('contract', k.id, `Расторжение договора ${k.number} с ${formatDateRu(k.termination_date!)} отозвано: ${input.reason}`);
      return contractView(db, k.id, ctx.today);
    },
  },
  'contracts.list': {
    roles: ALL_ROLES,
    writes: false,
    handler(input, ctx) {
      const actor = ctx.actor!;
      // Organization staff see only their organization's applications, whatever filter they send.
      const organizationId = actor.role === 'org_staff' ? actor.organizationId! : input.organizationId;
      return listContracts(ctx.core.db, ctx.today, { ...input, organizationId });
    },
  },
};

