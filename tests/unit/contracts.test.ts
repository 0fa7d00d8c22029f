import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractPrice } from '../../shared/money';
import { hashSecret } from '../../src-main/features/auth/passwords';
import { errorOf, groupOf, makeDesk, makeIssueInput, staffOf, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';
const NATURE = 'Природа и творчество';
const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };

function card(desk: TestDesk, token: string) {
  return unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token }));
}

describe('applications under the confirmation policy', () => {
  it('organization staff apply «по ФИО» and confirm; the certificate part moves balance → reserve, nominal = balance + reserve + spent', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    const before = card(desk, operator).money!;
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, GERMAN).id }, { token: staff }));
    expect(app).toMatchObject({ status: 'pending', startDate: '2026-11-23', endDate: '2027-05-31', funding: null });
    expect(app.priceKopecks).toBe(contractPrice(1_600_000, '2026-09-01', '2027-05-31', '2026-11-23', '2027-05-31'));
    expect(app.number).toMatch(/^Д-9901-01-2026-\d{6}$/);
    const confirmed = unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff }));
    expect(confirmed).toMatchObject({ status: 'active', funding: 'certificate', certificateKopecks: app.priceKopecks, parentKopecks: 0 });
    expect(confirmed.monthlyPayments.reduce((s, p) => s + p.kopecks, 0)).toBe(app.priceKopecks);
    const after = card(desk, operator).money!;
    expect(after.reserveKopecks).toBe(before.reserveKopecks + app.priceKopecks);
    expect(after.balanceKopecks).toBe(before.balanceKopecks - app.priceKopecks);
    expect(after.nominalKopecks).toBe(after.balanceKopecks + after.reserveKopecks + after.spentKopecks);
  });

  it('a wrong name is refused and counts toward the lockout; «Запись запрещена» refuses organizations with the seed explanation', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const groupId = groupOf(desk, GERMAN).id;
    const contracts = () => desk.core.db.prepare('SELECT count(*) AS n FROM contracts').get();
    const before = contracts();
    const e = errorOf(desk.api.call('applications.create', { ...SIDOROV, childFullName: 'Петров Пётр', groupId }, { token: staff }));
    expect(e.message).toMatch(/не совпадает.*Осталось попыток до блокировки: 4/);
    expect(contracts()).toEqual(before);
    const operator = desk.login();
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: card(desk, operator).id, policy: 'forbidden' }, { token: operator }));
    expect(errorOf(desk.api.call('applications.create', { ...SIDOROV, groupId }, { token: staff })).message).toMatch(/Запись запрещена/);
  });

  it('«по кодовой фразе» needs the phrase the parent says', () => {
    const desk = makeDesk({ children: 3 });
    const operator = desk.login();
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: card(desk, operator).id, policy: 'by_phrase', codePhrase: 'мама мыла раму', codePhraseRepeat: 'мама мыла раму' }, { token: operator }));
    const staff = staffOf(desk, GERMAN, 'logos1');
    const groupId = groupOf(desk, GERMAN).id;
    expect(errorOf(desk.api.call('applications.create', { certificateNumber: '9901101325', groupId }, { token: staff })).message).toMatch(/кодовую фразу/);
    expect(errorOf(desk.api.call('applications.create', { certificateNumber: '9901101325', groupId, codePhrase: 'папа мыл раму' }, { token: staff })).message).toMatch(/неверна/);
    expect(unwrap(desk.api.call('applications.create', { certificateNumber: '9901101325', groupId, codePhrase: 'Мама мыла раму' }, { token: staff })).status).toBe('pending');
  });

  it('at the registry desk a «Запись запрещена» certificate is enrolled after the parent presents the cabinet password', () => {
    const desk = makeDesk({ children: 3 });
    const operator = desk.login();
    const c = card(desk, operator);
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: c.id, policy: 'forbidden' }, { token: operator }));
    // The same scrypt hash an extract stores for the cabinet password it prints.
    desk.core.db.prepare('UPDATE certificates SET cabinet_password_hash = ? WHERE id = ?').run(hashSecret('Kabinet2345', 'random-token'), c.id);
    const groupId = groupOf(desk, GERMAN).id;
    expect(errorOf(desk.api.call('applications.create', { certificateNumber: '9901101325', groupId }, { token: operator })).message).toMatch(/Запись запрещена/);
    expect(errorOf(desk.api.call('applications.create', { certificateNumber: '9901101325', groupId, cabinetPassword: 'wrong-one' }, { token: operator })).code).toBe('refused');
    expect(unwrap(desk.api.call('applications.create', { certificateNumber: '9901101325', groupId, cabinetPassword: 'Kabinet2345' }, { token: operator })).status).toBe('pending');
  });
});

