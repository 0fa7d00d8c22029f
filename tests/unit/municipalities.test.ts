import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nominalAdjustment, nominalFromHours } from '../../shared/municipal-rules';
import type { MunicipalityParameters, OperationInput } from '../../shared/operations';
import { openDatabase } from '../../src-main/database/db';
import { errorOf, makeDesk, makeIssueInput, municipality, registrySnapshot, tempDir, unwrap, type TestDesk } from './helpers';

type SaveYear = OperationInput<'municipalities.saveYear'>;

function get(desk: TestDesk, token: string, year: number): MunicipalityParameters {
  return unwrap(desk.api.call('municipalities.get', { municipalityId: municipality(desk).municipalityId, year }, { token }));
}

/** The year as the form sends it back: what `get` shows, with `change` applied. */
function formOf(p: MunicipalityParameters, change: (f: SaveYear) => void = () => {}): SaveYear {
  const f: SaveYear = {
    municipalityId: p.municipality.id,
    year: p.year.year,
    nominalUnit: p.year.nominalUnit,
    moneyLimitKopecks: p.year.moneyLimitKopecks ?? 0,
    categories: p.year.categories.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      name: c.name,
      annualNominalKopecks: c.annualNominalKopecks,
      hoursPerWeek: c.hoursPerWeek,
      hourPriceKopecks: c.hourPriceKopecks,
      budgetCounts: { ...c.budgetCounts },
    })),
  };
  change(f);
  return f;
}

const city = (f: SaveYear) => f.categories.find((c) => c.name === 'город')!;

function certificateMoney(desk: TestDesk, number: string, year = 2026) {
  return desk.core.db
    .prepare(
      `SELECT sum(d_nominal) AS nominal, sum(d_reserve) AS reserve, sum(d_spent) AS spent FROM ledger_entries l
        JOIN certificates c ON c.id = l.certificate_id WHERE c.number = ? AND l.year = ?`,
    )
    .get(number, year) as { nominal: number; reserve: number; spent: number };
}

function lastAudit(desk: TestDesk, operation: string): { summary: string; outcome: string } {
  return desk.core.db.prepare('SELECT summary, outcome FROM audit_log WHERE operation = ? ORDER BY seq DESC LIMIT 1').get(operation) as { summary: string; outcome: string };
}

function parametersSnapshot(desk: TestDesk) {
  const db = desk.core.db;
  return {
    ...registrySnapshot(desk),
    years: db.prepare('SELECT year, money_limit_kopecks, status, modified_at FROM municipal_years ORDER BY year').all(),
    categories: db.prepare('SELECT id, name, annual_nominal_kopecks, deleted, modified_at FROM categories ORDER BY id').all(),
    municipalities: db.prepare('SELECT name, regulations, modified_at FROM municipalities').all(),
  };
}

/** Another office owns the municipality (as after an exchange brought it from there). */
function ownedElsewhere(desk: TestDesk): void {
  desk.core.db
    .prepare("INSERT INTO offices(id, modified_at, origin_office, code, name) VALUES ('other-office', '2026-11-01T00:00:00.000Z/0/x', 'x', '9901-02', 'Отдел реестра Первомайского округа')")
    .run();
  desk.core.db.prepare("UPDATE municipalities SET owner_office_id = 'other-office'").run();
}

describe('municipality parameters: reading and decisions', () => {
  it('the administrator of the owning office edits the current published year; changes take effect from the next month', () => {
    const desk = makeDesk({ children: 5 });
    const p = get(desk, desk.login('admin'), 2026);
    expect(p.municipality).toMatchObject({ name: 'г. Мурманск', ownedHere: true, timeZone: 'Europe/Moscow' });
    expect(p.municipality.regulations).toMatch(/Положения/);
    expect(p.year).toMatchObject({ status: 'published', editable: true, publishable: false, effectiveFrom: '2026-12', locked: { nominalUnit: true, nominals: false } });
    expect(p.year.categories.map((c) => c.name)).toEqual(['город', 'дети-инвалиды', 'село']);
    expect(p.year.categories.find((c) => c.name === 'город')).toMatchObject({ annualNominalKopecks: 3_000_100, removable: false });
    expect(p.years).toEqual([2027, 2026]);
  });

  it('registry operators read the parameters, read-only; organization staff are refused', () => {
    const desk = makeDesk({ children: 3 });
    const p = get(desk, desk.login(), 2026);
    expect(p.year.editable).toBe(false);
    expect(p.municipalityEditable).toBe(false);
    expect(p.year.lockedBecause).toMatch(/администратор/);
    expect(errorOf(desk.api.call('municipalities.saveYear', formOf(p), { token: desk.login() })).code).toBe('forbidden');
  });

  it('the municipality view carries ownedHere and its «Положение»; the card carries the «Положение» for the «?»', () => {
    const desk = makeDesk({ children: 3 });
    const op = desk.login();
    const list = unwrap(desk.api.call('municipalities.list', {}, { token: op }));
    expect(list[0]).toMatchObject({ ownedHere: true, ownerOfficeName: '«Отдел реестра сертификатов г. Мурманска» (9901-01)' });
    const card = unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token: op }));
    expect(card.municipality.regulations).toMatch(/значимые, общеразвивающие, предпрофессиональные/);
  });
});

