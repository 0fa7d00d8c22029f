import { ref, type Ref } from 'vue';
import type { Result } from '@shared/result';

/**
 * What a screen loads and shows, with its spinner and the core's refusal. The latest request wins: a slow answer for
 * an earlier choice (another tab, organization, card) never replaces the current one.
 * `clearOnError`: a refusal also takes away what was shown (a card or page that could not be opened).
 */
export function useLatestLoad<T>(initial: T, options: { clearOnError?: boolean } = {}) {
  const value = ref(initial) as Ref<T>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  let sequence = 0;

  /** `silent`: after an action, refresh without the spinner. Null when a later request overtook this one. */
  async function load(fetch: () => Promise<Result<T>>, silent = false): Promise<Result<T> | null> {
    const mine = ++sequence;
    if (!silent) loading.value = true;
    error.value = null;
    const r = await fetch();
    if (mine !== sequence) return null;
    loading.value = false;
    if (r.ok) value.value = r.value;
    else {
      if (options.clearOnError) value.value = initial;
      error.value = r.error.message;
    }
    return r;
  }

  return { value, loading, error, load };
}
