import { BUDGET_REGISTRIES, PROGRAM_REGISTRY_LABELS, type BudgetRegistry, type Direction, type ProgramRegistry } from '../../../shared/enums';
import type { OperationParsedInput, ProgramCard } from '../../../shared/operations';
import { ageOn, normalizeName, searchWords } from '../../../shared/rules';
import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { certificateMoney, certificateRowByNumber, type CertificateRow } from '../certificates';
import { budgetCountsUsed } from '../contracts';
import { categoryById, municipalLimitReached } from '../municipalities';
import { registryStatesOf } from './registries';

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
  interests: string;
  goals: string;
  annotation: string;
  addresses: string;
  enrollment_open: number;
}

/** The programs with their organization; `indexedBy` may say how the programs are read (INDEXED BY, NOT INDEXED). */
const selectPrograms = (indexedBy = '') => `
  SELECT p.id, p.name, p.organization_id, o.short_name, o.name AS full_name, o.address AS org_address, o.phone AS org_phone,
         o.email AS org_email, o.municipality_id, m.name AS municipality_name, p.direction, p.age_min, p.age_max, p.registries,
         p.activity_types, p.interests, p.goals, p.annotation, p.addresses, p.enrollment_open
    FROM programs p ${indexedBy}
    JOIN organizations o ON o.id = p.organization_id
    JOIN municipalities m ON m.id = o.municipality_id`;

interface Places {
  capacity_left: number | null;
  nearest_start: string | null;
}

/**
 * Places left over programs' current groups (pending applications hold a place) and their nearest start, for the
 * programs shown only, in one query: counted from the contracts(group_id, status, deleted) index alone.
 */
function placesOf(db: Db, programIds: string[], today: string): Map<string, Places> {
  const rows = db
    .prepare(
      `SELECT g.program_id,
              sum(max(g.capacity - (SELECT count(*) FROM contracts k WHERE k.group_id = g.id AND k.status IN ('pending', 'confirmed', 'active') AND k.deleted = 0), 0)) AS capacity_left,
              min(g.start_date) AS nearest_start
         FROM program_groups g WHERE g.program_id IN (SELECT value FROM json_each(?)) AND g.end_date >= ? AND g.deleted = 0
        GROUP BY g.program_id`,
    )
    .all(JSON.stringify(programIds), today) as Array<Places & { program_id: string }>;
  return new Map(rows.map((r) => [r.program_id, r]));
}

const NO_PLACES: Places = { capacity_left: null, nearest_start: null };

/**
 * What a certificate can pay with and who its child is, read once per search: the per-program reasons below then
 * need no query of their own, however many programs are looked at.
 */
interface CertificateOutlook {
  active: boolean;
  age: number;
  /** A certified program can be paid from the certificate: financing type, money left, municipal limit not reached. */
  moneyAvailable: boolean;
  /** Budget registries in which the certificate still has a count this year. */
  budgetLeft: BudgetRegistry[];
}

export function certificateOutlook(db: Db, c: CertificateRow, today: string): CertificateOutlook {
  const birth = (db.prepare('SELECT birth_date AS b FROM children WHERE id = ?').get(c.child_id) as { b: string }).b;
  const year = Number(today.slice(0, 4));
  const category = categoryById(db, c.category_id)!;
  const quota = { significant: category.budget_significant, general: category.budget_general, preprofessional: category.budget_preprofessional };
  const used = budgetCountsUsed(db, c.id, year);
  return {
    active: c.status === 'active',
    age: ageOn(birth, today),
    moneyAvailable: c.type === 'financing' && !municipalLimitReached(db, c.municipality_id, year) && certificateMoney(db, c.id, year).balanceKopecks > 0,
    budgetLeft: BUDGET_REGISTRIES.filter((r) => used[r] < quota[r]),
  };
}

/** The registries a program must be in for this certificate to pay for it now. */
function payableRegistries(o: CertificateOutlook): ProgramRegistry[] {
  return [...(o.moneyAvailable ? (['certified'] as const) : []), ...o.budgetLeft];
}

/**
 * Why this certificate cannot enroll in this program now — the reasons the seed's switch «Исключить программы,
 * на которые не получится записаться по моему сертификату» hides programs for.
 */
