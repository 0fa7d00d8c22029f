import { describe, expect, it } from 'vitest';
import { certificateMoney } from '../../src-main/features/certificates/card';
import { formatRubles, normalizeName, shrunkNominal } from '../../shared/rules';
import { errorOf, makeDesk, makeIssueInput, registrySnapshot, unwrap } from './helpers';

describe('issuing a certificate', () => {
  it('registers the child and representative and issues a not-activated certificate with a generated number', () => {
    const desk = makeDesk();
    const token = desk.login();
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    expect(r.number).toMatch(/^9901\d{6}$/);
    const card = unwrap(desk.api.call('certificates.get', { id: r.certificateId }, { token }));
    expect(card.status).toBe('issued');
    expect(card.child.fullName).toBe('Ёлкина Алёна Петровна');
    expect(card.representative).toMatchObject({ fullName: 'Ёлкина Мария Ивановна', relation: 'mother' });
    expect(card.category.name).toBe('город');
    expect(card.notifications[0]?.text).toMatch(/активации/);
  });

  it('numbers follow on within the municipality and are never reused', () => {
    const desk = makeDesk({ children: 5 });
    const token = desk.login();
    const a = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const b = unwrap(
      desk.api.call('certificates.issue', makeIssueInput(desk, { child: { lastName: 'Петров', firstName: 'Пётр', identityDocument: 'II-АБ 111111', gender: 'male', middleName: 'Ильич' } }), { token }),
    );
    expect(Number(b.number) - Number(a.number)).toBe(1);
    expect(a.number.slice(0, 4)).toBe('9901');
  });

  it('grants the category nominal shrunk to the months left (November: 2 of 12), and nominal = balance + reserve + spent', () => {
    const desk = makeDesk();
    const token = desk.login();
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const money = certificateMoney(desk.core.db, r.certificateId, 2026);
    expect(money.nominalKopecks).toBe(shrunkNominal(3_000_100, '2026-11-23'));
    expect(money.nominalKopecks).toBe(Math.floor((3_000_100 * 2) / 12));
    expect(money.nominalKopecks).toBe(money.balanceKopecks + money.reserveKopecks + money.spentKopecks);
  });

  it('a certificate of учёт has nominal 0', () => {
    const desk = makeDesk();
    const token = desk.login();
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { type: 'accounting' }), { token }));
    const card = unwrap(desk.api.call('certificates.get', { id: r.certificateId }, { token }));
    expect(card.money).toEqual({ nominalKopecks: 0, balanceKopecks: 0, reserveKopecks: 0, spentKopecks: 0 });
  });

  it('a possible duplicate (same folded name and birth date) needs explicit confirmation', () => {
    const desk = makeDesk();
    const token = desk.login();
    unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const before = registrySnapshot(desk);
    const again = makeIssueInput(desk, { child: { lastName: 'ЕЛКИНА', firstName: 'алена', middleName: 'петровна', identityDocument: 'III-ЖЖ 000001' } });
    const e = errorOf(desk.api.call('certificates.issue', again, { token }));
    expect(e.code).toBe('duplicate_suspected');
    expect(e.message).toMatch(/уже есть в реестре/);
    expect(e.details).toEqual([expect.objectContaining({ fullName: 'Ёлкина Алёна Петровна', reason: 'name_and_birth_date' })]);
    expect(registrySnapshot(desk)).toEqual(before);
    unwrap(desk.api.call('certificates.issue', { ...again, confirmNotDuplicate: true }, { token }));
    expect(registrySnapshot(desk).certificates).toBe(before.certificates! + 1);
  });

  it('the same identity document is a possible duplicate too, whatever the name', () => {
    const desk = makeDesk();
    const token = desk.login();
    unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const other = makeIssueInput(desk, { child: { lastName: 'Иванова', firstName: 'Ольга', birthDate: '2015-01-01', identityDocument: 'ii-аб №654321' } });
    const e = errorOf(desk.api.call('certificates.issue', other, { token }));
    expect(e.details).toEqual([expect.objectContaining({ reason: 'identity_document' })]);
  });

  it('a second child of the same representative joins the same family record', () => {
    const desk = makeDesk();
    const token = desk.login();
    unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { firstName: 'Ксения', birthDate: '2018-02-02', identityDocument: 'II-АБ 777777' } }), { token }));
    const reps = desk.core.db.prepare("SELECT count(*) AS n FROM representatives WHERE name_norm = ?").get(normalizeName('Ёлкина Мария Ивановна'));
    expect(reps).toEqual({ n: 1 });
  });

  describe('bad input is refused with a Russian message and changes nothing', () => {
    const cases: Array<[string, (d: ReturnType<typeof makeDesk>) => unknown, RegExp]> = [
      ['empty surname', (d) => makeIssueInput(d, { child: { lastName: '' } }), /Фамилия: обязательно/],
      ['latin letters', (d) => makeIssueInput(d, { child: { firstName: 'John' } }), /только русские буквы/],
      ['absurd name', (d) => makeIssueInput(d, { child: { lastName: 'Я'.repeat(200) } }), /не длиннее 60/],
      ['digits in a name', (d) => makeIssueInput(d, { representative: { lastName: 'Иванов2' } }), /только русские буквы/],
      ['not a date', (d) => makeIssueInput(d, { child: { birthDate: '2016-02-30' } }), /ГГГГ-ММ-ДД/],
      ['future birth date', (d) => makeIssueInput(d, { child: { birthDate: '2027-01-01' } }), /в будущем/],
      ['too old', (d) => makeIssueInput(d, { child: { birthDate: '2000-01-01' } }), /от 5 до 18 лет/],
      ['too young', (d) => makeIssueInput(d, { child: { birthDate: '2024-01-01' } }), /от 5 до 18 лет/],
      ['unknown category', (d) => makeIssueInput(d, { categoryId: '00000000-0000-4000-8000-000000000000' }), /Категория не найдена/],
      ['category is not a uuid', (d) => makeIssueInput(d, { categoryId: 'город' }), /Категория/],
      ['unknown municipality', (d) => makeIssueInput(d, { municipalityId: '00000000-0000-4000-8000-000000000000' }), /Муниципалитет не найден/],
      ['bad phone', (d) => makeIssueInput(d, { representative: { phone: '12345' } }), /Телефон/],
      ['bad e-mail', (d) => makeIssueInput(d, { representative: { email: 'mail@' } }), /почта/],
      ['bad type', (d) => ({ ...makeIssueInput(d), type: 'gold' }), /Тип сертификата/],
    ];
    for (const [name, build, message] of cases) {
      it(name, () => {
        const desk = makeDesk({ children: 3 });
        const token = desk.login();
        const before = registrySnapshot(desk);
        const e = errorOf(desk.api.callByName('certificates.issue', build(desk), { token }));
        expect(e.message).toMatch(message);
        expect(['invalid_input', 'not_found']).toContain(e.code);
        expect(registrySnapshot(desk)).toEqual(before);
      });
    }
  });
});

