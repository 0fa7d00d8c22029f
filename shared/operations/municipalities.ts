import { z } from 'zod';
import { BUDGET_REGISTRIES, NOMINAL_UNITS, type BudgetRegistry, type MunicipalYearStatus, type NominalUnit } from '../enums';
import { id, trimmed } from './fields';

export interface CategoryView {
  id: string;
  name: string;
  year: number;
  annualNominalKopecks: number;
  budgetCounts: Record<BudgetRegistry, number>;
}

export interface MunicipalityView {
  id: string;
  name: string;
  regionCode: string;
  municipalityCode: string;
  timeZone: string;
  childAgeMin: number;
  childAgeMax: number;
  /** The text of the municipality's «Положение» (plain text, paragraphs separated by empty lines). */
  regulations: string;
  /** The office that runs the municipality's parameters, publishing and monthly closes. */
  ownerOfficeName: string;
  /** This desk's office owns the municipality (the core's decision: only here may its money work be run). */
  ownedHere: boolean;
  /** Categories of the current year, when that year is published. */
  categories: CategoryView[];
}

/** A category of a municipality's year on the parameters screen, with what the core allows of it. */
export interface MunicipalCategoryView extends CategoryView {
  /** Set when the year counts in hours: the nominal follows from them. */
  hoursPerWeek: number | null;
  hourPriceKopecks: number | null;
  /** Certificates of the category (any status). */
  certificates: number;
  /** False while certificates belong to it: such a category cannot be removed. */
  removable: boolean;
}

/** A municipality's financial year: its parameters and the decisions of the screen. */
export interface MunicipalYearView {
  municipalityId: string;
  year: number;
  /** Null: no parameters yet for this year (the form starts from the previous year's as a draft). */
  status: MunicipalYearStatus | null;
  nominalUnit: NominalUnit;
  moneyLimitKopecks: number | null;
  /** Certificate money booked and spent in the year: the limit cannot go below it. */
  committedKopecks: number;
  publishedAt: string | null;
  categories: MunicipalCategoryView[];
  /** The operator may change the year here (administrator, owning office, the year not over). */
  editable: boolean;
  /** A draft that may be published now. */
  publishable: boolean;
  /** Fields that cannot change even when the year is editable. */
  locked: { nominalUnit: boolean; nominals: boolean };
  /** Why the year is read-only or partly locked, in the operator's words; null when nothing is. */
  lockedBecause: string | null;
  /** The first month a change takes effect in ('YYYY-MM'); past months never change. */
  effectiveFrom: string | null;
}

export interface MunicipalityParameters {
  municipality: MunicipalityView;
  /** The operator may edit the municipality's name, zone, ages and «Положение» here. */
  municipalityEditable: boolean;
  /** Years with parameters, and the next year (to prepare), newest first. */
  years: number[];
  year: MunicipalYearView;
}

const municipalityId = id;
const year = z.number({ error: 'Год: укажите год' }).int('Год: целое число').min(2000, 'Год: не раньше 2000').max(2100, 'Год: не позже 2100');
const kopecks = (label: string) => z.number({ error: `${label}: укажите сумму` }).int(`${label}: сумма в копейках`).min(0, `${label} не может быть отрицательной`).max(1e14, `${label}: слишком большая сумма`);
const count = (label: string) => z.number({ error: `${label}: укажите число` }).int(`${label}: целое число`).min(0, `${label}: не меньше 0`).max(100, `${label}: не больше 100`);

const categoryInput = z.object({
  /** Absent: a new category. */
  id: id.optional(),
  name: trimmed(60, 'Название категории').min(1, 'Название категории: обязательно для заполнения'),
  annualNominalKopecks: kopecks('Номинал').nullable().optional(),
  hoursPerWeek: z.number({ error: 'Часов в неделю: укажите число' }).int('Часов в неделю: целое число').min(1, 'Часов в неделю: не меньше 1').max(40, 'Часов в неделю: не больше 40').nullable().optional(),
  hourPriceKopecks: kopecks('Стоимость часа').nullable().optional(),
  budgetCounts: z.object(Object.fromEntries(BUDGET_REGISTRIES.map((r) => [r, count('Бюджетных программ')])) as Record<BudgetRegistry, ReturnType<typeof count>>),
});

export const municipalitiesContract = {
  'municipalities.list': { input: z.object({}), output: {} as MunicipalityView[] },
  'municipalities.get': { input: z.object({ municipalityId, year }), output: {} as MunicipalityParameters },
  /**
   * The year's parameters as a whole: the limit, how nominals are set, and the full list of categories (one left
   * out is removed). A year not yet there is created as a draft.
   */
  'municipalities.saveYear': {
    input: z
      .object({
        municipalityId,
        year,
        nominalUnit: z.enum(NOMINAL_UNITS, { error: 'Номинал: выберите, в рублях или в часах' }),
        moneyLimitKopecks: kopecks('Лимит'),
        categories: z.array(categoryInput).min(1, 'Нужна хотя бы одна категория').max(30, 'Не больше 30 категорий'),
      })
      .superRefine((v, ctx) => {
        const names = new Set<string>();
        v.categories.forEach((c, i) => {
          const folded = c.name.toLowerCase().replace(/ё/g, 'е');
          if (names.has(folded)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'name'], message: `Категория «${c.name}» уже есть в этом году` });
          names.add(folded);
          if (v.nominalUnit === 'rubles' && c.annualNominalKopecks == null) {
            ctx.addIssue({ code: 'custom', path: ['categories', i, 'annualNominalKopecks'], message: `«${c.name}»: укажите годовой номинал` });
          }
          if (v.nominalUnit === 'hours' && c.hoursPerWeek == null) {
            ctx.addIssue({ code: 'custom', path: ['categories', i, 'hoursPerWeek'], message: `«${c.name}»: укажите часов в неделю` });
          }
          if (v.nominalUnit === 'hours' && c.hourPriceKopecks == null) {
            ctx.addIssue({ code: 'custom', path: ['categories', i, 'hourPriceKopecks'], message: `«${c.name}»: укажите нормативную стоимость часа` });
          }
        });
      }),
    output: {} as MunicipalityParameters,
  },
  'municipalities.publishYear': { input: z.object({ municipalityId, year }), output: {} as MunicipalityParameters },
  'municipalities.update': {
    input: z
      .object({
        municipalityId,
        name: trimmed(120, 'Название').min(2, 'Название: обязательно для заполнения'),
        timeZone: trimmed(60, 'Часовой пояс').refine(
          (zone) => { try { new Intl.DateTimeFormat('ru-RU', { timeZone: zone }); return zone.includes('/'); } catch { return false; } },
          'Часовой пояс: выберите из списка, например Europe/Moscow',
        ),
        childAgeMin: z.number({ error: 'Возраст от: укажите число' }).int('Возраст от: целое число').min(0, 'Возраст от: не меньше 0').max(25, 'Возраст от: не больше 25'),
        childAgeMax: z.number({ error: 'Возраст до: укажите число' }).int('Возраст до: целое число').min(0, 'Возраст до: не меньше 0').max(25, 'Возраст до: не больше 25'),
        regulations: z.string().max(20_000, 'Положение: не длиннее 20 000 символов').transform((s) => s.replace(/\r\n?/g, '\n').trim()),
      })
      .refine((v) => v.childAgeMax >= v.childAgeMin, { path: ['childAgeMax'], message: 'Возраст до: не меньше, чем «от»' }),
    output: {} as MunicipalityParameters,
  },
} as const;
