/**
 * Pure rules of a municipality's year (docs/domain-rules.md «Параметры муниципалитета»): the core decides with them
 * and the screen shows what follows (a nominal typed in hours) without deciding anything.
 */

/** Study weeks a year counts when a nominal is set in hours per week (the school year: September–May). */
export const STUDY_WEEKS_PER_YEAR = 36;

/** The annual nominal of a category counted in hours: hours per week × the normative price of an hour × 36 weeks. */
export function nominalFromHours(hoursPerWeek: number, hourPriceKopecks: number): number {
  return hoursPerWeek * hourPriceKopecks * STUDY_WEEKS_PER_YEAR;
}

/**
 * The months of `year` a parameter change made on `today` still reaches: a change takes effect from the next month
 * and never rewrites the current or a past one. A year still to come: all 12; the current year: those after this
 * month (0 in December); a past year: none.
 */
export function monthsAhead(year: number, today: string): number {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (year > y) return 12;
  if (year < y) return 0;
  return 12 - m;
}

/** The first month a change made on `today` takes effect in, 'YYYY-MM' (null when none of `year` is left). */
export function effectiveFrom(year: number, today: string): string | null {
  const ahead = monthsAhead(year, today);
  if (ahead === 0) return null;
  return `${year}-${String(13 - ahead).padStart(2, '0')}`;
}

/**
 * What a certificate's nominal for the year moves by when its category's annual nominal goes from `before` to
 * `after`, with `ahead` months left to take it: the months ahead count at the new nominal, the past ones keep the old
 * (the monthly close's shrink then lands on annual × months left ÷ 12 of the new nominal).
 */
export function nominalAdjustment(before: number, after: number, ahead: number): number {
  return Math.floor((after * ahead) / 12) - Math.floor((before * ahead) / 12);
}

const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** 'YYYY-MM' → «с декабря 2026 г.»: when a change takes effect. */
export function fromMonthRu(month: string): string {
  return `с ${MONTHS_GENITIVE[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)} г.`;
}
