/**
 * «Заявление на зачисление» (documents.printApplication): the real core on a real registry file, the PDF read
 * back with poppler. Amounts are checked to the kopeck against the contract the core booked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { monthlyPayments, splitPayment } from '../../shared/money';
import { renderApplicationForm, type ApplicationFormData } from '../../src-main/pdf/application';
import { formatRubles } from '../../shared/rules';
import { runCli } from '../../src-main/hosts/cli/main';
import { migrate } from '../../src-main/database/db';
import { captureStdio, errorOf, groupOf, makeDesk, makeIssueInput, pdfText, staffOf, tempDir, unwrap, type TestDesk } from './helpers';

const GERMAN = 'Немецкий язык для детей школьного возраста';
const JAPANESE = 'Японский язык для детей школьного возраста';
const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };
const LOGOS_FULL_NAME = 'Частное образовательное учреждение дополнительного образования «Логос»';

/** pdftotext -layout breaks long values over lines and pads columns: compare with whitespace folded. */
const folded = (text: string): string => text.replace(/\s+/g, ' ');

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

function pageText(file: string, page: number): string {
  return folded(execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }));
}

function issuedDocuments(desk: TestDesk): number {
  return (desk.core.db.prepare('SELECT count(*) AS n FROM issued_documents').get() as { n: number }).n;
}

function qrOf(desk: TestDesk, registrationNumber: string): string {
  const row = desk.core.db.prepare('SELECT verification_code AS c FROM issued_documents WHERE registration_number = ?').get(registrationNumber) as { c: string };
  return `CERTDESK1:${registrationNumber}:${row.c}`;
}

function demoContractId(desk: TestDesk, number: string): string {
  return (desk.core.db.prepare('SELECT id FROM contracts WHERE number = ?').get(number) as { id: string }).id;
}