describe('next year: a draft, then published', () => {
  it('the form starts from this year as a draft; saved and published, each change audited with before and after', () => {
    const desk = makeDesk({ children: 3 });
    const admin = desk.login('admin');
    const empty = get(desk, admin, 2027);
    expect(empty.year).toMatchObject({ status: null, editable: true, moneyLimitKopecks: 15_000_000_000 });
    expect(empty.year.categories.every((c) => c.id === '')).toBe(true);

    const draft = unwrap(desk.api.call('municipalities.saveYear', formOf(empty, (f) => {
      f.moneyLimitKopecks = 16_000_000_000;
      city(f).annualNominalKopecks = 3_200_000;
    }), { token: admin }));
    expect(draft.year).toMatchObject({ status: 'draft', publishable: true, moneyLimitKopecks: 16_000_000_000 });
    expect(lastAudit(desk, 'municipalities.saveYear').summary).toMatch(/2027 год \(черновик\): создан \(черновик\), лимит 160 000 000,00 ₽; добавлена категория «город»: номинал 32 000,00 ₽/);

    // A draft's categories are not in force; the published year's are.
    const edited = unwrap(desk.api.call('municipalities.saveYear', formOf(draft, (f) => {
      f.moneyLimitKopecks = 17_000_000_000;
      city(f).annualNominalKopecks = 3_300_000;
      city(f).budgetCounts.significant = 2;
    }), { token: admin }));
    expect(edited.year.categories.find((c) => c.name === 'город')?.annualNominalKopecks).toBe(3_300_000);
    expect(lastAudit(desk, 'municipalities.saveYear').summary).toBe(
      'Параметры г. Мурманск, 2027 год (черновик): лимит 160 000 000,00 ₽ → 170 000 000,00 ₽; «город»: номинал 32 000,00 ₽ → 33 000,00 ₽, бюджетных программ 1 3 1 → 2 3 1',
    );

    const published = unwrap(desk.api.call('municipalities.publishYear', { municipalityId: draft.municipality.id, year: 2027 }, { token: admin }));
    expect(published.year).toMatchObject({ status: 'published', publishable: false, effectiveFrom: '2027-01' });
    expect(lastAudit(desk, 'municipalities.publishYear').summary).toMatch(/2027 год: черновик → опубликован; лимит 170 000 000,00 ₽/);
    expect(errorOf(desk.api.call('municipalities.publishYear', { municipalityId: draft.municipality.id, year: 2027 }, { token: admin })).message).toMatch(/уже опубликованы/);
  });

  it('a draft year is not what the core uses: no certificate is issued by it until it is published', () => {
    const desk = makeDesk({ children: 3 });
    const admin = desk.login('admin');
    unwrap(desk.api.call('municipalities.saveYear', formOf(get(desk, admin, 2027)), { token: admin }));
    desk.clock.set('2027-01-11T09:00:00.000Z');
    const op = desk.login();
    const m = unwrap(desk.api.call('municipalities.list', {}, { token: op }))[0]!;
    expect(m.categories).toEqual([]);
    const draftCity = desk.core.db.prepare("SELECT id FROM categories WHERE year = 2027 AND name = 'город'").get() as { id: string };
    const before = registrySnapshot(desk);
    const refused = errorOf(desk.api.call('certificates.issue', makeIssueInput(desk, { categoryId: draftCity.id }), { token: op }));
    expect(refused.message).toBe('Параметры 2027 года муниципалитета «г. Мурманск» ещё не опубликованы: выдать сертификат по ним нельзя.');
    expect(registrySnapshot(desk)).toEqual(before);

    unwrap(desk.api.call('municipalities.publishYear', { municipalityId: m.id, year: 2027 }, { token: desk.login('admin') }));
    expect(unwrap(desk.api.call('municipalities.list', {}, { token: op }))[0]!.categories.map((c) => c.name)).toContain('город');
    expect(unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { categoryId: draftCity.id }), { token: op })).number).toMatch(/^9901/);
  });

  it('a municipality that counts in hours: the nominal is hours per week × the price of an hour × 36 weeks', () => {
    const desk = makeDesk({ children: 3 });
    const admin = desk.login('admin');
    const p = unwrap(desk.api.call('municipalities.saveYear', formOf(get(desk, admin, 2027), (f) => {
      f.nominalUnit = 'hours';
      for (const c of f.categories) Object.assign(c, { annualNominalKopecks: null, hoursPerWeek: 4, hourPriceKopecks: 25_000 });
    }), { token: admin }));
    expect(p.year.nominalUnit).toBe('hours');
    expect(p.year.categories[0]).toMatchObject({ hoursPerWeek: 4, hourPriceKopecks: 25_000, annualNominalKopecks: 3_600_000 });
    expect(nominalFromHours(4, 25_000)).toBe(3_600_000);
    const missing = errorOf(desk.api.call('municipalities.saveYear', formOf(p, (f) => { f.categories[0]!.hoursPerWeek = null; }), { token: admin }));
    expect(missing.fields).toEqual({ 'categories.0.hoursPerWeek': '«город»: укажите часов в неделю' });
  });
});

