import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../stores/session';
import { pinia } from './pinia';
import type { Role } from '../../../shared/enums';
import { ADMINS, REGISTRY_STAFF, homeRouteName, roleAllows } from '../access';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login screen). */
    public?: boolean;
    /** Only these roles may open the route. */
    roles?: Role[];
    /** Key under unavailable.* describing a section that later work fills. */
    section?: string;
    /** i18n key of the section title. */
    title?: string;
  }
}

const unavailable = (path: string, section: string, roles?: Role[]): RouteRecordRaw => ({
  path,
  name: section,
  component: () => import('../views/UnavailableView.vue'),
  meta: { section, title: `nav.${section}`, ...(roles ? { roles } : {}) },
});

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../views/LayoutView.vue'),
    children: [
      { path: '', name: 'home', redirect: () => ({ name: homeRouteName(useSessionStore(pinia).role) }) },
      {
        path: 'certificates',
        name: 'search',
        component: () => import('../views/SearchView.vue'),
        meta: { title: 'nav.cabinet', roles: REGISTRY_STAFF },
      },
      {
        path: 'certificates/new',
        name: 'issue',
        component: () => import('../views/IssueView.vue'),
        meta: { title: 'issue.title', roles: REGISTRY_STAFF },
      },
      // :id is the certificate's id or its 10-digit number.
      {
        path: 'certificates/:id',
        name: 'card',
        component: () => import('../views/CardView.vue'),
        meta: { title: 'nav.cabinet', roles: REGISTRY_STAFF },
      },
      unavailable('navigator', 'navigator'),
      unavailable('schedule', 'schedule'),
      unavailable('contracts', 'contracts'),
      unavailable('news', 'news'),
      unavailable('events', 'events'),
      unavailable('portfolio', 'portfolio'),
      unavailable('settings', 'settings'),
      unavailable('admin', 'admin', ADMINS),
      { path: 'audit', name: 'audit', component: () => import('../views/AuditView.vue'), meta: { roles: ADMINS, title: 'nav.audit' } },
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
    if (to.name === 'login' && session.isAuthenticated) return { name: homeRouteName(session.role) };
    return true;
  }
  if (!session.isAuthenticated) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  }
  // Nested routes inherit their parents' meta; the deepest record decides.
  if (!roleAllows(to.meta.roles, session.role)) return { name: homeRouteName(session.role) };
  return true;
});
