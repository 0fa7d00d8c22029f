import { describe, expect, it } from 'vitest';
import { errorOf, makeDesk, makeIssueInput, serverSession, unwrap, type TestDesk } from './helpers';

function orgIds(desk: TestDesk) {
  const byName = (n: string) => (desk.core.db.prepare('SELECT id FROM organizations WHERE short_name = ?').get(n) as { id: string }).id;
  return { dyussh: byName('МБУ ДО Г. МУРМАНСКА ДЮСШ №14'), logos: byName('ЧОУ ДО «Логос»') };
}

const PROGRAM = {
  name: 'Брейк-данс для начинающих', direction: 'sport' as const, ageMin: 8, ageMax: 14, registries: ['certified' as const],
  activityTypes: ['Танцы'], interests: ['Музыка', 'Спорт'], goals: 'Цель программы: координация и выносливость.', annotation: 'Базовые элементы брейк-данса.',
  addresses: ['г. Мурманск, ул. Спортивная, д. 14'], enrollmentOpen: true,
};

describe('organizations keep their programs, modules and groups', () => {
  it('staff create a program, a module and a group; the navigator shows it', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login('org');
    const { dyussh } = orgIds(desk);
    const program = unwrap(desk.api.call('programs.save', { ...PROGRAM, organizationId: dyussh }, { token }));
    const mod = unwrap(desk.api.call('modules.save', { programId: program.id, name: 'Первые шаги', hours: 64, priceKopecks: 1_500_000 }, { token }));
    const group = unwrap(desk.api.call('groups.save', {
      programId: program.id, moduleId: mod.id, name: 'Брейк-1', startDate: '2027-01-10', endDate: '2027-05-31', capacity: 10,
      address: 'г. Мурманск, ул. Спортивная, д. 14', teacher: 'Воронцов Артём Игоревич', timetable: [{ weekday: 6, start: '11:00', end: '12:30' }], hoursPerWeek: 2,
    }, { token }));
    expect(group).toMatchObject({ capacity: 10, placesTaken: 0, modulePriceKopecks: 1_500_000 });
    expect(program.interests).toEqual(['Музыка', 'Спорт']);
    const found = unwrap(desk.api.call('programs.search', { query: 'брейк' }, { token: desk.login() }));
    expect(found.map((p) => p.name)).toEqual(['Брейк-данс для начинающих']);
    expect(found[0]).toMatchObject({ placesLeft: 10, nearestStart: '2027-01-10' });
  });

  it('refuses bad input in Russian and changes nothing', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login('org');
    const { dyussh } = orgIds(desk);
    const programs = () => desk.core.db.prepare('SELECT count(*) AS n FROM programs').get();
    const before = programs();
    expect(errorOf(desk.api.call('programs.save', { ...PROGRAM, organizationId: dyussh, ageMin: 15, ageMax: 8 }, { token })).message).toMatch(/«от» не может быть больше/);
    expect(errorOf(desk.api.call('programs.save', { ...PROGRAM, organizationId: dyussh, registries: [] }, { token })).message).toMatch(/хотя бы один реестр/);
    expect(programs()).toEqual(before);
    const program = unwrap(desk.api.call('programs.save', { ...PROGRAM, organizationId: dyussh }, { token }));
    expect(errorOf(desk.api.call('modules.save', { programId: program.id, name: 'М', hours: 0, priceKopecks: 1 }, { token })).message).toMatch(/не короче 2|не меньше 1/);
    const mod = unwrap(desk.api.call('modules.save', { programId: program.id, name: 'Модуль', hours: 10, priceKopecks: 100 }, { token }));
    const base = { programId: program.id, moduleId: mod.id, name: 'Г-1', startDate: '2027-01-10', endDate: '2027-05-31', capacity: 5, address: 'г. Мурманск, ул. Спортивная, д. 14' };
    expect(errorOf(desk.api.call('groups.save', { ...base, endDate: '2026-12-31' }, { token })).message).toMatch(/раньше начала/);
    expect(errorOf(desk.api.call('groups.save', { ...base, timetable: [{ weekday: 8, start: '10:00', end: '11:00' }] }, { token })).message).toMatch(/1–7/);
    expect(errorOf(desk.api.call('groups.save', { ...base, timetable: [{ weekday: 1, start: '12:00', end: '11:00' }] }, { token })).message).toMatch(/позже, чем начинается/);
  });

  it('a group cannot have fewer places than applications already hold', () => {
    const desk = makeDesk({ children: 2 });
    const admin = desk.login('admin');
    const operator = desk.login();
    const g = desk.core.db.prepare("SELECT * FROM program_groups WHERE name = 'Немецкий-2'").get() as { id: string; program_id: string; module_id: string; start_date: string; end_date: string; address: string };
    // «Немецкий-2» holds the demo course of 9901101325; a second child applies, so two places are held.
    const other = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { birthDate: '2013-02-02' } }), { token: operator }));
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: other.certificateId, policy: 'by_name' }, { token: operator }));
    unwrap(desk.api.call('applications.create', { certificateNumber: other.number, childFullName: 'Ёлкина Алёна Петровна', groupId: g.id }, { token: admin }));
    const save = (capacity: number) => desk.api.call('groups.save', { id: g.id, programId: g.program_id, moduleId: g.module_id, name: 'Немецкий-2', startDate: g.start_date, endDate: g.end_date, capacity, address: g.address }, { token: admin });
    expect(errorOf(save(1)).message).toMatch(/уже 2 заявок и договоров/);
    expect(save(2).ok).toBe(true);
  });
});

