import { describe, expect, it } from 'vitest';
import type { OperationInput } from '../../shared/operations';
import { errorOf, makeDesk, makeIssueInput, serverSession, unwrap, type TestDesk } from './helpers';

const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };
const DYUSSH = 'МБУ ДО Г. МУРМАНСКА ДЮСШ №14';
const LOGOS = 'ЧОУ ДО «Логос»';

function organizationId(desk: TestDesk, shortName: string): string {
  return (desk.core.db.prepare('SELECT id FROM organizations WHERE short_name = ?').get(shortName) as { id: string }).id;
}

/** A battle in December (the test clock stands at 23 November 2026, 13:00 in Murmansk). */
function battle(desk: TestDesk, overrides: Partial<OperationInput<'events.save'>> = {}): OperationInput<'events.save'> {
  return {
    organizationId: organizationId(desk, DYUSSH),
    name: 'Баттл по брейк-дансу «Полярная волна»',
    kind: 'competition',
    startsAt: '2026-12-12T12:00',
    endsAt: '2026-12-12T16:00',
    address: 'г. Мурманск, ул. Спортивная, д. 14',
    ageMin: 8,
    ageMax: 15,
    places: 2,
    description: 'Сольные выступления, три судьи.',
    applicationsOpen: true,
    ...overrides,
  };
}

/** Every row of the events tables, whole: a refusal must leave them exactly as they were. */
function eventTables(desk: TestDesk) {
  return {
    events: desk.core.db.prepare('SELECT * FROM events ORDER BY id').all(),
    applications: desk.core.db.prepare('SELECT * FROM event_applications ORDER BY id').all(),
    search: desk.core.db.prepare('SELECT count(*) AS n FROM event_search').get(),
  };
}

/** A second child (Алёна, born 14 May 2016: 10 in December 2026), confirmation «по ФИО». */
function alyona(desk: TestDesk, operator: string, birthDate = '2016-05-14') {
  const issued = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { birthDate } }), { token: operator }));
  unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: issued.certificateId, policy: 'by_name' }, { token: operator }));
  return { ...issued, apply: { certificateNumber: issued.number, childFullName: 'Ёлкина Алёна Петровна' } };
}

