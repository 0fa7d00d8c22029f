import { describe, expect, it } from 'vitest';
import { createWindowCalls } from '../../src-main/hosts/electron/window-calls';
import { makeDesk, startServerHost } from './helpers';

// The session token never reaches script in the page, whichever host serves it and whichever operation answers.
const PASSWORD = 'operator-demo-2026';

describe('hosts share one door out', () => {
  it('the desktop window: auth.login and auth.me answer without the token, and the session still works', async () => {
    const desk = makeDesk();
    const window = createWindowCalls(desk.api);
    const login = await window.call('auth.login', { login: 'operator', password: PASSWORD });
    expect(login.ok).toBe(true);
    const me = await window.call('auth.me', {});
    expect(me.ok).toBe(true);
    for (const answer of [login, me]) {
      expect((answer as { value: { token: string } }).value.token).toBe('');
      expect(JSON.stringify(answer)).not.toMatch(/[0-9a-f]{32,}|[A-Za-z0-9_-]{40,}/);
    }
    expect((me as { value: { operator: { login: string } } }).value.operator.login).toBe('operator');
    // The main process kept the session: a call that needs it passes; after logout it does not.
    expect((await window.call('operators.list', {})).ok).toBe(false); // a registry operator is not an administrator
    expect((await window.call('certificates.search', { query: 'Сидоров' })).ok).toBe(true);
    await window.call('auth.logout', {});
    const after = await window.call('auth.me', {});
    expect(after.ok).toBe(false);
  });

  it('the server: auth.login and auth.me answer without the token; the token is only in the HttpOnly cookie', async () => {
    const desk = makeDesk();
    const { post } = await startServerHost(desk);
    const signIn = await post('auth.login', { login: 'operator', password: PASSWORD });
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    const token = /certdesk_session=([^;]+)/.exec(cookie)?.[1] ?? cookie.split(';')[0]!.split('=')[1]!;
    expect(token.length).toBeGreaterThan(20);
    const loginText = await signIn.text();
    const meText = await (await post('auth.me', {}, { Cookie: cookie.split(';')[0]! })).text();
    for (const text of [loginText, meText]) {
      expect(JSON.parse(text).ok).toBe(true);
      expect(text).not.toContain(token);
      expect(JSON.parse(text).value.token).toBe('');
    }
  });

  it('a stale token ends the desktop session as a stale cookie ends the server one', async () => {
    const desk = makeDesk();
    const window = createWindowCalls(desk.api);
    await window.call('auth.login', { login: 'operator', password: PASSWORD });
    desk.core.sessions.closeAllFor((desk.core.db.prepare("SELECT id FROM operators WHERE login = 'operator'").get() as { id: string }).id);
    expect((await window.call('auth.me', {})).ok).toBe(false);
    const relogin = await window.call('auth.login', { login: 'operator', password: PASSWORD });
    expect(relogin.ok).toBe(true);
    expect((await window.call('auth.me', {})).ok).toBe(true);
  });
});
