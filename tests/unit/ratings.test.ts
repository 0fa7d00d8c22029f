import { describe, expect, it } from 'vitest';
import { lastRatingDay } from '../../shared/rules';
import { errorOf, makeDesk, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';

function terminatedContract(desk: TestDesk, terminationDate: string) {
  const db = desk.core.db;
  const g = db.prepare('SELECT g.id, p.id AS program, p.organization_id AS org FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name = ? ORDER BY g.name LIMIT 1').get(GERMAN) as { id: string; program: string; org: string };
  const admin = desk.login('admin');
  unwrap(desk.api.call('operators.create', { login: 'logos1', fullName: 'Сотрудник Логоса', role: 'org_staff', organizationId: g.org, password: 'staff-pass-2026' }, { token: admin }));
  const staff = desk.login('logos1', 'staff-pass-2026');
  const k = unwrap(desk.api.call('applications.create', { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович', groupId: g.id }, { token: staff }));
  unwrap(desk.api.call('contracts.confirm', { contractId: k.id }, { token: staff }));
  unwrap(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate, reason: 'Переезд семьи' }, { token: staff }));
  return { contractId: k.id, programId: g.program };
}

const scores = { results: 80, staff: 90, equipment: 70, satisfaction: 100 };

describe('rating a program after the contract', () => {
  it('the window is one month from the end, that day included', () => {
    expect(lastRatingDay('2026-11-23')).toBe('2026-12-22');
    expect(lastRatingDay('2026-12-15')).toBe('2027-01-14');
    expect(lastRatingDay('2026-01-31')).toBe('2026-02-27');
  });

  it('is recorded at the desk, can be changed within the window, and not a day after; the program shows the average', () => {
    const desk = makeDesk({ children: 2 });
    const { contractId, programId } = terminatedContract(desk, '2026-11-23');
    const rated = unwrap(desk.api.call('ratings.set', { contractId, ...scores }, { token: desk.login() }));
    expect(rated).toMatchObject({ count: 1, results: 80, overall: 85 });
    const view = () => unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: desk.login() })).find((k) => k.id === contractId)!;
    expect(view()).toMatchObject({ rating: scores, ratingOpenUntil: '2026-12-22' });
    desk.clock.set('2026-12-22T20:00:00.000Z'); // 23:00 on 22 December in Murmansk: the last day
    expect(unwrap(desk.api.call('ratings.set', { contractId, ...scores, results: 40 }, { token: desk.login() }))).toMatchObject({ count: 1, results: 40 });
    desk.clock.set('2026-12-22T21:30:00.000Z'); // 00:30 on 23 December
    expect(view()).toMatchObject({ rating: { ...scores, results: 40 }, ratingOpenUntil: null });
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores }, { token: desk.login() })).message).toMatch(/с 23\.11\.2026 по 22\.12\.2026/);
    expect(unwrap(desk.api.call('programs.rating', { programId }, { token: desk.login('org') }))).toMatchObject({ count: 1, results: 40, staff: 90 });
  });

  it('refuses a contract that has not ended and scores outside 0–100 %', () => {
    const desk = makeDesk({ children: 2 });
    const { contractId } = terminatedContract(desk, '2026-11-30');
    const view = unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: desk.login() })).find((k) => k.id === contractId)!;
    expect(view).toMatchObject({ rating: null, ratingOpenUntil: null });
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores }, { token: desk.login() })).message).toMatch(/с 30\.11\.2026/);
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores, staff: 101 }, { token: desk.login() })).message).toMatch(/не больше 100/);
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores, staff: 50.5 }, { token: desk.login() })).message).toMatch(/целое/);
  });
});
