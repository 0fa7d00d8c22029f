import { describe, expect, it } from 'vitest';
import { monthlyPayments } from '../../shared/money';

/** The nominal after a shrink to `monthsLeft` twelfths of the annual nominal, in whole kopecks. */
const shrunkNominalCheck = (annual: number, monthsLeft: number) => Math.floor((annual * monthsLeft) / 12);
import { errorOf, makeDesk, makeIssueInput, registrySnapshot, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';
const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };

function setup(desk: TestDesk) {
  const admin = desk.login('admin');
  const g = desk.core.db
    .prepare('SELECT g.id, p.organization_id AS org FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name = ? ORDER BY g.name LIMIT 1')
    .get(GERMAN) as { id: string; org: string };
  unwrap(desk.api.call('operators.create', { login: 'logos1', fullName: 'Сотрудник Логоса', role: 'org_staff', organizationId: g.org, password: 'staff-pass-2026' }, { token: admin }));
  const staff = desk.login('logos1', 'staff-pass-2026');
  const operator = desk.login();
  const municipalityId = (desk.core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
  // Sessions end after 4 idle hours: a day later the operator logs in again.
  const money = () => unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token: desk.login() })).money!;
  /** Closes a month as the registry operator on `day` (09:00 UTC, 12:00 in Murmansk). */
  const close = (month: string, day: string) => {
    desk.clock.set(`${day}T09:00:00.000Z`);
    return desk.api.call('months.close', { municipalityId, month }, { token: desk.login() });
  };
  return { groupId: g.id, staff, operator, municipalityId, money, close };
}

