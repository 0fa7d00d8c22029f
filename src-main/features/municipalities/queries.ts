import type { BudgetRegistry } from '../../../shared/enums';
import type { CategoryView, MunicipalityView } from '../../../shared/operations';
import type { Db } from '../../database/db';

export interface MunicipalityRow {
  id: string;
  region_code: string;
  municipality_code: string;
  name: string;
  time_zone: string;
  child_age_min: number;
  child_age_max: number;
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

/** Municipalities with the categories in force for `year`. */
export function listMunicipalities(db: Db, year: number): MunicipalityView[] {
  const munis = db.prepare('SELECT * FROM municipalities WHERE deleted = 0 ORDER BY name').all() as MunicipalityRow[];
  const cats = db
    .prepare('SELECT * FROM categories WHERE deleted = 0 AND year = ? ORDER BY name')
    .all(year) as CategoryRow[];
  return munis.map((m) => ({
    id: m.id,
    name: m.name,
    regionCode: m.region_code,
    municipalityCode: m.municipality_code,
    childAgeMin: m.child_age_min,
    childAgeMax: m.child_age_max,
    categories: cats.filter((c) => c.municipality_id === m.id).map(toCategoryView),
  }));
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
