/**
 * Termination takes effect at the end of its month: the contract waits («ожидает расторжения») until that month's
 * close, which charges the month and then ends it, releasing what is left. Budget places are used for the year.
 */
import { describe, expect, it } from 'vitest';
import { monthlyPayments } from '../../shared/money';
import { FOREIGN_CONTRACT } from '../../src-main/common/ownership';
import { errorOf, groupOf, makeDesk, registrySnapshot, staffOf, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';
const NATURE = 'Природа и творчество';
const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };

function municipalityId(desk: TestDesk): string {
  return (desk.core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
}

/** Closes a month as the registry operator on `day` (12:00 in Murmansk); the desk's clock stays there. */
function closeOn(desk: TestDesk, month: string, day: string) {
  desk.clock.set(`${day}T09:00:00.000Z`);
  return unwrap(desk.api.call('months.close', { municipalityId: municipalityId(desk), month }, { token: desk.login() }));
}

const money = (desk: TestDesk) => unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token: desk.login() })).money!;

/** A certificate-funded German contract from 23 November 2026 (today), confirmed by Логос's staff member. */
function activeContract(desk: TestDesk, startDate?: string) {
  const staff = staffOf(desk, GERMAN, 'logos1');
  const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, GERMAN).id, ...(startDate ? { startDate } : {}) }, { token: staff }));
  const k = unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff }));
  return { staff, k };
}

const viewOf = (desk: TestDesk, id: string, tab?: 'active' | 'archive') =>
  unwrap(desk.api.call('contracts.list', { certificateNumber: '9901101325', ...(tab ? { tab } : {}) }, { token: desk.login() })).find((x) => x.id === id);

