import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './plugins/i18n';
import { pinia } from './plugins/pinia';
import { router } from './plugins/router';
import { setUnauthenticatedHandler } from '@/core/client';
import { useSessionStore } from './stores/session';
import './styles.css';

const app = createApp(App);
app.use(pinia);
app.use(i18n);
app.use(router);

// Any operation answered 'unauthenticated' means the session is over: back to the login screen.
setUnauthenticatedHandler(() => {
  const session = useSessionStore(pinia);
  session.markExpired();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  }
});

app.mount('#app');
