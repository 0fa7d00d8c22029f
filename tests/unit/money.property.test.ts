/**
 * Property test: random sequences of what desks and organizations do — issue and activate, apply, confirm,
 * reject, cancel, terminate (taking effect at its month's close) and withdraw a termination, close the months that
 * are over (in order), let days pass — over several certificates and two organizations. After every step the money
 * and the places must still add up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_FORM_VERSION } from '../../shared/enums';
import { hashSecret } from '../../src-main/features/auth/passwords';
import { makeDesk, makeIssueInput, unwrap, type TestDesk } from './helpers';

const PROGRAMS = ['Немецкий язык для детей школьного возраста', 'Природа и творчество'];

type Action =
  | { kind: 'issue'; birthYear: number }
  | { kind: 'apply'; cert: number; group: number }
  | { kind: 'confirm' | 'reject' | 'cancel' | 'terminate' | 'withdraw'; contract: number }
  | { kind: 'close' }
  | { kind: 'wait'; days: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('issue' as const), birthYear: fc.integer({ min: 2009, max: 2016 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('apply' as const), cert: fc.nat(20), group: fc.nat(20) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('confirm' as const), contract: fc.nat(30) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constantFrom('reject' as const, 'cancel' as const), contract: fc.nat(30) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('terminate' as const, 'terminate' as const, 'withdraw' as const), contract: fc.nat(30) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('close' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 45 }) }), weight: 3 },
);

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function checkInvariants(desk: TestDesk, limit: number): void {
  const db = desk.core.db;
  const negative = db
    .prepare(`SELECT certificate_id, year, sum(d_nominal) AS n, sum(d_reserve) AS r, sum(d_spent) AS s FROM ledger_entries
               GROUP BY certificate_id, year HAVING n < 0 OR r < 0 OR s < 0 OR n - r - s < 0`)
    .all();
  expect(negative, 'no amount is negative and balance = nominal − reserve − spent ≥ 0').toEqual([]);
  const committed = db.prepare('SELECT municipality_id AS m, year, sum(d_reserve + d_spent) AS v FROM ledger_entries GROUP BY 1, 2').all() as Array<{ m: string; year: number; v: number }>;
  for (const c of committed) {
    const kept = db.prepare('SELECT committed_kopecks AS v FROM municipal_money WHERE municipality_id = ? AND year = ?').get(c.m, c.year) as { v: number } | undefined;
    expect(kept?.v ?? 0, 'the municipal total follows the ledger').toBe(c.v);
  }
  const contractMoney = db
    .prepare(`SELECT k.number, k.status, k.certificate_kopecks AS part, coalesce(sum(l.d_reserve), 0) AS reserved, coalesce(sum(l.d_spent), 0) AS spent
                FROM contracts k LEFT JOIN ledger_entries l ON l.contract_id = k.id GROUP BY k.id`)
    .all() as Array<{ number: string; status: string; part: number; reserved: number; spent: number }>;
  for (const k of contractMoney) {
    expect(k.reserved, `${k.number} reserve`).toBeGreaterThanOrEqual(0);
    expect(k.reserved + k.spent, `${k.number} never books more than its certificate part`).toBeLessThanOrEqual(k.part);
    if (['rejected', 'cancelled', 'terminated', 'completed'].includes(k.status)) expect(k.reserved, `${k.number} (${k.status}) holds nothing`).toBe(0);
  }
  // A termination takes effect only at the close of its month: every terminated contract's month is closed, and
  // every contract still awaiting termination has its month open.
  const early = db
    .prepare(`SELECT k.number, k.status, k.termination_date FROM contracts k JOIN certificates c ON c.id = k.certificate_id
               WHERE k.termination_date IS NOT NULL
                 AND (k.status = 'terminated') <> EXISTS (SELECT 1 FROM monthly_closes mc WHERE mc.municipality_id = c.municipality_id AND mc.month = substr(k.termination_date, 1, 7))`)
    .all();
  expect(early, 'terminated exactly when the termination month is closed').toEqual([]);
  const twice = db.prepare('SELECT contract_id, month, count(*) AS n FROM contract_charges GROUP BY 1, 2 HAVING n > 1').all();
  expect(twice, 'every charge once per contract and month').toEqual([]);
  const overLimit = db.prepare('SELECT mm.committed_kopecks AS v FROM municipal_money mm WHERE mm.committed_kopecks > ?').all(limit);
  expect(overLimit, 'the municipal limit is never exceeded').toEqual([]);
  const overCapacity = db
    .prepare(`SELECT g.name, g.capacity, count(k.id) AS n FROM program_groups g JOIN contracts k ON k.group_id = g.id
               WHERE k.status IN ('pending', 'confirmed', 'active') GROUP BY g.id HAVING n > g.capacity`)
    .all();
  expect(overCapacity, 'no group is over capacity').toEqual([]);
}

describe('money and places under random sequences of actions', () => {
  it('keep nominal = balance + reserve + spent, nothing negative, the limit and the capacities', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 10, maxLength: 36 }), (actions) => {
        const desk = makeDesk({ children: 0 });
        const db = desk.core.db;
        const LIMIT = 2_500_000;
        db.prepare('UPDATE municipal_years SET money_limit_kopecks = ?').run(LIMIT);
        db.prepare('UPDATE program_groups SET capacity = 2').run();
        // Logins are frequent here (days pass, sessions end): the accounts get the lighter scrypt cost of random
        // tokens, so the test spends its time on the money, not on key stretching.
        const relight = (login: string, password: string) =>
          db.prepare('UPDATE operators SET password_hash = ? WHERE login = ?').run(hashSecret(password, 'random-token'), login);
        relight('operator', 'operator-demo-2026');
        relight('admin', 'admin-demo-2026');
        let operator = desk.login();
        const admin = desk.login('admin');
        const groups = db
          .prepare(`SELECT g.id, p.organization_id AS org FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name IN (?, ?) ORDER BY g.name`)
          .all(...PROGRAMS) as Array<{ id: string; org: string }>;
        const staff = new Map<string, string>();
        for (const org of new Set(groups.map((g) => g.org))) {
          const login = `staff${staff.size}`;
          unwrap(desk.api.call('operators.create', { login, fullName: 'Сотрудник Организации', role: 'org_staff', organizationId: org, password: 'staff-pass-2026' }, { token: admin }));
          relight(login, 'staff-pass-2026');
          staff.set(org, desk.login(login, 'staff-pass-2026'));
        }
        const certificates: Array<{ number: string; name: string }> = [{ number: '9901101325', name: 'Сидоров Сидор Сидорович' }];
        const contracts: Array<{ id: string; org: string }> = [];
        let n = 0;
        for (const a of actions) {
          switch (a.kind) {
            case 'issue': {
              n += 1;
              const first = ['Анна', 'Ирина', 'Ольга', 'Вера', 'Нина', 'Зоя'][n % 6]!;
              const r = desk.api.call('certificates.issue', makeIssueInput(desk, { child: { firstName: first, lastName: `Свойствова`, birthDate: `${a.birthYear}-03-0${(n % 9) + 1}`, identityDocument: `II-СВ 00${n}` }, confirmNotDuplicate: true }), { token: operator });
              if (!r.ok) break;
              desk.api.call('certificates.setChecklist', { certificateId: r.value.certificateId, childIdentity: true, representativeIdentity: true, representationProof: false }, { token: operator });
              desk.api.call('consents.sign', { certificateId: r.value.certificateId, signedOn: desk.clock.today(), signedBy: 'Ёлкина Мария Ивановна', formVersion: CONSENT_FORM_VERSION }, { token: operator });
              if (n % 3 !== 0) desk.api.call('certificates.activate', { certificateId: r.value.certificateId }, { token: operator });
              desk.api.call('certificates.setConfirmationPolicy', { certificateId: r.value.certificateId, policy: 'by_name' }, { token: operator });
              certificates.push({ number: r.value.number, name: `Свойствова ${first} Петровна` });
              break;
            }
            case 'apply': {
              const c = certificates[a.cert % certificates.length]!;
              const g = groups[a.group % groups.length]!;
              const r = desk.api.call('applications.create', { certificateNumber: c.number, childFullName: c.name, groupId: g.id }, { token: staff.get(g.org)! });
              if (r.ok) contracts.push({ id: r.value.id, org: g.org });
              break;
            }
            case 'confirm':
            case 'reject':
            case 'terminate':
            case 'withdraw': {
              // Staff terminate (or withdraw a termination of) a contract in force; confirm and reject any.
              const inForce = contracts.filter((c) => (db.prepare("SELECT status IN ('confirmed', 'active') AS f FROM contracts WHERE id = ?").get(c.id) as { f: number }).f === 1);
              const pool = a.kind === 'terminate' || a.kind === 'withdraw' ? inForce : contracts;
              const k = pool[a.contract % Math.max(pool.length, 1)];
              if (!k) break;
              const token = staff.get(k.org)!;
              if (a.kind === 'confirm') desk.api.call('contracts.confirm', { contractId: k.id }, { token });
              if (a.kind === 'reject') desk.api.call('contracts.reject', { contractId: k.id, reason: 'Свойство: отклонение' }, { token });
              if (a.kind === 'terminate') desk.api.call('contracts.terminate', { contractId: k.id, terminationDate: desk.clock.today(), reason: 'Свойство: расторжение' }, { token });
              if (a.kind === 'withdraw') desk.api.call('contracts.withdrawTermination', { contractId: k.id, reason: 'Свойство: отзыв расторжения' }, { token });
              break;
            }
            case 'cancel': {
              const k = contracts[a.contract % Math.max(contracts.length, 1)];
              if (k) desk.api.call('contracts.cancel', { contractId: k.id, reason: 'Свойство: отмена' }, { token: operator });
              break;
            }
            case 'close': {
              // The months that are over, in order (the demo closed September): each close finds its earlier months closed.
              const municipalityId = (db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
              for (let month = '2026-10'; month < desk.clock.today().slice(0, 7); month = nextMonth(month)) {
                unwrap(desk.api.call('months.close', { municipalityId, month }, { token: operator }));
              }
              // The current month is not over: its close is refused, its preview counted.
              expect(desk.api.call('months.close', { municipalityId, month: desk.clock.today().slice(0, 7) }, { token: operator })).toMatchObject({ ok: false, error: { code: 'refused' } });
              unwrap(desk.api.call('months.close', { municipalityId, month: desk.clock.today().slice(0, 7), preview: true }, { token: operator }));
              break;
            }
            case 'wait':
              desk.clock.advance(a.days * 86_400_000);
              // Days pass: the desks log in again (an idle session ends after 4 hours).
              operator = desk.login();
              for (const [org, i] of [...staff.keys()].map((o, idx) => [o, idx] as const)) staff.set(org, desk.login(`staff${i}`, 'staff-pass-2026'));
              break;
          }
          checkInvariants(desk, LIMIT);
        }
        if (process.env.PROPERTY_STATS) console.error(JSON.stringify(db.prepare('SELECT status, funding, count(*) AS n FROM contracts GROUP BY 1, 2').all()), JSON.stringify(db.prepare('SELECT count(*) AS n FROM monthly_closes').get()), JSON.stringify(db.prepare('SELECT count(*) AS t FROM contracts WHERE termination_date IS NOT NULL').get()));
        desk.core.close();
      }),
      { numRuns: 16, seed: 20261124, endOnFailure: true },
    );
  });
});
