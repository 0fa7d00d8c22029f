import { useI18n as useVueI18n, type NamedValue } from 'vue-i18n';
import type { MessageSchema } from '@/locales/ru';

/** Every message's key path in the Russian locale (the source of every other), e.g. 'card.tabs.consent', 'common.weekdays.1'. */
export type MessageKey = LeafPaths<MessageSchema>;

type LeafPaths<T> = {
  [K in keyof T & (string | number)]: T[K] extends string ? `${K}` : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & (string | number)];

/** A section of the desk still to come: «Здесь будет: …» under unavailable.<section>, its title under nav.<section>. */
export type UnavailableSection = Exclude<keyof MessageSchema['unavailable'], 'title' | 'willHold'>;

/** vue-i18n's `t` for the forms the screens use, taking only keys that exist. */
export interface Translate {
  (key: MessageKey): string;
  (key: MessageKey, plural: number): string;
  (key: MessageKey, named: NamedValue): string;
  (key: MessageKey, named: NamedValue, plural: number): string;
}

/**
 * vue-i18n's useI18n with the message key checked by vue-tsc. DefineLocaleMessage (plugins/i18n.ts) only offers the
 * keys: vue-i18n's own `t` also takes any string (intlify/vue-i18n#1116), so a mistyped key would show the key
 * itself to the operator. Screens import useI18n from here; lint refuses vue-i18n's.
 */
export function useI18n() {
  const { t, te } = useVueI18n();
  /** For a key built from data (an operation name in the audit log): whether the locale has it. */
  const hasKey = (key: string): key is MessageKey => te(key);
  return { t: t as Translate, te: hasKey };
}