function lastAudit(desk: TestDesk) {
  return desk.core.db.prepare('SELECT operation, outcome, summary FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { operation: string; outcome: string; summary: string };
}

describe('organizations publish events', () => {
  it('staff publish one; the section lists it among the upcoming in date order, the page shows it, the audit names it', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const saved = unwrap(desk.api.call('events.save', battle(desk), { token: org }));
    expect(saved).toMatchObject({ organizationName: DYUSSH, places: 2, placesTaken: 0, placesLeft: 2, notAcceptingBecause: null, passed: false, applicationsOpen: true });
    expect(lastAudit(desk)).toMatchObject({ operation: 'events.save', outcome: 'ok' });
    expect(lastAudit(desk).summary).toMatch(/Опубликовано мероприятие «Баттл по брейк-дансу «Полярная волна»».*12\.12\.2026 12:00/);
    const operator = desk.login();
    const upcoming = unwrap(desk.api.call('events.list', {}, { token: operator }));
    // The demo's three events and ours, by start.
    expect(upcoming.map((e) => e.startsAt)).toEqual([...upcoming.map((e) => e.startsAt)].sort());
    expect(upcoming.map((e) => e.name)).toContain('Баттл по брейк-дансу «Полярная волна»');
    expect(upcoming.map((e) => e.name)).toContain('Открытое первенство по хип-хопу');
    const own = unwrap(desk.api.call('events.list', { organizationId: organizationId(desk, DYUSSH) }, { token: operator }));
    expect(own.map((e) => e.name)).toEqual(['Баттл по брейк-дансу «Полярная волна»', 'Открытое первенство по хип-хопу']);
    expect(unwrap(desk.api.call('events.list', { when: 'past' }, { token: operator }))).toEqual([]);
    const page = unwrap(desk.api.call('events.get', { eventId: saved.id }, { token: operator }));
    expect(page).toMatchObject({ name: saved.name, organizationFullName: expect.stringMatching(/Детско-юношеская спортивная школа/), applications: [] });
  });

  it('an edit keeps the event, and places cannot drop below the applications already submitted', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const saved = unwrap(desk.api.call('events.save', battle(desk), { token: org }));
    unwrap(desk.api.call('events.apply', { eventId: saved.id, ...SIDOROV }, { token: org }));
    unwrap(desk.api.call('events.apply', { eventId: saved.id, ...alyona(desk, desk.login()).apply }, { token: org }));
    const before = eventTables(desk);
    const refused = errorOf(desk.api.call('events.save', { ...battle(desk, { places: null }), id: saved.id, places: 0 }, { token: org }));
    expect(refused.fields).toMatchObject({ places: 'Мест: не меньше 1' });
    const below = errorOf(desk.api.call('events.save', { ...battle(desk), id: saved.id, places: 1 }, { token: org }));
    expect(below).toMatchObject({ message: 'На мероприятие уже подано заявок: 2. Мест не может быть меньше.', fields: { places: 'Не меньше 2' } });
    expect(eventTables(desk)).toEqual(before);
    const edited = unwrap(desk.api.call('events.save', { ...battle(desk), id: saved.id, places: null, applicationsOpen: false }, { token: org }));
    expect(edited).toMatchObject({ id: saved.id, places: null, placesLeft: null, placesTaken: 2, notAcceptingBecause: 'организация закрыла приём заявок' });
  });

  it('refuses bad input in Russian, next to the field, and changes nothing', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const before = eventTables(desk);
    const refuse = (overrides: Partial<OperationInput<'events.save'>>) => errorOf(desk.api.call('events.save', battle(desk, overrides), { token: org }));
    expect(refuse({ ageMin: 15, ageMax: 8 }).fields).toMatchObject({ ageMax: 'Возраст «от» не может быть больше возраста «до»' });
    expect(refuse({ endsAt: '2026-12-12T11:00' }).fields).toMatchObject({ endsAt: 'Окончание не может быть раньше начала' });
    expect(refuse({ startsAt: '2026-12-32T12:00' }).fields).toMatchObject({ startsAt: 'Начало: дата ДД.ММ.ГГГГ и время ЧЧ:ММ' });
    expect(refuse({ startsAt: '2026-12-12 12:00' }).fields).toMatchObject({ startsAt: 'Начало: дата ДД.ММ.ГГГГ и время ЧЧ:ММ' });
    expect(refuse({ endsAt: '2026-12-12T24:00' }).fields).toMatchObject({ endsAt: 'Окончание: дата ДД.ММ.ГГГГ и время ЧЧ:ММ' });
    expect(refuse({ address: 'ул.' }).fields).toMatchObject({ address: 'Место проведения: не короче 5 символов' });
    expect(refuse({ name: '  ' }).message).toBe('Название мероприятия: не короче 3 символов');
    expect(refuse({ kind: 'party' as never }).message).toBe('Вид мероприятия: выберите значение');
    // Already over in Murmansk (13:00 there now).
    const over = refuse({ startsAt: '2026-11-23T10:00', endsAt: '2026-11-23T12:59' });
    expect(over).toMatchObject({ code: 'invalid_input', fields: { endsAt: 'Окончание уже прошло' } });
    expect(over.message).toMatch(/опубликовать можно только предстоящее/);
    expect(eventTables(desk)).toEqual(before);
    // Still on at 13:00 local: it may be published (applications are closed by the rules below, not by the editor).
    expect(unwrap(desk.api.call('events.save', battle(desk, { startsAt: '2026-11-23T10:00', endsAt: '2026-11-23T13:00' }), { token: org })).notAcceptingBecause).toBe('мероприятие уже началось');
  });

  it('removal asks nothing of an event without applications; with one it is refused until the application is cancelled', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const saved = unwrap(desk.api.call('events.save', battle(desk), { token: org }));
    const application = unwrap(desk.api.call('events.apply', { eventId: saved.id, ...SIDOROV }, { token: org }));
    const before = eventTables(desk);
    const refused = errorOf(desk.api.call('events.remove', { eventId: saved.id }, { token: org }));
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toBe('Мероприятие «Баттл по брейк-дансу «Полярная волна»» удалить нельзя: на него подано заявок — 1. Сначала отмените заявки (сообщив семьям) или закройте приём заявок.');
    expect(eventTables(desk)).toEqual(before);
    unwrap(desk.api.call('events.cancelApplication', { applicationId: application.id, reason: 'Мероприятие переносится' }, { token: org }));
    expect(unwrap(desk.api.call('events.remove', { eventId: saved.id }, { token: org }))).toEqual({ id: saved.id });
    expect(lastAudit(desk)).toMatchObject({ operation: 'events.remove', outcome: 'ok', summary: 'Удалено мероприятие «Баттл по брейк-дансу «Полярная волна»»' });
    const operator = desk.login();
    expect(unwrap(desk.api.call('events.list', {}, { token: operator })).map((e) => e.id)).not.toContain(saved.id);
    expect(unwrap(desk.api.call('events.search', { query: 'баттл' }, { token: operator }))).toEqual([]);
    expect(errorOf(desk.api.call('events.get', { eventId: saved.id }, { token: operator })).message).toMatch(/Мероприятие не найдено/);
    // The row stays, marked, for the exchange; the child's history keeps no link to a page that is gone.
    expect(desk.core.db.prepare('SELECT deleted FROM events WHERE id = ?').get(saved.id)).toEqual({ deleted: 1 });
  });
});

