import { BUDGET_REGISTRIES, type BudgetRegistry, type CertificateType, type ProgramRegistry } from '../../../shared/enums';
import { monthlyPayments } from '../../../shared/money';
import type { ContractStatus, ContractView, GroupView } from '../../../shared/operations';
import { daysBetween, normalizeName } from '../../../shared/rules';
import { contractDecisions, effectiveStatus, isAwaitingTermination, ratingOpenUntil, type ContractFacts } from '../../../shared/contract-rules';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { budgetCountsOf, categoryById } from '../municipalities';

export interface GroupRow {
  id: string;
  program_id: string;
  module_id: string;
  name: string;
  start_date: string;
  end_date: string;
  capacity: number;
  address: string;
  hours_per_week: number;
  organization_id: string;
  organization_name: string;
  program_name: string;
  age_min: number;
  age_max: number;
  registries: string;
  enrollment_open: number;
  price_kopecks: number;
}

export function groupRow(db: Db, id: string): GroupRow {
  const row = db
    .prepare(
      `SELECT g.*, p.organization_id, o.short_name AS organization_name, p.name AS program_name, p.age_min, p.age_max,
              p.registries, p.enrollment_open, m.price_kopecks
         FROM program_groups g
         JOIN programs p ON p.id = g.program_id
         JOIN organizations o ON o.id = p.organization_id
         JOIN program_modules m ON m.id = g.module_id
        WHERE g.id = ? AND g.deleted = 0`,
    )
    .get(id) as GroupRow | undefined;
  if (!row) throw new DomainError('not_found', 'Группа не найдена.');
  return row;
}

export function programRegistries(g: GroupRow): ProgramRegistry[] {
  return JSON.parse(g.registries) as ProgramRegistry[];
}

/** Confirmation pays a certified program from a financing certificate's money; anything else takes a budget place. */
export function paidFromCertificate(registries: readonly ProgramRegistry[], certificateType: CertificateType): boolean {
  return registries.includes('certified') && certificateType === 'financing';
}

/**
 * The program's budget registries and the first of them in which the certificate still has a budget place in
 * `year` (its category's count minus the confirmed and active budget contracts).
 */
export function budgetPlace(
  db: Db,
  certificate: { id: string; category_id: string },
  registries: readonly ProgramRegistry[],
  year: number,
): { budget: BudgetRegistry[]; free: BudgetRegistry | undefined } {
  const quota = budgetCountsOf(categoryById(db, certificate.category_id)!);
  const used = budgetCountsUsed(db, certificate.id, year);
  const budget = BUDGET_REGISTRIES.filter((r) => registries.includes(r));
  return { budget, free: budget.find((r) => used[r] < quota[r]) };
}

/** Places held in a group: applications awaiting confirmation count, so a group is never over-promised. */
export function placesTaken(db: Db, groupId: string, exceptContractId = ''): number {
  return (db
    .prepare("SELECT count(*) AS n FROM contracts WHERE group_id = ? AND status IN ('pending', 'confirmed', 'active') AND deleted = 0 AND id <> ?")
    .get(groupId, exceptContractId) as { n: number }).n;
}

/**
 * Budget counts a certificate has used in a year, per budget registry. A budget place is used for the year: a
 * confirmed contract holds it, and one that started keeps it when it completes or is terminated; only a
 * cancellation before the start (or a rejection) gives it back.
 */
export function budgetCountsUsed(db: Db, certificateId: string, year: number): Record<BudgetRegistry, number> {
  const rows = db
    .prepare(
      `SELECT budget_registry AS r, count(*) AS n FROM contracts
        WHERE certificate_id = ? AND year = ? AND funding = 'budget' AND status IN ('confirmed', 'active', 'completed', 'terminated') AND deleted = 0
        GROUP BY budget_registry`,
    )
    .all(certificateId, year) as Array<{ r: BudgetRegistry; n: number }>;
  const used = Object.fromEntries(BUDGET_REGISTRIES.map((r) => [r, 0])) as Record<BudgetRegistry, number>;
  for (const row of rows) used[row.r] = row.n;
  return used;
}

export interface ContractRow {
  id: string;
  number: string;
  certificate_id: string;
  group_id: string;
  organization_id: string;
  status: ContractStatus;
  funding: 'certificate' | 'budget' | null;
  budget_registry: BudgetRegistry | null;
  start_date: string;
  end_date: string;
  price_kopecks: number;
  certificate_kopecks: number;
  parent_kopecks: number;
  year: number;
  created_at: string;
  reason: string | null;
  termination_date: string | null;
  prolonged_from: string | null;
  prolongation_deadline: string | null;
}

