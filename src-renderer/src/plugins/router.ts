import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../stores/session';
import { pinia } from './pinia';
import type { OperationName } from '../../../shared/operations';
import { SCREEN_OPERATIONS, allows, homeRouteName } from '../access';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login screen). */
    public?: boolean;
    /** The route is offered only when the core allows this operation to the operator. */
    operation?: OperationName;
    /** Key under unavailable.* describing a section that later work fills. */
    section?: string;
    /** i18n key of the section title. */
    title?: string;
  }
}

const unavailable = (path: string, section: string): RouteRecordRaw => ({
  path,
  name: section,
  component: () => import('../views/UnavailableView.vue'),
  meta: { section, title: `nav.${section}` },
});

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../views/LayoutView.vue'),
    children: [
      { path: '', name: 'home', redirect: () => ({ name: homeRouteName(useSessionStore(pinia).allowedOperations) }) },
      {
        path: 'certificates',
        name: 'search',
        component: () => import('../views/SearchView.vue'),
        meta: { title: 'nav.cabinet', operation: SCREEN_OPERATIONS.certificates },
      },
      {
        path: 'certificates/new',
        name: 'issue',
        component: () => import('../views/IssueView.vue'),
        meta: { title: 'issue.title', operation: SCREEN_OPERATIONS.issue },
      },
      // :id is the certificate's id or its 10-digit number.
      {
        path: 'certificates/:id',
        name: 'card',
        component: () => import('../views/CardView.vue'),
        meta: { title: 'nav.cabinet', operation: SCREEN_OPERATIONS.card },
      },
      { path: 'navigator', name: 'navigator', component: () => import('../views/NavigatorView.vue'), meta: { title: 'nav.navigator' } },
      // ?certificate=<number> keeps the certificate the search was checked against.
      { path: 'navigator/:programId', name: 'program', component: () => import('../views/ProgramView.vue'), meta: { title: 'nav.navigator' } },
      {
        path: 'schedule',
        name: 'schedule',
        component: () => import('../views/ScheduleView.vue'),
        meta: { title: 'nav.schedule', operation: SCREEN_OPERATIONS.schedule },
      },
      {
        path: 'contracts',
        name: 'contracts',
        component: () => import('../views/ContractsView.vue'),
        meta: { title: 'nav.contracts', operation: SCREEN_OPERATIONS.contracts },
      },
      {
        path: 'months',
        name: 'months',
        component: () => import('../views/MonthlyCloseView.vue'),
        meta: { title: 'nav.months', operation: SCREEN_OPERATIONS.months },
      },
      {
        path: 'organization',
        name: 'organization',
        component: () => import('../views/OrganizationView.vue'),
        meta: { title: 'organization.title', operation: SCREEN_OPERATIONS.organization },
      },
      {
        path: 'organization/programs/new',
        name: 'program-new',
        component: () => import('../views/ProgramEditorView.vue'),
        meta: { title: 'organization.title', operation: SCREEN_OPERATIONS.organization },
      },
      {
        path: 'organization/programs/:id',
        name: 'program-edit',
        component: () => import('../views/ProgramEditorView.vue'),
        meta: { title: 'organization.title', operation: SCREEN_OPERATIONS.organization },
      },
      unavailable('news', 'news'),
      unavailable('events', 'events'),
      unavailable('portfolio', 'portfolio'),
      unavailable('settings', 'settings'),
      {
        path: 'verify',
        name: 'verify',
        component: () => import('../views/VerifyView.vue'),
        meta: { title: 'nav.verify', operation: SCREEN_OPERATIONS.verify },
      },
      {
        path: 'admin',
        name: 'admin',
        component: () => import('../views/AdminView.vue'),
        meta: { title: 'nav.admin', operation: SCREEN_OPERATIONS.admin },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('../views/AuditView.vue'),
        meta: { title: 'nav.audit', operation: SCREEN_OPERATIONS.audit },
      },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
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