describe('guards: each refused with a Russian message, the registry unchanged', () => {
  it('a limit below the money already booked and spent in the year is refused', () => {
    const desk = makeDesk({ children: 5 });
    const admin = desk.login('admin');
    const p = get(desk, admin, 2026);
    const committed = p.year.committedKopecks;
    expect(committed).toBeGreaterThan(0);
    const before = parametersSnapshot(desk);
    const e = errorOf(desk.api.call('municipalities.saveYear', formOf(p, (f) => { f.moneyLimitKopecks = committed - 1; }), { token: admin }));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/^Лимит 2026 года не может быть меньше средств сертификатов, уже забронированных и израсходованных в этом году: /);
    expect(e.fields).toHaveProperty('moneyLimitKopecks');
    expect(parametersSnapshot(desk)).toEqual(before);
    expect(lastAudit(desk, 'municipalities.saveYear').outcome).toBe('refused');
    // Exactly what is committed is allowed.
    expect(unwrap(desk.api.call('municipalities.saveYear', formOf(p, (f) => { f.moneyLimitKopecks = committed; }), { token: admin })).year.moneyLimitKopecks).toBe(committed);
  });

  it('a nominal is lowered only where no certificate has booked and spent more than its nominal after the change; the refusal names them', () => {
    const desk = makeDesk({ children: 5 });
    const admin = desk.login('admin');
    // 9901101325 books its whole balance (23 000,00 ₽) for a contract.
    const cert = desk.core.db.prepare("SELECT id, municipality_id FROM certificates WHERE number = '9901101325'").get() as { id: string; municipality_id: string };
    desk.core.db
      .prepare(`INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_reserve, at)
                VALUES ('0190aaaa-0000-7000-8000-000000000001', '2026-11-23T10:00:00.000Z/0/o', 'o', ?, ?, 2026, 'reserve', 2300000, '2026-11-23T10:00:00.000Z')`)
      .run(cert.id, cert.municipality_id);
    const p = get(desk, admin, 2026);
    const before = parametersSnapshot(desk);
    const e = errorOf(desk.api.call('municipalities.saveYear', formOf(p, (f) => { city(f).annualNominalKopecks = 2_800_000; }), { token: admin }));
    expect(e.message).toMatch(/^Номинал категории «город» нельзя снизить до 28 000,00 ₽: у сертификатов \(1\) уже забронировано и израсходовано больше, чем останется номинала — № 9901101325\.$/);
    expect(e.fields).toEqual({ 'categories.0.annualNominalKopecks': 'Мешают сертификаты: 1' });
    expect(parametersSnapshot(desk)).toEqual(before);
    // Raising it is always possible.
    unwrap(desk.api.call('municipalities.saveYear', formOf(p, (f) => { city(f).annualNominalKopecks = 3_600_100; }), { token: admin }));
  });

  it('in November a new nominal counts for December only: past months keep the old one, and the ledger stays whole', () => {
    const desk = makeDesk({ children: 5 });
    const admin = desk.login('admin');
    const before = certificateMoney(desk, '9901101325');
    const p = get(desk, admin, 2026);
    unwrap(desk.api.call('municipalities.saveYear', formOf(p, (f) => { city(f).annualNominalKopecks = 3_600_100; }), { token: admin }));
    const delta = nominalAdjustment(3_000_100, 3_600_100, 1);
    expect(delta).toBe(50_000);
    const after = certificateMoney(desk, '9901101325');
    expect(after).toEqual({ ...before, nominal: before.nominal + delta });
    const summary = lastAudit(desk, 'municipalities.saveYear').summary;
    expect(summary).toMatch(/«город»: номинал 30 001,00 ₽ → 36 001,00 ₽, номинал сертификатов \(\d+\) \+500,00 ₽ с декабря 2026 г\./);
    expect(summary).not.toMatch(/Сидоров/);
  });

  it('in December a published year\'s nominals do not change any more (the limit still may)', () => {
    const desk = makeDesk({ children: 3 });
    desk.clock.set('2026-12-07T09:00:00.000Z');
    const admin = desk.login('admin');
    const p = get(desk, admin, 2026);
    expect(p.year).toMatchObject({ editable: true, effectiveFrom: null, locked: { nominals: true } });
    const before = parametersSnapshot(desk);
    const e = errorOf(desk.api.call('municipalities.saveYear', formOf(p, (f) => { city(f).annualNominalKopecks = 3_100_000; }), { token: admin }));
    expect(e.message).toBe('Декабрь — последний месяц 2026 года: номинал категории «город» этого года больше не меняется.');
    expect(parametersSnapshot(desk)).toEqual(before);
    unwrap(desk.api.call('municipalities.saveYear', formOf(p, (f) => { f.moneyLimitKopecks += 100; }), { token: admin }));
  });

  it('a year that is over is read-only', () => {
    const desk = makeDesk({ children: 3 });
    const admin = desk.login('admin');
    const p = get(desk, admin, 2025);
    expect(p.year).toMatchObject({ status: null, editable: false, lockedBecause: '2025 год закончился: его параметры больше не меняются.' });
    expect(errorOf(desk.api.call('municipalities.saveYear', formOf(get(desk, admin, 2026), (f) => { f.year = 2025; }), { token: admin })).message).toBe('2025 год закончился: его параметры больше не меняются.');
  });

  it('a category with certificates cannot be removed; one without can', () => {
    const desk = makeDesk({ children: 5 });
    const admin = desk.login('admin');
    const p = get(desk, admin, 2026);
    const before = parametersSnapshot(desk);
    const e = errorOf(desk.api.call('municipalities.saveYear', formOf(p, (f) => { f.categories = f.categories.filter((c) => c.name !== 'город'); }), { token: admin }));
    expect(e.message).toMatch(/^Категорию «город» нельзя удалить: к ней относятся сертификаты \(\d+\)\./);
    expect(parametersSnapshot(desk)).toEqual(before);

    const added = unwrap(desk.api.call('municipalities.saveYear', formOf(p, (f) => {
      f.categories.push({ name: 'многодетные', annualNominalKopecks: 3_200_000, budgetCounts: { significant: 1, general: 2, preprofessional: 1 } });
    }), { token: admin }));
    expect(added.year.categories.find((c) => c.name === 'многодетные')).toMatchObject({ removable: true, certificates: 0 });
    const removed = unwrap(desk.api.call('municipalities.saveYear', formOf(added, (f) => { f.categories = f.categories.filter((c) => c.name !== 'многодетные'); }), { token: admin }));
    expect(removed.year.categories.map((c) => c.name)).not.toContain('многодетные');
    expect(lastAudit(desk, 'municipalities.saveYear').summary).toMatch(/удалена категория «многодетные»/);
    // The name is free again.
    const again = unwrap(desk.api.call('municipalities.saveYear', formOf(removed, (f) => {
      f.categories.push({ name: 'многодетные', annualNominalKopecks: 3_300_000, budgetCounts: { significant: 0, general: 1, preprofessional: 0 } });
    }), { token: admin }));
    expect(again.year.categories.find((c) => c.name === 'многодетные')?.annualNominalKopecks).toBe(3_300_000);
  });

  it('two categories of a year cannot share a name', () => {
    const desk = makeDesk({ children: 3 });
    const admin = desk.login('admin');
    const e = errorOf(desk.api.call('municipalities.saveYear', formOf(get(desk, admin, 2026), (f) => { f.categories[1]!.name = 'Город'; }), { token: admin }));
    expect(e.fields).toEqual({ 'categories.1.name': 'Категория «Город» уже есть в этом году' });
  });
});

