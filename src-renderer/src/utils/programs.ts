/** Display helpers of the navigator: months to start in, timetables. Formatting only, no domain rules. */

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const monthName = new Intl.DateTimeFormat('ru-RU', { month: 'long', timeZone: 'UTC' });
const weekdayName = new Intl.DateTimeFormat('ru-RU', { weekday: 'short', timeZone: 'UTC' });

/** «Сентябрь 2026» for '2026-09'. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${capitalize(monthName.format(new Date(Date.UTC(year, m - 1, 1))))} ${year}`;
}

/**
 * Months a group may start in that an operator would ask about: from the September that began this school year
 * (groups run for the school year and take children after they started) to a year ahead.
 */
export function startMonthOptions(todayIso: string, ahead = 12): Array<{ value: string; label: string }> {
  const [year, month] = todayIso.split('-').map(Number) as [number, number];
  const sinceSeptember = (month - 9 + 12) % 12;
  const out: Array<{ value: string; label: string }> = [];
  for (let i = -sinceSeptember; i <= ahead; i++) {
    const d = new Date(Date.UTC(year, month - 1 + i, 1));
    const value = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    out.push({ value, label: monthLabel(value) });
  }
  return out;
}

/** «Пн», «Вт», … for ISO weekdays 1–7 (2024-01-01 was a Monday). */
export function weekdayLabel(isoWeekday: number): string {
  return capitalize(weekdayName.format(new Date(Date.UTC(2024, 0, isoWeekday))).replace('.', ''));
}

/** [«Вт 16:00–17:30», «Чт 16:00–17:30»] in the order of the week; empty when the group has no timetable yet. */
export function timetableSlots(timetable: ReadonlyArray<{ weekday: number; start: string; end: string }>): string[] {
  return [...timetable]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((s) => `${weekdayLabel(s.weekday)} ${s.start}–${s.end}`);
}

const percentFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** «83,8 %» for a rating average; «—» when there is none. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${percentFormat.format(value)} %`;
}

/** An academic hour («академический час») of additional education: what programs and modules count in. */
export const ACADEMIC_HOUR_MINUTES = 45;

/**
 * What a weekly timetable adds up to: lessons, minutes and academic hours (rounded), for the hint beside «Часов в
 * неделю». Slots still being typed (a bad time, an end before the start) do not count.
 */
export function weeklyLoad(slots: ReadonlyArray<{ start: string; end: string }>): { lessons: number; minutes: number; academicHours: number } {
  const minutesOf = (hhmm: string) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm) ? Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) : Number.NaN);
  let lessons = 0;
  let minutes = 0;
  for (const s of slots) {
    const length = minutesOf(s.end) - minutesOf(s.start);
    if (length > 0) {
      lessons += 1;
      minutes += length;
    }
  }
  return { lessons, minutes, academicHours: Math.round(minutes / ACADEMIC_HOUR_MINUTES) };
}
