import type { Core } from '../core';
import { appendAudit } from '../features/audit';
import { hashSecret } from '../features/auth';
import { childNameNorm, normalizeDocument } from '../features/children';
import { indexCertificateForSearch } from '../features/certificates';
import { setMeta } from '../database/db';
import { normalizeName } from '../../shared/rules';
import { CONSENT_FORM_VERSION } from '../../shared/enums';
import { generateChildren } from './generate';

/** Demo accounts, one per role (README lists them). */
export const DEMO_ACCOUNTS = [
  { login: 'admin', password: 'admin-demo-2026', fullName: 'Админова Алла Борисовна', role: 'admin' },
  { login: 'operator', password: 'operator-demo-2026', fullName: 'Операторова Ольга Ивановна', role: 'registry_operator' },
  { login: 'org', password: 'org-demo-2026', fullName: 'Тренеров Игорь Петрович', role: 'org_staff' },
] as const;

export const DEMO_CERTIFICATE_NUMBER = '9901101325';

export interface DemoOptions {
  children?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

interface ProgramSeed {
  org: 'dyussh' | 'logos' | 'kazyulkina' | 'osh';
  name: string;
  direction: string;
  ageMin: number;
  ageMax: number;
  registries: string[];
  modules: Array<[string, number, number]>;
  goals: string;
  annotation: string;
  activityTypes: string[];
  interests: string[];
  capacity: number;
  teacher: string;
}

/**
 * The seed's programs. Ages and module counts follow the navigator cards of the seed (each card's
 * «N–M лет, K модулей» line stands above its program); where the seed shows none (Японский язык), we chose.
 */
const PROGRAMS: ProgramSeed[] = [
  {
    org: 'dyussh', name: 'Основы хип-хопа', direction: 'sport', ageMin: 7, ageMax: 12,
    registries: ['certified', 'significant', 'paid'], modules: [['Основы хип-хопа', 72, 1200000]],
    goals: 'Цель программы: развитие физических качеств и чувства ритма средствами уличного танца.',
    annotation: 'Базовые движения хип-хопа, постановка танцевальных связок, выступления на городских конкурсах.',
    activityTypes: ['Танцы', 'Хореография'], interests: ['Танцы', 'Музыка', 'Спорт'], capacity: 12, teacher: 'Воронцов Артём Игоревич',
  },
  {
    org: 'logos', name: 'Немецкий язык для детей школьного возраста', direction: 'social', ageMin: 10, ageMax: 17,
    registries: ['certified'], modules: [['Начальный уровень', 64, 1600000], ['Продолжающий уровень', 64, 1800000]],
    goals: 'Цель программы: формирование коммуникативной компетенции на немецком языке.',
    annotation: 'Разговорная практика, грамматика, страноведение; занятия в группах до 10 человек.',
    activityTypes: ['Иностранные языки'], interests: ['Языки', 'Путешествия'], capacity: 12, teacher: 'Шмидт Анна Карловна',
  },
  {
    org: 'logos', name: 'Японский язык для детей школьного возраста', direction: 'social', ageMin: 10, ageMax: 16,
    registries: ['general'], modules: [['Азбуки хирагана и катакана', 36, 0], ['Первые иероглифы', 36, 0]],
    goals: 'Цель программы: знакомство с японским языком и культурой Японии.',
    annotation: 'Слоговые азбуки, базовая лексика, каллиграфия, традиции и праздники Японии.',
    activityTypes: ['Иностранные языки'], interests: ['Языки', 'Япония', 'Каллиграфия'], capacity: 12, teacher: 'Танака Мария Сергеевна',
  },
  {
    org: 'kazyulkina', name: 'Легоконструирование и робототехника', direction: 'technical', ageMin: 5, ageMax: 8,
    registries: ['significant', 'paid'],
    modules: [['Первые модели', 32, 900000], ['Механизмы и передачи', 32, 950000], ['Программируемые роботы', 32, 1000000]],
    goals: 'Цель программы: развитие инженерного мышления дошкольников и младших школьников.',
    annotation: 'Сборка моделей из конструктора, простые механизмы, первые программы для роботов.',
    activityTypes: ['Техническое творчество', 'Робототехника'], interests: ['Конструирование', 'Роботы'], capacity: 12, teacher: 'Казюлькина Юлия Ярославовна',
  },
  {
    org: 'osh', name: 'Природа и творчество', direction: 'science', ageMin: 12, ageMax: 16,
    registries: ['general'], modules: [['Наблюдаем природу', 34, 0], ['Экологический проект', 34, 0], ['Природа в искусстве', 34, 0]],
    goals: 'Цель программы: воспитание бережного отношения к природе Кольского края.',
    annotation: 'Наблюдения, экскурсии, исследовательские проекты и творческие работы из природных материалов.',
    activityTypes: ['Экология', 'Декоративно-прикладное творчество'], interests: ['Природа', 'Рукоделие'], capacity: 12, teacher: 'Лесникова Ольга Петровна',
  },
];

/** The demo's events, in the school year that starts in `year`. */
const DEMO_EVENTS = (year: number) =>
  [
    {
      org: 'dyussh', name: 'Открытое первенство по хип-хопу', kind: 'competition', startsAt: `${year}-12-19T12:00`, endsAt: `${year}-12-19T17:00`,
      address: 'г. Мурманск, ул. Спортивная, д. 14, большой зал', ageMin: 7, ageMax: 14, places: 40,
      description: 'Командные и сольные выступления в трёх возрастных группах. Участникам нужна сменная обувь; родители могут прийти поддержать.',
    },
    {
      org: 'logos', name: 'Рождественский вечер немецкой песни', kind: 'concert', startsAt: `${year}-12-23T17:00`, endsAt: `${year}-12-23T19:00`,
      address: 'г. Мурманск, пр. Ленина, д. 50, актовый зал', ageMin: 10, ageMax: 17, places: 30,
      description: 'Ученики поют рождественские песни на немецком языке; после концерта — чаепитие и викторина о традициях Германии.',
    },
    {
      org: 'osh', name: 'Зимняя экскурсия «Птицы Кольского края»', kind: 'excursion', startsAt: `${year + 1}-01-16T10:00`, endsAt: `${year + 1}-01-16T14:00`,
      address: 'Сбор: г. Мурманск, ул. Школьная, д. 5', ageMin: 10, ageMax: 16, places: 15,
      description: 'Наблюдение за зимующими птицами в Семёновском парке с педагогом. Тёплая одежда и термос обязательны.',
    },
  ] as const satisfies ReadonlyArray<{ org: ProgramSeed['org']; places: number | null; [key: string]: unknown }>;

/**
 * Loads the demo registry: «г. Мурманск» with its categories and limit, the seed's organizations, programs
 * and certificate 9901101325, one account per role, and generated children so lists and search feel real.
 */
export function loadDemo(core: Core, options: DemoOptions = {}): { children: number } {
  const { db } = core;
  const count = options.children ?? 3000;
  const seed = options.seed ?? 20261123;
  const today = core.clock.today();
  const year = Number(today.slice(0, 4));
  const nowIso = core.clock.now().toISOString();
  const stamp = core.hlc.next();
  const office = core.officeId;
  const existing = db.prepare('SELECT count(*) AS n FROM certificates').get() as { n: number };
  if (existing.n > 0) throw new Error('Демонстрационный реестр загружается только в пустой реестр.');

  const ids = {
    municipality: core.newId(),
    city: core.newId(),
    village: core.newId(),
    disabled: core.newId(),
    dyussh: core.newId(),
    logos: core.newId(),
    kazyulkina: core.newId(),
    osh: core.newId(),
  };
  const passwordHashes = DEMO_ACCOUNTS.map((a) => hashSecret(a.password));

  db.transaction(() => {
    setMeta(db, 'office_name', 'Отдел реестра сертификатов г. Мурманска');
    setMeta(db, 'office_address', '183038, г. Мурманск, ул. Профсоюзов, д. 20');
    // The office's row may already be there with its keys (made when the registry was opened): the demo names it.
    db.prepare(
      `INSERT INTO offices(id, modified_at, origin_office, code, name, role) VALUES (?, ?, ?, ?, ?, 'registry_office')
       ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, modified_at = excluded.modified_at`,
    ).run(
      office, stamp, office, '9901-01', 'Отдел реестра сертификатов г. Мурманска',
    );
    db.prepare(
      `INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max,
                                  owner_office_id, regulations)
       VALUES (?, ?, ?, '99', '01', 'г. Мурманск', 'Europe/Moscow', 5, 18, ?, ?)`,
    ).run(ids.municipality, stamp, office, office, DEMO_REGULATIONS);
    db.prepare(
      'INSERT INTO municipal_years(id, modified_at, origin_office, municipality_id, year, money_limit_kopecks) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(core.newId(), stamp, office, ids.municipality, year, 15_000_000_000);
    const insCat = db.prepare(
      `INSERT INTO categories(id, modified_at, origin_office, municipality_id, year, name, annual_nominal_kopecks,
                              budget_significant, budget_general, budget_preprofessional) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insCat.run(ids.city, stamp, office, ids.municipality, year, 'город', 3_000_100, 1, 3, 1);
    insCat.run(ids.village, stamp, office, ids.municipality, year, 'село', 3_500_000, 2, 3, 1);
    insCat.run(ids.disabled, stamp, office, ids.municipality, year, 'дети-инвалиды', 4_500_000, 2, 4, 2);

    const insOrg = db.prepare(
      `INSERT INTO organizations(id, modified_at, origin_office, municipality_id, name, short_name, inn, address, phone, email)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insOrg.run(ids.dyussh, stamp, office, ids.municipality, 'Муниципальное бюджетное учреждение дополнительного образования г. Мурманска «Детско-юношеская спортивная школа № 14»', 'МБУ ДО Г. МУРМАНСКА ДЮСШ №14', '5190000014', 'г. Мурманск, ул. Спортивная, д. 14', '+7 815 200-14-14', 'dyussh14@example.ru');
    insOrg.run(ids.logos, stamp, office, ids.municipality, 'Частное образовательное учреждение дополнительного образования «Логос»', 'ЧОУ ДО «Логос»', '5190000321', 'г. Мурманск, пр. Ленина, д. 50', '+7 815 245-45-45', 'logos@example.ru');
    insOrg.run(ids.kazyulkina, stamp, office, ids.municipality, 'Индивидуальный предприниматель Казюлькина Юлия Ярославовна', 'ИП Казюлькина Юлия Ярославовна', '519000000777', 'г. Мурманск, ул. Полярные Зори, д. 7', '+7 921 000-07-07', 'lego-robot@example.ru');
    insOrg.run(ids.osh, stamp, office, ids.municipality, 'Муниципальное бюджетное общеобразовательное учреждение г. Мурманска «Основная школа»', 'МБОУ Г. МУРМАНСКА ОШ', '5190000555', 'г. Мурманск, ул. Школьная, д. 5', '+7 815 255-55-55', 'osh@example.ru');

    const insProgram = db.prepare(
      `INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries,
                            activity_types, interests, goals, annotation, addresses, enrollment_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const insModule = db.prepare(
      'INSERT INTO program_modules(id, modified_at, origin_office, program_id, ordinal, name, hours, price_kopecks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insGroup = db.prepare(
      `INSERT INTO program_groups(id, modified_at, origin_office, program_id, module_id, name, start_date, end_date, capacity, address, teacher, timetable, hours_per_week)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const orgAddress: Record<ProgramSeed['org'], string> = {
      dyussh: 'г. Мурманск, ул. Спортивная, д. 14',
      logos: 'г. Мурманск, пр. Ленина, д. 50',
      kazyulkina: 'г. Мурманск, ул. Полярные Зори, д. 7',
      osh: 'г. Мурманск, ул. Школьная, д. 5',
    };
    for (const p of PROGRAMS) {
      const programId = core.newId();
      insProgram.run(programId, stamp, office, ids[p.org], p.name, p.direction, p.ageMin, p.ageMax, JSON.stringify(p.registries),
        JSON.stringify(p.activityTypes), JSON.stringify(p.interests), p.goals, p.annotation, JSON.stringify([orgAddress[p.org]]));
      p.modules.forEach(([name, hours, price], i) => {
        const moduleId = core.newId();
        insModule.run(moduleId, stamp, office, programId, i + 1, name, hours, price);
        // One group per module for the school year; two lessons a week.
        insGroup.run(core.newId(), stamp, office, programId, moduleId, `${p.name.split(' ')[0]}-${i + 1}`, `${year}-09-01`, `${year + 1}-05-31`,
          p.capacity, orgAddress[p.org], p.teacher, JSON.stringify([{ weekday: 2 + i, start: '16:00', end: '17:30' }, { weekday: 4 + i, start: '16:00', end: '17:30' }]), 4);
      });
    }

    // Upcoming events, so «Мероприятия» and the navigator's events section are not empty.
    const insEventRow = db.prepare(
      `INSERT INTO events(id, modified_at, origin_office, organization_id, name, kind, starts_at, ends_at, address, age_min, age_max, places, description)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of DEMO_EVENTS(year)) {
      insEventRow.run(core.newId(), stamp, office, ids[e.org], e.name, e.kind, e.startsAt, e.endsAt, e.address, e.ageMin, e.ageMax, e.places, e.description);
    }

    const insOperator = db.prepare(
      `INSERT INTO operators(id, modified_at, origin_office, login, full_name, role, organization_id, password_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    DEMO_ACCOUNTS.forEach((a, i) => {
      insOperator.run(core.newId(), stamp, office, a.login, a.fullName, a.role, a.role === 'org_staff' ? ids.dyussh : null, passwordHashes[i]);
    });

    // The seed's certificate: activated, «город», nominal 30 001,00 ₽, balance 23 000,00 ₽, reserve 7 000,00 ₽.
    const child = { lastName: 'Сидоров', firstName: 'Сидор', middleName: 'Сидорович' };
    const rep = { lastName: 'Сидорова', firstName: 'Анна', middleName: 'Петровна' };
    const childId = core.newId();
    const repId = core.newId();
    const certId = core.newId();
    db.prepare(
      `INSERT INTO children(id, modified_at, origin_office, last_name, first_name, middle_name, name_norm, birth_date, gender, identity_document, identity_document_norm)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2012-03-15', 'male', 'I-ДП 512345', ?)`,
    ).run(childId, stamp, office, child.lastName, child.firstName, child.middleName, childNameNorm(child), normalizeDocument('I-ДП 512345'));
    db.prepare(
      `INSERT INTO representatives(id, modified_at, origin_office, last_name, first_name, middle_name, name_norm, identity_document,
                                   identity_document_norm, phone, email, address)
       VALUES (?, ?, ?, ?, ?, ?, ?, '4710 123456', '4710123456', '+7 921 123-45-67', 'sidorova@example.ru', 'г. Мурманск, ул. Ленина, д. 1, кв. 1')`,
    ).run(repId, stamp, office, rep.lastName, rep.firstName, rep.middleName, normalizeName(`${rep.lastName} ${rep.firstName} ${rep.middleName}`));
    db.prepare('INSERT INTO child_representatives(id, modified_at, origin_office, child_id, representative_id, relation) VALUES (?, ?, ?, ?, ?, ?)').run(
      core.newId(), stamp, office, childId, repId, 'mother',
    );
    const info = db
      .prepare(
        `INSERT INTO certificates(id, modified_at, origin_office, number, child_id, municipality_id, category_id, type, status, issued_on, activated_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'financing', 'active', ?, ?)`,
      )
      .run(certId, stamp, office, DEMO_CERTIFICATE_NUMBER, childId, ids.municipality, ids.city, `${year}-01-15`, `${year}-01-20`);
    // Activated the way the desk activates: documents seen, consent signed; the parent chose «по ФИО».
    db.prepare(
      `UPDATE certificates SET doc_child_identity = 1, doc_representative_identity = 1, checklist_recorded_at = ?, confirmation_policy = 'by_name'
        WHERE id = ?`,
    ).run(`${year}-01-20T09:00:00.000Z`, certId);
    db.prepare(
      `INSERT INTO consents(id, modified_at, origin_office, certificate_id, representative_id, form_version, signed_on, signed_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(core.newId(), stamp, office, certId, repId, CONSENT_FORM_VERSION, `${year}-01-20`, 'Сидорова Анна Петровна', `${year}-01-20T09:00:00.000Z`);
    const insEvent = db.prepare(
      'INSERT INTO certificate_events(id, modified_at, origin_office, certificate_id, at, kind, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insEvent.run(core.newId(), stamp, office, certId, `${year}-01-15T09:00:00.000Z`, 'issued', null, 'issued', `№ ${DEMO_CERTIFICATE_NUMBER}, сертификат финансирования, категория «город»`);
    insEvent.run(core.newId(), stamp, office, certId, `${year}-01-20T09:00:00.000Z`, 'consent_signed', null, null, `Согласие (форма ${CONSENT_FORM_VERSION}) подписано: Сидорова Анна Петровна`);
    insEvent.run(core.newId(), stamp, office, certId, `${year}-01-20T09:05:00.000Z`, 'activated', 'issued', 'active', null);
    // The seed's money, as contracts make it: a short contract already charged (spent 1,00 ₽) and a confirmed one
    // starting in December whose certificate part is booked (reserve 7 000,00 ₽). Certificate-funded contracts
    // exist, so the nominal no longer shrinks.
    const german = db
      .prepare(`SELECT g.id, p.organization_id AS org FROM program_groups g JOIN programs p ON p.id = g.program_id
                 WHERE p.name = 'Немецкий язык для детей школьного возраста' ORDER BY g.name DESC LIMIT 1`)
      .get() as { id: string; org: string };
    const insContract = db.prepare(
      `INSERT INTO contracts(id, modified_at, origin_office, number, certificate_id, group_id, organization_id, status, funding, start_date, end_date,
                             price_kopecks, certificate_kopecks, parent_kopecks, year, created_at, confirmation_method, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'certificate', ?, ?, ?, ?, 0, ?, ?, 'by_name', ?)`,
    );
    const trial = core.newId();
    const course = core.newId();
    insContract.run(trial, stamp, office, `Д-9901-01-${year}-000001`, certId, german.id, german.org, 'completed', `${year}-09-01`, `${year}-09-30`, 100, 100, year, `${year}-08-25T09:00:00.000Z`, `${year}-08-26T09:00:00.000Z`);
    insContract.run(course, stamp, office, `Д-9901-01-${year}-000002`, certId, german.id, german.org, 'confirmed', `${year}-12-01`, `${year + 1}-05-31`, 700_000, 700_000, year, `${year}-11-10T09:00:00.000Z`, `${year}-11-12T09:00:00.000Z`);
    const insLedger = db.prepare(
      `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_nominal, d_reserve, d_spent, contract_id, at, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insLedger.run(core.newId(), stamp, office, certId, ids.municipality, year, 'grant', 3_000_100, 0, 0, null, `${year}-01-15T09:00:00.000Z`, 'Номинал категории «город»');
    insLedger.run(core.newId(), stamp, office, certId, ids.municipality, year, 'reserve', 0, 100, 0, trial, `${year}-08-26T09:00:00.000Z`, `Резерв по договору Д-9901-01-${year}-000001`);
    const charge = core.newId();
    insLedger.run(charge, stamp, office, certId, ids.municipality, year, 'charge', 0, -100, 100, trial, `${year}-09-30T09:00:00.000Z`, `Оплата по договору Д-9901-01-${year}-000001 за ${year}-09`);
    db.prepare('INSERT INTO contract_charges(id, modified_at, origin_office, contract_id, month, kopecks, ledger_entry_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(core.newId(), stamp, office, trial, `${year}-09`, 100, charge);
    // September, the month the short contract was charged and completed, was closed: months are closed in order.
    const septemberReport = {
      municipalityId: ids.municipality, month: `${year}-09`, alreadyClosed: false, preview: false, activated: 0, charged: { contracts: 1, kopecks: 100 },
      terminated: 0, completed: 1, rejectedStale: 0, shrunk: { certificates: 0, kopecks: 0 },
    };
    db.prepare('INSERT INTO monthly_closes(id, modified_at, origin_office, municipality_id, month, closed_at, closed_by, report) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)')
      .run(core.newId(), stamp, office, ids.municipality, `${year}-09`, `${year}-10-01T09:00:00.000Z`, JSON.stringify(septemberReport));
    insLedger.run(core.newId(), stamp, office, certId, ids.municipality, year, 'reserve', 0, 700_000, 0, course, `${year}-11-12T09:00:00.000Z`, `Резерв по договору Д-9901-01-${year}-000002`);
    indexCertificateForSearch(db, Number(info.lastInsertRowid), childNameNorm(child), normalizeName(`${rep.lastName} ${rep.firstName} ${rep.middleName}`));

    appendAudit(db, {
      at: nowIso, operatorId: null, operatorLogin: null, operation: 'demo.load', recordType: 'registry', recordId: office, outcome: 'ok',
      summary: `Загружен демонстрационный реестр: г. Мурманск, ${count + 1} сертификатов`,
    });
    setMeta(db, 'hlc', stamp);
  })();

  generateChildren(db, {
    seed,
    today,
    officeId: office,
    stamp,
    targets: [{
      municipalityId: ids.municipality, regionCode: '99', municipalityCode: '01', firstSerial: 200_001, count,
      categories: [
        { id: ids.city, annualNominalKopecks: 3_000_100, weight: 80 },
        { id: ids.village, annualNominalKopecks: 3_500_000, weight: 15 },
        { id: ids.disabled, annualNominalKopecks: 4_500_000, weight: 5 },
      ],
    }],
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { children: count + 1 };
}

/** An excerpt of the municipality's «Положение» that the card's «?» beside the budget counts shows. */
const DEMO_REGULATIONS = `Выдержка из Положения о персонифицированном дополнительном образовании детей в г. Мурманске

Сертификат дополнительного образования позволяет ребёнку в возрасте от 5 до 18 лет обучаться по дополнительным общеобразовательным программам за счёт средств бюджета г. Мурманска.

Ежегодно уполномоченный орган устанавливает для каждой категории детей номинал сертификата и число образовательных программ, которые ребёнок может освоить бесплатно из реестров значимых, общеразвивающих и предпрофессиональных программ.

Число программ из реестров бюджетных программ указывается в личном кабинете сертификата в порядке: значимые, общеразвивающие, предпрофессиональные. Место используется с начала обучения по договору и возвращается, только если заявка отменена или отклонена до начала обучения.`;
