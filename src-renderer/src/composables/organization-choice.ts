import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { useSessionStore } from '@/stores/session';

/**
 * Whose card and programs the screens edit: organization staff always their own organization (the core refuses
 * any other), administrators the one chosen on «Моя организация», carried in the address as ?org=<id>.
 */
export function useOrganizationChoice() {
  const route = useRoute();
  const session = useSessionStore();
  const choosesOrganization = computed(() => session.role !== 'org_staff');
  const organizationId = computed<string | null>(() => {
    if (!choosesOrganization.value) return session.operator?.organizationId ?? null;
    const q = route.query.org;
    return typeof q === 'string' && q ? q : null;
  });
  return { organizationId, choosesOrganization };
}
