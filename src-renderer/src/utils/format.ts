/** Display helpers: formatting only, no domain rules. */
import { formatDateRu } from '@shared/rules';

export { formatDateRu };
export { formatRubles } from '@shared/rules';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO-8601 timestamp → local «DD.MM.YYYY HH:mm:ss». */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** ISO-8601 timestamp or date → local «DD.MM.YYYY». */
export function formatDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDateRu(iso);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/**
 * What the operator typed in a date field → 'YYYY-MM-DD' for the core.
 * Accepts «14.05.2016», «14/05/2016», «14-05-2016», «2016-05-14», «14052016».
 * Anything else is passed through unchanged so that the core answers with its own message.
 */
export function typedDateToIso(text: string): string {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return s;
}