describe('children apply to events', () => {
  it('the operator applies the demo child «по ФИО»; the page lists it, the place is taken, a second one is refused; cancelling frees the place', () => {
    const desk = makeDesk({ children: 2 });
    const saved = unwrap(desk.api.call('events.save', battle(desk), { token: desk.login('org') }));
    const operator = desk.login();
    const application = unwrap(desk.api.call('events.apply', { eventId: saved.id, ...SIDOROV }, { token: operator }));
    expect(application).toMatchObject({
      eventId: saved.id, certificateNumber: '9901101325', childName: 'Сидоров Сидор Сидорович', ageOnEventDay: 14, status: 'submitted',
      createdByName: 'Операторова Ольга Ивановна', cancelledAt: null,
    });
    expect(lastAudit(desk)).toMatchObject({ operation: 'events.apply', outcome: 'ok' });
    expect(lastAudit(desk).summary).toMatch(/подана: сертификат 9901101325$/);
    const page = unwrap(desk.api.call('events.get', { eventId: saved.id }, { token: operator }));
    expect(page).toMatchObject({ placesTaken: 1, placesLeft: 1 });
    expect(page.applications!.map((a) => a.id)).toEqual([application.id]);
    expect(desk.core.db.prepare('SELECT confirmation_method AS m FROM event_applications WHERE id = ?').get(application.id)).toEqual({ m: 'by_name' });

    const before = eventTables(desk);
    const twice = errorOf(desk.api.call('events.apply', { eventId: saved.id, ...SIDOROV }, { token: operator }));
    expect(twice).toMatchObject({ code: 'conflict', message: 'По сертификату 9901101325 уже подана заявка на мероприятие «Баттл по брейк-дансу «Полярная волна»».' });
    expect(eventTables(desk)).toEqual(before);
    expect(lastAudit(desk)).toMatchObject({ operation: 'events.apply', outcome: 'refused' });

    const cancelled = unwrap(desk.api.call('events.cancelApplication', { applicationId: application.id, reason: 'Ребёнок заболел' }, { token: operator }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Ребёнок заболел', cancelledAt: '2026-11-23T10:00:00.000Z' });
    expect(errorOf(desk.api.call('events.cancelApplication', { applicationId: application.id }, { token: operator })).message).toBe('Заявка уже отменена.');
    expect(unwrap(desk.api.call('events.get', { eventId: saved.id }, { token: operator })).placesLeft).toBe(2);
    // Cancelled, the child may apply again; the page lists the new one first and keeps the cancelled one.
    const again = unwrap(desk.api.call('events.apply', { eventId: saved.id, ...SIDOROV }, { token: operator }));
    expect(unwrap(desk.api.call('events.get', { eventId: saved.id }, { token: operator })).applications!.map((a) => [a.id, a.status])).toEqual([
      [again.id, 'submitted'], [application.id, 'cancelled'],
    ]);
    const certificateId = (desk.core.db.prepare("SELECT id FROM certificates WHERE number = '9901101325'").get() as { id: string }).id;
    expect(unwrap(desk.api.call('events.childApplications', { certificateId }, { token: operator })).map((a) => [a.eventName, a.status])).toEqual([
      [saved.name, 'submitted'], [saved.name, 'cancelled'],
    ]);
  });

  it('refuses with a Russian message when the event takes no one, the child does not fit, or the certificate cannot apply — and changes nothing', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    let operator = desk.login();
    const saved = unwrap(desk.api.call('events.save', battle(desk, { places: 1 }), { token: org }));
    const apply = (input: Partial<OperationInput<'events.apply'>>, eventId = saved.id) =>
      errorOf(desk.api.call('events.apply', { eventId, ...SIDOROV, ...input }, { token: operator }));
    const before = eventTables(desk);

    expect(apply({ certificateNumber: '9901999999' })).toMatchObject({ code: 'not_found', message: 'Сертификат № 9901999999 не найден в реестре.' });
    expect(apply({ certificateNumber: '99011' }).message).toMatch(/состоит из 10 цифр/);
    expect(apply({ childFullName: 'Петров Пётр' }).message).toMatch(/ФИО ребёнка не совпадает.*Осталось попыток до блокировки: 4/);
    expect(apply({ childFullName: '' }).message).toBe('Укажите ФИО ребёнка: сертификат требует подтверждения по ФИО.');
    // Ages: 7–9 leaves out Сидор (14 on 12 December 2026).
    const young = unwrap(desk.api.call('events.save', battle(desk, { name: 'Весёлые старты для малышей', ageMin: 7, ageMax: 9 }), { token: org }));
    expect(apply({}, young.id).message).toBe('Мероприятие «Весёлые старты для малышей» — для детей от 7 до 9 лет, ребёнку в день мероприятия 14.');
    const closed = unwrap(desk.api.call('events.save', battle(desk, { name: 'Закрытый турнир', applicationsOpen: false }), { token: org }));
    expect(apply({}, closed.id).message).toBe('Заявку на мероприятие «Закрытый турнир» подать нельзя: организация закрыла приём заявок.');
    const started = unwrap(desk.api.call('events.save', battle(desk, { name: 'Уже идёт', startsAt: '2026-11-23T12:00', endsAt: '2026-11-23T18:00' }), { token: org }));
    expect(apply({}, started.id).message).toBe('Заявку на мероприятие «Уже идёт» подать нельзя: мероприятие уже началось.');
    const afterPublishing = eventTables(desk);
    expect(afterPublishing.applications).toEqual(before.applications);

    // The one place goes to Алёна; then there is none.
    const other = alyona(desk, operator);
    unwrap(desk.api.call('events.apply', { eventId: saved.id, ...other.apply }, { token: operator }));
    const full = eventTables(desk);
    expect(apply({}).message).toBe('Заявку на мероприятие «Баттл по брейк-дансу «Полярная волна»» подать нельзя: свободных мест нет (заняты 1 из 1).');
    expect(eventTables(desk)).toEqual(full);

    // Suspended and annulled certificates take no application.
    unwrap(desk.api.call('events.save', { ...battle(desk), id: saved.id, places: 5 }, { token: org }));
    const certificateId = (desk.core.db.prepare("SELECT id FROM certificates WHERE number = '9901101325'").get() as { id: string }).id;
    unwrap(desk.api.call('certificates.suspend', { certificateId, reason: 'Заявление представителя' }, { token: operator }));
    expect(apply({}).message).toBe('Заявку создать нельзя: сертификат приостановлен.');
    unwrap(desk.api.call('certificates.annul', { certificateId: other.certificateId, reason: 'Выдан ошибочно', confirm: true }, { token: operator }));
    const annulled = errorOf(desk.api.call('events.apply', { eventId: young.id, ...other.apply }, { token: operator }));
    expect(annulled.message).toBe('Заявку создать нельзя: сертификат аннулирован.');

    // Past: a week after the battle it is over, and so is cancelling its applications.
    const alyonasApplication = unwrap(desk.api.call('events.get', { eventId: saved.id }, { token: operator })).applications![0]!;
    desk.clock.set('2026-12-19T10:00:00.000Z');
    operator = desk.login(); // the session ended while the days went by
    unwrap(desk.api.call('certificates.resume', { certificateId }, { token: operator }));
    const passed = eventTables(desk);
    expect(apply({}).message).toBe('Заявку на мероприятие «Баттл по брейк-дансу «Полярная волна»» подать нельзя: мероприятие уже прошло.');
    expect(errorOf(desk.api.call('events.cancelApplication', { applicationId: alyonasApplication.id }, { token: operator })).message)
      .toBe('Мероприятие «Баттл по брейк-дансу «Полярная волна»» уже началось: заявку на него отменить нельзя.');
    expect(eventTables(desk)).toEqual(passed);
    expect(unwrap(desk.api.call('events.list', { when: 'past' }, { token: operator })).map((e) => e.name)).toContain(saved.name);
  });

  it('«Запись запрещена» lets only the registry desk apply, with the parent present; «по кодовой фразе» needs the phrase', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const operator = desk.login();
    const saved = unwrap(desk.api.call('events.save', battle(desk), { token: org }));
    const certificateId = (desk.core.db.prepare("SELECT id FROM certificates WHERE number = '9901101325'").get() as { id: string }).id;
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_phrase', codePhrase: 'мама мыла раму', codePhraseRepeat: 'мама мыла раму' }, { token: operator }));
    expect(errorOf(desk.api.call('events.apply', { eventId: saved.id, certificateNumber: '9901101325' }, { token: org })).message).toMatch(/Укажите кодовую фразу/);
    expect(unwrap(desk.api.call('events.apply', { eventId: saved.id, certificateNumber: '9901101325', codePhrase: 'Мама мыла раму' }, { token: org })).status).toBe('submitted');

    const other = alyona(desk, operator);
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: other.certificateId, policy: 'forbidden' }, { token: operator }));
    expect(errorOf(desk.api.call('events.apply', { eventId: saved.id, ...other.apply }, { token: org })).message).toMatch(/Запись запрещена/);
    expect(errorOf(desk.api.call('events.apply', { eventId: saved.id, ...other.apply }, { token: operator })).message).toMatch(/Запись запрещена/);
    // The parent at the desk types the cabinet password printed on the extract.
    const extract = unwrap(desk.api.call('documents.printExtract', { certificateId: other.certificateId }, { token: operator }));
    expect(extract.document.kind).toBe('extract');
    expect(errorOf(desk.api.call('events.apply', { eventId: saved.id, certificateNumber: other.number, cabinetPassword: 'не тот пароль' }, { token: operator })).message)
      .toBe('Неверный логин или пароль личного кабинета.');
  });
});