describe('«Заявление на зачисление»', () => {
  it('a pending application: child, representative, program, price and the estimated schedule to the kopeck; registered and verifiable', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    // A new certificate whose shrunk nominal does not cover the price: the representative pays the rest.
    const issued = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token: operator }));
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId: issued.certificateId, policy: 'by_name' }, { token: operator }));
    const card = unwrap(desk.api.call('certificates.get', { id: issued.certificateId }, { token: operator }));
    const app = unwrap(desk.api.call('applications.create', { certificateNumber: card.number, childFullName: 'Ёлкина Алёна Петровна', groupId: groupOf(desk, GERMAN).id }, { token: staff }));
    expect(app.status).toBe('pending');
    const split = splitPayment(app.priceKopecks, card.money!.balanceKopecks);
    expect(split.parentKopecks).toBeGreaterThan(0);

    const printed = unwrap(desk.api.call('documents.printApplication', { contractId: app.id }, { token: operator }));
    expect(printed.document).toMatchObject({ kind: 'application', valid: true });
    expect(printed.document.registrationNumber).toMatch(/^ЗЗ-9901-01-2026-\d{6}$/);
    expect(printed.fileName).toBe(`Заявление ${app.number}.pdf`);
    const text = folded(pdfText(printed.pdfBase64, 'application-pending'));
    expect(text).toContain('ЗАЯВЛЕНИЕ');
    expect(text).toContain('на зачисление на обучение по дополнительной общеобразовательной программе');
    expect(text).toContain(`В ${LOGOS_FULL_NAME}`);
    expect(text).toContain('Ёлкина Алёна Петровна');
    expect(text).toContain('14.05.2016');
    expect(text).toContain(`№ ${card.number}`);
    expect(text).toContain('от Ёлкина Мария Ивановна');
    expect(text).toContain('+7 921 555-66-77');
    expect(text).toContain('elkina@example.ru');
    expect(text).toContain(GERMAN);
    expect(text).toContain('Начальный уровень (64 ч)');
    expect(text).toContain('вт 16:00–17:30; чт 16:00–17:30');
    expect(text).toContain('с 23.11.2026 по 31.05.2027');
    expect(text).toContain(`Прошу зачислить ребёнка, законным представителем которого я являюсь, на обучение по программе «${GERMAN}» с 23.11.2026`);
    expect(text).toContain(app.number);
    expect(text).toContain('подтверждение по Ф. И. О. ребёнка');
    expect(text).toContain('заявка ожидает подтверждения организацией');
    expect(text).toContain('Расчёт предварительный, по остатку сертификата на 23.11.2026; окончательный — при подтверждении заявки.');
    expect(text).toContain(formatRubles(app.priceKopecks));
    expect(text).toContain(`За счёт сертификата ${formatRubles(split.certificateKopecks)}`);
    expect(text).toContain(`За счёт представителя ${formatRubles(split.parentKopecks)}`);
    const certificateMonths = monthlyPayments(split.certificateKopecks, app.startDate, app.endDate);
    const parentMonths = monthlyPayments(split.parentKopecks, app.startDate, app.endDate);
    expect(certificateMonths.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05']);
    const monthNames = ['ноябрь 2026', 'декабрь 2026', 'январь 2027', 'февраль 2027', 'март 2027', 'апрель 2027', 'май 2027'];
    certificateMonths.forEach((m, i) => {
      const parent = parentMonths[i]!.kopecks;
      expect(text).toContain(`${i + 1} ${monthNames[i]} ${formatRubles(m.kopecks)} ${formatRubles(parent)} ${formatRubles(m.kopecks + parent)}`);
    });
    expect(text).toContain(`Итого ${formatRubles(split.certificateKopecks)} ${formatRubles(split.parentKopecks)} ${formatRubles(app.priceKopecks)}`);
    expect(text).toContain(`Рег. № ${printed.document.registrationNumber}`);
    // One page to sign, the schedule as its appendix.
    const file = join(tempDir(), 'application.pdf');
    writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
    expect(pageCount(file)).toBe(2);
    expect(pageText(file, 1)).toMatch(/сведения в заявлении подтверждаю.*Законный представитель.*\/ М\. И\. Ёлкина \/.*Заявление принял\(а\)/);
    expect(pageText(file, 2)).toContain('Приложение к заявлению. График ежемесячных платежей');

    const verified = unwrap(desk.api.call('documents.verify', { code: qrOf(desk, printed.document.registrationNumber) }, { token: staff }));
    expect(verified).toMatchObject({ found: true, valid: true, kind: 'application', certificateNumber: card.number, childName: 'Ёлкина А. П.' });
    expect(verified.message).toContain(`Заявление на зачисление № ${printed.document.registrationNumber}`);
    expect(verified.message).toContain(`по заявке (договору) ${app.number}`);
    const documents = unwrap(desk.api.call('certificates.get', { id: card.id }, { token: operator })).documents;
    expect(documents.find((d) => d.id === printed.document.id)).toMatchObject({ kind: 'application', valid: true });
  });

  it('a confirmed contract prints the booked parts; organization staff print their own organization’s only', () => {
    const desk = makeDesk({ children: 3 });
    const contractId = demoContractId(desk, 'Д-9901-01-2026-000002');
    const otherStaff = desk.login('org', 'org-demo-2026'); // ДЮСШ №14, not «Логос»
    const before = issuedDocuments(desk);
    const refused = errorOf(desk.api.call('documents.printApplication', { contractId }, { token: otherStaff }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/другой организации/);
    expect(issuedDocuments(desk)).toBe(before);

    const ownStaff = staffOf(desk, GERMAN, 'logos1');
    const printed = unwrap(desk.api.call('documents.printApplication', { contractId }, { token: ownStaff }));
    expect(issuedDocuments(desk)).toBe(before + 1);
    const text = folded(pdfText(printed.pdfBase64, 'application-confirmed'));
    expect(text).toContain('Сидоров Сидор Сидорович');
    expect(text).toContain('15.03.2012');
    expect(text).toContain('от Сидорова Анна Петровна');
    expect(text).toContain('заявка подтверждена, обучение ещё не началось');
    expect(text).toContain(`За счёт сертификата ${formatRubles(700_000)}`);
    expect(text).toContain(`За счёт представителя ${formatRubles(0)}`);
    expect(text).not.toContain('Расчёт предварительный');
    for (const m of monthlyPayments(700_000, '2026-12-01', '2027-05-31')) expect(text).toContain(formatRubles(m.kopecks));
    expect(text).toContain(`Итого ${formatRubles(700_000)} ${formatRubles(0)} ${formatRubles(700_000)}`);
  });

  it('a budget place names its registry and has no payment schedule', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, JAPANESE, 'logos1');
    const app = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: groupOf(desk, JAPANESE).id }, { token: staff }));
    const pending = folded(pdfText(unwrap(desk.api.call('documents.printApplication', { contractId: app.id }, { token: staff })).pdfBase64));
    expect(pending).toContain('Общеразвивающие программы');
    expect(pending).toContain('Бюджетное место учитывается при подтверждении заявки');
    expect(unwrap(desk.api.call('contracts.confirm', { contractId: app.id }, { token: staff }))).toMatchObject({ funding: 'budget', budgetRegistry: 'general' });
    const text = folded(pdfText(unwrap(desk.api.call('documents.printApplication', { contractId: app.id }, { token: staff })).pdfBase64, 'application-budget'));
    expect(text).toContain('бюджетное место');
    expect(text).toContain('Общеразвивающие программы');
    expect(text).toContain(JAPANESE);
    expect(text).not.toContain('График ежемесячных платежей');
    expect(text).not.toContain('учитывается при подтверждении');
  });

  it('a rejected or cancelled application gets no form, and a form printed earlier stops being valid', () => {
    const desk = makeDesk({ children: 3 });
    const staff = staffOf(desk, GERMAN, 'logos1');
    const operator = desk.login();
    const groupId = groupOf(desk, GERMAN).id;
    const rejected = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId }, { token: staff }));
    unwrap(desk.api.call('contracts.reject', { contractId: rejected.id, reason: 'Группа укомплектована' }, { token: staff }));
    const before = issuedDocuments(desk);
    const refusal = errorOf(desk.api.call('documents.printApplication', { contractId: rejected.id }, { token: operator }));
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toBe(`Заявка ${rejected.number} отклонена организацией: заявление на зачисление по ней не печатается.`);
    expect(issuedDocuments(desk)).toBe(before);

    const cancelled = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId }, { token: staff }));
    const printed = unwrap(desk.api.call('documents.printApplication', { contractId: cancelled.id }, { token: operator }));
    unwrap(desk.api.call('contracts.cancel', { contractId: cancelled.id, reason: 'Представитель передумал' }, { token: operator }));
    expect(errorOf(desk.api.call('documents.printApplication', { contractId: cancelled.id }, { token: operator })).message).toMatch(/отменена: заявление на зачисление по ней не печатается/);
    const stale = unwrap(desk.api.call('documents.verify', { code: qrOf(desk, printed.document.registrationNumber) }, { token: operator }));
    expect(stale).toMatchObject({ found: true, valid: false });
    expect(stale.message).toContain(`больше не действителен: заявка отменена (${cancelled.number})`);
    expect(errorOf(desk.api.call('documents.printApplication', { contractId: 'not-a-uuid' }, { token: operator })).code).toBe('invalid_input');
  });

  it('migration 004 keeps the documents issued before it and ties an application to its contract', () => {
    const file = join(tempDir(), 'r.db');
    const raw = new Database(file);
    migrate(raw, 3);
    raw.pragma('foreign_keys = OFF'); // a bare issued_documents row without its certificate
    raw.prepare(`INSERT INTO issued_documents(id, modified_at, origin_office, kind, registration_number, verification_code, certificate_id, issued_at, issued_by_name, office_name)
                 VALUES ('d1', 'hlc', 'o1', 'extract', 'ВС-9901-01-2026-000001', 'code', 'c1', '2026-11-01T10:00:00Z', 'Оператор', 'Офис')`).run();
    expect(migrate(raw, 4)).toBe(4);
    expect(raw.prepare('SELECT kind, registration_number, contract_id FROM issued_documents').all()).toEqual([
      { kind: 'extract', registration_number: 'ВС-9901-01-2026-000001', contract_id: null },
    ]);
    expect(() =>
      raw.prepare(`INSERT INTO issued_documents(id, modified_at, origin_office, kind, registration_number, verification_code, certificate_id, issued_at, issued_by_name, office_name)
                   VALUES ('d2', 'hlc', 'o1', 'application', 'ЗЗ-9901-01-2026-000001', 'code2', 'c1', '2026-11-01T10:00:00Z', 'Оператор', 'Офис')`).run(),
    ).toThrow(/CHECK constraint/);
    raw.close();
  });
});