function exclusionReasons(p: ProgramRow & { capacity_left: number | null }, o: CertificateOutlook): string[] {
  const reasons: string[] = [];
  if (!o.active) reasons.push('сертификат не активирован');
  if (o.age < p.age_min || o.age > p.age_max) reasons.push(`возраст: программа для ${p.age_min}–${p.age_max} лет, ребёнку ${o.age}`);
  if (!p.enrollment_open) reasons.push('зачисление закрыто');
  if (!p.capacity_left) reasons.push('нет свободных мест');
  const registries = JSON.parse(p.registries) as ProgramRegistry[];
  const canPayWithMoney = registries.includes('certified') && o.moneyAvailable;
  if (!canPayWithMoney) {
    const budget = BUDGET_REGISTRIES.filter((r) => registries.includes(r));
    if (!budget.some((r) => o.budgetLeft.includes(r))) {
      if (registries.includes('certified') && !budget.length) reasons.push('нет средств сертификата');
      else if (budget.length) reasons.push(`не осталось мест по реестру: ${budget.map((r) => PROGRAM_REGISTRY_LABELS[r].toLowerCase()).join(', ')}`);
      else reasons.push('программа не оплачивается сертификатом');
    }
  }
  return reasons;
}

/** The cards of the programs shown, their places and modules read for all of them at once. */
export function toCards(db: Db, rows: ProgramRow[], o: CertificateOutlook | undefined, today: string): ProgramCard[] {
  const ids = rows.map((r) => r.id);
  const places = placesOf(db, ids, today);
  const modules = new Map<string, ProgramCard['modules']>(ids.map((id) => [id, []]));
  const moduleRows = db
    .prepare(
      `SELECT program_id, id, ordinal, name, hours, price_kopecks AS priceKopecks FROM program_modules
        WHERE program_id IN (SELECT value FROM json_each(?)) AND deleted = 0 ORDER BY program_id, ordinal`,
    )
    .all(JSON.stringify(ids)) as Array<ProgramCard['modules'][number] & { program_id: string }>;
  for (const { program_id: programId, ...m } of moduleRows) modules.get(programId)!.push(m);
  const states = registryStatesOf(db, rows);
  return rows.map((r) => {
    const p = { ...r, ...(places.get(r.id) ?? NO_PLACES) };
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
      registryStates: states.get(p.id)!,
      activityTypes: JSON.parse(p.activity_types) as string[],
      interests: JSON.parse(p.interests) as string[],
      goals: p.goals,
      annotation: p.annotation,
      addresses: JSON.parse(p.addresses) as string[],
      enrollmentOpen: p.enrollment_open === 1,
      modules: modules.get(p.id)!,
      placesLeft: p.capacity_left ?? 0,
      nearestStart: p.nearest_start,
      excludedBecause: o ? exclusionReasons(p, o) : [],
    };
  });
}

export function certificateFor(ctx: OperationContext, number: string | undefined): CertificateRow | undefined {
  if (!number) return undefined;
  const c = certificateRowByNumber(ctx.core.db, number);
  if (!c) throw new DomainError('not_found', `Сертификат № ${number} не найден в реестре.`);
  return c;
}

/** An FTS5 query: every word of the query as a word prefix (a hyphenated word is its parts: «хип-хоп»). */
export function programMatchQuery(query: string): string | null {
  const tokens = searchWords(query).flatMap((w) => w.split('-')).filter(Boolean);
  return tokens.length ? tokens.map((t) => `"${t}"*`).join(' ') : null;
}

/**
 * Up to this many name matches are read by rowid and sorted. Measured on the bench registry (50,000 programs, CPU
 * time of warm searches): reading and sorting costs ≈ 6 µs per match, walking the name order ≈ 0.3 µs per index
 * entry passed; at 1,000 the slowest of either way is ≈ 10 ms, where 2,000 or none at all let it reach 12–15 ms.
 */
export const NARROW_MATCH = 1000;

/** How the programs are read, every way in (name, rowid) order; chosen per search by `programWalk`. */
export type ProgramWalk = 'matches' | 'name' | 'direction';

const WALKS: Record<ProgramWalk, string> = {
  // The name matches by rowid, then sorted: the planner may use no index on programs.
  matches: 'NOT INDEXED',
  name: 'INDEXED BY programs_name',
  direction: 'INDEXED BY programs_direction',
};

/**
 * The name matches by rowid when they are few (a word typed out: «футб» is 1 % of the catalogue, 39,000 programs
 * down the name order). Else walked in name order — through the direction's own programs when a direction is
 * chosen — with the name match checked against the index entry before the row is read: a one-letter query matching
 * half the catalogue reads about `limit` rows instead of sorting 20,000.
 */
