import { ref, type Ref } from 'vue';
import type { Result } from '@shared/result';

export interface LatestLoadOptions {
  /** A refusal also takes away what was shown (a card or page that could not be opened, a search that failed). */
  clearOnError?: boolean;
  /**
   * The refusal stays on screen until the next answer replaces it: a search as you type would otherwise make its
   * alert blink at every keystroke.
   */
  keepErrorWhileLoading?: boolean;
}

/**
 * What a screen loads and shows, with its spinner and the core's refusal. The latest request wins: a slow answer for
 * an earlier choice (another tab, organization, card, query) never replaces the current one.
 */
export function useLatestLoad<T>(initial: T, options: LatestLoadOptions = {}) {
  const value = ref(initial) as Ref<T>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  let sequence = 0;

  /** `silent`: after an action, refresh without the spinner. Null when a later request overtook this one. */
  async function load(fetch: () => Promise<Result<T>>, silent = false): Promise<Result<T> | null> {
    const mine = ++sequence;
    if (!silent) loading.value = true;
    if (!options.keepErrorWhileLoading) error.value = null;
    const r = await fetch();
    if (mine !== sequence) return null;
    loading.value = false;
    if (r.ok) {
      value.value = r.value;
      error.value = null;
    } else {
      if (options.clearOnError) value.value = initial;
      error.value = r.error.message;
    }
    return r;
  }

  /** Shows nothing (a cleared query, another operator) and drops any answer still on its way. */
  function reset(): void {
    sequence++;
    value.value = initial;
    loading.value = false;
    error.value = null;
  }

  /**
   * For a request that adds to what is shown (the next page): true while no later load or reset has replaced it, so
   * a page of a list that is gone is dropped.
   */
  function stillShown(): () => boolean {
    const mine = sequence;
    return () => mine === sequence;
  }

  return { value, loading, error, load, reset, stillShown };
}
