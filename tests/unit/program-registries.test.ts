import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/database/db';
import { MIGRATED_REASON } from '../../src-main/database/migrations/014_registry_memberships';
import { errorOf, groupOf, makeDesk, registrySnapshot, staffOf, tempDir, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';
const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };

/** The program as its editor sends it back, with other registries ticked. */
function saveInput(desk: TestDesk, programId: string, token: string, registries: Array<'certified' | 'significant' | 'paid' | 'general' | 'preprofessional'>) {
  const { program } = unwrap(desk.api.call('programs.getForEditing', { programId }, { token }));
  return {
    id: program.id, organizationId: program.organizationId, name: program.name, direction: program.direction, ageMin: program.ageMin, ageMax: program.ageMax,
    registries, activityTypes: program.activityTypes, interests: program.interests, goals: program.goals, annotation: program.annotation,
    addresses: program.addresses, enrollmentOpen: program.enrollmentOpen,
  };
}

function stateOf(desk: TestDesk, programId: string, registry: string) {
  const card = unwrap(desk.api.call('programs.get', { programId }, { token: desk.login('admin') }));
  return { granted: card.registries, state: card.registryStates.find((s) => s.registry === registry) };
}

const rows = (desk: TestDesk) => ({
  ...registrySnapshot(desk),
  states: desk.core.db.prepare('SELECT id, state, reason, deleted FROM program_registry_states ORDER BY id').all(),
  programs: desk.core.db.prepare('SELECT id, registries, modified_at FROM programs ORDER BY id').all(),
  contracts: desk.core.db.prepare('SELECT id, status, funding FROM contracts ORDER BY id').all(),
});