describe('the municipality itself: name, zone, ages, «Положение»', () => {
  it('the administrator updates them; the audit says what changed, not the text', () => {
    const desk = makeDesk({ children: 3 });
    const admin = desk.login('admin');
    const m = municipality(desk).municipalityId;
    const p = unwrap(desk.api.call('municipalities.update', { municipalityId: m, name: 'г. Мурманск', timeZone: 'Europe/Moscow', childAgeMin: 5, childAgeMax: 17, regulations: 'Пункт 1.\r\n\r\nПункт 2.' }, { token: admin }));
    expect(p.municipality).toMatchObject({ childAgeMax: 17, regulations: 'Пункт 1.\n\nПункт 2.' });
    expect(lastAudit(desk, 'municipalities.update').summary).toMatch(/^Муниципалитет г\. Мурманск: возраст 5–18 → 5–17; Положение: \d+ → 18 символов$/);
    const bad = errorOf(desk.api.call('municipalities.update', { municipalityId: m, name: 'г. Мурманск', timeZone: 'Марс/Олимп', childAgeMin: 9, childAgeMax: 7, regulations: '' }, { token: admin }));
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['childAgeMax', 'timeZone']);
  });
});

describe('one owner for a municipality\'s money work', () => {
  it('at another office the parameters, publishing and the monthly close are refused naming the owning office; a preview is allowed', () => {
    const desk = makeDesk({ children: 3 });
    const admin = desk.login('admin');
    const p = get(desk, admin, 2026);
    ownedElsewhere(desk);
    const seen = get(desk, admin, 2026);
    expect(seen.municipality.ownedHere).toBe(false);
    expect(seen.year).toMatchObject({ editable: false, publishable: false });
    expect(seen.year.lockedBecause).toMatch(/«Отдел реестра Первомайского округа» \(9901-02\)/);

    const before = parametersSnapshot(desk);
    const closes = desk.core.db.prepare('SELECT count(*) AS n FROM monthly_closes').get();
    const owner = /ведёт его офис «Отдел реестра Первомайского округа» \(9901-02\); в этом офисе их можно только посмотреть\.$/;
    expect(errorOf(desk.api.call('municipalities.saveYear', formOf(p), { token: admin })).message).toMatch(owner);
    expect(errorOf(desk.api.call('municipalities.publishYear', { municipalityId: p.municipality.id, year: 2027 }, { token: admin })).message).toMatch(owner);
    expect(errorOf(desk.api.call('municipalities.update', { municipalityId: p.municipality.id, name: 'x Мурманск', timeZone: 'Europe/Moscow', childAgeMin: 5, childAgeMax: 18, regulations: '' }, { token: admin })).message).toMatch(owner);
    const op = desk.login();
    const close = errorOf(desk.api.call('months.close', { municipalityId: p.municipality.id, month: '2026-10' }, { token: op }));
    expect(close.message).toBe('Закрытие месяцев муниципалитета «г. Мурманск» ведёт его офис «Отдел реестра Первомайского округа» (9901-02); в этом офисе их можно только посмотреть.');
    expect(close.code).toBe('forbidden');
    expect(errorOf(desk.api.call('months.closeStart', { municipalityId: p.municipality.id, month: '2026-10' }, { token: op })).message).toMatch(/^Закрытие месяцев/);
    expect(unwrap(desk.api.call('months.close', { municipalityId: p.municipality.id, month: '2026-10', preview: true }, { token: op })).preview).toBe(true);
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM monthly_closes').get()).toEqual(closes);
    expect(parametersSnapshot(desk)).toEqual(before);
  });
});

describe('migration 012 on a real file', () => {
  it('the version-11 registry: municipalities belong to this office, every year is published, categories count in rubles', () => {
    const file = join(tempDir(), 'registry.db');
    copyFileSync(join(__dirname, 'fixtures', 'registry-v11.sqlite'), file);
    const db = openDatabase(file);
    const office = (db.prepare("SELECT value FROM meta WHERE key = 'office_id'").get() as { value: string }).value;
    expect(db.prepare('SELECT DISTINCT owner_office_id AS o, regulations AS r FROM municipalities').all()).toEqual([{ o: office, r: '' }]);
    expect(db.prepare('SELECT DISTINCT status, nominal_unit, published_at FROM municipal_years').all()).toEqual([{ status: 'published', nominal_unit: 'rubles', published_at: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM categories WHERE hours_per_week IS NOT NULL OR hour_price_kopecks IS NOT NULL').get()).toEqual({ n: 0 });
    db.close();
  });
});
