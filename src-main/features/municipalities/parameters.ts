/**
 * A municipality's parameters per financial year (issue 12, point 1) and its owning office (point 12). The rules
 * (docs/domain-rules.md «Параметры муниципалитета»):
 * - the year's limit never goes below the certificate money already booked and spent in it;
 * - a category's nominal moves the nominals of its certificates for the months still ahead (from the next month:
 *   past months never change), and is refused where a certificate's booked and spent money would pass its nominal;
 * - a category with certificates is never removed;
 * - a year is prepared as a draft and published; a year that is over is read-only;
 * - only the administrator of the owning office changes or publishes anything.
 */
import { BUDGET_REGISTRIES, MUNICIPAL_YEAR_STATUS_LABELS, NOMINAL_UNIT_LABELS, type MunicipalYearStatus, type NominalUnit } from '../../../shared/enums';
import { effectiveFrom, fromMonthRu, monthsAhead, nominalAdjustment, nominalFromHours } from '../../../shared/municipal-rules';
import type { MunicipalCategoryView, MunicipalityParameters, MunicipalYearView, OperationParsedInput } from '../../../shared/operations';
import { formatRubles } from '../../../shared/rules';
import type { OperationContext } from '../../api/operation';
import type { Db } from '../../database/db';
import { DomainError } from '../../errors';
import { budgetCountsOf, municipalityById, officeLabel, requireOwnedHere, toCategoryView, toMunicipalityView, type CategoryRow, type MunicipalityRow } from './queries';

interface YearRow {
  id: string;
  year: number;
  money_limit_kopecks: number;
  status: MunicipalYearStatus;
  nominal_unit: NominalUnit;
  published_at: string | null;
}

const PARAMETERS = 'Параметры';

function municipalityOrRefuse(db: Db, id: string): MunicipalityRow {
  const m = municipalityById(db, id);
  if (!m) throw new DomainError('not_found', 'Муниципалитет не найден.');
  return m;
}

function yearRow(db: Db, municipalityId: string, year: number): YearRow | undefined {
  return db
    .prepare('SELECT id, year, money_limit_kopecks, status, nominal_unit, published_at FROM municipal_years WHERE municipality_id = ? AND year = ? AND deleted = 0')
    .get(municipalityId, year) as YearRow | undefined;
}

function categoriesOf(db: Db, municipalityId: string, year: number): CategoryRow[] {
  return db.prepare('SELECT * FROM categories WHERE municipality_id = ? AND year = ? AND deleted = 0 ORDER BY name').all(municipalityId, year) as CategoryRow[];
}

function certificatesOf(db: Db, categoryId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM certificates WHERE category_id = ? AND deleted = 0').get(categoryId) as { n: number }).n;
}

function committedIn(db: Db, municipalityId: string, year: number): number {
  const row = db.prepare('SELECT committed_kopecks AS v FROM municipal_money WHERE municipality_id = ? AND year = ?').get(municipalityId, year) as { v: number } | undefined;
  return row?.v ?? 0;
}

/** The status a year has: its row's, or «published» for categories written before years had a status. */
function statusOf(row: YearRow | undefined, categories: CategoryRow[]): MunicipalYearStatus | null {
  if (row) return row.status;
  return categories.length > 0 ? 'published' : null;
}

function yearOf(today: string): number {
  return Number(today.slice(0, 4));
}

