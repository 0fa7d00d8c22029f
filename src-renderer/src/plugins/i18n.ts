import { createI18n } from 'vue-i18n';
import ru, { type MessageSchema } from '@/locales/ru';
import { russianPluralIndex } from '@/utils/plural';

// The Russian locale's shape is the schema of every message key (vue-i18n's global resource schema).
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging, as vue-i18n documents it
  export interface DefineLocaleMessage extends MessageSchema {}
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