describe('search as you type', () => {
  it('finds by a name fragment typed with or without ё, in any case', () => {
    const desk = makeDesk({ children: 30 });
    const token = desk.login();
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    for (const q of ['ёлк', 'елк', 'ЕЛКИНА', 'Ёлкина Алё', 'алена ел']) {
      const rows = unwrap(desk.api.call('certificates.search', { query: q }, { token })).rows;
      expect(rows.map((x) => x.number), q).toContain(r.number);
    }
  });

  it("finds by the representative's name", () => {
    const desk = makeDesk({ children: 30 });
    const token = desk.login();
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const rows = unwrap(desk.api.call('certificates.search', { query: 'мария ивановна' }, { token })).rows;
    expect(rows.find((x) => x.number === r.number)?.representativeName).toBe('Ёлкина Мария Ивановна');
  });

  it('finds by certificate number prefix and by the full number', () => {
    const desk = makeDesk({ children: 30 });
    const token = desk.login();
    const full = unwrap(desk.api.call('certificates.search', { query: '9901101325' }, { token })).rows;
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ childName: 'Сидоров Сидор Сидорович', status: 'active' });
    const prefix = unwrap(desk.api.call('certificates.search', { query: '990120', limit: 10 }, { token })).rows;
    expect(prefix).toHaveLength(10);
    expect(prefix.every((x) => x.number.startsWith('990120'))).toBe(true);
  });

  it('lists children whose surname starts with the first word before patronymic and representative matches', () => {
    const desk = makeDesk({ children: 400 });
    const token = desk.login();
    const rows = unwrap(desk.api.call('certificates.search', { query: 'Иванов', limit: 200 }, { token })).rows;
    const isSurname = (r: { childName: string }) => /^иванов/i.test(r.childName);
    const firstOther = rows.findIndex((r) => !isSurname(r));
    expect(rows.filter(isSurname).length).toBeGreaterThan(0);
    expect(firstOther).toBeGreaterThan(0);
    expect(rows.slice(firstOther).some(isSurname)).toBe(false);
    expect(rows.slice(firstOther).some((r) => /иванов/i.test(r.childName) || /иванов/i.test(r.representativeName ?? ''))).toBe(true);
  });

  it('answers nothing for an empty query or one that matches nobody', () => {
    const desk = makeDesk({ children: 10 });
    const token = desk.login();
    expect(unwrap(desk.api.call('certificates.search', { query: '   ' }, { token })).rows).toEqual([]);
    expect(unwrap(desk.api.call('certificates.search', { query: 'Щщщщщ' }, { token })).rows).toEqual([]);
    expect(unwrap(desk.api.call('certificates.search', { query: '"*:(' }, { token })).rows).toEqual([]);
    expect(errorOf(desk.api.call('certificates.search', { query: 'я'.repeat(101) }, { token })).message).toMatch(/100 символов/);
  });
});

