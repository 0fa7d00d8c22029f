import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '@/core/client';
import type { CertificateSearchRow } from '@shared/operations';

const SEARCH_LIMIT = 200;
const DEBOUNCE_MS = 120;

/**
 * The search screen's state, kept while the operator opens a card and comes back.
 * Results appear while typing; answers to older queries are ignored.
 */
export const useCertificatesStore = defineStore('certificates', () => {
  const query = ref('');
  const rows = ref<CertificateSearchRow[]>([]);
  const searchedQuery = ref('');
  const loading = ref(false);
  const error = ref<string | null>(null);
  const selectedIndex = ref(-1);
  const limit = SEARCH_LIMIT;

  let timer: ReturnType<typeof setTimeout> | null = null;
  let sequence = 0;

  function setQuery(text: string): void {
    query.value = text;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runSearch(), DEBOUNCE_MS);
  }

  async function runSearch(): Promise<void> {
    timer = null;
    const text = query.value.trim();
    const mine = ++sequence;
    if (text === '') {
      rows.value = [];
      searchedQuery.value = '';
      error.value = null;
      loading.value = false;
      selectedIndex.value = -1;
      return;
    }
    loading.value = true;
    const r = await request('certificates.search', { query: text, limit: SEARCH_LIMIT });
    if (mine !== sequence) return; // a newer query was sent meanwhile
    loading.value = false;
    if (r.ok) {
      rows.value = r.value.rows;
      error.value = null;
    } else {
      rows.value = [];
      error.value = r.error.message;
    }
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
    sequence++;
    query.value = '';
    rows.value = [];
    searchedQuery.value = '';
    error.value = null;
    loading.value = false;
    selectedIndex.value = -1;
  }

  // Read-only outside: screens change the state through the actions.
  return {
    query: computed(() => query.value),
    rows: computed(() => rows.value),
    searchedQuery: computed(() => searchedQuery.value),
    loading: computed(() => loading.value),
    error: computed(() => error.value),
    selectedIndex: computed(() => selectedIndex.value),
    limit,
    setQuery,
    refresh,
    move,
    select,
    reset,
  };
});
