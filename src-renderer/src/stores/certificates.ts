import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '@/core/client';
import { useLatestLoad } from '@/composables/latest-load';
import type { CertificateSearchRow } from '@shared/operations';

const SEARCH_LIMIT = 200;
const DEBOUNCE_MS = 120;

/**
 * The search screen's state, kept while the operator opens a card and comes back.
 * Results appear while typing; answers to older queries are ignored.
 */
export const useCertificatesStore = defineStore('certificates', () => {
  const query = ref('');
  const search = useLatestLoad<CertificateSearchRow[]>([], { clearOnError: true, keepErrorWhileLoading: true });
  const rows = search.value;
  const searchedQuery = ref('');
  const selectedIndex = ref(-1);
  const limit = SEARCH_LIMIT;

  let timer: ReturnType<typeof setTimeout> | null = null;

  function setQuery(text: string): void {
    query.value = text;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runSearch(), DEBOUNCE_MS);
  }

  async function runSearch(): Promise<void> {
    timer = null;
    const text = query.value.trim();
    if (text === '') {
      search.reset();
      searchedQuery.value = '';
      selectedIndex.value = -1;
      return;
    }
    const r = await search.load(async () => {
      const found = await request('certificates.search', { query: text, limit: SEARCH_LIMIT });
      return found.ok ? { ok: true, value: found.value.rows } : found;
    });
    if (!r) return; // a newer query was sent meanwhile
    searchedQuery.value = text;
    selectedIndex.value = rows.value.length > 0 ? 0 : -1;
  }

  /** Re-runs the current query now (e.g. after a certificate was issued). */
  function refresh(): Promise<void> {
    if (timer) clearTimeout(timer);
    return runSearch();
  }

  function move(delta: number): void {
    if (rows.value.length === 0) return;
    const next = selectedIndex.value + delta;
    selectedIndex.value = Math.max(0, Math.min(rows.value.length - 1, next));
  }

  function select(index: number): void {
    selectedIndex.value = index;
  }

  function reset(): void {
    if (timer) clearTimeout(timer);
    search.reset();
    query.value = '';
    searchedQuery.value = '';
    selectedIndex.value = -1;
  }

  // Read-only outside: screens change the state through the actions.
  return {
    query: computed(() => query.value),
    rows: computed(() => rows.value),
    searchedQuery: computed(() => searchedQuery.value),
    loading: computed(() => search.loading.value),
    error: computed(() => search.error.value),
    selectedIndex: computed(() => selectedIndex.value),
    limit,
    setQuery,
    refresh,
    move,
    select,
    reset,
  };
});
