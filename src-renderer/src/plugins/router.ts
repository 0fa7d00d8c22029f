import { createRouter, createWebHashHistory, type RouteComponent, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { pinia } from './pinia';
import type { OperationName } from '@shared/operations';
import { SCREEN_OPERATIONS, allows, homeRouteName } from '@/access';
import type { MessageKey, UnavailableSection } from '@/composables/i18n';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login screen). */
    public?: boolean;
    /** The route is offered only when the core allows this operation to the operator. */
    operation?: OperationName;
    /** Key under unavailable.* describing a section that later work fills. */
    section?: UnavailableSection;
    /** i18n key of the section title. */
    title?: MessageKey;
  }
}

const unavailable = (path: string, section: UnavailableSection): RouteRecordRaw => ({
  path,
  name: section,
  component: () => import('@/views/UnavailableView.vue'),
  meta: { section, title: `nav.${section}` },
});

/** A screen of the desk, offered to the operators whom the core allows `operation` (to everyone without one). */
const screen = (path: string, name: string, component: RouteComponent | (() => Promise<RouteComponent>), title: MessageKey, operation?: OperationName): RouteRecordRaw => ({
  path,
  name,
  component,
  meta: operation ? { title, operation } : { title },
});

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('@/views/LayoutView.vue'),
    children: [
      { path: '', name: 'home', redirect: () => ({ name: homeRouteName(useSessionStore(pinia).allowedOperations) }) },
      screen('certificates', 'search', () => import('@/views/SearchView.vue'), 'nav.cabinet', SCREEN_OPERATIONS.certificates),
      screen('certificates/new', 'issue', () => import('@/views/IssueView.vue'), 'issue.title', SCREEN_OPERATIONS.issue),
      // :id is the certificate's id or its 10-digit number.
      screen('certificates/:id', 'card', () => import('@/views/CardView.vue'), 'nav.cabinet', SCREEN_OPERATIONS.card),
      screen('navigator', 'navigator', () => import('@/views/NavigatorView.vue'), 'nav.navigator'),
      // ?certificate=<number> keeps the certificate the search was checked against.
      screen('navigator/:programId', 'program', () => import('@/views/ProgramView.vue'), 'nav.navigator'),
      screen('schedule', 'schedule', () => import('@/views/ScheduleView.vue'), 'nav.schedule', SCREEN_OPERATIONS.schedule),
      screen('contracts', 'contracts', () => import('@/views/ContractsView.vue'), 'nav.contracts', SCREEN_OPERATIONS.contracts),
      screen('months', 'months', () => import('@/views/MonthlyCloseView.vue'), 'nav.months', SCREEN_OPERATIONS.months),
      screen('organization', 'organization', () => import('@/views/OrganizationView.vue'), 'organization.title', SCREEN_OPERATIONS.organization),
      screen('organization/programs/new', 'program-new', () => import('@/views/ProgramEditorView.vue'), 'organization.title', SCREEN_OPERATIONS.organization),
      screen('organization/programs/:id', 'program-edit', () => import('@/views/ProgramEditorView.vue'), 'organization.title', SCREEN_OPERATIONS.organization),
      unavailable('news', 'news'),
      screen('events', 'events', () => import('@/views/EventsView.vue'), 'nav.events'),
      screen('events/:eventId', 'event', () => import('@/views/EventView.vue'), 'nav.events'),
      unavailable('portfolio', 'portfolio'),
      unavailable('settings', 'settings'),
      screen('verify', 'verify', () => import('@/views/VerifyView.vue'), 'nav.verify', SCREEN_OPERATIONS.verify),
      screen('municipalities', 'municipalities', () => import('@/views/MunicipalitiesView.vue'), 'municipalities.title', SCREEN_OPERATIONS.municipalities),
      screen('exchange', 'exchange', () => import('@/views/ExchangeView.vue'), 'nav.exchange', SCREEN_OPERATIONS.exchange),
      screen('admin', 'admin', () => import('@/views/AdminView.vue'), 'nav.admin', SCREEN_OPERATIONS.admin),
      screen('audit', 'audit', () => import('@/views/AuditView.vue'), 'nav.audit', SCREEN_OPERATIONS.audit),
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
    ],
  },
];

export const router = createRouter({
  // Hash history: the desktop window loads the renderer from a file.
  history: createWebHashHistory(),
  routes,
});

router.beforeEach(async (to) => {
  const session = useSessionStore(pinia);
  await session.restore();
  if (to.meta.public) {
    if (to.name === 'login' && session.isAuthenticated) return { name: homeRouteName(session.allowedOperations) };
    return true;
  }
  if (!session.isAuthenticated) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  }
  // Nested routes inherit their parents' meta; the deepest record decides.
  if (!allows(session.allowedOperations, to.meta.operation)) return { name: homeRouteName(session.allowedOperations) };
  return true;
});
