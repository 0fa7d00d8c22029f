/**
 * Pure rules both processes need. No Node, Electron or DOM imports here.
 */

/**
 * Names are compared after folding: lower case, ё→е (the FTS tokenizer does not fold it),
 * hyphens and runs of spaces to one space. «Сидоров  Сидор» and «сидоров сидор» are one person.
 */
export function normalizeName(value: string): string {
  return value
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Splits a search query into folded words; punctuation except hyphen separates words. */
export function searchWords(query: string): string[] {
  return normalizeName(query)
    .split(/[^0-9a-zа-я-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0);
}

/** A person's name part: Cyrillic letters, with a hyphen or a space inside (Анна-Мария, Оглы). */
export const NAME_PART_PATTERN = /^[А-ЯЁа-яё]+(?:[- ][А-ЯЁа-яё]+)*$/u;

export function fullName(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter((x) => x && x.length > 0).join(' ');
}

/** Certificate number: region (2) + municipality (2) + serial (6). */
export const CERTIFICATE_NUMBER_PATTERN = /^\d{10}$/;

export function splitCertificateNumber(number: string): { region: string; municipality: string; serial: string } {
  return { region: number.slice(0, 2), municipality: number.slice(2, 4), serial: number.slice(4) };
}

export function composeCertificateNumber(regionCode: string, municipalityCode: string, serial: number): string {
  if (serial < 1 || serial > 999_999) throw new RangeError('serial out of range');
  return `${regionCode}${municipalityCode}${String(serial).padStart(6, '0')}`;
}

const rubleFormat = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 3000100 kopecks → «30 001,00 ₽». Integer arithmetic up to the last step: kopecks are never floats. */
export function formatRubles(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const rubles = Math.trunc(abs / 100);
  const kop = abs % 100;
  const whole = rubleFormat.format(rubles).replace(/,00$/, '');
  return `${sign}${whole},${String(kop).padStart(2, '0')} ₽`.replace(/\u202f|\u00a0/g, ' ');
}

/** Full years between a birth date and a day, both 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = day.split('-').map(Number) as [number, number, number];
  let age = dy - by;
  if (dm < bm || (dm === bm && dd < bd)) age -= 1;
  return age;
}

/** Months left in the financial (calendar) year, counting the current one: January → 12, December → 1. */
export function monthsLeftInYear(day: string): number {
  const month = Number(day.slice(5, 7));
  return 12 - month + 1;
}

/** The available nominal while no certificate-funded contract exists: annual × months left ÷ 12, in whole kopecks. */
export function shrunkNominal(annualKopecks: number, day: string): number {
  return Math.floor((annualKopecks * monthsLeftInYear(day)) / 12);
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 'YYYY-MM-DD' → 'DD.MM.YYYY' as Russian documents write dates. */
export function formatDateRu(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The last day a contract may be rated: a month after it ended (that day included) — through the day before
 * the same date next month, or the end of a shorter next month (ended 31 January → through 27 February).
 */
export function lastRatingDay(endDay: string): string {
  const [y, m, d] = endDay.split('-').map(Number) as [number, number, number];
  const daysInNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const sameDayNextMonth = new Date(Date.UTC(y, m, Math.min(d, daysInNext)));
  return new Date(sameDayNextMonth.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
