import { describe, expect, it } from 'vitest';
import { errorOf, makeDesk, makeIssueInput, unwrap } from './helpers';

describe('navigator', () => {
  it('searches program and organization names as you type, case-insensitive, by parts of words', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login('org');
    const names = (query: string) => unwrap(desk.api.call('programs.search', { query }, { token })).map((p) => p.name);
    expect(names('немецк')).toEqual(['Немецкий язык для детей школьного возраста']);
    expect(names('ЛОГОС').sort()).toEqual(['Немецкий язык для детей школьного возраста', 'Японский язык для детей школьного возраста']);
    expect(names('хип хоп')).toEqual(['Основы хип-хопа']);
    expect(names('хип-хоп')).toEqual(['Основы хип-хопа']);
    expect(names('легоконструирование робот')).toEqual(['Легоконструирование и робототехника']);
  });

  it('filters by direction, registry, age, start month and address', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login();
    const names = (f: Record<string, unknown>) => (unwrap(desk.api.callByName('programs.search', f, { token })) as Array<{ name: string }>).map((p) => p.name).sort();
    expect(names({ direction: 'technical' })).toEqual(['Легоконструирование и робототехника']);
    expect(names({ registry: 'general' })).toEqual(['Природа и творчество', 'Японский язык для детей школьного возраста']);
    expect(names({ age: 6 })).toEqual(['Легоконструирование и робототехника']);
    expect(names({ startMonth: '2026-09' })).toHaveLength(5);
    expect(names({ startMonth: '2026-10' })).toEqual([]);
    expect(names({ address: 'полярные зори' })).toEqual(['Легоконструирование и робототехника']);
    expect(errorOf(desk.api.callByName('programs.search', { direction: 'magic' }, { token })).message).toMatch(/Направленность/);
  });

  it('with a certificate, says for each program why it cannot enroll now, and can hide those', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login();
    const all = unwrap(desk.api.call('programs.search', { certificateNumber: '9901101325' }, { token }));
    const hipHop = all.find((p) => p.name === 'Основы хип-хопа')!;
    expect(hipHop.excludedBecause).toEqual(['возраст: программа для 7–12 лет, ребёнку 14']);
    expect(all.find((p) => p.name.startsWith('Немецкий'))!.excludedBecause).toEqual([]);
    const available = unwrap(desk.api.call('programs.search', { certificateNumber: '9901101325', onlyAvailable: true }, { token })).map((p) => p.name).sort();
    expect(available).toEqual(['Немецкий язык для детей школьного возраста', 'Природа и творчество', 'Японский язык для детей школьного возраста']);
    const issued = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { birthDate: '2019-06-01' } }), { token }));
    const lego = unwrap(desk.api.call('programs.search', { certificateNumber: issued.number, query: 'лего' }, { token }))[0]!;
    expect(lego.excludedBecause).toContain('сертификат не активирован');
    desk.core.db.prepare("UPDATE programs SET enrollment_open = 0 WHERE name = 'Природа и творчество'").run();
    const nature = unwrap(desk.api.call('programs.search', { certificateNumber: '9901101325', query: 'природа' }, { token }))[0]!;
    expect(nature.excludedBecause).toEqual(['зачисление закрыто']);
  });

  it('the program page carries what the seed shows', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login('org');
    const id = unwrap(desk.api.call('programs.search', { query: 'лего' }, { token }))[0]!.id;
    const p = unwrap(desk.api.call('programs.get', { programId: id }, { token }));
    expect(p).toMatchObject({ ageMin: 5, ageMax: 8, enrollmentOpen: true, registries: ['significant', 'paid'], organizationName: 'ИП Казюлькина Юлия Ярославовна', placesLeft: 36 });
    expect(p.modules).toHaveLength(3);
    expect(p.activityTypes).toContain('Робототехника');
    expect(p.interests).toEqual(['Конструирование', 'Роботы']);
    expect(errorOf(desk.api.call('programs.get', { programId: '00000000-0000-4000-8000-000000000000' }, { token })).code).toBe('not_found');
  });
});

describe('schedule', () => {
  it("shows the child's week across current contracts, and a group's timetable", () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login();
    const card = unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token }));
    const week = unwrap(desk.api.call('schedule.child', { certificateId: card.id }, { token }));
    // The demo course in «Немецкий-2» (confirmed, from December): Wednesday and Friday, 16:00–17:30.
    expect(week.map((e) => [e.weekday, e.start, e.end, e.groupName])).toEqual([
      [3, '16:00', '17:30', 'Немецкий-2'],
      [5, '16:00', '17:30', 'Немецкий-2'],
    ]);
    expect(unwrap(desk.api.call('schedule.child', { certificateNumber: '9901101325' }, { token }))).toEqual(week);
    expect(errorOf(desk.api.call('schedule.child', { certificateNumber: '9901109999' }, { token })).message).toMatch(/9901109999 не найден/);
    const group = desk.core.db.prepare("SELECT id FROM program_groups WHERE name = 'Немецкий-2'").get() as { id: string };
    expect(unwrap(desk.api.call('schedule.group', { groupId: group.id }, { token: desk.login('org') }))).toHaveLength(2);
  });
});
