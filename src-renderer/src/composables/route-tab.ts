import { computed, toValue, type MaybeRefOrGetter, type WritableComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';

export interface RouteTabOptions {
  /** The query parameter that carries the tab; `tab` unless the screen names it otherwise. */
  query?: string;
  /** False: choosing the fallback tab takes the parameter out of the address instead of writing it. */
  fallbackInAddress?: boolean;
}

/**
 * The tab a screen shows, kept in the address (?tab=consent) so that a reload, «Назад» or a link opens the same one.
 * A missing value, or one this operator is not offered, shows `fallback`. Bind it to TabStrip's v-model.
 */
export function useRouteTab<K extends string>(tabs: MaybeRefOrGetter<readonly K[]>, fallback: K, options: RouteTabOptions = {}): WritableComputedRef<K> {
  const route = useRoute();
  const router = useRouter();
  const key = options.query ?? 'tab';
  return computed<K>({
    get: () => {
      const q = route.query[key];
      return typeof q === 'string' && (toValue(tabs) as readonly string[]).includes(q) ? (q as K) : fallback;
    },
    set: (next) => {
      const value = next === fallback && options.fallbackInAddress === false ? undefined : next;
      void router.replace({ query: { ...route.query, [key]: value } });
    },
  });
}
