import { describe, expect, it } from 'vitest';
import { startDeskJobs } from '../../src-main/desk';
import { PROLONG_NOT_OWN } from '../../src-main/features/contracts';
import { errorOf, groupOf, makeDesk, registrySnapshot, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';

/** A group of the same program for the next school year, and a logged-in staff member of Логос. */
function setup(desk: TestDesk) {
  const db = desk.core.db;
  const g = db
    .prepare('SELECT g.*, p.organization_id AS org FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name = ? ORDER BY g.name DESC LIMIT 1')
    .get(GERMAN) as { id: string; program_id: string; module_id: string; org: string };
  const nextId = '01a20abe-0000-7000-8000-000000000001';
  db.prepare(
    `INSERT INTO program_groups(id, modified_at, origin_office, program_id, module_id, name, start_date, end_date, capacity, address, timetable, hours_per_week)
     VALUES (?, 'x', 'o', ?, ?, 'Немецкий-2 (2027/28)', '2027-09-01', '2028-05-31', 12, 'г. Мурманск', '[]', 4)`,
  ).run(nextId, g.program_id, g.module_id);
  const admin = desk.login('admin');
  unwrap(desk.api.call('operators.create', { login: 'logos1', fullName: 'Сотрудник Логоса', role: 'org_staff', organizationId: g.org, password: 'staff-pass-2026' }, { token: admin }));
  const staff = desk.login('logos1', 'staff-pass-2026');
  const course = (db.prepare("SELECT id FROM contracts WHERE number LIKE '%000002'").get() as { id: string }).id;
  return { staff, nextId, course };
}

describe('prolongation', () => {
  it('creates a contract awaiting the representative for 7 days; not refused, it is accepted on the 8th day', () => {
    const desk = makeDesk({ children: 2 });
    const s = setup(desk);
    const r = unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: s.staff }));
    expect(r.refused).toEqual([]);
    const p = r.prolonged[0]!;
    expect(p).toMatchObject({ status: 'pending', startDate: '2027-09-01', prolongationDeadline: '2026-11-30' });
    expect(p.prolongedFromNumber).toMatch(/000002$/);
    expect(p.prolongationDaysLeft).toBe(7);
    desk.clock.set('2026-11-30T20:00:00.000Z'); // 23:00 in Murmansk: still the 7th day
    const lastDay = unwrap(desk.api.call('contracts.list', { tab: 'pending' }, { token: desk.login() })).find((k) => k.id === p.id)!;
    expect(lastDay.prolongationDaysLeft).toBe(0);
    expect(unwrap(desk.api.call('contracts.acceptProlongations', {}, { token: desk.login() }))).toEqual({ accepted: 0, rejected: 0 });
    desk.clock.set('2026-11-30T21:30:00.000Z'); // 00:30 on 1 December in Murmansk: the 8th day
    expect(unwrap(desk.api.call('contracts.acceptProlongations', {}, { token: desk.login() }))).toEqual({ accepted: 1, rejected: 0 });
    const after = unwrap(desk.api.call('contracts.list', { certificateId: p.certificateId }, { token: desk.login() })).find((k) => k.id === p.id)!;
    expect(after.status).toBe('confirmed');
    expect(after.reason).toMatch(/отказа в течение 7 дней не поступило/);
    expect(after.prolongationDaysLeft).toBeNull();
  });

  it('the running desk accepts due prolongations by itself, once, with an audit entry', async () => {
    const desk = makeDesk({ children: 2 });
    const s = setup(desk);
    const p = unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: s.staff })).prolonged[0]!;
    const logged: string[] = [];
    const jobs = startDeskJobs({ core: desk.core, api: desk.api, createdWithDemo: false }, (m) => logged.push(m));
    try {
      await jobs.runNow();
      expect(logged).toEqual([]); // nothing due on the day it was made
      desk.clock.set('2026-12-01T09:00:00.000Z');
      await jobs.runNow();
      await jobs.runNow();
      expect(logged).toEqual(['Пролонгации: принято 1, не вступило в силу 0']);
      const status = (desk.core.db.prepare('SELECT status FROM contracts WHERE id = ?').get(p.id) as { status: string }).status;
      expect(status).toBe('confirmed');
      const audit = desk.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'contracts.acceptProlongations'").get() as { n: number };
      expect(audit.n).toBe(1);
    } finally {
      jobs.stop();
    }
  });

  it('a close preview with a prolongation due counts it accepted, as the close will, and leaves it waiting', () => {
    const desk = makeDesk({ children: 2 });
    const s = setup(desk);
    const p = unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: s.staff })).prolonged[0]!;
    // December is closed once it is over; nobody accepted the prolongation in between.
    desk.clock.set('2027-01-01T09:00:00.000Z');
    const operator = desk.login();
    const municipalityId = (desk.core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
    const before = registrySnapshot(desk);
    const preview = unwrap(desk.api.call('months.close', { municipalityId, month: '2026-12', preview: true }, { token: operator }));
    expect(registrySnapshot(desk)).toEqual(before);
    expect((desk.core.db.prepare('SELECT status FROM contracts WHERE id = ?').get(p.id) as { status: string }).status).toBe('pending');
    const report = unwrap(desk.api.call('months.close', { municipalityId, month: '2026-12' }, { token: operator }));
    expect((desk.core.db.prepare('SELECT status FROM contracts WHERE id = ?').get(p.id) as { status: string }).status).toBe('confirmed');
    expect({ ...preview, preview: false }).toEqual(report);
  });

  it('refused (cancelled at the desk) within the 7 days, it never takes effect', () => {
    const desk = makeDesk({ children: 2 });
    const s = setup(desk);
    const p = unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: s.staff })).prolonged[0]!;
    desk.clock.set('2026-11-30T12:00:00.000Z');
    unwrap(desk.api.call('contracts.cancel', { contractId: p.id, reason: 'Представитель отказался от продолжения' }, { token: desk.login() }));
    desk.clock.set('2026-12-05T12:00:00.000Z');
    expect(unwrap(desk.api.call('contracts.acceptProlongations', {}, { token: desk.login() }))).toEqual({ accepted: 0, rejected: 0 });
  });

  it('accepted by silence (day 8), it is final: the representative’s cancel is refused and pointed to termination', () => {
    const desk = makeDesk({ children: 2 });
    const s = setup(desk);
    const p = unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: s.staff })).prolonged[0]!;
    desk.clock.set('2026-12-01T09:00:00.000Z');
    const operator = desk.login();
    unwrap(desk.api.call('contracts.acceptProlongations', {}, { token: operator }));
    const accepted = unwrap(desk.api.call('contracts.list', { certificateId: p.certificateId }, { token: operator })).find((k) => k.id === p.id)!;
    expect(accepted).toMatchObject({ status: 'confirmed', cancellable: false });
    const before = registrySnapshot(desk);
    const row = () => desk.core.db.prepare('SELECT status, reason, modified_at FROM contracts WHERE id = ?').get(p.id);
    const rowBefore = row();
    const refused = errorOf(desk.api.call('contracts.cancel', { contractId: p.id, reason: 'Представитель передумал' }, { token: operator }));
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/принята: отказа в течение 7 дней не поступило.*расторжением договора с даты начала обучения \(01\.09\.2027\)/) });
    expect(registrySnapshot(desk)).toEqual(before);
    expect(row()).toEqual(rowBefore);
  });

  it('another organization’s contract is refused without naming it', () => {
    const desk = makeDesk({ children: 2 });
    const s = setup(desk);
    // ДЮСШ's staff prolong Логос's contract into their own group: refused as a contract not found among theirs.
    const dyussh = desk.login('org');
    const hipHop = groupOf(desk, 'Основы хип-хопа').id;
    const r = unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: hipHop }, { token: dyussh }));
    const number = (desk.core.db.prepare('SELECT number FROM contracts WHERE id = ?').get(s.course) as { number: string }).number;
    expect(r).toEqual({ prolonged: [], refused: [{ contractId: s.course, message: PROLONG_NOT_OWN }] });
    expect(PROLONG_NOT_OWN).not.toContain(number);
    expect(PROLONG_NOT_OWN).not.toMatch(/Д-\d/);
    // The same answer as for a contract that does not exist at all.
    const none = unwrap(desk.api.call('contracts.prolong', { contractIds: ['01a20abe-0000-7000-8000-0000000000ff'], toGroupId: hipHop }, { token: dyussh }));
    expect(none.refused[0]!.message).toBe(PROLONG_NOT_OWN);
  });

  it('refuses what cannot be prolonged and another organization’s group, answering each contract', () => {
    const desk = makeDesk({ children: 2 });
    const s = setup(desk);
    unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: s.staff }));
    const again = unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: s.staff }));
    expect(again.refused[0]!.message).toMatch(/уже пролонгирован/);
    const sameYear = desk.core.db.prepare("SELECT g.id FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name = ? ORDER BY g.name LIMIT 1").get(GERMAN) as { id: string };
    expect(unwrap(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: sameYear.id }, { token: s.staff })).refused[0]!.message).toMatch(/до окончания договора/);
    expect(errorOf(desk.api.call('contracts.prolong', { contractIds: [s.course], toGroupId: s.nextId }, { token: desk.login('org') })).code).toBe('forbidden');
    expect(errorOf(desk.api.call('contracts.prolong', { contractIds: [], toGroupId: s.nextId }, { token: s.staff })).message).toMatch(/Выберите договоры/);
  });
});