/** The parameters of a year with what the operator may do with them: the screen shows these decisions. */
export function municipalityParameters(ctx: OperationContext, municipalityId: string, year: number): MunicipalityParameters {
  const { db, officeId } = ctx.core;
  const m = municipalityOrRefuse(db, municipalityId);
  const current = yearOf(ctx.today);
  const row = yearRow(db, m.id, year);
  const rows = categoriesOf(db, m.id, year);
  const status = statusOf(row, rows);
  const admin = ctx.actor?.role === 'admin';
  const owned = m.owner_office_id === officeId;
  const over = year < current;
  const editable = admin && owned && !over;
  const ahead = monthsAhead(year, ctx.today);
  const nominalsLocked = status === 'published' && ahead === 0;

  let categories: MunicipalCategoryView[];
  let limit = row?.money_limit_kopecks ?? null;
  let unit: NominalUnit = row?.nominal_unit ?? 'rubles';
  if (status === null) {
    // Nothing yet for this year: the form starts from the latest year before it, as new categories of a draft.
    const previous = db
      .prepare('SELECT max(year) AS y FROM categories WHERE municipality_id = ? AND year < ? AND deleted = 0')
      .get(m.id, year) as { y: number | null };
    const template = previous.y === null ? [] : categoriesOf(db, m.id, previous.y);
    const before = previous.y === null ? undefined : yearRow(db, m.id, previous.y);
    limit = before?.money_limit_kopecks ?? null;
    unit = before?.nominal_unit ?? 'rubles';
    categories = template.map((c) => ({ ...categoryView(c, 0), id: '', year }));
  } else {
    categories = rows.map((c) => categoryView(c, certificatesOf(db, c.id)));
  }

  let lockedBecause: string | null = null;
  if (!admin) lockedBecause = 'Параметры муниципалитета меняет администратор; оператору реестра они видны для справки.';
  else if (!owned) lockedBecause = `Параметры муниципалитета «${m.name}» ведёт его офис ${officeLabel(db, m.owner_office_id)}: здесь их можно только посмотреть.`;
  else if (over) lockedBecause = `${year} год закончился: его параметры больше не меняются.`;
  else if (nominalsLocked) lockedBecause = `Декабрь — последний месяц ${year} года: номиналы категорий этого года больше не меняются.`;

  const view: MunicipalYearView = {
    municipalityId: m.id,
    year,
    status,
    nominalUnit: unit,
    moneyLimitKopecks: limit,
    committedKopecks: committedIn(db, m.id, year),
    publishedAt: row?.published_at ?? null,
    categories,
    editable,
    publishable: editable && status === 'draft',
    locked: { nominalUnit: status === 'published', nominals: nominalsLocked },
    lockedBecause,
    effectiveFrom: status === 'published' ? effectiveFrom(year, ctx.today) : null,
  };
  const years = db
    .prepare('SELECT year FROM municipal_years WHERE municipality_id = ? AND deleted = 0 UNION SELECT year FROM categories WHERE municipality_id = ? AND deleted = 0')
    .pluck()
    .all(m.id, m.id) as number[];
  const allYears = [...new Set([...years, current, current + 1])].sort((a, b) => b - a);
  return {
    municipality: toMunicipalityView(db, m, officeId, []),
    municipalityEditable: admin && owned,
    years: allYears,
    year: view,
  };
}

function categoryView(c: CategoryRow, certificates: number): MunicipalCategoryView {
  return { ...toCategoryView(c), hoursPerWeek: c.hours_per_week, hourPriceKopecks: c.hour_price_kopecks, certificates, removable: certificates === 0 };
}

const counts = (c: Record<string, number>) => BUDGET_REGISTRIES.map((r) => c[r]).join(' ');

/**
 * Certificates of the category whose money in `year` would not fit their nominal moved by `delta`: booked and
 * spent more than the nominal after the change. The first few numbers name them.
 */
function blockedByCommitted(db: Db, categoryId: string, year: number, delta: number): { count: number; numbers: string[] } {
  const rows = db
    .prepare(
      `SELECT c.number FROM certificates c
         JOIN ledger_entries l ON l.certificate_id = c.id AND l.year = @year AND l.deleted = 0
        WHERE c.category_id = @cat AND c.deleted = 0 AND c.type = 'financing' AND c.status <> 'annulled'
        GROUP BY c.id
       HAVING sum(l.d_nominal) + @delta < sum(l.d_reserve) + sum(l.d_spent)
        ORDER BY c.number`,
    )
    .pluck()
    .all({ year, cat: categoryId, delta }) as string[];
  return { count: rows.length, numbers: rows.slice(0, 5) };
}

