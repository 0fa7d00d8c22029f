import { describe, expect, it } from 'vitest';
import { lastRatingDay } from '../../shared/rules';
import { errorOf, makeDesk, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';

/** A German contract from 23 November, terminated from `terminationDate`; with `close`, November is closed on 1 December. */
function terminatedContract(desk: TestDesk, terminationDate: string, close = true) {
  const db = desk.core.db;
  const g = db.prepare('SELECT g.id, p.id AS program, p.organization_id AS org FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name = ? ORDER BY g.name LIMIT 1').get(GERMAN) as { id: string; program: string; org: string };
  const admin = desk.login('admin');
  unwrap(desk.api.call('operators.create', { login: 'logos1', fullName: 'Сотрудник Логоса', role: 'org_staff', organizationId: g.org, password: 'staff-pass-2026' }, { token: admin }));
  const staff = desk.login('logos1', 'staff-pass-2026');
  const k = unwrap(desk.api.call('applications.create', { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович', groupId: g.id }, { token: staff }));
  unwrap(desk.api.call('contracts.confirm', { contractId: k.id }, { token: staff }));
  unwrap(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate, reason: 'Переезд семьи' }, { token: staff }));
  if (close) {
    desk.clock.set('2026-12-01T09:00:00.000Z');
    const municipalityId = (db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
    unwrap(desk.api.call('months.close', { municipalityId, month: '2026-11' }, { token: desk.login() }));
  }
  return { contractId: k.id, programId: g.program };
}

const scores = { results: 80, staff: 90, equipment: 70, satisfaction: 100 };

describe('rating a program after the contract', () => {
  it('the window is one month from the end, that day included', () => {
    expect(lastRatingDay('2026-11-23')).toBe('2026-12-22');
    expect(lastRatingDay('2026-12-15')).toBe('2027-01-14');
    expect(lastRatingDay('2026-01-31')).toBe('2026-02-27');
  });

  it('opens with the close that ends the terminated contract, for a month from the end of the termination month; can be changed within it, and not a day after', () => {
    const desk = makeDesk({ children: 2 });
    const { contractId, programId } = terminatedContract(desk, '2026-11-23');
    const rated = unwrap(desk.api.call('ratings.set', { contractId, ...scores }, { token: desk.login() }));
    expect(rated).toMatchObject({ count: 1, results: 80, overall: 85 });
    const view = () => unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: desk.login() })).find((k) => k.id === contractId)!;
    expect(view()).toMatchObject({ rating: scores, ratingOpenUntil: '2026-12-29' });
    desk.clock.set('2026-12-29T20:00:00.000Z'); // 23:00 on 29 December in Murmansk: the last day
    expect(unwrap(desk.api.call('ratings.set', { contractId, ...scores, results: 40 }, { token: desk.login() }))).toMatchObject({ count: 1, results: 40 });
    desk.clock.set('2026-12-29T21:30:00.000Z'); // 00:30 on 30 December
    expect(view()).toMatchObject({ rating: { ...scores, results: 40 }, ratingOpenUntil: null });
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores }, { token: desk.login() })).message).toMatch(/с 30\.11\.2026 по 29\.12\.2026/);
    expect(unwrap(desk.api.call('programs.rating', { programId }, { token: desk.login('org') }))).toMatchObject({ count: 1, results: 40, staff: 90 });
  });

  it('refuses a contract that awaits termination (its month is not closed) and scores outside 0–100 %', () => {
    const desk = makeDesk({ children: 2 });
    const { contractId } = terminatedContract(desk, '2026-11-23', false);
    const view = unwrap(desk.api.call('contracts.list', { tab: 'active' }, { token: desk.login() })).find((k) => k.id === contractId)!;
    expect(view).toMatchObject({ awaitingTermination: true, rating: null, ratingOpenUntil: null, ratable: false });
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores }, { token: desk.login() })).message).toMatch(/ещё не закончен/);
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores, staff: 101 }, { token: desk.login() })).message).toMatch(/не больше 100/);
    expect(errorOf(desk.api.call('ratings.set', { contractId, ...scores, staff: 50.5 }, { token: desk.login() })).message).toMatch(/целое/);
  });
});