describe('the certificate card («Кабинет сертификата»)', () => {
  it("shows the seed's certificate 9901101325 with its amounts and budget counts", () => {
    const desk = makeDesk();
    const token = desk.login();
    const card = unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token }));
    expect(card.child.fullName).toBe('Сидоров Сидор Сидорович');
    expect(card.status).toBe('active');
    expect(card.category.name).toBe('город');
    expect(card.money).not.toBeNull();
    expect(formatRubles(card.money!.nominalKopecks)).toBe('30 001,00 ₽');
    expect(formatRubles(card.money!.balanceKopecks)).toBe('23 000,00 ₽');
    expect(formatRubles(card.money!.reserveKopecks)).toBe('7 000,00 ₽');
    expect(card.money!.nominalKopecks).toBe(card.money!.balanceKopecks + card.money!.reserveKopecks + card.money!.spentKopecks);
    expect(card.budgetCounts).toEqual({ significant: 1, general: 3, preprofessional: 1 });
    expect(card.limitMessage).toBeNull();
  });

  it("shows the limit message instead of money when the municipality's limit is reached", () => {
    const desk = makeDesk();
    const token = desk.login();
    desk.core.db.prepare('UPDATE municipal_years SET money_limit_kopecks = 700100').run();
    const card = unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token }));
    expect(card.money).toBeNull();
    expect(card.limitMessage).toMatch(/нельзя использовать/);
  });

  it('refuses an invalid or unknown number in Russian', () => {
    const desk = makeDesk();
    const token = desk.login();
    expect(errorOf(desk.api.call('certificates.get', { number: '99011' }, { token })).message).toMatch(/10 цифр/);
    expect(errorOf(desk.api.call('certificates.get', { number: '9901999999' }, { token })).message).toMatch(/не найден/);
  });

  it('who opened whose card is in the audit log', () => {
    const desk = makeDesk();
    const token = desk.login();
    unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token }));
    const row = desk.core.db.prepare("SELECT operator_login, summary FROM audit_log WHERE operation = 'certificates.get'").get();
    expect(row).toEqual({ operator_login: 'operator', summary: 'Просмотр кабинета сертификата 9901101325' });
  });
});

describe('money can never drift', () => {
  it('the ledger refuses an entry that would make the balance negative, and entries are never changed', () => {
    const desk = makeDesk();
    const { id, municipality_id } = desk.core.db.prepare("SELECT id, municipality_id FROM certificates WHERE number = '9901101325'").get() as { id: string; municipality_id: string };
    const insert = (kind: string, dReserve: number, dSpent = 0) =>
      desk.core.db
        .prepare(`INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_reserve, d_spent, at)
                  VALUES (lower(hex(randomblob(16))), 'x', 'o', ?, ?, 2026, ?, ?, ?, '2026-11-23')`)
        .run(id, municipality_id, kind, dReserve, dSpent);
    expect(() => insert('reserve', 2_300_001)).toThrow(/negative/);
    expect(() => insert('charge', -500, 400)).toThrow(/CHECK/);
    expect(() => desk.core.db.prepare('UPDATE ledger_entries SET d_nominal = 1').run()).toThrow(/never changed/);
    expect(() => desk.core.db.prepare('DELETE FROM ledger_entries').run()).toThrow(/never deleted/);
    insert('reserve', 2_300_000);
    const m = certificateMoney(desk.core.db, id, 2026);
    expect(m.balanceKopecks).toBe(0);
  });

  it('holds nominal = balance + reserve + spent for every certificate of the demo registry', () => {
    const desk = makeDesk({ children: 200 });
    const bad = desk.core.db
      .prepare(`SELECT certificate_id FROM ledger_entries GROUP BY certificate_id, year
                HAVING sum(d_nominal) - sum(d_reserve) - sum(d_spent) < 0 OR sum(d_reserve) < 0`)
      .all();
    expect(bad).toEqual([]);
  });
});
