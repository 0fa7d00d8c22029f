import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '@/core/client';
import { syncDeskClock } from '@/utils/dates';
import type { OperationName, SessionView } from '@shared/operations';
import type { Role, Theme } from '@shared/enums';
import type { AppErrorBody } from '@shared/result';

/** The logged-in operator, restored from the core on load; the operator's theme is remembered by the core. */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionView | null>(null);
  const restored = ref(false);
  const expired = ref(false);
  let restoring: Promise<void> | null = null;

  const operator = computed(() => session.value?.operator ?? null);
  const office = computed(() => session.value?.office ?? null);
  const isAuthenticated = computed(() => session.value !== null);
  const role = computed<Role | null>(() => session.value?.operator.role ?? null);
  const isAdmin = computed(() => role.value === 'admin');
  const allowedOperations = computed<readonly string[]>(() => session.value?.allowedOperations ?? []);
  /** True when the core lets this operator call the operation (SessionView.allowedOperations). */
  function can(operation: OperationName): boolean {
    return allowedOperations.value.includes(operation);
  }
  const theme = computed<Theme>(() => session.value?.operator.theme ?? 'light');

  /** Asks the core who is logged in (session cookie / desktop session); runs once per page load. */
  function restore(): Promise<void> {
    if (!restoring) {
      restoring = request('auth.me', {}).then((r) => {
        session.value = r.ok ? r.value : null;
        if (r.ok) syncDeskClock(r.value.deskNow);
        restored.value = true;
      });
    }
    return restoring;
  }

  async function login(login: string, password: string): Promise<AppErrorBody | null> {
    const r = await request('auth.login', { login, password });
    if (!r.ok) return r.error;
    session.value = r.value;
    syncDeskClock(r.value.deskNow);
    restored.value = true;
    expired.value = false;
    return null;
  }

  async function logout(): Promise<void> {
    await request('auth.logout', {});
    session.value = null;
  }

  /** Called by the global handler when the core says the session is over. */
  function markExpired(): void {
    if (session.value) expired.value = true;
    session.value = null;
  }

  async function setTheme(next: Theme): Promise<AppErrorBody | null> {
    const current = session.value;
    if (!current) return null;
    const previous = current.operator.theme;
    current.operator.theme = next;
    const r = await request('settings.setTheme', { theme: next });
    if (!r.ok) {
      if (session.value) session.value.operator.theme = previous;
      return r.error;
    }
    if (session.value) session.value.operator.theme = r.value.theme;
    return null;
  }

  return {
    operator,
    office,
    isAuthenticated,
    role,
    isAdmin,
    allowedOperations,
    can,
    theme,
    restored: computed(() => restored.value),
    expired: computed(() => expired.value),
    restore,
    login,
    logout,
    markExpired,
    setTheme,
  };
});