/** Moves the nominal of every certificate of the category that holds money in `year` by `delta` (ledger entries). */
function adjustNominals(ctx: OperationContext, m: MunicipalityRow, category: CategoryRow, year: number, delta: number, note: string): number {
  const { db } = ctx.core;
  const ids = db
    .prepare(
      `SELECT c.id FROM certificates c
        WHERE c.category_id = ? AND c.deleted = 0 AND c.type = 'financing' AND c.status <> 'annulled'
          AND EXISTS (SELECT 1 FROM ledger_entries l WHERE l.certificate_id = c.id AND l.year = ? AND l.kind = 'grant' AND l.deleted = 0)`,
    )
    .pluck()
    .all(category.id, year) as string[];
  const insert = db.prepare(
    `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_nominal, at, operator_id, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const kind = delta > 0 ? 'grant' : 'shrink';
  for (const id of ids) insert.run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, id, m.id, year, kind, delta, ctx.nowIso, ctx.actor?.operatorId ?? null, note);
  return ids.length;
}

function refuseUnlessEditable(ctx: OperationContext, m: MunicipalityRow, year: number): void {
  requireOwnedHere(ctx.core.db, m, ctx.core.officeId, PARAMETERS);
  if (year < yearOf(ctx.today)) throw new DomainError('conflict', `${year} год закончился: его параметры больше не меняются.`);
}

/** Saves a year's limit, nominal unit and categories (the full list: one left out is removed). */
export function saveYear(ctx: OperationContext, input: OperationParsedInput<'municipalities.saveYear'>): MunicipalityParameters {
  const { db } = ctx.core;
  const m = municipalityOrRefuse(db, input.municipalityId);
  refuseUnlessEditable(ctx, m, input.year);
  const { year } = input;
  let row = yearRow(db, m.id, year);
  const existing = categoriesOf(db, m.id, year);
  const status = statusOf(row, existing) ?? 'draft';
  const changes: string[] = [];

  if (status === 'published' && row && row.nominal_unit !== input.nominalUnit) {
    throw new DomainError('conflict', `Год опубликован: номиналы ${year} года установлены «${NOMINAL_UNIT_LABELS[row.nominal_unit].toLowerCase()}», это не меняется до конца года.`, {
      fields: { nominalUnit: 'Не меняется в опубликованном году' },
    });
  }

  const committed = committedIn(db, m.id, year);
  if (input.moneyLimitKopecks < committed) {
    throw new DomainError(
      'conflict',
      `Лимит ${year} года не может быть меньше средств сертификатов, уже забронированных и израсходованных в этом году: ${formatRubles(committed)}.`,
      { fields: { moneyLimitKopecks: `Не меньше ${formatRubles(committed)}` } },
    );
  }

  // Categories: every id sent must be one of the year's; the ones not sent are removed.
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const [i, c] of input.categories.entries()) {
    if (c.id && !byId.has(c.id)) throw new DomainError('not_found', `Категория «${c.name}» не найдена среди категорий ${year} года.`, { fields: { [`categories.${i}.name`]: 'Категория не из этого года' } });
  }
  const kept = new Set(input.categories.map((c) => c.id).filter(Boolean));
  const removed = existing.filter((c) => !kept.has(c.id));
  for (const c of removed) {
    const n = certificatesOf(db, c.id);
    if (n > 0) {
      throw new DomainError('conflict', `Категорию «${c.name}» нельзя удалить: к ней относятся сертификаты (${n}). Измените её параметры вместо удаления.`, {
        fields: { categories: `«${c.name}»: есть сертификаты` },
      });
    }
  }

  const ahead = monthsAhead(year, ctx.today);
  const from = effectiveFrom(year, ctx.today);
  type Planned = { index: number; input: (typeof input.categories)[number]; nominal: number; before?: CategoryRow; delta: number };
  const planned: Planned[] = input.categories.map((c, index) => {
    const nominal = input.nominalUnit === 'hours' ? nominalFromHours(c.hoursPerWeek!, c.hourPriceKopecks!) : c.annualNominalKopecks!;
    const before = c.id ? byId.get(c.id) : undefined;
    const delta = before && status === 'published' ? nominalAdjustment(before.annual_nominal_kopecks, nominal, ahead) : 0;
    return { index, input: c, nominal, before, delta };
  });

  for (const p of planned) {
    if (!p.before || p.before.annual_nominal_kopecks === p.nominal) continue;
    const field = input.nominalUnit === 'hours' ? `categories.${p.index}.hoursPerWeek` : `categories.${p.index}.annualNominalKopecks`;
    if (status === 'published' && ahead === 0) {
      throw new DomainError('conflict', `Декабрь — последний месяц ${year} года: номинал категории «${p.before.name}» этого года больше не меняется.`, {
        fields: { [field]: 'Не меняется до конца года' },
      });
    }
    if (p.delta < 0) {
      const blocked = blockedByCommitted(db, p.before.id, year, p.delta);
      if (blocked.count > 0) {
        const more = blocked.count > blocked.numbers.length ? ' и другие' : '';
        throw new DomainError(
          'conflict',
          `Номинал категории «${p.before.name}» нельзя снизить до ${formatRubles(p.nominal)}: у сертификатов (${blocked.count}) уже забронировано и израсходовано больше, чем останется номинала — № ${blocked.numbers.join(', ')}${more}.`,
          { fields: { [field]: `Мешают сертификаты: ${blocked.count}` }, details: blocked },
        );
      }
    }
  }

  // Writes. The year first (a new one is a draft).
  if (!row) {
    const id = ctx.core.newId();
    db.prepare(
      `INSERT INTO municipal_years(id, modified_at, origin_office, municipality_id, year, money_limit_kopecks, status, nominal_unit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, ctx.stamp, ctx.core.officeId, m.id, year, input.moneyLimitKopecks, status, input.nominalUnit);
    row = yearRow(db, m.id, year)!;
    changes.push(`создан (${MUNICIPAL_YEAR_STATUS_LABELS[status].toLowerCase()}), лимит ${formatRubles(input.moneyLimitKopecks)}`);
  } else if (row.money_limit_kopecks !== input.moneyLimitKopecks || row.nominal_unit !== input.nominalUnit) {
    db.prepare('UPDATE municipal_years SET money_limit_kopecks = ?, nominal_unit = ?, modified_at = ? WHERE id = ?').run(input.moneyLimitKopecks, input.nominalUnit, ctx.stamp, row.id);
    if (row.money_limit_kopecks !== input.moneyLimitKopecks) changes.push(`лимит ${formatRubles(row.money_limit_kopecks)} → ${formatRubles(input.moneyLimitKopecks)}`);
    if (row.nominal_unit !== input.nominalUnit) changes.push(`номинал ${NOMINAL_UNIT_LABELS[row.nominal_unit].toLowerCase()} → ${NOMINAL_UNIT_LABELS[input.nominalUnit].toLowerCase()}`);
  }

  const remove = db.prepare('UPDATE categories SET deleted = 1, modified_at = ? WHERE id = ?');
  for (const c of removed) {
    remove.run(ctx.stamp, c.id);
    changes.push(`удалена категория «${c.name}»`);
  }
  // A name may pass from one category to another in one save: renamed rows step aside first (UNIQUE per year).
  const renamed = planned.filter((p) => p.before && p.before.name !== p.input.name);
  const aside = db.prepare('UPDATE categories SET name = ? WHERE id = ?');
  for (const p of renamed) aside.run(`\u0000${p.before!.id}`, p.before!.id);
  // A removed category's name is free again: a removed row that holds it steps aside for good.
  const freeName = db.prepare('UPDATE categories SET name = ?, modified_at = ? WHERE id = ?');
  const deletedHolder = db.prepare('SELECT id FROM categories WHERE municipality_id = ? AND year = ? AND name = ? AND deleted = 1');
  const update = db.prepare(
    `UPDATE categories SET name = @name, annual_nominal_kopecks = @nominal, hours_per_week = @hours, hour_price_kopecks = @price,
            budget_significant = @significant, budget_general = @general, budget_preprofessional = @preprofessional, modified_at = @stamp
      WHERE id = @id`,
  );
  const insert = db.prepare(
    `INSERT INTO categories(id, modified_at, origin_office, municipality_id, year, name, annual_nominal_kopecks, hours_per_week, hour_price_kopecks,
                            budget_significant, budget_general, budget_preprofessional)
     VALUES (@id, @stamp, @office, @m, @year, @name, @nominal, @hours, @price, @significant, @general, @preprofessional)`,
  );
  for (const p of planned) {
    const hours = input.nominalUnit === 'hours' ? p.input.hoursPerWeek! : null;
    const price = input.nominalUnit === 'hours' ? p.input.hourPriceKopecks! : null;
    const values = { name: p.input.name, nominal: p.nominal, hours, price, ...p.input.budgetCounts, stamp: ctx.stamp };
    const holder = deletedHolder.get(m.id, year, p.input.name) as { id: string } | undefined;
    if (holder && holder.id !== p.before?.id) freeName.run(`${p.input.name} (удалена, ${holder.id.slice(-8)})`, ctx.stamp, holder.id);
    if (!p.before) {
      insert.run({ ...values, id: ctx.core.newId(), office: ctx.core.officeId, m: m.id, year });
      changes.push(`добавлена категория «${p.input.name}»: номинал ${formatRubles(p.nominal)}, бюджетных программ ${counts(p.input.budgetCounts)}`);
      continue;
    }
    const b = p.before;
    const what: string[] = [];
    if (b.name !== p.input.name) what.push(`название «${b.name}» → «${p.input.name}»`);
    if (b.annual_nominal_kopecks !== p.nominal) what.push(`номинал ${formatRubles(b.annual_nominal_kopecks)} → ${formatRubles(p.nominal)}`);
    if (b.hours_per_week !== hours || b.hour_price_kopecks !== price) {
      what.push(`часов в неделю ${b.hours_per_week ?? '—'} → ${hours ?? '—'}, час ${b.hour_price_kopecks === null ? '—' : formatRubles(b.hour_price_kopecks)} → ${price === null ? '—' : formatRubles(price)}`);
    }
    const beforeCounts = counts(budgetCountsOf(b));
    if (beforeCounts !== counts(p.input.budgetCounts)) what.push(`бюджетных программ ${beforeCounts} → ${counts(p.input.budgetCounts)}`);
    if (what.length === 0) continue;
    update.run({ ...values, id: b.id });
    if (p.delta !== 0) {
      const note = `Номинал категории «${p.input.name}» на ${year} год: ${formatRubles(b.annual_nominal_kopecks)} → ${formatRubles(p.nominal)} ${fromMonthRu(from!)}`;
      const moved = adjustNominals(ctx, m, b, year, p.delta, note);
      if (moved > 0) what.push(`номинал сертификатов (${moved}) ${p.delta > 0 ? '+' : '−'}${formatRubles(Math.abs(p.delta))} ${fromMonthRu(from!)}`);
    }
    changes.push(`«${b.name}»: ${what.join(', ')}`);
  }

  ctx.audit('municipality', m.id, `Параметры ${m.name}, ${year} год (${MUNICIPAL_YEAR_STATUS_LABELS[row.status].toLowerCase()}): ${changes.length ? changes.join('; ') : 'без изменений'}`);
  return municipalityParameters(ctx, m.id, year);
}