describe('registries of programs are granted by the registry staff, not self-declared', () => {
  it('a self-ticked registry is only requested and does not pay; once granted, confirmation pays from the certificate', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    const { programId, id: groupId } = groupOf(desk, GERMAN);
    // The registry takes the program out of «Сертифицированные»; the organization ticks it again on its own.
    unwrap(desk.api.call('programs.decideRegistry', { programId, registry: 'certified', grant: false, reason: 'Программа не прошла сертификацию' }, { token: operator }));
    unwrap(desk.api.call('programs.save', saveInput(desk, programId, staff, ['certified']), { token: staff }));
    expect(stateOf(desk, programId, 'certified')).toMatchObject({ granted: [], state: { state: 'requested', reason: null } });
    const requests = unwrap(desk.api.call('programs.registryRequests', {}, { token: operator }));
    expect(requests).toEqual([expect.objectContaining({ programId, programName: GERMAN, registry: 'certified' })]);
    // Not granted: no money, no budget place; and the navigator does not find it among certified programs.
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId }, { token: staff }));
    expect(errorOf(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff })).message).toMatch(/не входит ни в реестр сертифицированных/);
    const certified = unwrap(desk.api.call('programs.search', { registry: 'certified', query: 'Немецкий' }, { token: operator }));
    expect(certified.map((p) => p.id)).not.toContain(programId);

    const granted = unwrap(desk.api.call('programs.decideRegistry', { programId, registry: 'certified', grant: true, reason: 'Сертификат № 15' }, { token: operator }));
    expect(granted.registries).toEqual(['certified']);
    expect(granted.registryStates).toEqual([expect.objectContaining({ registry: 'certified', state: 'granted', reason: 'Сертификат № 15', decidedBy: expect.any(String) })]);
    expect(unwrap(desk.api.call('programs.registryRequests', {}, { token: operator }))).toEqual([]);
    expect(unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff }))).toMatchObject({ status: 'active', funding: 'certificate' });
    const audit = desk.core.db.prepare("SELECT summary FROM audit_log WHERE operation = 'programs.decideRegistry' ORDER BY seq").all() as Array<{ summary: string }>;
    expect(audit.map((a) => a.summary)).toEqual([
      expect.stringMatching(/Исключена из реестра.*Программа не прошла сертификацию/),
      expect.stringMatching(/Включена в реестр.*Сертификат № 15/),
    ]);
  });

  it('a request is refused with a reason; staff cannot grant; refusals in Russian leave the registry unchanged', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    const { programId } = groupOf(desk, GERMAN);
    unwrap(desk.api.call('programs.save', saveInput(desk, programId, staff, ['certified', 'significant']), { token: staff }));
    expect(stateOf(desk, programId, 'significant')).toMatchObject({ granted: ['certified'], state: { state: 'requested' } });

    const before = rows(desk);
    expect(errorOf(desk.api.call('programs.decideRegistry', { programId, registry: 'significant', grant: true }, { token: staff })).code).toBe('forbidden');
    expect(errorOf(desk.api.call('programs.decideRegistry', { programId, registry: 'significant', grant: false, reason: '' }, { token: operator })).message).toMatch(/Укажите причину отказа/);
    expect(errorOf(desk.api.call('programs.decideRegistry', { programId, registry: 'general', grant: true }, { token: operator })).message).toMatch(/Организация не просила включить программу/);
    expect(errorOf(desk.api.call('programs.decideRegistry', { programId, registry: 'certified', grant: true }, { token: operator })).message).toMatch(/уже включена в реестр/);
    expect(errorOf(desk.api.call('programs.decideRegistry', { programId, registry: 'paid', grant: false, reason: 'Нет оснований' }, { token: operator })).message).toMatch(/Решать нечего/);
    expect(errorOf(desk.api.call('programs.registryRequests', {}, { token: staff })).code).toBe('forbidden');
    expect(rows(desk)).toEqual(before);

    const refused = unwrap(desk.api.call('programs.decideRegistry', { programId, registry: 'significant', grant: false, reason: 'Программа не входит в перечень значимых' }, { token: operator }));
    expect(refused.registries).toEqual(['certified']);
    expect(refused.registryStates.find((s) => s.registry === 'significant')).toMatchObject({ state: 'refused', reason: 'Программа не входит в перечень значимых', decidable: false });
    // Ticking it again is a new request.
    unwrap(desk.api.call('programs.save', saveInput(desk, programId, staff, ['certified', 'significant']), { token: staff }));
    expect(stateOf(desk, programId, 'significant').state).toMatchObject({ state: 'requested', reason: null });
  });

  it('revocation stops new confirmations, not a running contract', () => {
    const desk = makeDesk({ children: 40 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    const { programId, id: groupId } = groupOf(desk, GERMAN);
    const running = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId }, { token: staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: running.id }, { token: staff }));
    const money = () => desk.core.db.prepare('SELECT sum(d_reserve) AS r, count(*) AS n FROM ledger_entries WHERE contract_id = ?').get(running.id);
    const booked = money();
    unwrap(desk.api.call('programs.decideRegistry', { programId, registry: 'certified', grant: false, reason: 'Сертификат программы отозван' }, { token: operator }));
    expect(stateOf(desk, programId, 'certified')).toMatchObject({ granted: [], state: { state: 'revoked', reason: 'Сертификат программы отозван' } });
    expect(desk.core.db.prepare('SELECT status, funding FROM contracts WHERE id = ?').get(running.id)).toEqual({ status: 'confirmed', funding: 'certificate' });
    expect(money()).toEqual(booked);
    // Another child's new application to the same group can no longer be confirmed at the certificate's expense.
    const other = desk.core.db
      .prepare(
        `SELECT c.id, c.number AS certificateNumber, ch.last_name || ' ' || ch.first_name || coalesce(' ' || ch.middle_name, '') AS childFullName
           FROM certificates c JOIN children ch ON ch.id = c.child_id
          WHERE c.status = 'active' AND c.type = 'financing' AND c.number <> ?
            AND ch.birth_date BETWEEN '2009-06-01' AND '2016-06-01' ORDER BY c.number LIMIT 1`,
      )
      .get(SIDOROV.certificateNumber) as { id: string; certificateNumber: string; childFullName: string };
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: other.id, policy: 'by_name' }, { token: operator }));
    const next = unwrap(desk.api.call('applications.create', { certificateNumber: other.certificateNumber, childFullName: other.childFullName, groupId }, { token: staff }));
    expect(errorOf(desk.api.call('contracts.confirm', { contractId: next.id }, { token: staff })).message).toMatch(/не входит ни в реестр сертифицированных/);
    expect(desk.core.db.prepare('SELECT status, funding FROM contracts WHERE id = ?').get(next.id)).toEqual({ status: 'pending', funding: null });
  });

  it('migration 014 keeps every existing registry of a program as granted', () => {
    const dir = tempDir();
    const file = join(dir, 'old.sqlite');
    copyFileSync(join(__dirname, 'fixtures', 'registry-v11.sqlite'), file);
    const raw = new Database(file, { readonly: true });
    const before = raw.prepare('SELECT id, registries FROM programs WHERE deleted = 0 ORDER BY id').all() as Array<{ id: string; registries: string }>;
    raw.close();
    expect(before.length).toBeGreaterThan(0);
    const db = openDatabase(file);
    for (const p of before) {
      const states = db.prepare('SELECT registry, state, reason FROM program_registry_states WHERE program_id = ? AND deleted = 0 ORDER BY registry').all(p.id);
      expect(states).toEqual((JSON.parse(p.registries) as string[]).sort().map((registry) => ({ registry, state: 'granted', reason: MIGRATED_REASON })));
      expect(db.prepare('SELECT registries FROM programs WHERE id = ?').get(p.id)).toEqual({ registries: p.registries });
    }
    db.close();
  });
});
