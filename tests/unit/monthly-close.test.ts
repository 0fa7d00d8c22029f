import { describe, expect, it } from 'vitest';
import { monthlyPayments } from '../../shared/money';

/** The nominal after a shrink to `monthsLeft` twelfths of the annual nominal, in whole kopecks. */
const shrunkNominalCheck = (annual: number, monthsLeft: number) => Math.floor((annual * monthsLeft) / 12);
import { errorOf, makeDesk, makeIssueInput, unwrap, type TestDesk } from './helpers';

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
  const money = () => unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token: operator })).money!;
  return { groupId: g.id, staff, operator, municipalityId, money };
}

describe('monthly close', () => {
  it('charges the month’s payment (reserve → spent) once; a second run changes nothing', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId }, { token: s.staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: s.staff }));
    const before = s.money();
    const first = monthlyPayments(app.priceKopecks, app.startDate, app.endDate)[0]!.kopecks;
    const report = unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: s.operator }));
    expect(report).toMatchObject({ alreadyClosed: false, charged: { contracts: 1, kopecks: first } });
    const after = s.money();
    expect(after.reserveKopecks).toBe(before.reserveKopecks - first);
    expect(after.spentKopecks).toBe(before.spentKopecks + first);
    expect(after.balanceKopecks).toBe(before.balanceKopecks);
    expect(after.nominalKopecks).toBe(after.balanceKopecks + after.reserveKopecks + after.spentKopecks);
    const ledgerCount = desk.core.db.prepare('SELECT count(*) AS n FROM ledger_entries').get();
    const again = unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: s.operator }));
    expect(again.alreadyClosed).toBe(true);
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM ledger_entries').get()).toEqual(ledgerCount);
    expect(s.money()).toEqual(after);
  });

  it('a preview reports without changing anything; a month that has not come is refused', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId }, { token: s.staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: s.staff }));
    const before = s.money();
    const preview = unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11', preview: true }, { token: s.operator }));
    expect(preview).toMatchObject({ preview: true, charged: { contracts: 1 } });
    expect(s.money()).toEqual(before);
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM monthly_closes').get()).toEqual({ n: 0 });
    expect(errorOf(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-12' }, { token: s.operator })).message).toMatch(/ещё не наступил/);
    expect(errorOf(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-13' }, { token: s.operator })).message).toMatch(/ГГГГ-ММ/);
    expect(errorOf(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: s.staff })).code).toBe('forbidden');
  });

  it('completes contracts that ended, releasing what was not charged', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    desk.core.db.prepare("UPDATE program_groups SET end_date = '2026-11-30' WHERE id = ?").run(s.groupId);
    const start = s.money();
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId }, { token: s.staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: s.staff }));
    const report = unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: s.operator }));
    expect(report.completed).toBe(1);
    const end = s.money();
    expect(end.reserveKopecks).toBe(start.reserveKopecks);
    expect(end.spentKopecks).toBe(start.spentKopecks + app.priceKopecks);
    const k = unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: s.operator }))[0]!;
    expect(k.status).toBe('completed');
  });

  it('rejects applications waiting more than two months past their start', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: s.groupId, startDate: '2026-09-01' }, { token: s.staff }));
    expect(unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-10' }, { token: s.operator })).rejectedStale).toBe(0);
    expect(unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: s.operator })).rejectedStale).toBe(1);
    const k = unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: s.operator })).find((x) => x.id === app.id)!;
    expect(k).toMatchObject({ status: 'rejected' });
    expect(k.reason).toMatch(/двух месяцев/);
  });

  it('shrinks the nominal of certificates with no certificate-funded contract, and only theirs', () => {
    const desk = makeDesk({ children: 3 });
    const s = setup(desk);
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token: s.operator }));
    const nominal = () => unwrap(desk.api.call('certificates.get', { id: r.certificateId }, { token: s.operator })).money!.nominalKopecks;
    expect(nominal()).toBe(shrunkNominalCheck(3_000_100, 2));
    const seedBefore = s.money();
    unwrap(desk.api.call('months.close', { municipalityId: s.municipalityId, month: '2026-11' }, { token: s.operator }));
    expect(nominal()).toBe(shrunkNominalCheck(3_000_100, 1));
    expect(s.money().nominalKopecks).toBeLessThanOrEqual(seedBefore.nominalKopecks);
    const m = s.money();
    expect(m.nominalKopecks).toBe(m.balanceKopecks + m.reserveKopecks + m.spentKopecks);
    expect(m.balanceKopecks).toBeGreaterThanOrEqual(0);
  });
});