/** Publishes a draft year: from then on its categories, nominals and limit are what the core uses. */
export function publishYear(ctx: OperationContext, input: OperationParsedInput<'municipalities.publishYear'>): MunicipalityParameters {
  const { db } = ctx.core;
  const m = municipalityOrRefuse(db, input.municipalityId);
  refuseUnlessEditable(ctx, m, input.year);
  const row = yearRow(db, m.id, input.year);
  if (!row) throw new DomainError('not_found', `Параметров ${input.year} года ещё нет: сначала сохраните их как черновик.`);
  if (row.status === 'published') throw new DomainError('conflict', `Параметры ${input.year} года уже опубликованы.`);
  const categories = categoriesOf(db, m.id, input.year);
  if (categories.length === 0) throw new DomainError('conflict', `В ${input.year} году нет ни одной категории: опубликовать нечего.`);
  db.prepare("UPDATE municipal_years SET status = 'published', published_at = ?, modified_at = ? WHERE id = ?").run(ctx.nowIso, ctx.stamp, row.id);
  ctx.audit(
    'municipality',
    m.id,
    `Опубликованы параметры ${m.name}, ${input.year} год: черновик → опубликован; лимит ${formatRubles(row.money_limit_kopecks)}, категории ${categories
      .map((c) => `«${c.name}» ${formatRubles(c.annual_nominal_kopecks)}`)
      .join(', ')}`,
  );
  return municipalityParameters(ctx, m.id, input.year);
}

