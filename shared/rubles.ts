/**
 * A sum typed in rubles, as people write it («7 000,00», «4500.5», «1 200 ₽»), → integer kopecks.
 * Parsed by hand, never through parseFloat: 0.1 + 0.2 must not cost anyone a kopeck, and «12abc» is not 12.
 */
export type ParsedRubles = { ok: true; kopecks: number } | { ok: false; message: string };

const RUBLES = /^(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

export function parseRubles(text: string, label = 'Стоимость'): ParsedRubles {
  const s = text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s*(₽|руб\.?)\s*$/iu, '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!s) return { ok: false, message: `${label}: укажите сумму в рублях, например 7 000,00` };
  if (s.startsWith('-')) return { ok: false, message: `${label} не может быть отрицательной` };
  const m = RUBLES.exec(s);
  if (!m) return { ok: false, message: `${label}: сумма в рублях цифрами, копейки через запятую — например 7 000,00` };
  const rubles = Number(m[1]!.replace(/ /g, ''));
  const kopecks = rubles * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(kopecks)) return { ok: false, message: `${label}: слишком большая сумма` };
  return { ok: true, kopecks };
}

/** Kopecks → the text the form shows for editing («7 000,00», without the currency sign). */
export function rublesForInput(kopecks: number): string {
  const rubles = String(Math.trunc(kopecks / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
  return `${rubles},${String(kopecks % 100).padStart(2, '0')}`;
}