export function contractRow(db: Db, id: string): ContractRow {
  const row = db.prepare('SELECT * FROM contracts WHERE id = ? AND deleted = 0').get(id) as ContractRow | undefined;
  if (!row) throw new DomainError('not_found', 'Заявка (договор) не найдена.');
  return row;
}

/** A contract by its number («Д-9901-01-2026-000002», any letter case) or its id, as an office script names it. */
export function findContractId(db: Db, numberOrId: string): string {
  const key = numberOrId.trim();
  const row = db.prepare('SELECT id FROM contracts WHERE (number = ? OR id = ?) AND deleted = 0').get(key.toUpperCase(), key.toLowerCase()) as { id: string } | undefined;
  if (!row) throw new DomainError('not_found', `Заявка (договор) «${key}» не найдена в реестре.`);
  return row.id;
}

/** The facts the shared contract rules read, from a stored row. */
export function contractFacts(k: Pick<ContractRow, 'status' | 'start_date' | 'end_date' | 'termination_date' | 'prolonged_from'>): ContractFacts {
  return { status: k.status, startDate: k.start_date, endDate: k.end_date, terminationDate: k.termination_date, prolongation: k.prolonged_from !== null };
}

interface ListRow extends ContractRow {
  certificate_number: string;
  child_name: string;
  organization_name: string;
  program_id: string;
  program_name: string;
  group_name: string;
  prolonged_from_number: string | null;
  rating_results: number | null;
  rating_staff: number | null;
  rating_equipment: number | null;
  rating_satisfaction: number | null;
}

/** A contract as the lists show it; `indexedBy` may name the index the contracts are walked by. */
const listSelect = (indexedBy = '') => `
  SELECT k.*, c.number AS certificate_number,
         ch.last_name || ' ' || ch.first_name || coalesce(' ' || ch.middle_name, '') AS child_name,
         o.short_name AS organization_name, p.id AS program_id, p.name AS program_name, g.name AS group_name,
         (SELECT number FROM contracts WHERE id = k.prolonged_from) AS prolonged_from_number,
         r.results AS rating_results, r.staff AS rating_staff, r.equipment AS rating_equipment, r.satisfaction AS rating_satisfaction
    FROM contracts k ${indexedBy}
    LEFT JOIN program_ratings r ON r.contract_id = k.id AND r.deleted = 0
    JOIN certificates c ON c.id = k.certificate_id
    JOIN children ch ON ch.id = c.child_id
    JOIN program_groups g ON g.id = k.group_id
    JOIN programs p ON p.id = g.program_id
    JOIN organizations o ON o.id = k.organization_id`;

function toView(r: ListRow, today: string): ContractView {
  const facts = contractFacts(r);
  return {
    id: r.id,
    number: r.number,
    status: effectiveStatus(r.status, r.start_date, today),
    certificateId: r.certificate_id,
    certificateNumber: r.certificate_number,
    childName: r.child_name,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    programId: r.program_id,
    programName: r.program_name,
    groupId: r.group_id,
    groupName: r.group_name,
    funding: r.funding,
    budgetRegistry: r.budget_registry,
    startDate: r.start_date,
    endDate: r.end_date,
    priceKopecks: r.price_kopecks,
    certificateKopecks: r.certificate_kopecks,
    parentKopecks: r.parent_kopecks,
    monthlyPayments: r.certificate_kopecks > 0 ? monthlyPayments(r.certificate_kopecks, r.start_date, r.end_date) : [],
    createdAt: r.created_at,
    reason: r.reason,
    terminationDate: r.termination_date,
    awaitingTermination: isAwaitingTermination(facts),
    prolongedFromNumber: r.prolonged_from_number,
    prolongationDeadline: r.prolongation_deadline,
    prolongationDaysLeft: r.status === 'pending' && r.prolongation_deadline ? Math.max(daysBetween(today, r.prolongation_deadline), 0) : null,
    rating:
      r.rating_results === null
        ? null
        : { results: r.rating_results, staff: r.rating_staff ?? 0, equipment: r.rating_equipment ?? 0, satisfaction: r.rating_satisfaction ?? 0 },
    ratingOpenUntil: ratingOpenUntil(facts, today),
    ...contractDecisions(facts, today),
  };
}

export function contractView(db: Db, id: string, today: string): ContractView {
  return toView(db.prepare(`${listSelect()} WHERE k.id = ?`).get(id) as ListRow, today);
}