/** The municipality's own facts: name, time zone, ages, «Положение». */
export function updateMunicipality(ctx: OperationContext, input: OperationParsedInput<'municipalities.update'>): MunicipalityParameters {
  const { db } = ctx.core;
  const m = municipalityOrRefuse(db, input.municipalityId);
  requireOwnedHere(db, m, ctx.core.officeId, PARAMETERS);
  const changes: string[] = [];
  if (m.name !== input.name) changes.push(`название «${m.name}» → «${input.name}»`);
  if (m.time_zone !== input.timeZone) changes.push(`часовой пояс ${m.time_zone} → ${input.timeZone}`);
  if (m.child_age_min !== input.childAgeMin || m.child_age_max !== input.childAgeMax) {
    changes.push(`возраст ${m.child_age_min}–${m.child_age_max} → ${input.childAgeMin}–${input.childAgeMax}`);
  }
  if (m.regulations !== input.regulations) changes.push(`Положение: ${m.regulations.length} → ${input.regulations.length} символов`);
  if (changes.length > 0) {
    db.prepare('UPDATE municipalities SET name = ?, time_zone = ?, child_age_min = ?, child_age_max = ?, regulations = ?, modified_at = ? WHERE id = ?').run(
      input.name, input.timeZone, input.childAgeMin, input.childAgeMax, input.regulations, ctx.stamp, m.id,
    );
  }
  ctx.audit('municipality', m.id, `Муниципалитет ${m.name}: ${changes.length ? changes.join('; ') : 'без изменений'}`);
  return municipalityParameters(ctx, m.id, yearOf(ctx.today));
}
