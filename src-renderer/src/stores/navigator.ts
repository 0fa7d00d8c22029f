import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
import { request } from '@/core/client';
import { useLatestLoad } from '@/composables/latest-load';
import type { Direction, ProgramRegistry } from '@shared/enums';
import type { OperationInput, ProgramCard } from '@shared/operations';
import { CERTIFICATE_NUMBER_PATTERN } from '@shared/rules';

const RESULT_LIMIT = 100;
const DEBOUNCE_MS = 150;
const AGE_PATTERN = /^\d{1,2}$/;

/** The seed's «Расширенный поиск». Empty values mean «any». */
export interface ProgramFilters {
  direction: Direction | null;
  registry: ProgramRegistry | null;
  /** As typed: validated here, the range is the core's to check. */
  age: string;
  municipalityId: string | null;
  startMonth: string | null;
  address: string;
}

const noFilters = (): ProgramFilters => ({ direction: null, registry: null, age: '', municipalityId: null, startMonth: null, address: '' });

/**
 * The navigator's state, kept while the operator opens a program page and comes back.
 * Every change of the query, a filter or the certificate searches again after a short pause; answers to older
 * searches are ignored. A malformed age or certificate number is said next to its field and searches nothing,
 * so the list on screen stays the last valid one.
 */
export const useNavigatorStore = defineStore('navigator', () => {
  const query = ref('');
  const filters = reactive<ProgramFilters>(noFilters());
  const certificate = ref('');
  const onlyAvailable = ref(false);
  const advancedOpen = ref(false);

  const programSearch = useLatestLoad<ProgramCard[]>([], { clearOnError: true, keepErrorWhileLoading: true });
  const results = programSearch.value;
  /** The certificate the shown results were checked against ('' when none). */
  const checkedCertificate = ref('');
  const searched = ref(false);
  const selectedIndex = ref(-1);

  const ageInvalid = computed(() => filters.age.trim() !== '' && !AGE_PATTERN.test(filters.age.trim()));
  const certificateInvalid = computed(() => certificate.value.trim() !== '' && !CERTIFICATE_NUMBER_PATTERN.test(certificate.value.trim()));
  /** The certificate to check programs against, once it is a whole number. */
  const validCertificate = computed(() => (certificateInvalid.value ? '' : certificate.value.trim()));
  const activeFilterCount = computed(
    () => [filters.direction, filters.registry, filters.age.trim(), filters.municipalityId, filters.startMonth, filters.address.trim()].filter((v) => v).length,
  );

  let timer: ReturnType<typeof setTimeout> | null = null;
  /** False until the screen opens and after a logout, so that clearing the fields searches nothing. */
  let active = false;
  /** The latest search sent and not answered yet. */
  let inFlight: Promise<void> | null = null;

  function schedule(): void {
    if (!active) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void search(), DEBOUNCE_MS);
  }

  function searchInput(): OperationInput<'programs.search'> {
    const text = query.value.trim();
    const age = filters.age.trim();
    const address = filters.address.trim();
    return {
      ...(text ? { query: text } : {}),
      ...(filters.direction ? { direction: filters.direction } : {}),
      ...(filters.registry ? { registry: filters.registry } : {}),
      ...(age ? { age: Number(age) } : {}),
      ...(filters.municipalityId ? { municipalityId: filters.municipalityId } : {}),
      ...(filters.startMonth ? { startMonth: filters.startMonth } : {}),
      ...(address ? { address } : {}),
      ...(validCertificate.value ? { certificateNumber: validCertificate.value, onlyAvailable: onlyAvailable.value } : {}),
      limit: RESULT_LIMIT,
    };
  }

  /** The screen opened: show the programs at once the first time, keep the last list when coming back. */
  function open(): void {
    active = true;
    if (!searched.value) void search();
  }

  /** Resolves when the list on screen answers what is typed now (a pending search is sent at once). */
  async function settled(): Promise<void> {
    if (timer) await search();
    while (inFlight) await inFlight;
  }

  /** Searches now with what is on screen. */
  function search(): Promise<void> {
    const run = runSearch();
    inFlight = run;
    void run.finally(() => {
      if (inFlight === run) inFlight = null;
    });
    return run;
  }

  async function runSearch(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (ageInvalid.value || certificateInvalid.value) return;
    const input = searchInput();
    const r = await programSearch.load(() => request('programs.search', input));
    if (!r) return; // a newer search was sent meanwhile
    searched.value = true;
    checkedCertificate.value = r.ok ? (input.certificateNumber ?? '') : '';
    selectedIndex.value = results.value.length > 0 ? 0 : -1;
  }

  watch([query, filters, certificate, onlyAvailable], schedule, { deep: true });

  function resetFilters(): void {
    Object.assign(filters, noFilters());
  }

  function move(delta: number): void {
    if (results.value.length === 0) return;
    selectedIndex.value = Math.max(0, Math.min(results.value.length - 1, selectedIndex.value + delta));
  }

  function select(index: number): void {
    selectedIndex.value = index;
  }

  /** Forgets everything (another operator logs in). */
  function reset(): void {
    active = false;
    programSearch.reset();
    query.value = '';
    resetFilters();
    certificate.value = '';
    onlyAvailable.value = false;
    advancedOpen.value = false;
    if (timer) clearTimeout(timer);
    timer = null;
    checkedCertificate.value = '';
    searched.value = false;
    selectedIndex.value = -1;
  }

  return {
    query,
    filters,
    certificate,
    onlyAvailable,
    advancedOpen,
    results: computed(() => results.value),
    checkedCertificate: computed(() => checkedCertificate.value),
    searched: computed(() => searched.value),
    loading: computed(() => programSearch.loading.value),
    error: computed(() => programSearch.error.value),
    selectedIndex: computed(() => selectedIndex.value),
    ageInvalid,
    certificateInvalid,
    validCertificate,
    activeFilterCount,
    limit: RESULT_LIMIT,
    open,
    search,
    settled,
    resetFilters,
    move,
    select,
    reset,
  };
});