describe('CLI print --kind application', () => {
  const stdio = captureStdio();

  it('prints by contract number, verifies the document; bad arguments get Russian messages and change nothing', async () => {
    const dir = tempDir();
    await runCli(['demo', '--data-dir', dir, '--children', '3']);
    const out = join(dir, 'application.pdf');
    expect(await runCli(['print', '--data-dir', dir, '--kind', 'application', '--contract', 'д-9901-01-2026-000002', '--out', out])).toBe(0);
    const text = folded(pdfText(readFileSync(out).toString('base64')));
    expect(text).toContain('Сидоров Сидор Сидорович');
    expect(text).toContain('Д-9901-01-2026-000002');
    const reg = /\((ЗЗ-[^)]+)\)/.exec(stdio.out())![1]!;
    expect(text).toContain(reg);
    expect(await runCli(['verify-document', '--data-dir', dir, '--code', reg])).toBe(0);
    expect(stdio.out()).toMatch(/Заявление на зачисление .*действителен/);

    const missing = join(dir, 'missing.pdf');
    expect(await runCli(['print', '--data-dir', dir, '--kind', 'application', '--out', missing])).toBe(2);
    expect(stdio.err()).toMatch(/--contract: номер заявки/);
    expect(await runCli(['print', '--data-dir', dir, '--kind', 'application', '--contract', 'Д-9901-01-2026-999999', '--out', missing])).toBe(2);
    expect(stdio.err()).toMatch(/Заявка \(договор\) «Д-9901-01-2026-999999» не найдена/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the application form layout', () => {
  /** The longest values the demo registry has, a representative without contacts, a school year and a half. */
  const longest: ApplicationFormData = {
    registrationNumber: 'ЗЗ-9901-01-2026-000123',
    qrPayload: 'CERTDESK1:ЗЗ-9901-01-2026-000123:Q7K2M9XWQ7K2M9XW',
    issuedAt: '2026-11-23T10:00:00Z',
    office: { name: 'Отдел реестра сертификатов г. Мурманска', address: '183038, г. Мурманск, ул. Профсоюзов, д. 20' },
    operator: { fullName: 'Оператор Реестра Сертификатов' },
    organization: { fullName: 'Муниципальное бюджетное учреждение дополнительного образования г. Мурманска «Детско-юношеская спортивная школа № 14»' },
    representative: { fullName: 'Константинопольская-Щербакова Анна-Мария Владиславовна', relationLabel: 'Иной законный представитель', phone: null, email: null, address: null },
    child: { fullName: 'Константинопольский-Щербаков Александр-Христофор Владиславович', birthDate: '2016-02-29' },
    certificate: { number: '9901101325', typeLabel: 'Сертификат финансирования' },
    program: {
      name: 'Легоконструирование и робототехника: от первых моделей к программируемым роботам',
      moduleName: 'Механизмы и передачи, программируемые роботы и соревнования',
      moduleHours: 144,
      groupName: 'Легоконструирование-3 (продолжающая, выходного дня)',
      classAddress: 'г. Мурманск, ул. Полярные Зори, д. 7, корпус 2, учебный корпус «Б», кабинет 214 (вход со двора)',
      teacher: 'Казюлькина Юлия Ярославовна',
      timetable: [{ weekday: 6, start: '10:00', end: '11:30' }, { weekday: 1, start: '16:00', end: '17:30' }, { weekday: 3, start: '16:00', end: '17:30' }],
      startDate: '2026-09-01',
      endDate: '2028-02-29',
    },
    application: { number: 'Д-9901-01-2026-000777', appliedOn: '2026-08-25', statusLabel: 'договор расторгнут с 01.02.2027', confirmationMethod: 'пролонгация прежнего договора: представитель не отказался в течение 7 дней (Д-9901-01-2025-000001)' },
    payment: {
      funding: 'certificate',
      priceKopecks: 9_999_999,
      certificateKopecks: 3_000_100,
      parentKopecks: 6_999_899,
      schedule: monthlyPayments(3_000_100, '2026-09-01', '2028-02-29').map((m, i) => ({
        month: m.month,
        certificateKopecks: m.kopecks,
        parentKopecks: monthlyPayments(6_999_899, '2026-09-01', '2028-02-29')[i]!.kopecks,
      })),
      provisionalNote: 'Расчёт предварительный, по остатку сертификата на 23.11.2026; окончательный — при подтверждении заявки.',
    },
  };

  it('long values wrap in their cells; the application details, the statement and the signatures move together; the schedule follows whole', () => {
    const file = join(process.env.PDF_KEEP ?? tempDir(), 'application-longest.pdf');
    writeFileSync(file, renderApplicationForm(longest));
    expect(pageCount(file)).toBe(2);
    const page = (n: number): string => pageText(file, n);
    expect(page(1)).toContain('вход со двора');
    expect(page(1)).toContain('пн 16:00–17:30; ср 16:00–17:30; сб 10:00–11:30');
    expect(page(1)).toContain('3. Стоимость обучения и оплата');
    for (const together of ['4. Сведения о заявке', 'договор расторгнут с 01.02.2027 (на дату печати)', 'сведения в заявлении подтверждаю', 'Законный представитель', '/ А. В. Константинопольская-Щербакова /', 'Рег. № ЗЗ-9901-01-2026-000123']) {
      expect(page(2)).toContain(together);
    }
    expect(page(2)).toContain('Приложение к заявлению. График ежемесячных платежей');
    expect(page(2)).toContain('февраль 2028');
    expect(page(2)).toContain(`Итого ${formatRubles(3_000_100)} ${formatRubles(6_999_899)} ${formatRubles(9_999_999)}`);
    expect(page(2)).toContain('стр. 2 из 2');
  });
});
