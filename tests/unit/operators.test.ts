import { describe, expect, it } from 'vitest';
import { errorOf, makeDesk, unwrap } from './helpers';

describe('operator accounts (administration)', () => {
  it('an administrator creates a registry operator who can then log in', () => {
    const desk = makeDesk({ children: 2 });
    const admin = desk.login('admin');
    const created = unwrap(desk.api.call('operators.create', { login: 'ivanova', fullName: 'Иванова Мария Петровна', role: 'registry_operator', password: 'Сложный пароль 2026' }, { token: admin }));
    expect(created).toMatchObject({ login: 'ivanova', role: 'registry_operator', active: true, organizationId: null });
    expect(desk.api.call('auth.login', { login: 'IVANOVA', password: 'Сложный пароль 2026' }).ok).toBe(true);
  });

  it('organization staff must be bound to an existing organization', () => {
    const desk = makeDesk({ children: 2 });
    const admin = desk.login('admin');
    const input = { login: 'coach', fullName: 'Тренер Иван', role: 'org_staff' as const, password: 'trener-2026-x' };
    expect(errorOf(desk.api.call('operators.create', input, { token: admin })).message).toMatch(/указать организацию/);
    const orgs = unwrap(desk.api.call('organizations.list', {}, { token: admin }));
    expect(orgs.map((o) => o.shortName)).toContain('ЧОУ ДО «Логос»');
    const logos = orgs.find((o) => o.shortName === 'ЧОУ ДО «Логос»')!;
    expect(unwrap(desk.api.call('operators.create', { ...input, organizationId: logos.id }, { token: admin })).organizationName).toBe('ЧОУ ДО «Логос»');
  });

  it('refuses a taken login, a weak password, a Latin full name; only admins may manage accounts', () => {
    const desk = makeDesk({ children: 2 });
    const admin = desk.login('admin');
    const base = { login: 'operator', fullName: 'Петров Пётр', role: 'registry_operator' as const, password: 'password-2026' };
    expect(errorOf(desk.api.call('operators.create', base, { token: admin })).message).toMatch(/уже занят/);
    expect(errorOf(desk.api.call('operators.create', { ...base, login: 'pp2', password: 'short1' }, { token: admin })).message).toMatch(/не короче 10/);
    expect(errorOf(desk.api.call('operators.create', { ...base, login: 'pp2', password: 'onlyletters' }, { token: admin })).message).toMatch(/буквы и цифры/);
    expect(errorOf(desk.api.call('operators.create', { ...base, login: 'pp2', fullName: 'Peter' }, { token: admin })).message).toMatch(/русские буквы/);
    expect(errorOf(desk.api.call('operators.create', { ...base, login: 'pp2' }, { token: desk.login() })).code).toBe('forbidden');
  });

  it('disabling an account ends its sessions; the last administrator cannot be disabled', () => {
    const desk = makeDesk({ children: 2 });
    const admin = desk.login('admin');
    const opToken = desk.login();
    const accounts = unwrap(desk.api.call('operators.list', {}, { token: admin }));
    const op = accounts.find((a) => a.login === 'operator')!;
    unwrap(desk.api.call('operators.update', { id: op.id, active: false }, { token: admin }));
    expect(errorOf(desk.api.call('auth.me', {}, { token: opToken })).code).toBe('unauthenticated');
    expect(errorOf(desk.api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' })).code).toBe('unauthenticated');
    const me = accounts.find((a) => a.login === 'admin')!;
    expect(errorOf(desk.api.call('operators.update', { id: me.id, active: false }, { token: admin })).message).toMatch(/последнего администратора/);
  });

  it('a reset password lifts the lockout; an operator changes their own password knowing the current one', () => {
    const desk = makeDesk({ children: 2 });
    for (let i = 0; i < 5; i += 1) desk.api.call('auth.login', { login: 'operator', password: 'bad' });
    const admin = desk.login('admin');
    const op = unwrap(desk.api.call('operators.list', {}, { token: admin })).find((a) => a.login === 'operator')!;
    expect(op.lockedUntil).toBeTruthy();
    unwrap(desk.api.call('operators.resetPassword', { id: op.id, password: 'new-secret-2026' }, { token: admin }));
    const token = desk.login('operator', 'new-secret-2026');
    expect(errorOf(desk.api.call('auth.changePassword', { currentPassword: 'wrong', newPassword: 'another-2026-x' }, { token })).message).toMatch(/неверно/);
    unwrap(desk.api.call('auth.changePassword', { currentPassword: 'new-secret-2026', newPassword: 'another-2026-x' }, { token }));
    expect(desk.api.call('auth.login', { login: 'operator', password: 'another-2026-x' }).ok).toBe(true);
  });
});