describe('termination takes effect at the end of its month', () => {
  it('puts the contract into «ожидает расторжения», still under «Действующие»; the month’s close charges the month, ends it and releases the rest', () => {
    const desk = makeDesk({ children: 3 });
    const start = money(desk);
    const { staff, k } = activeContract(desk);
    const booked = money(desk);
    const waiting = unwrap(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2026-11-25', reason: 'Переезд семьи' }, { token: staff }));
    expect(waiting).toMatchObject({
      status: 'active', awaitingTermination: true, terminationDate: '2026-11-25', reason: 'Переезд семьи',
      terminable: false, terminationWithdrawable: true, cancellable: false, prolongable: false, ratable: false,
    });
    expect(money(desk)).toEqual(booked); // nothing released yet: the organization is paid for November
    expect(viewOf(desk, k.id, 'active')).toMatchObject({ awaitingTermination: true });
    expect(viewOf(desk, k.id, 'archive')).toBeUndefined();

    const november = monthlyPayments(k.certificateKopecks, k.startDate, k.endDate)[0]!;
    const report = closeOn(desk, '2026-11', '2026-12-01');
    expect(report).toMatchObject({ terminated: 1, completed: 0, charged: { contracts: 1, kopecks: november.kopecks } });
    const after = money(desk);
    expect(after.reserveKopecks).toBe(start.reserveKopecks);
    expect(after.spentKopecks).toBe(start.spentKopecks + november.kopecks);
    expect(after.nominalKopecks).toBe(after.balanceKopecks + after.reserveKopecks + after.spentKopecks);
    const ended = viewOf(desk, k.id, 'archive')!;
    // The rating window opens with the close: a month from the end of the termination month.
    expect(ended).toMatchObject({ status: 'terminated', awaitingTermination: false, terminationWithdrawable: false, ratable: true, ratingOpenUntil: '2026-12-29' });
    const releases = desk.core.db.prepare("SELECT note FROM ledger_entries WHERE contract_id = ? AND kind = 'release'").all(k.id);
    expect(releases).toEqual([{ note: expect.stringMatching(/^Расторжение договора .*: остаток резерва$/) }]);
  });

  it('a termination from a later month waits through the closes before it; the preview counts what the close does', () => {
    const desk = makeDesk({ children: 3 });
    const { staff, k } = activeContract(desk);
    unwrap(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2027-01-15', reason: 'Окончание учебного полугодия' }, { token: staff }));
    const payments = monthlyPayments(k.certificateKopecks, k.startDate, k.endDate);
    expect(closeOn(desk, '2026-11', '2026-12-01')).toMatchObject({ terminated: 0, charged: { kopecks: payments[0]!.kopecks } });
    // The demo's course (from 1 December) is charged in December too.
    const december = closeOn(desk, '2026-12', '2027-01-01');
    expect(december.terminated).toBe(0);
    expect(viewOf(desk, k.id)).toMatchObject({ status: 'active', awaitingTermination: true });
    desk.clock.set('2027-02-01T09:00:00.000Z');
    const preview = unwrap(desk.api.call('months.close', { municipalityId: municipalityId(desk), month: '2027-01', preview: true }, { token: desk.login() }));
    const january = closeOn(desk, '2027-01', '2027-02-01');
    expect(january.terminated).toBe(1);
    expect({ ...preview, preview: false }).toEqual(january);
    const charges = desk.core.db.prepare('SELECT month, kopecks FROM contract_charges WHERE contract_id = ? ORDER BY month').all(k.id);
    expect(charges).toEqual(payments.slice(0, 3).map((p) => ({ month: p.month, kopecks: p.kopecks })));
    const left = desk.core.db.prepare('SELECT coalesce(sum(d_reserve), 0) AS r FROM ledger_entries WHERE contract_id = ?').get(k.id);
    expect(left).toEqual({ r: 0 });
  });

  it('is withdrawn until the close: the contract runs on as before; after the close it is final', () => {
    const desk = makeDesk({ children: 3 });
    const { staff, k } = activeContract(desk);
    unwrap(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2026-11-30', reason: 'Переезд семьи' }, { token: staff }));
    expect(errorOf(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2026-11-28', reason: 'Другая дата' }, { token: staff })).message).toMatch(/уже ожидает расторжения с 30\.11\.2026/);
    const withdrawn = unwrap(desk.api.call('contracts.withdrawTermination', { contractId: k.id, reason: 'Семья осталась в городе' }, { token: staff }));
    expect(withdrawn).toMatchObject({ status: 'active', awaitingTermination: false, terminationDate: null, reason: null, terminable: true, terminationWithdrawable: false });
    expect(errorOf(desk.api.call('contracts.withdrawTermination', { contractId: k.id, reason: 'Ещё раз' }, { token: staff })).message).toMatch(/не ожидает расторжения/);
    expect(closeOn(desk, '2026-11', '2026-12-01')).toMatchObject({ terminated: 0 });
    expect(viewOf(desk, k.id)).toMatchObject({ status: 'active', awaitingTermination: false });

    // Terminated by a close, it can no longer be withdrawn.
    const again = unwrap(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2026-12-10', reason: 'Переезд семьи' }, { token: desk.login('logos1', 'staff-pass-2026') }));
    expect(again.awaitingTermination).toBe(true);
    closeOn(desk, '2026-12', '2027-01-01');
    const refused = errorOf(desk.api.call('contracts.withdrawTermination', { contractId: k.id, reason: 'Поздно передумали' }, { token: desk.login('logos1', 'staff-pass-2026') }));
    expect(refused.message).toMatch(/уже расторгнут: месяц расторжения закрыт/);
    const audit = desk.core.db.prepare("SELECT summary FROM audit_log WHERE operation = 'contracts.withdrawTermination' AND outcome = 'ok'").all();
    expect(audit).toEqual([{ summary: expect.stringMatching(/Расторжение договора .* с 30\.11\.2026 отозвано: Семья осталась в городе/) }]);
  });

  it('refuses a termination date in a month already closed, outside the contract, or on another organization’s contract, changing nothing', () => {
    const desk = makeDesk({ children: 3 });
    const { k } = activeContract(desk, '2026-10-01');
    closeOn(desk, '2026-10', '2026-11-23');
    const logos = desk.login('logos1', 'staff-pass-2026');
    const before = registrySnapshot(desk);
    const row = () => desk.core.db.prepare('SELECT status, termination_date, reason, modified_at FROM contracts WHERE id = ?').get(k.id);
    const rowBefore = row();
    const closed = errorOf(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2026-10-20', reason: 'Переезд семьи' }, { token: logos }));
    expect(closed).toMatchObject({ code: 'refused', message: expect.stringMatching(/Месяц 10\.2026 уже закрыт/) });
    expect(errorOf(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2027-06-01', reason: 'Переезд семьи' }, { token: logos })).message).toMatch(/в сроке договора/);
    const dyussh = desk.login('org');
    const foreign = errorOf(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2026-11-30', reason: 'Чужой договор' }, { token: dyussh }));
    expect(foreign).toEqual({ code: 'forbidden', message: FOREIGN_CONTRACT });
    expect(foreign.message).not.toContain(k.number);
    expect(errorOf(desk.api.call('contracts.withdrawTermination', { contractId: k.id, reason: 'Чужой договор' }, { token: dyussh })).message).toBe(FOREIGN_CONTRACT);
    expect(registrySnapshot(desk)).toEqual(before);
    expect(row()).toEqual(rowBefore);
  });
});

describe('budget places are used for the year', () => {
  function budgetContract(desk: TestDesk) {
    const staff = staffOf(desk, NATURE, 'osh1');
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, NATURE).id }, { token: staff }));
    const k = unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff }));
    expect(k).toMatchObject({ funding: 'budget', budgetRegistry: 'general' });
    return { staff, k };
  }
  const card = (desk: TestDesk) => unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token: desk.login() }));

  it('a started contract keeps its count when it is terminated; the card says «использовано в этом году»', () => {
    const desk = makeDesk({ children: 3 });
    expect(card(desk)).toMatchObject({ budgetCounts: { significant: 1, general: 3, preprofessional: 1 }, budgetCountsUsed: { significant: 0, general: 0, preprofessional: 0 } });
    const { staff, k } = budgetContract(desk);
    unwrap(desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: '2026-11-30', reason: 'Переезд семьи' }, { token: staff }));
    closeOn(desk, '2026-11', '2026-12-01');
    expect(viewOf(desk, k.id)!.status).toBe('terminated');
    expect(card(desk)).toMatchObject({ budgetCounts: { general: 2 }, budgetCountsUsed: { general: 1 } });
  });

  it('a started contract keeps its count when it completes (cancellation before the start gives it back: contracts.test.ts)', () => {
    const desk = makeDesk({ children: 3 });
    const nature = groupOf(desk, NATURE).id;
    desk.core.db.prepare("UPDATE program_groups SET end_date = '2026-11-30' WHERE id = ?").run(nature);
    const { k } = budgetContract(desk);
    closeOn(desk, '2026-11', '2026-12-01');
    expect(viewOf(desk, k.id)!.status).toBe('completed');
    expect(card(desk)).toMatchObject({ budgetCounts: { general: 2 }, budgetCountsUsed: { general: 1 } });
  });
});