describe('monthly close', () => {
  it('charges the month’s payment (reserve → spent) once; a second run changes nothing', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId }, { token: s.staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: s.staff }));
    const before = s.money();
    const first = monthlyPayments(app.priceKopecks, app.startDate, app.endDate)[0]!.kopecks;
    const report = unwrap(s.close('2026-11', '2026-12-01'));
    expect(report).toMatchObject({ alreadyClosed: false, charged: { contracts: 1, kopecks: first } });
    const after = s.money();
    expect(after.reserveKopecks).toBe(before.reserveKopecks - first);
    expect(after.spentKopecks).toBe(before.spentKopecks + first);
    expect(after.balanceKopecks).toBe(before.balanceKopecks);
    expect(after.nominalKopecks).toBe(after.balanceKopecks + after.reserveKopecks + after.spentKopecks);
    const ledgerCount = desk.core.db.prepare('SELECT count(*) AS n FROM ledger_entries').get();
    const again = unwrap(s.close('2026-11', '2026-12-02'));
    expect(again.alreadyClosed).toBe(true);
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM ledger_entries').get()).toEqual(ledgerCount);
    expect(s.money()).toEqual(after);
  });

  it('a preview reports any day without changing anything; a month that is not over, or has not come, is refused', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId }, { token: s.staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: s.staff }));
    const before = s.money();
    const snapshot = registrySnapshot(desk);
    const preview = unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11', preview: true }, { token: s.operator }));
    // The preview carries the decision the close then refuses by.
    expect(preview).toMatchObject({ preview: true, charged: { contracts: 1 }, closeRefusal: expect.stringMatching(/^Месяц 11\.2026 ещё не закончился/) });
    expect(s.money()).toEqual(before);
    const closes = () => desk.core.db.prepare('SELECT count(*) AS n FROM monthly_closes').get();
    expect(closes()).toEqual({ n: 1 }); // the demo's September
    // 23 November: November is not over yet.
    const early = errorOf(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: s.operator }));
    expect(early).toMatchObject({ code: 'refused', message: expect.stringMatching(/Месяц 11\.2026 ещё не закончился: закрыть его можно с 01\.12\.2026/) });
    // 30 November, 23:00 in Murmansk: the last day, still refused.
    const lastDay = s.close('2026-11', '2026-11-30T20:00:00.000Z'.slice(0, 10));
    expect(errorOf(lastDay).message).toMatch(/ещё не закончился/);
    expect(registrySnapshot(desk)).toEqual(snapshot);
    expect(closes()).toEqual({ n: 1 });
    expect(errorOf(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-12' }, { token: desk.login() })).message).toMatch(/ещё не наступил/);
    expect(errorOf(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-13' }, { token: desk.login() })).message).toMatch(/ГГГГ-ММ/);
    expect(errorOf(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: desk.login('logos1', 'staff-pass-2026') })).code).toBe('forbidden');
  });

  it('months are closed in order: an earlier month that had contracts must be closed first; one without contracts need not be', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    // October had no contracts (the demo's September is closed): November may be closed without it…
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId, startDate: '2026-10-01' }, { token: s.staff }));
    // …until a contract in force in October exists.
    const confirmed = unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: s.staff }));
    const snapshot = registrySnapshot(desk);
    const refused = errorOf(s.close('2026-11', '2026-12-01'));
    expect(refused).toMatchObject({ code: 'refused', message: expect.stringMatching(/Сначала закройте месяц 10\.2026/) });
    expect(registrySnapshot(desk)).toEqual(snapshot);
    // A preview is still counted, and says why the month cannot be closed yet.
    const preview = unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11', preview: true }, { token: desk.login() }));
    expect(preview).toMatchObject({ preview: true, closeRefusal: refused.message });
    const [october, november] = monthlyPayments(confirmed.certificateKopecks, app.startDate, app.endDate);
    expect(unwrap(s.close('2026-10', '2026-12-01')).charged).toEqual({ contracts: 1, kopecks: october!.kopecks });
    expect(unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11', preview: true }, { token: desk.login() })).closeRefusal).toBeNull();
    expect(unwrap(s.close('2026-11', '2026-12-01')).charged).toEqual({ contracts: 1, kopecks: november!.kopecks });
  });

  it('a contract that starts late in a month is charged for that month', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const late = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId, startDate: '2026-11-28' }, { token: s.staff }));
    const confirmed = unwrap(desk.api.call('contracts.confirm', { contractId: late.id }, { token: s.staff }));
    const report = unwrap(s.close('2026-11', '2026-12-01'));
    const payments = monthlyPayments(confirmed.certificateKopecks, late.startDate, late.endDate);
    expect(payments[0]!.month).toBe('2026-11');
    expect(report).toMatchObject({ activated: 1, charged: { contracts: 1, kopecks: payments[0]!.kopecks } });
    const charges = desk.core.db.prepare('SELECT month, kopecks FROM contract_charges WHERE contract_id = ?').all(late.id);
    expect(charges).toEqual([{ month: '2026-11', kopecks: payments[0]!.kopecks }]);
  });

  it('a contract confirmed after its first month was closed catches that month up at the next close', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    unwrap(s.close('2026-10', '2026-11-23'));
    desk.clock.set('2026-11-23T10:00:00.000Z');
    const staff = desk.login('logos1', 'staff-pass-2026');
    const k = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId, startDate: '2026-10-20' }, { token: staff }));
    const confirmed = unwrap(desk.api.call('contracts.confirm', { contractId: k.id }, { token: staff }));
    const [october, november] = monthlyPayments(confirmed.certificateKopecks, k.startDate, k.endDate);
    const report = unwrap(s.close('2026-11', '2026-12-01'));
    expect(report.charged).toEqual({ contracts: 1, kopecks: october!.kopecks + november!.kopecks });
  });

  it('completes contracts that ended, releasing what was not charged', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    desk.core.db.prepare("UPDATE program_groups SET end_date = '2026-11-30' WHERE id = ?").run(s.groupId);
    const start = s.money();
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId }, { token: s.staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: s.staff }));
    const report = unwrap(s.close('2026-11', '2026-12-01'));
    expect(report.completed).toBe(1);
    const end = s.money();
    expect(end.reserveKopecks).toBe(start.reserveKopecks);
    expect(end.spentKopecks).toBe(start.spentKopecks + app.priceKopecks);
    const k = unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: desk.login() }))[0]!;
    expect(k.status).toBe('completed');
  });

  it('rejects applications waiting more than two months past their start', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId, startDate: '2026-09-01' }, { token: s.staff }));
    expect(unwrap(s.close('2026-10', '2026-11-23')).rejectedStale).toBe(0);
    expect(unwrap(s.close('2026-11', '2026-12-01')).rejectedStale).toBe(1);
    const k = unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: desk.login() })).find((x) => x.id === app.id)!;
    expect(k).toMatchObject({ status: 'rejected' });
    expect(k.reason).toMatch(/двух месяцев/);
  });

  it('shrinks the nominal of certificates with no certificate-funded contract, and only theirs', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token: s.operator }));
    const nominal = () => unwrap(desk.api.call('certificates.get', { id: r.certificateId }, { token: desk.login() })).money!.nominalKopecks;
    expect(nominal()).toBe(shrunkNominalCheck(3_000_100, 2));
    const seedBefore = s.money();
    unwrap(s.close('2026-11', '2026-12-01'));
    expect(nominal()).toBe(shrunkNominalCheck(3_000_100, 1));
    expect(s.money().nominalKopecks).toBeLessThanOrEqual(seedBefore.nominalKopecks);
    const m = s.money();
    expect(m.nominalKopecks).toBe(m.balanceKopecks + m.reserveKopecks + m.spentKopecks);
    expect(m.balanceKopecks).toBeGreaterThanOrEqual(0);
  });
});
