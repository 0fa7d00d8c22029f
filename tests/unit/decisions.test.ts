import { describe, expect, it } from 'vitest';
import { errorOf, groupOf, makeDesk, staffOf, unwrap, type TestDesk } from './helpers';

// The views carry what may be done, and the core refuses by the same rules: every decision a view states is the
// answer the operation then gives.
const GERMAN = 'Немецкий язык для детей школьного возраста';
const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };

function apply(desk: TestDesk, staff: string) {
  return unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, GERMAN).id }, { token: staff }));
}

describe('views carry the core\'s decisions', () => {
  it('a pending application, then a contract in force: each flag matches what the operation answers', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    const pending = apply(desk, staff);
    expect(pending).toMatchObject({ confirmable: true, rejectable: true, cancellable: true, terminable: false, prolongable: false, ratable: false, applicationPrintable: true });
    expect(errorOf(desk.api.call('contracts.terminate', { contractId: pending.id, terminationDate: '2026-12-01', reason: 'Переезд семьи' }, { token: staff })).code).toBe('conflict');
    const active = unwrap(desk.api.call('contracts.confirm', { contractId: pending.id }, { token: staff }));
    expect(active).toMatchObject({ status: 'active', confirmable: false, rejectable: false, cancellable: false, terminable: true, prolongable: true });
    expect(errorOf(desk.api.call('contracts.cancel', { contractId: active.id, reason: 'Передумали заниматься' }, { token: operator })).code).toBe('conflict');
    expect(errorOf(desk.api.call('contracts.confirm', { contractId: active.id }, { token: staff })).code).toBe('conflict');
    const waiting = unwrap(desk.api.call('contracts.terminate', { contractId: active.id, terminationDate: '2026-11-23', reason: 'Переезд семьи' }, { token: staff }));
    expect(waiting).toMatchObject({ awaitingTermination: true, terminable: false, terminationWithdrawable: true, prolongable: false, ratable: false, applicationPrintable: true });
    expect(errorOf(desk.api.call('contracts.terminate', { contractId: active.id, terminationDate: '2026-11-24', reason: 'Переезд семьи' }, { token: staff })).code).toBe('conflict');
    expect(errorOf(desk.api.call('ratings.set', { contractId: active.id, results: 80, staff: 80, equipment: 80, satisfaction: 80 }, { token: operator })).code).toBe('refused');
    // The close of November ends it: now it is rated, and the termination is no longer withdrawn.
    desk.clock.set('2026-12-01T09:00:00.000Z');
    const municipalityId = (desk.core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
    unwrap(desk.api.call('months.close', { municipalityId, month: '2026-11' }, { token: desk.login() }));
    const terminated = unwrap(desk.api.call('contracts.list', { tab: 'archive' }, { token: desk.login() })).find((k) => k.id === active.id)!;
    expect(terminated).toMatchObject({ status: 'terminated', terminable: false, terminationWithdrawable: false, ratable: true, applicationPrintable: true });
    expect(errorOf(desk.api.call('contracts.withdrawTermination', { contractId: active.id, reason: 'Передумали расторгать' }, { token: desk.login('logos1', 'staff-pass-2026') })).code).toBe('conflict');
  });

  it('a cancelled application is not printable, and the card says what its status allows', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    const cancelled = unwrap(desk.api.call('contracts.cancel', { contractId: apply(desk, staff).id, reason: 'Передумали заниматься' }, { token: operator }));
    expect(cancelled).toMatchObject({ applicationPrintable: false, cancellable: false });
    expect(errorOf(desk.api.call('documents.printApplication', { contractId: cancelled.id }, { token: operator })).code).toBe('conflict');
    const card = unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token: operator }));
    expect(card.decisions).toEqual({ activatable: false, suspendable: true, resumable: false, annullable: true, checklistEditable: true, editable: true });
    unwrap(desk.api.call('certificates.annul', { certificateId: card.id, reason: 'Выдан по ошибке', confirm: true }, { token: operator }));
    const annulled = unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token: operator }));
    expect(annulled.decisions).toEqual({ activatable: false, suspendable: false, resumable: false, annullable: false, checklistEditable: false, editable: false });
    expect(errorOf(desk.api.call('documents.printExtract', { certificateId: card.id }, { token: operator })).code).toBe('conflict');
  });

  it('groups.list {prolongationOf} lists only groups that take the prolongation, and nothing for a foreign contract', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const contract = unwrap(desk.api.call('contracts.confirm', { contractId: apply(desk, staff).id }, { token: staff }));
    const offered = unwrap(desk.api.call('groups.list', { prolongationOf: [contract.id] }, { token: staff }));
    for (const g of offered) {
      expect(g.programId).toBe(contract.programId);
      expect(g.startDate > contract.endDate).toBe(true);
    }
    const all = unwrap(desk.api.call('groups.list', {}, { token: staff }));
    expect(all.some((g) => g.programId === contract.programId && g.startDate <= contract.endDate)).toBe(true);
    const other = staffOf(desk, 'Природа и творчество', 'nature1');
    expect(unwrap(desk.api.call('groups.list', { prolongationOf: [contract.id] }, { token: other }))).toEqual([]);
  });

  it('an account says whether it is locked now, in the desk\'s time', () => {
    const desk = makeDesk({ children: 3 });
    for (let i = 0; i < 5; i += 1) desk.api.call('auth.login', { login: 'operator', password: 'wrong-password' });
    const admin = desk.login('admin');
    const operator = unwrap(desk.api.call('operators.list', {}, { token: admin })).find((o) => o.login === 'operator')!;
    expect(operator.locked).toBe(true);
    desk.clock.advance(16 * 60 * 1000);
    expect(unwrap(desk.api.call('operators.list', {}, { token: admin })).find((o) => o.login === 'operator')!.locked).toBe(false);
  });
});