describe('organization scope', () => {
  it("staff of one organization can neither change another's event nor apply to it nor see its applications", () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const admin = desk.login('admin');
    const logosEvent = unwrap(desk.api.call('events.save', battle(desk, { organizationId: organizationId(desk, LOGOS), name: 'Олимпиада по немецкому языку', kind: 'competition' }), { token: admin }));
    unwrap(desk.api.call('events.apply', { eventId: logosEvent.id, ...SIDOROV }, { token: desk.login() }));
    const before = eventTables(desk);
    expect(errorOf(desk.api.call('events.save', battle(desk, { organizationId: organizationId(desk, LOGOS) }), { token: org }))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/другой организации/) });
    expect(errorOf(desk.api.call('events.save', { ...battle(desk), id: logosEvent.id }, { token: org }))).toMatchObject({ code: 'conflict' });
    expect(errorOf(desk.api.call('events.remove', { eventId: logosEvent.id }, { token: org }))).toMatchObject({ code: 'forbidden' });
    expect(errorOf(desk.api.call('events.apply', { eventId: logosEvent.id, ...SIDOROV }, { token: org }))).toMatchObject({ code: 'forbidden' });
    const page = unwrap(desk.api.call('events.get', { eventId: logosEvent.id }, { token: org }));
    expect(page.applications).toBeNull();
    expect(page.placesTaken).toBe(1);
    const application = unwrap(desk.api.call('events.get', { eventId: logosEvent.id }, { token: admin })).applications![0]!;
    expect(errorOf(desk.api.call('events.cancelApplication', { applicationId: application.id }, { token: org }))).toMatchObject({ code: 'forbidden' });
    expect(errorOf(desk.api.call('events.childApplications', { certificateId: application.certificateId }, { token: org }))).toMatchObject({ code: 'forbidden' });
    expect(eventTables(desk)).toEqual(before);
  });

  it('through the server host: the cookie session of ДЮСШ staff is refused on Логос events', async () => {
    const desk = makeDesk({ children: 2 });
    const logosEvent = unwrap(desk.api.call('events.save', battle(desk, { organizationId: organizationId(desk, LOGOS), name: 'Олимпиада по немецкому языку' }), { token: desk.login('admin') }));
    const { call } = await serverSession(desk, 'org', 'org-demo-2026');
    expect(await call('events.save', { ...battle(desk), id: logosEvent.id, organizationId: organizationId(desk, LOGOS) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('events.apply', { eventId: logosEvent.id, ...SIDOROV })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('events.get', { eventId: logosEvent.id })).toMatchObject({ ok: true, value: { applications: null } });
    expect(await call('events.save', battle(desk))).toMatchObject({ ok: true, value: { organizationName: DYUSSH } });
  });
});

