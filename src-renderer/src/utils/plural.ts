/**
 * Russian plural forms for messages written as «one | few | many» (1 модуль, 2 модуля, 5 модулей, 11 модулей, 21 модуль).
 * vue-i18n's default rule knows only the English two forms.
 */
export function russianPluralIndex(choice: number, choicesLength: number): number {
  if (choicesLength < 3) return choice === 1 ? 0 : 1;
  const n = Math.abs(choice) % 100;
  const last = n % 10;
  if (n >= 11 && n <= 14) return 2;
  if (last === 1) return 0;
  if (last >= 2 && last <= 4) return 1;
  return 2;
}