/** A contract's view, or null when no such contract is in the registry. */
export function contractViewIfAny(db: Db, id: string, today: string): ContractView | null {
  const row = db.prepare(`${listSelect()} WHERE k.id = ? AND k.deleted = 0`).get(id) as ListRow | undefined;
  return row ? toView(row, today) : null;
}

const TAB_STATUSES: Record<string, string> = {
  pending: "k.status = 'pending'",
  confirmed: "k.status = 'confirmed' AND k.start_date > @today",
  active: "(k.status = 'active' OR (k.status = 'confirmed' AND k.start_date <= @today))",
  archive: "k.status IN ('completed', 'terminated', 'rejected', 'cancelled')",
};

/** The seed's lists «Ожидающие подтверждения», «Подтвержденные», «Действующие», «Архив», with filters. */
export function listContracts(
  db: Db,
  today: string,
  f: {
    tab?: string | undefined; certificateId?: string | undefined; certificateNumber?: string | undefined; organizationId?: string | undefined; groupId?: string | undefined;
    olderThan?: { createdAt: string; number: string } | undefined; limit: number;
  },
): ContractView[] {
  const where = ['k.deleted = 0'];
  // The next page: what comes after the last contract shown, in the list's order (newest first).
  if (f.olderThan) where.push('(k.created_at, k.number) < (@olderCreatedAt, @olderNumber)');
  if (f.tab) where.push(TAB_STATUSES[f.tab]!);
  if (f.certificateId) where.push('k.certificate_id = @certificateId');
  if (f.certificateNumber) where.push('c.number = @certificateNumber');
  if (f.organizationId) where.push('k.organization_id = @organizationId');
  if (f.groupId) where.push('k.group_id = @groupId');
  // A certificate, group or organization picks few contracts, which are sorted; without one the list walks the
  // contracts newest first and stops after a page, instead of sorting the whole registry's tab.
  const narrowed = f.certificateId || f.certificateNumber || f.organizationId || f.groupId;
  const rows = db
    .prepare(`${listSelect(narrowed ? '' : 'INDEXED BY contracts_created')} WHERE ${where.join(' AND ')} ORDER BY k.created_at DESC, k.number DESC LIMIT @limit`)
    .all({
      today, certificateId: f.certificateId ?? null, certificateNumber: f.certificateNumber ?? null, organizationId: f.organizationId ?? null, groupId: f.groupId ?? null,
      olderCreatedAt: f.olderThan?.createdAt ?? null, olderNumber: f.olderThan?.number ?? null, limit: f.limit,
    }) as ListRow[];
  return rows.map((r) => toView(r, today));
}

/** Groups to apply into, with what the application form needs (places, dates, price, ages). */
export function listGroups(db: Db, f: { organizationId?: string | undefined; programId?: string | undefined; query?: string | undefined }): GroupView[] {
  const where = ['g.deleted = 0'];
  if (f.organizationId) where.push('p.organization_id = @organizationId');
  if (f.programId) where.push('g.program_id = @programId');
  const q = f.query ? normalizeName(f.query) : '';
  const rows = db
    .prepare(
      `SELECT g.*, p.organization_id, o.short_name AS organization_name, p.name AS program_name, p.age_min, p.age_max, p.registries,
              p.enrollment_open, m.name AS module_name, m.price_kopecks,
              (SELECT count(*) FROM contracts k WHERE k.group_id = g.id AND k.status IN ('pending', 'confirmed', 'active') AND k.deleted = 0) AS taken
         FROM program_groups g
         JOIN programs p ON p.id = g.program_id
         JOIN organizations o ON o.id = p.organization_id
         JOIN program_modules m ON m.id = g.module_id
        WHERE ${where.join(' AND ')}
        ORDER BY o.short_name, p.name, g.name LIMIT 500`,
    )
    .all({ organizationId: f.organizationId ?? null, programId: f.programId ?? null }) as Array<GroupRow & { module_name: string; teacher: string | null; timetable: string; taken: number }>;
  return rows
    .filter((r) => !q || normalizeName(`${r.program_name} ${r.organization_name} ${r.name}`).includes(q))
    .map((r) => ({
      id: r.id,
      name: r.name,
      programId: r.program_id,
      programName: r.program_name,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      moduleName: r.module_name,
      modulePriceKopecks: r.price_kopecks,
      startDate: r.start_date,
      endDate: r.end_date,
      capacity: r.capacity,
      placesTaken: r.taken,
      address: r.address,
      teacher: r.teacher,
      ageMin: r.age_min,
      ageMax: r.age_max,
      enrollmentOpen: r.enrollment_open === 1,
      registries: JSON.parse(r.registries) as string[],
      timetable: JSON.parse(r.timetable) as GroupView['timetable'],
    }));
}