describe('organizations remove what they added by mistake', () => {
  const groupInput = (programId: string, moduleId: string, name: string) => ({
    programId, moduleId, name, startDate: '2027-01-10', endDate: '2027-05-31', capacity: 10, address: 'г. Мурманск, ул. Спортивная, д. 14',
  });

  it('a group, then its module, then the program: each gone from the editor, the navigator and the group lists, each audited', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login('org');
    const { dyussh } = orgIds(desk);
    const program = unwrap(desk.api.call('programs.save', { ...PROGRAM, organizationId: dyussh }, { token }));
    const mod = unwrap(desk.api.call('modules.save', { programId: program.id, name: 'Первые шаги', hours: 64, priceKopecks: 1_500_000 }, { token }));
    const group = unwrap(desk.api.call('groups.save', groupInput(program.id, mod.id, 'Брейк-1'), { token }));
    expect(errorOf(desk.api.call('modules.remove', { moduleId: mod.id }, { token })).message).toBe('Модуль «Первые шаги» удалить нельзя: по нему занимаются группы («Брейк-1»). Сначала удалите их.');

    unwrap(desk.api.call('groups.remove', { groupId: group.id }, { token }));
    expect(unwrap(desk.api.call('programs.getForEditing', { programId: program.id }, { token })).groups).toEqual([]);
    expect(unwrap(desk.api.call('groups.list', { programId: program.id }, { token }))).toEqual([]);
    unwrap(desk.api.call('modules.remove', { moduleId: mod.id }, { token }));
    expect(unwrap(desk.api.call('programs.getForEditing', { programId: program.id }, { token })).program.modules).toEqual([]);

    expect(unwrap(desk.api.call('programs.search', { query: 'брейк' }, { token })).map((p) => p.name)).toEqual(['Брейк-данс для начинающих']);
    unwrap(desk.api.call('programs.remove', { programId: program.id }, { token }));
    expect(unwrap(desk.api.call('programs.search', { query: 'брейк' }, { token }))).toEqual([]);
    expect(errorOf(desk.api.call('programs.get', { programId: program.id }, { token })).code).toBe('not_found');
    expect(unwrap(desk.api.call('organizations.get', { organizationId: dyussh }, { token })).programs.map((p) => p.name)).not.toContain(PROGRAM.name);
    // Marked, not erased: the exchange and the audit still know what it was.
    expect(desk.core.db.prepare('SELECT deleted FROM programs WHERE id = ?').get(program.id)).toEqual({ deleted: 1 });
    const audit = desk.core.db.prepare("SELECT summary FROM audit_log WHERE operation LIKE '%.remove' AND outcome = 'ok' ORDER BY seq").all() as Array<{ summary: string }>;
    expect(audit.map((a) => a.summary)).toEqual(['Удалена группа «Брейк-1»', 'Удалён модуль «Первые шаги»', 'Удалена программа «Брейк-данс для начинающих» с её модулями и группами']);
    expect(errorOf(desk.api.call('groups.remove', { groupId: group.id }, { token })).code).toBe('not_found');
  });

  it('removing a program takes its modules and groups with it', () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login('org');
    const { dyussh } = orgIds(desk);
    const program = unwrap(desk.api.call('programs.save', { ...PROGRAM, organizationId: dyussh }, { token }));
    const mod = unwrap(desk.api.call('modules.save', { programId: program.id, name: 'Первые шаги', hours: 64, priceKopecks: 1_500_000 }, { token }));
    unwrap(desk.api.call('groups.save', groupInput(program.id, mod.id, 'Брейк-1'), { token }));
    unwrap(desk.api.call('programs.remove', { programId: program.id }, { token }));
    const left = (table: string) => desk.core.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE program_id = ? AND deleted = 0`).get(program.id);
    expect([left('program_modules'), left('program_groups')]).toEqual([{ n: 0 }, { n: 0 }]);
  });

  it('refuses while any application or contract refers to it, even a cancelled one, and changes nothing', () => {
    const desk = makeDesk({ children: 2 });
    const admin = desk.login('admin');
    const g = desk.core.db.prepare("SELECT id, program_id, module_id FROM program_groups WHERE name = 'Немецкий-2'").get() as { id: string; program_id: string; module_id: string };
    desk.core.db.prepare("UPDATE contracts SET status = 'cancelled' WHERE group_id = ?").run(g.id);
    const snapshot = () => desk.core.db.prepare('SELECT (SELECT count(*) FROM programs WHERE deleted = 0) AS p, (SELECT count(*) FROM program_groups WHERE deleted = 0) AS g, (SELECT count(*) FROM program_modules WHERE deleted = 0) AS m').get();
    const before = snapshot();
    expect(errorOf(desk.api.call('groups.remove', { groupId: g.id }, { token: admin })).message).toMatch(/^Группу «Немецкий-2» удалить нельзя: по ней есть заявки и договоры \(2\)/);
    expect(errorOf(desk.api.call('programs.remove', { programId: g.program_id }, { token: admin })).message).toMatch(/^Программу «Немецкий язык для детей школьного возраста» удалить нельзя: по ней есть заявки и договоры \(2\)\. Закройте зачисление/);
    expect(errorOf(desk.api.call('modules.remove', { moduleId: g.module_id }, { token: admin })).message).toMatch(/по нему занимаются группы \(«Немецкий-2»\)/);
    expect(snapshot()).toEqual(before);
  });

  it("staff cannot remove another organization's program, module or group; the registry operator cannot remove at all", () => {
    const desk = makeDesk({ children: 2 });
    const g = desk.core.db.prepare("SELECT g.id, g.program_id, g.module_id FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name LIKE 'Японский%'").get() as { id: string; program_id: string; module_id: string };
    for (const token of [desk.login('org'), desk.login()]) {
      expect(errorOf(desk.api.call('groups.remove', { groupId: g.id }, { token })).code).toBe('forbidden');
      expect(errorOf(desk.api.call('modules.remove', { moduleId: g.module_id }, { token })).code).toBe('forbidden');
      expect(errorOf(desk.api.call('programs.remove', { programId: g.program_id }, { token })).code).toBe('forbidden');
    }
    expect(desk.core.db.prepare('SELECT deleted FROM program_groups WHERE id = ?').get(g.id)).toEqual({ deleted: 0 });
  });
});

describe('the organization card and the program editor read what they edit', () => {
  it('staff read their own card with its programs; another organization is refused; the admin reads any', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const { dyussh, logos } = orgIds(desk);
    const own = unwrap(desk.api.call('organizations.get', { organizationId: dyussh }, { token: org }));
    expect(own).toMatchObject({ id: dyussh, shortName: 'МБУ ДО Г. МУРМАНСКА ДЮСШ №14', municipalityName: 'г. Мурманск' });
    expect(own.programs.map((p) => p.name)).toEqual(['Основы хип-хопа']);
    expect(own.programs[0]).toMatchObject({ ageMin: 7, ageMax: 12, modules: 1, groups: 1, enrollmentOpen: true });
    const foreign = errorOf(desk.api.call('organizations.get', { organizationId: logos }, { token: org }));
    expect(foreign).toMatchObject({ code: 'forbidden' });
    expect(foreign.message).toMatch(/другой организации/);
    const logosCard = unwrap(desk.api.call('organizations.get', { organizationId: logos }, { token: desk.login('admin') }));
    expect(logosCard.programs.map((p) => p.name)).toHaveLength(2);
    expect(logosCard.programs.every((p) => /Немецк|Японск/.test(p.name))).toBe(true);
    expect(errorOf(desk.api.call('organizations.get', { organizationId: logos }, { token: desk.login() })).code).toBe('forbidden');
  });

  it('a refusal names the kind of record: another organization’s card is «карточка», never «программа»; nothing changes', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const { logos } = orgIds(desk);
    const before = desk.core.db.prepare('SELECT * FROM organizations WHERE id = ?').get(logos);
    const refused = errorOf(desk.api.call('organizations.update', { id: logos, name: 'Чужое название', shortName: 'Чужое' }, { token: org }));
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Это карточка другой организации/) });
    expect(refused.message).not.toMatch(/программ/i);
    expect(desk.core.db.prepare('SELECT * FROM organizations WHERE id = ?').get(logos)).toEqual(before);
    // A group of another organization is named a group when staff try to enrol into it.
    const german = desk.core.db.prepare("SELECT g.id FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name LIKE 'Немецкий%' LIMIT 1").get() as { id: string };
    const enrol = errorOf(desk.api.call('applications.create', { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович', groupId: german.id }, { token: org }));
    expect(enrol).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Это группа другой организации/) });
  });

  it('the editor reads a program with its groups as groups.save takes them back; a foreign program is refused', () => {
    const desk = makeDesk({ children: 2 });
    const org = desk.login('org');
    const { dyussh } = orgIds(desk);
    const program = unwrap(desk.api.call('programs.save', { ...PROGRAM, organizationId: dyussh }, { token: org }));
    const mod = unwrap(desk.api.call('modules.save', { programId: program.id, name: 'Первые шаги', hours: 64, priceKopecks: 450_050 }, { token: org }));
    const timetable = [{ weekday: 2, start: '17:00', end: '18:30' }, { weekday: 4, start: '17:00', end: '18:30' }];
    const saved = unwrap(desk.api.call('groups.save', {
      programId: program.id, moduleId: mod.id, name: 'Брейк-1', startDate: '2027-01-10', endDate: '2027-05-31', capacity: 10,
      address: 'г. Мурманск, ул. Спортивная, д. 14', teacher: 'Воронцов Артём Игоревич', timetable, hoursPerWeek: 3,
    }, { token: org }));
    const editable = unwrap(desk.api.call('programs.getForEditing', { programId: program.id }, { token: org }));
    expect(editable.program).toMatchObject({ name: PROGRAM.name, ageMin: 8, ageMax: 14, modules: [{ id: mod.id, priceKopecks: 450_050 }] });
    expect(editable.groups).toEqual([{
      id: saved.id, moduleId: mod.id, moduleName: 'Первые шаги', name: 'Брейк-1', startDate: '2027-01-10', endDate: '2027-05-31', capacity: 10, placesTaken: 0,
      address: 'г. Мурманск, ул. Спортивная, д. 14', teacher: 'Воронцов Артём Игоревич', timetable, hoursPerWeek: 3,
    }]);
    const german = (desk.core.db.prepare("SELECT id FROM programs WHERE name LIKE 'Немецкий%'").get() as { id: string }).id;
    const refused = errorOf(desk.api.call('programs.getForEditing', { programId: german }, { token: org }));
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect(refused.message).toMatch(/другой организации/);
    expect(unwrap(desk.api.call('programs.getForEditing', { programId: german }, { token: desk.login('admin') })).groups.length).toBeGreaterThan(0);
  });
});

describe('organization scope through the server host', () => {
  it("staff of one organization can neither change another's program nor see its applications", async () => {
    const desk = makeDesk({ children: 2 });
    const { logos } = orgIds(desk);
    const { call } = await serverSession(desk, 'org', 'org-demo-2026');
    const foreign = await call('programs.save', { ...PROGRAM, organizationId: logos });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const list = await call('contracts.list', { organizationId: logos });
    expect(list).toMatchObject({ ok: true, value: [] });
    const groups = (await call('groups.list', { organizationId: logos })).value as Array<{ organizationName: string }>;
    expect(groups.every((g) => g.organizationName === 'МБУ ДО Г. МУРМАНСКА ДЮСШ №14')).toBe(true);
  });
});
