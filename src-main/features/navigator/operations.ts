import { BUDGET_REGISTRIES, PROGRAM_REGISTRY_LABELS, type Direction, type ProgramRegistry } from '../../../shared/enums';
import type { OperationParsedInput, ProgramCard } from '../../../shared/operations';
import { ageOn, normalizeName } from '../../../shared/rules';
import { ALL_ROLES, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../registry/db';
import { certificateMoney } from '../certificates/card';
import { certificateRowByNumber, type CertificateRow } from '../certificates/records';
import { budgetCountsUsed } from '../contracts/queries';
import { categoryById, municipalLimitReached } from '../municipalities/queries';

interface ProgramRow {
  id: string;
  name: string;
  organization_id: string;
  short_name: string;
  full_name: string;
  org_address: string | null;
  org_phone: string | null;
  org_email: string | null;
  municipality_id: string;
  municipality_name: string;
  direction: Direction;
  age_min: number;
  age_max: number;
  registries: string;
  activity_types: string;
  goals: string;
  annotation: string;
  addresses: string;
  enrollment_open: number;
  capacity_left: number | null;
  nearest_start: string | null;
}

const SELECT = `
  SELECT p.id, p.name, p.organization_id, o.short_name, o.name AS full_name, o.address AS org_address, o.phone AS org_phone,
         o.email AS org_email, o.municipality_id, m.name AS municipality_name, p.direction, p.age_min, p.age_max, p.registries,
         p.activity_types, p.goals, p.annotation, p.addresses, p.enrollment_open,
         (SELECT sum(max(g.capacity - (SELECT count(*) FROM contracts k WHERE k.group_id = g.id AND k.status IN ('pending', 'confirmed', 'active') AND k.deleted = 0), 0))
            FROM program_groups g WHERE g.program_id = p.id AND g.end_date >= @today AND g.deleted = 0) AS capacity_left,
         (SELECT min(g.start_date) FROM program_groups g WHERE g.program_id = p.id AND g.end_date >= @today AND g.deleted = 0) AS nearest_start
    FROM programs p
    JOIN organizations o ON o.id = p.organization_id
    JOIN municipalities m ON m.id = o.municipality_id`;

/**
 * Why this certificate cannot enroll in this program now — the reasons the seed's switch «Исключить программы,
 * на которые не получится записаться по моему сертификату» hides programs for.
 */
function exclusionReasons(db: Db, p: ProgramRow, c: CertificateRow, today: string): string[] {
  const reasons: string[] = [];
  if (c.status !== 'active') reasons.push('сертификат не активирован');
  const birth = (db.prepare('SELECT birth_date AS b FROM children WHERE id = ?').get(c.child_id) as { b: string }).b;
  const age = ageOn(birth, today);
  if (age < p.age_min || age > p.age_max) reasons.push(`возраст: программа для ${p.age_min}–${p.age_max} лет, ребёнку ${age}`);
  if (!p.enrollment_open) reasons.push('зачисление закрыто');
  if (!p.capacity_left) reasons.push('нет свободных мест');
  const registries = JSON.parse(p.registries) as ProgramRegistry[];
  const year = Number(today.slice(0, 4));
  const canPayWithMoney =
    registries.includes('certified') && c.type === 'financing' && !municipalLimitReached(db, c.municipality_id, year) && certificateMoney(db, c.id, year).balanceKopecks > 0;
  if (!canPayWithMoney) {
    const budget = BUDGET_REGISTRIES.filter((r) => registries.includes(r));
    const category = categoryById(db, c.category_id)!;
    const quota = { significant: category.budget_significant, general: category.budget_general, preprofessional: category.budget_preprofessional };
    const used = budgetCountsUsed(db, c.id, year);
    if (!budget.some((r) => used[r] < quota[r])) {
      if (registries.includes('certified') && !budget.length) reasons.push('нет средств сертификата');
      else if (budget.length) reasons.push(`не осталось мест по реестру: ${budget.map((r) => PROGRAM_REGISTRY_LABELS[r].toLowerCase()).join(', ')}`);
      else reasons.push('программа не оплачивается сертификатом');
    }
  }
  return reasons;
}

function toCard(db: Db, p: ProgramRow, c: CertificateRow | undefined, today: string): ProgramCard {
  const modules = db
    .prepare('SELECT id, ordinal, name, hours, price_kopecks AS priceKopecks FROM program_modules WHERE program_id = ? AND deleted = 0 ORDER BY ordinal')
    .all(p.id) as ProgramCard['modules'];
  return {
    id: p.id,
    name: p.name,
    organizationId: p.organization_id,
    organizationName: p.short_name,
    organizationFullName: p.full_name,
    organizationAddress: p.org_address,
    organizationPhone: p.org_phone,
    organizationEmail: p.org_email,
    municipalityName: p.municipality_name,
    direction: p.direction,
    ageMin: p.age_min,
    ageMax: p.age_max,
    registries: JSON.parse(p.registries) as ProgramRegistry[],
    activityTypes: JSON.parse(p.activity_types) as string[],
    goals: p.goals,
    annotation: p.annotation,
    addresses: JSON.parse(p.addresses) as string[],
    enrollmentOpen: p.enrollment_open === 1,
    modules,
    placesLeft: p.capacity_left ?? 0,
    nearestStart: p.nearest_start,
    excludedBecause: c ? exclusionReasons(db, p, c, today) : [],
  };
}

function certificateFor(ctx: OperationContext, number: string | undefined): CertificateRow | undefined {
  if (!number) return undefined;
  const c = certificateRowByNumber(ctx.core.db, number);
  if (!c) throw new DomainError('not_found', `Сертификат № ${number} не найден в реестре.`);
  return c;
}

/** The navigator: search as you type plus the seed's advanced filters. */
export function searchPrograms(ctx: OperationContext, f: OperationParsedInput<'programs.search'>): ProgramCard[] {
  const { db } = ctx.core;
  const c = certificateFor(ctx, f.certificateNumber);
  const where = ['p.deleted = 0'];
  if (f.direction) where.push('p.direction = @direction');
  if (f.registry) where.push('EXISTS (SELECT 1 FROM json_each(p.registries) WHERE value = @registry)');
  if (f.age !== undefined) where.push('p.age_min <= @age AND p.age_max >= @age');
  if (f.municipalityId) where.push('o.municipality_id = @municipalityId');
  if (f.startMonth) where.push("EXISTS (SELECT 1 FROM program_groups g WHERE g.program_id = p.id AND substr(g.start_date, 1, 7) = @startMonth AND g.deleted = 0)");
  const rows = db
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY p.name`)
    .all({ today: ctx.today, direction: f.direction ?? null, registry: f.registry ?? null, age: f.age ?? null, municipalityId: f.municipalityId ?? null, startMonth: f.startMonth ?? null }) as ProgramRow[];
  const words = f.query ? normalizeName(f.query).split(' ').filter(Boolean) : [];
  const address = f.address ? normalizeName(f.address) : '';
  const out: ProgramCard[] = [];
  for (const r of rows) {
    const text = normalizeName(`${r.name} ${r.short_name} ${r.full_name}`);
    if (words.length && !words.every((w) => text.includes(w))) continue;
    if (address && !normalizeName(`${r.addresses} ${r.org_address ?? ''}`).includes(address)) continue;
    const card = toCard(db, r, c, ctx.today);
    if (f.onlyAvailable && card.excludedBecause.length) continue;
    out.push(card);
    if (out.length >= f.limit) break;
  }
  return out;
}

/** The program page as the navigator shows it, without a certificate. */
export function programCard(ctx: OperationContext, programId: string): ProgramCard {
  const row = ctx.core.db.prepare(`${SELECT} WHERE p.id = @id AND p.deleted = 0`).get({ today: ctx.today, id: programId }) as ProgramRow | undefined;
  if (!row) throw new DomainError('not_found', 'Программа не найдена.');
  return toCard(ctx.core.db, row, undefined, ctx.today);
}

export const navigatorOperations: FeatureOperations<'programs.search' | 'programs.get'> = {
  'programs.search': {
    roles: ALL_ROLES,
    writes: false,
    handler: (input, ctx) => searchPrograms(ctx, input),
  },
  'programs.get': {
    roles: ALL_ROLES,
    writes: false,
    handler(input, ctx) {
      const row = ctx.core.db.prepare(`${SELECT} WHERE p.id = @id AND p.deleted = 0`).get({ today: ctx.today, id: input.programId }) as ProgramRow | undefined;
      if (!row) throw new DomainError('not_found', 'Программа не найдена.');
      return toCard(ctx.core.db, row, certificateFor(ctx, input.certificateNumber), ctx.today);
    },
  },
};
