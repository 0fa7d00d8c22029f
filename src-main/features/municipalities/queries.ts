import type { BudgetRegistry } from '../../../shared/enums';
import type { CategoryView, MunicipalityView } from '../../../shared/operations';
import type { Db } from '../../database/db';
import { DomainError } from '../../errors';

export interface MunicipalityRow {
  id: string;
  region_code: string;
  municipality_code: string;
  name: string;
  time_zone: string;
  child_age_min: number;
  child_age_max: number;
  owner_office_id: string | null;
  regulations: string;
}

export interface CategoryRow {
  id: string;
  municipality_id: string;
  year: number;
  name: string;
  annual_nominal_kopecks: number;
  budget_significant: number;
  budget_general: number;
  budget_preprofessional: number;
  hours_per_week: number | null;
  hour_price_kopecks: number | null;
}

export function municipalityById(db: Db, id: string): MunicipalityRow | undefined {
  return db.prepare('SELECT * FROM municipalities WHERE id = ? AND deleted = 0').get(id) as MunicipalityRow | undefined;
}

export function categoryById(db: Db, id: string): CategoryRow | undefined {
  return db.prepare('SELECT * FROM categories WHERE id = ? AND deleted = 0').get(id) as CategoryRow | undefined;
}

export function budgetCountsOf(c: CategoryRow): Record<BudgetRegistry, number> {
  return { significant: c.budget_significant, general: c.budget_general, preprofessional: c.budget_preprofessional };
}

export function toCategoryView(c: CategoryRow): CategoryView {
  return { id: c.id, name: c.name, year: c.year, annualNominalKopecks: c.annual_nominal_kopecks, budgetCounts: budgetCountsOf(c) };
}

/** A year's categories are in force only once the year is published (a draft is being prepared). */
const PUBLISHED_CATEGORY = `NOT EXISTS (SELECT 1 FROM municipal_years y WHERE y.municipality_id = c.municipality_id AND y.year = c.year
                                              AND y.status = 'draft' AND y.deleted = 0)`;

/** The office's name as people know it («Отдел реестра … (9901-01)»), for refusals that name the owning office. */
export function officeLabel(db: Db, officeId: string | null): string {
  if (!officeId) return 'офис не записан';
  const o = db.prepare('SELECT name, code FROM offices WHERE id = ?').get(officeId) as { name: string; code: string } | undefined;
  return o ? `«${o.name}» (${o.code})` : `офис ${officeId.slice(0, 8)}`;
}

export function toMunicipalityView(db: Db, m: MunicipalityRow, officeId: string, categories: CategoryView[]): MunicipalityView {
  return {
    id: m.id,
    name: m.name,
    regionCode: m.region_code,
    municipalityCode: m.municipality_code,
    timeZone: m.time_zone,
    childAgeMin: m.child_age_min,
    childAgeMax: m.child_age_max,
    regulations: m.regulations,
    ownerOfficeName: officeLabel(db, m.owner_office_id),
    ownedHere: m.owner_office_id === officeId,
    categories,
  };
}

/** Municipalities with the categories in force for `year` (a published year's). */
export function listMunicipalities(db: Db, year: number, officeId: string): MunicipalityView[] {
  const munis = db.prepare('SELECT * FROM municipalities WHERE deleted = 0 ORDER BY name').all() as MunicipalityRow[];
  const cats = db
    .prepare(`SELECT * FROM categories c WHERE c.deleted = 0 AND c.year = ? AND ${PUBLISHED_CATEGORY} ORDER BY c.name`)
    .all(year) as CategoryRow[];
  return munis.map((m) => toMunicipalityView(db, m, officeId, cats.filter((c) => c.municipality_id === m.id).map(toCategoryView)));
}

/** Whether the municipality's `year` is being prepared and not yet published (its categories are not in force). */
export function yearIsDraft(db: Db, municipalityId: string, year: number): boolean {
  return !!db.prepare("SELECT 1 FROM municipal_years WHERE municipality_id = ? AND year = ? AND status = 'draft' AND deleted = 0").get(municipalityId, year);
}

/**
 * One owner for a municipality's money work: its parameters, their publishing and the monthly closes run only at the
 * office that owns it (the office that created it). Elsewhere they are refused, naming the owning office.
 */
export function requireOwnedHere(db: Db, municipality: MunicipalityRow, officeId: string, what: string): void {
  if (municipality.owner_office_id === officeId) return;
  throw new DomainError(
    'forbidden',
    `${what} муниципалитета «${municipality.name}» ведёт его офис ${officeLabel(db, municipality.owner_office_id)}; в этом офисе их можно только посмотреть.`,
  );
}

/** Certificate money booked and spent across the municipality this year, against its limit. */
export function municipalLimitReached(db: Db, municipalityId: string, year: number): boolean {
  const limit = db
    .prepare('SELECT money_limit_kopecks AS v FROM municipal_years WHERE municipality_id = ? AND year = ? AND deleted = 0')
    .get(municipalityId, year) as { v: number } | undefined;
  if (!limit) return false;
  const used = db
    .prepare('SELECT committed_kopecks AS v FROM municipal_money WHERE municipality_id = ? AND year = ?')
    .get(municipalityId, year) as { v: number } | undefined;
  return (used?.v ?? 0) >= limit.v;
}

/** A municipality by its 4-digit code (region and municipality, «9901»), as office scripts name it. */
export function municipalityByCode(db: Db, code: string): MunicipalityRow | undefined {
  return db
    .prepare('SELECT * FROM municipalities WHERE region_code = ? AND municipality_code = ? AND deleted = 0')
    .get(code.slice(0, 2), code.slice(2)) as MunicipalityRow | undefined;
}