describe('the navigator finds events', () => {
  it('by a part of the name as typed (ё = е, any case) and by the organization, upcoming only, through the name index', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const saved = unwrap(desk.api.call('events.save', battle(desk, { name: 'Ёлочный турнир по хип-хопу' }), { token: org }));
    let operator = desk.login();
    const names = (query: string) => unwrap(desk.api.call('events.search', { query }, { token: operator })).map((e) => e.name);
    expect(names('елоч')).toEqual(['Ёлочный турнир по хип-хопу']);
    expect(names('ТУРН хип')).toEqual(['Ёлочный турнир по хип-хопу']);
    expect(names('хип-хоп')).toEqual(['Ёлочный турнир по хип-хопу', 'Открытое первенство по хип-хопу']);
    expect(names('дюсш')).toEqual(['Ёлочный турнир по хип-хопу', 'Открытое первенство по хип-хопу']);
    expect(names('птиц')).toEqual(['Зимняя экскурсия «Птицы Кольского края»']);
    expect(names('   ')).toEqual([]);
    expect(names('кукуруза')).toEqual([]);
    // A renamed organization is found by its new name.
    unwrap(desk.api.call('organizations.update', { id: saved.organizationId, name: 'Спортивная школа «Север»', shortName: 'СШ «Север»' }, { token: org }));
    expect(names('север')).toEqual(['Ёлочный турнир по хип-хопу', 'Открытое первенство по хип-хопу']);
    expect(names('дюсш')).toEqual([]);
    // Over, it leaves the navigator.
    desk.clock.set('2026-12-20T10:00:00.000Z');
    operator = desk.login();
    expect(names('хип')).toEqual([]);
    const plan = (desk.core.db.prepare("EXPLAIN QUERY PLAN SELECT e.id FROM events e WHERE e.rowid IN (SELECT rowid FROM event_search WHERE event_search MATCH '\"хип\"*')").all() as Array<{ detail: string }>)
      .map((r) => r.detail).join(' ');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan).toMatch(/SEARCH e USING INTEGER PRIMARY KEY/);
  });
});
