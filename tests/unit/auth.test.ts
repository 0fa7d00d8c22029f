import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOGIN_LOCK_MS } from '../../src-main/features/auth/operations';
import { errorOf, makeDesk, unwrap } from './helpers';

describe('operator login', () => {
  it('logs in with the demo account and answers who is at the desk', () => {
    const desk = makeDesk();
    const session = unwrap(desk.api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' }));
    expect(session.operator).toMatchObject({ login: 'operator', role: 'registry_operator', theme: 'light' });
    const me = unwrap(desk.api.call('auth.me', {}, { token: session.token }));
    expect(me.operator.fullName).toBe('Операторова Ольга Ивановна');
    expect(me.office.name).toMatch(/Мурманск/);
  });

  it('refuses a wrong password and an unknown login with the same Russian message', () => {
    const desk = makeDesk();
    const wrong = errorOf(desk.api.call('auth.login', { login: 'operator', password: 'nope' }));
    const unknown = errorOf(desk.api.call('auth.login', { login: 'nobody', password: 'nope' }));
    expect(wrong).toMatchObject({ code: 'unauthenticated', message: 'Неверный логин или пароль.' });
    expect(unknown.message).toBe(wrong.message);
  });

  it('locks the account after 5 wrong passwords within 15 minutes, and the lock ends after its time', () => {
    const desk = makeDesk();
    for (let i = 0; i < 4; i += 1) {
      expect(errorOf(desk.api.call('auth.login', { login: 'operator', password: 'bad' })).code).toBe('unauthenticated');
      desk.clock.advance(60_000);
    }
    expect(errorOf(desk.api.call('auth.login', { login: 'operator', password: 'bad' })).message).toMatch(/заблокирован/);
    // Even the right password waits out the lock.
    expect(errorOf(desk.api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' })).code).toBe('locked');
    desk.clock.advance(LOGIN_LOCK_MS + 1000);
    expect(desk.api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' }).ok).toBe(true);
  });

  it('wrong passwords spread over more than 15 minutes do not lock', () => {
    const desk = makeDesk();
    for (let i = 0; i < 6; i += 1) {
      errorOf(desk.api.call('auth.login', { login: 'operator', password: 'bad' }));
      desk.clock.advance(4 * 60_000);
    }
    expect(desk.api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' }).ok).toBe(true);
  });

  it('every failed attempt is in the audit log, and the lock survives a restart (it is in the registry)', () => {
    const desk = makeDesk();
    for (let i = 0; i < 5; i += 1) errorOf(desk.api.call('auth.login', { login: 'operator', password: 'bad' }));
    const refusals = desk.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'auth.login' AND outcome = 'refused'").get();
    expect(refusals).toEqual({ n: 5 });
    const row = desk.core.db.prepare("SELECT locked_until FROM operators WHERE login = 'operator'").get() as { locked_until: string };
    expect(row.locked_until).toBeTruthy();
  });

  it('stores passwords only as salted scrypt hashes, never in the file', () => {
    const desk = makeDesk();
    const hashes = desk.core.db.prepare('SELECT password_hash FROM operators').all() as Array<{ password_hash: string }>;
    expect(hashes.every((h) => h.password_hash.startsWith('scrypt$'))).toBe(true);
    expect(new Set(hashes.map((h) => h.password_hash.split('$')[4])).size).toBe(hashes.length);
    desk.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(desk.file).toString('latin1');
    for (const secret of ['operator-demo-2026', 'admin-demo-2026', 'org-demo-2026']) expect(bytes.includes(secret)).toBe(false);
  });

  it('calls without a session are refused; logout ends the session', () => {
    const desk = makeDesk();
    expect(errorOf(desk.api.call('certificates.search', { query: 'ив' })).code).toBe('unauthenticated');
    const token = desk.login();
    expect(desk.api.call('certificates.search', { query: 'ив' }, { token }).ok).toBe(true);
    unwrap(desk.api.call('auth.logout', {}, { token }));
    expect(errorOf(desk.api.call('certificates.search', { query: 'ив' }, { token })).code).toBe('unauthenticated');
  });

  it('an idle session expires', () => {
    const desk = makeDesk();
    const token = desk.login();
    desk.clock.advance(5 * 60 * 60 * 1000);
    expect(errorOf(desk.api.call('auth.me', {}, { token })).code).toBe('unauthenticated');
  });

  it('roles: organization staff cannot issue certificates or browse the registry of children', () => {
    const desk = makeDesk();
    const token = desk.login('org');
    expect(errorOf(desk.api.call('certificates.search', { query: 'ив' }, { token })).code).toBe('forbidden');
    expect(errorOf(desk.api.call('audit.list', {}, { token })).message).toMatch(/Администратор/);
  });

  it('unknown operations and malformed input get a Russian answer', () => {
    const desk = makeDesk();
    expect(errorOf(desk.api.callByName('drop.everything', {})).message).toMatch(/Неизвестная операция/);
    expect(errorOf(desk.api.call('auth.login', { login: '', password: 'x' })).message).toBe('Укажите логин');
    expect(errorOf(desk.api.call('auth.login', 'not an object')).code).toBe('invalid_input');
  });

  it('the theme is remembered per operator', () => {
    const desk = makeDesk();
    const token = desk.login();
    unwrap(desk.api.call('settings.setTheme', { theme: 'dark' }, { token }));
    expect(unwrap(desk.api.call('auth.me', {}, { token: desk.login() })).operator.theme).toBe('dark');
    expect(unwrap(desk.api.call('auth.me', {}, { token: desk.login('admin') })).operator.theme).toBe('light');
    expect(errorOf(desk.api.call('settings.setTheme', { theme: 'purple' }, { token })).message).toMatch(/светлая или тёмная/);
  });
});
