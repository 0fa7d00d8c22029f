import { createI18n } from 'vue-i18n';
import ru, { type MessageSchema } from '@/locales/ru';
import { russianPluralIndex } from '@/utils/plural';

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
