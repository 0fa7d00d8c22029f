import { createI18n } from 'vue-i18n';
import ru, { type MessageSchema } from '../locales/ru';

/**
 * Russian plural forms for messages written as «one | few | many» (1 модуль, 2 модуля, 5 модулей, 11 модулей).
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

/** Russian is the source locale; other locales may be added later with the same schema. */
export const i18n = createI18n<[MessageSchema], 'ru', false>({
  legacy: false,
  locale: 'ru',
  fallbackLocale: 'ru',
  messages: { ru },
  pluralRules: { ru: russianPluralIndex },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});