function programWalk(db: Db, match: string | null, direction: Direction | undefined): ProgramWalk {
  if (match) {
    const { n } = db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM program_search WHERE program_search MATCH ? LIMIT ?)').get(match, NARROW_MATCH + 1) as { n: number };
    if (n <= NARROW_MATCH) return 'matches';
  }
  return direction ? 'direction' : 'name';
}

/**
 * The navigator: search as you type plus the seed's advanced filters. Names are found through the program_search
 * index by word prefixes; programs come in name order and the walk stops at the limit, so a keystroke reads about
 * as many programs as it shows. With «only available», what the certificate cannot pay for, its child's age and
 * closed enrollment are filtered in SQL; the places left and the full reasons are checked per program shown.
 * `walk` forces how the programs are read (tests compare the ways); by default it is chosen per search.
 */
export function searchPrograms(ctx: OperationContext, f: OperationParsedInput<'programs.search'>, walk?: ProgramWalk): ProgramCard[] {
  const { db } = ctx.core;
  const c = certificateFor(ctx, f.certificateNumber);
  const outlook = c ? certificateOutlook(db, c, ctx.today) : undefined;
  const where = ['p.deleted = 0'];
  const params: Record<string, unknown> = {
    direction: f.direction ?? null, registry: f.registry ?? null, age: f.age ?? null, municipalityId: f.municipalityId ?? null, startMonth: f.startMonth ?? null,
  };
  const match = f.query ? programMatchQuery(f.query) : null;
  if (f.query && !match) return [];
  if (match) {
    where.push('p.rowid IN (SELECT rowid FROM program_search WHERE program_search MATCH @match)');
    params.match = match;
  }
  if (f.direction) where.push('p.direction = @direction');
  if (f.registry) where.push('EXISTS (SELECT 1 FROM json_each(p.registries) WHERE value = @registry)');
  if (f.age !== undefined) where.push('p.age_min <= @age AND p.age_max >= @age');
  if (f.municipalityId) where.push('o.municipality_id = @municipalityId');
  if (f.startMonth) where.push("EXISTS (SELECT 1 FROM program_groups g WHERE g.program_id = p.id AND substr(g.start_date, 1, 7) = @startMonth AND g.deleted = 0)");
  if (f.onlyAvailable && outlook) {
    const payable = payableRegistries(outlook);
    if (!outlook.active || payable.length === 0) return [];
    where.push('p.enrollment_open = 1 AND p.age_min <= @childAge AND p.age_max >= @childAge');
    where.push(`EXISTS (SELECT 1 FROM json_each(p.registries) WHERE value IN (${payable.map((r) => `'${r}'`).join(', ')}))`);
    params.childAge = outlook.age;
  }
  const address = f.address ? normalizeName(f.address) : '';
  const shown: ProgramRow[] = [];
  const sql = `${selectPrograms(WALKS[walk ?? programWalk(db, match, f.direction)])} WHERE ${where.join(' AND ')} ORDER BY p.name, p.rowid`;
  // What SQL could not filter for «only available» (places left, the full reasons) is checked for the candidates
  // in batches of as many as are still missing, their places read in one query per batch.
  const checkEach = f.onlyAvailable && outlook;
  const candidates: ProgramRow[] = [];
  const admit = () => {
    const places = placesOf(db, candidates.map((r) => r.id), ctx.today);
    for (const r of candidates) {
      if (shown.length < f.limit && !exclusionReasons({ ...r, ...(places.get(r.id) ?? NO_PLACES) }, outlook!).length) shown.push(r);
    }
    candidates.length = 0;
  };
  for (const r of db.prepare(sql).iterate(params) as IterableIterator<ProgramRow>) {
    if (address && !normalizeName(`${r.addresses} ${r.org_address ?? ''}`).includes(address)) continue;
    if (!checkEach) shown.push(r);
    else if (candidates.push(r) >= f.limit - shown.length) admit();
    if (shown.length >= f.limit) break;
  }
  if (candidates.length) admit();
  return toCards(db, shown, outlook, ctx.today);
}

export function programRow(ctx: OperationContext, programId: string): ProgramRow {
  const row = ctx.core.db.prepare(`${selectPrograms()} WHERE p.id = ? AND p.deleted = 0`).get(programId) as ProgramRow | undefined;
  if (!row) throw new DomainError('not_found', 'Программа не найдена.');
  return row;
}

/** The program page as the navigator shows it, without a certificate. */
export function programCard(ctx: OperationContext, programId: string): ProgramCard {
  return toCards(ctx.core.db, [programRow(ctx, programId)], undefined, ctx.today)[0]!;
}