describe('rules of enrollment', () => {
  it('an application for a not-activated certificate is accepted but cannot become a contract', () => {
    const desk = makeDesk({ children: 3 });
    const operator = desk.login();
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { birthDate: '2013-02-02' } }), { token: operator }));
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: r.certificateId, policy: 'by_name' }, { token: operator }));
    const staff = staffOf(desk, GERMAN, 'logos1');
    const app = unwrap(desk.api.call('applications.create', { certificateNumber: r.number, childFullName: 'Ёлкина Алёна Петровна', groupId: groupOf(desk, GERMAN).id }, { token: staff }));
    expect(errorOf(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff })).message).toMatch(/только по активированному/);
  });

  it('refuses a child of the wrong age, a full group, a second application to the same group, another organization’s group', () => {
    const desk = makeDesk({ children: 3 });
    const dyussh = desk.login('org');
    const hipHop = groupOf(desk, 'Основы хип-хопа').id;
    expect(errorOf(desk.api.call('applications.create', { ...SIDOROV, groupId: hipHop }, { token: dyussh })).message).toMatch(/от 7 до 12 лет, ребёнку на дату начала 14/);
    const german = groupOf(desk, GERMAN).id;
    expect(errorOf(desk.api.call('applications.create', { ...SIDOROV, groupId: german }, { token: dyussh })).code).toBe('forbidden');
    const staff = staffOf(desk, GERMAN, 'logos1');
    unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: german }, { token: staff }));
    expect(errorOf(desk.api.call('applications.create', { ...SIDOROV, groupId: german }, { token: staff })).message).toMatch(/уже записан/);
    desk.core.db.prepare('UPDATE program_groups SET capacity = 1 WHERE id = ?').run(german);
    const operator = desk.login();
    const other = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { birthDate: '2013-02-02' } }), { token: operator }));
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: other.certificateId, policy: 'by_name' }, { token: operator }));
    expect(errorOf(desk.api.call('applications.create', { certificateNumber: other.number, childFullName: 'Ёлкина Алёна Петровна', groupId: german }, { token: staff })).message).toMatch(/нет свободных мест/);
    expect(errorOf(desk.api.call('applications.create', { ...SIDOROV, groupId: german, startDate: '2027-06-01' }, { token: staff })).code).toBe('invalid_input');
  });

  it('a budget-registry program takes one budget count; cancelling gives it back', () => {
    const desk = makeDesk({ children: 3 });
    const operator = desk.login();
    const staff = staffOf(desk, NATURE, 'osh1');
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, NATURE).id, startDate: '2026-12-01' }, { token: staff }));
    const confirmed = unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff }));
    expect(confirmed).toMatchObject({ status: 'confirmed', funding: 'budget', budgetRegistry: 'general', certificateKopecks: 0 });
    expect(card(desk, operator).budgetCounts).toEqual({ significant: 1, general: 2, preprofessional: 1 });
    unwrap(desk.api.call('contracts.cancel', { contractId: app.id, reason: 'Представитель передумал' }, { token: operator }));
    expect(card(desk, operator).budgetCounts).toEqual({ significant: 1, general: 3, preprofessional: 1 });
  });

  it('rejection books nothing; cancellation gives the reserve back; termination does at the close of its month, after charging it', () => {
    const desk = makeDesk({ children: 3 });
    const operator = desk.login();
    const staff = staffOf(desk, GERMAN, 'logos1');
    const groupId = groupOf(desk, GERMAN).id;
    const start = card(desk, operator).money!;
    const a = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId }, { token: staff }));
    unwrap(desk.api.call('contracts.reject', { contractId: a.id, reason: 'Группа для продолжающих' }, { token: staff }));
    expect(card(desk, operator).money).toEqual(start);
    expect(errorOf(desk.api.call('contracts.confirm', { contractId: a.id }, { token: staff })).message).toMatch(/уже рассмотрена/);
    const b = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId }, { token: staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: b.id }, { token: staff }));
    expect(card(desk, operator).money!.reserveKopecks).toBe(start.reserveKopecks + b.priceKopecks);
    expect(errorOf(desk.api.call('contracts.cancel', { contractId: b.id, reason: 'Передумали' }, { token: operator })).message).toMatch(/до начала обучения/);
    const confirmedB = unwrap(desk.api.call('contracts.list', { certificateNumber: '9901101325' }, { token: operator })).find((k) => k.id === b.id)!;
    unwrap(desk.api.call('contracts.terminate', { contractId: b.id, terminationDate: '2026-11-30', reason: 'Переезд семьи' }, { token: staff }));
    expect(card(desk, operator).money!.reserveKopecks).toBe(start.reserveKopecks + b.priceKopecks);
    desk.clock.set('2026-12-01T09:00:00.000Z');
    const municipalityId = (desk.core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
    unwrap(desk.api.call('months.close', { municipalityId, month: '2026-11' }, { token: desk.login() }));
    const november = confirmedB.monthlyPayments[0]!;
    expect(november.month).toBe('2026-11');
    expect(card(desk, desk.login()).money).toEqual({ ...start, spentKopecks: start.spentKopecks + november.kopecks, balanceKopecks: start.balanceKopecks - november.kopecks });
    const archive = unwrap(desk.api.call('contracts.list', { tab: 'archive', certificateNumber: '9901101325' }, { token: desk.login() })).filter((k) => k.id === a.id || k.id === b.id);
    expect(archive.map((k) => k.status).sort()).toEqual(['rejected', 'terminated']);
  });

  it('the municipal limit refuses a new certificate-funded contract', () => {
    const desk = makeDesk({ children: 3 });
    desk.core.db.prepare('UPDATE municipal_years SET money_limit_kopecks = 800000').run();
    const staff = staffOf(desk, GERMAN, 'logos1');
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, GERMAN).id }, { token: staff }));
    expect(errorOf(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff })).message).toMatch(/лимит/i);
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM ledger_entries WHERE contract_id = ?').get(app.id)).toEqual({ n: 0 });
  });

  it('organization staff see only their own organization’s applications', () => {
    const desk = makeDesk({ children: 3 });
    const logos = staffOf(desk, GERMAN, 'logos1');
    unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, GERMAN).id }, { token: logos }));
    const dyussh = desk.login('org');
    expect(unwrap(desk.api.call('contracts.list', {}, { token: dyussh }))).toEqual([]);
    const dyusshOrg = groupOf(desk, 'Основы хип-хопа').organizationId;
    const logosOrg = groupOf(desk, GERMAN).organizationId;
    expect(unwrap(desk.api.call('contracts.list', { organizationId: logosOrg }, { token: dyussh }))).toEqual([]);
    const seen = unwrap(desk.api.call('contracts.list', { organizationId: dyusshOrg }, { token: logos }));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((x) => x.organizationId === logosOrg)).toBe(true);
    const k = unwrap(desk.api.call('contracts.list', { tab: 'pending' }, { token: logos }))[0]!;
    expect(errorOf(desk.api.call('contracts.confirm', { contractId: k.id }, { token: dyussh })).code).toBe('forbidden');
  });

  it('lists groups with places taken; organization staff see only their own', () => {
    const desk = makeDesk({ children: 3 });
    const logos = staffOf(desk, GERMAN, 'logos1');
    unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, GERMAN).id }, { token: logos }));
    const all = unwrap(desk.api.call('groups.list', {}, { token: desk.login() }));
    expect(new Set(all.map((g) => g.organizationName)).size).toBe(4);
    const own = unwrap(desk.api.call('groups.list', {}, { token: logos }));
    expect(new Set(own.map((g) => g.organizationName))).toEqual(new Set(['ЧОУ ДО «Логос»']));
    expect(own.find((g) => g.id === groupOf(desk, GERMAN).id)).toMatchObject({ placesTaken: 1, capacity: 12, ageMin: 10, ageMax: 17 });
    expect(unwrap(desk.api.call('groups.list', { query: 'немецк' }, { token: logos })).every((g) => g.programName === GERMAN)).toBe(true);
    // A program's groups are public (the navigator's program page): ДЮСШ staff see Логос's German groups.
    const german = groupOf(desk, GERMAN).programId;
    const seenByOthers = unwrap(desk.api.call('groups.list', { programId: german }, { token: desk.login('org') }));
    expect(seenByOthers.map((g) => g.name).sort()).toEqual(['Немецкий-1', 'Немецкий-2']);
    expect(seenByOthers.every((g) => g.programName === GERMAN)).toBe(true);
  });

  it('the attendance reference lists the contracts in force', () => {
    const desk = makeDesk({ children: 3 });
    const operator = desk.login();
    const staff = staffOf(desk, GERMAN, 'logos1');
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, GERMAN).id }, { token: staff }));
    unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff }));
    const printed = unwrap(desk.api.call('documents.printAttendance', { certificateId: card(desk, operator).id }, { token: operator }));
    const file = join(desk.dir, 'ref.pdf');
    writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Немецкий язык');
    expect(text).toContain('Логос');
    expect(text).not.toMatch(/зачислений по сертификату на дату выдачи справки нет/);
  });
});
