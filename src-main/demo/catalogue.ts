/**
 * The big registry's catalogue and enrolments: organizations, programs with modules and groups, and contracts
 * with their ledger entries, as months of real work would leave them. Deterministic (seeded), and written for
 * speed like generate.ts: one transaction per chunk, prepared statements, nothing recomputed per row.
 *
 * Money is kept as the operations keep it: a certificate-funded contract books its part (splitPayment against the
 * certificate's balance) within the municipal limit, September and October are charged (contract_charges, one per
 * contract and month, and both months recorded as closed), ended contracts are completed with the rest released,
 * terminated ones released; budget places use the category's counts; no group takes more than its capacity.
 */
import { BUDGET_REGISTRIES, type BudgetRegistry, type Direction, type ProgramRegistry } from '../../shared/enums';
import { contractPrice, monthlyPayments, splitPayment } from '../../shared/money';
import { ageOn } from '../../shared/rules';
import { officeCode } from '../common/office';
import type { Db } from '../database/db';
import { seededUuidv7 } from './generate';
import { FATHER_NAMES, FEMALE_NAMES, SURNAMES, feminineSurname, patronymic } from './names';
import { pick, seededRandom } from './random';

export interface CatalogueOptions {
  seed: number;
  today: string;
  officeId: string;
  stamp: string;
  programs: number;
  contracts: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** Program names by direction, from the demo's and the seed's vocabulary: prefix search meets realistic repeats. */
const PROGRAM_NAMES: Record<Direction, readonly string[]> = {
  technical: ['Легоконструирование и робототехника', 'Робототехника', 'Программирование на Python', 'Основы программирования в Scratch', '3D-моделирование',
    'Авиамоделирование', 'Судомоделирование', 'Радиоэлектроника', 'Инженерная графика', 'Мобильная разработка', 'Картинг', 'Беспилотные летательные аппараты'],
  science: ['Природа и творчество', 'Юный эколог', 'Занимательная химия', 'Астрономия для начинающих', 'Юный исследователь', 'Математика с увлечением',
    'Физика в опытах', 'Краеведение Кольского края', 'Биология Севера', 'Геология и минералы Хибин'],
  sport: ['Основы хип-хопа', 'Футбол', 'Плавание', 'Шахматы', 'Лыжные гонки', 'Дзюдо', 'Баскетбол', 'Волейбол', 'Художественная гимнастика',
    'Спортивное ориентирование', 'Настольный теннис', 'Самбо', 'Хоккей', 'Фигурное катание', 'Каратэ', 'Лёгкая атлетика'],
  art: ['Хореография', 'Вокальная студия', 'Изостудия', 'Театральная студия', 'Гитара для начинающих', 'Фортепиано', 'Декоративно-прикладное творчество',
    'Керамика', 'Фотостудия', 'Мультипликация', 'Бисероплетение', 'Хоровое пение', 'Народный танец', 'Современный танец'],
  tourism: ['Юный турист', 'Пешеходный туризм', 'Школа выживания', 'Туристское многоборье', 'Юный спасатель', 'Лыжный туризм'],
  social: ['Немецкий язык для детей школьного возраста', 'Японский язык для детей школьного возраста', 'Английский язык', 'Французский язык', 'Китайский язык',
    'Юный журналист', 'Школа вожатых', 'Финансовая грамотность', 'Основы психологии общения', 'Подготовка к школе', 'Волонтёрский отряд'],
};
const DIRECTIONS = Object.keys(PROGRAM_NAMES) as Direction[];
const LEVELS = ['', '', '', ': стартовый уровень', ': базовый уровень', ': продвинутый уровень', ' для младших школьников', ' для старшеклассников', ' (интенсив)', '. Первые шаги'];
const MODULE_NAMES = ['Вводный модуль', 'Основной модуль', 'Проектный модуль'];
/** Registries a generated program is in, with weights: certified ones are paid from the certificate. */
const REGISTRY_SETS: Array<[ProgramRegistry[], number]> = [
  [['certified'], 35], [['certified', 'significant', 'paid'], 20], [['general'], 15], [['significant', 'paid'], 10], [['preprofessional'], 5], [['certified', 'paid'], 10], [['paid'], 5],
];
const PUBLIC_KINDS: Array<[string, string]> = [
  ['Дом детского творчества', 'ДДТ'], ['Центр детского творчества', 'ЦДТ'], ['Детско-юношеская спортивная школа', 'ДЮСШ'], ['Станция юных техников', 'СЮТ'],
  ['Детская школа искусств', 'ДШИ'], ['Центр внешкольной работы', 'ЦВР'], ['Средняя общеобразовательная школа', 'СОШ'],
];
const PRIVATE_NAMES = ['Логос', 'Радуга', 'Эрудит', 'Полярная звезда', 'Северное сияние', 'Умка', 'Робостарт', 'Лингва', 'Талант', 'Перспектива', 'Гармония', 'Аврора', 'Мастерская идей', 'Кругозор'];
const STREETS = ['ул. Ленина', 'пр. Ленина', 'ул. Полярные Зори', 'ул. Спортивная', 'ул. Школьная', 'ул. Капитана Орликовой', 'ул. Егорова', 'ул. Баумана', 'пр. Кольский', 'ул. Свердлова', 'ул. Книповича'];

const DAY_MS = 86_400_000;

interface Certificate {
  id: string;
  municipality: number;
  category: number;
  financing: boolean;
  birth: string;
  balance: number;
  budgetUsed: Record<BudgetRegistry, number>;
}

interface Group {
  id: string;
  program: number;
  price: number;
  start: string;
  end: string;
  capacity: number;
  taken: number;
}

interface Program {
  id: string;
  organizationId: string;
  municipality: number;
  ageMin: number;
  ageMax: number;
  registries: ProgramRegistry[];
  groups: number[];
}

function weighted<T>(rnd: () => number, items: ReadonlyArray<[T, number]>): T {
  let r = rnd() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1]![0];
}

/**
 * Adds `programs` programs (≈1–3 modules and groups each) over organizations of every municipality, then
 * `contracts` contracts in realistic statuses, to a registry holding the demo and generated children. Call it
 * with the ledger triggers set aside (a bulk load); it keeps the money whole itself and rebuilds municipal_money.
 */
export function generateCatalogue(db: Db, o: CatalogueOptions): { organizations: number; programs: number; groups: number; contracts: number; ledgerEntries: number } {
  const rnd = seededRandom(o.seed);
  const todayMs = Date.parse(`${o.today}T00:00:00Z`);
  let idCounter = 0;
  const baseMs = todayMs - 200 * DAY_MS;
  const newId = () => seededUuidv7(baseMs + Math.floor(idCounter++ / 16), rnd);
  const year = Number(o.today.slice(0, 4));
  const progress = o.onProgress ?? (() => {});

  const municipalities = db.prepare('SELECT m.id, m.name, (SELECT count(*) FROM certificates c WHERE c.municipality_id = m.id) AS n FROM municipalities m WHERE m.deleted = 0 ORDER BY m.municipality_code').all() as Array<{ id: string; name: string; n: number }>;
  const municipalityIndex = new Map(municipalities.map((m, i) => [m.id, i]));
  const certificatesTotal = municipalities.reduce((s, m) => s + m.n, 0);
  const limits = municipalities.map((m) => (db.prepare('SELECT money_limit_kopecks AS v FROM municipal_years WHERE municipality_id = ? AND year = ?').get(m.id, year) as { v: number } | undefined)?.v ?? Number.MAX_SAFE_INTEGER);
  // One pass over the ledger (it has no index by municipality; municipal_money is not fed while its trigger is set aside).
  const committedBy = new Map((db.prepare('SELECT municipality_id AS m, sum(d_reserve + d_spent) AS v FROM ledger_entries WHERE year = ? GROUP BY municipality_id').all(year) as Array<{ m: string; v: number }>).map((r) => [r.m, r.v]));
  const committed = municipalities.map((m) => committedBy.get(m.id) ?? 0);

  // ---- organizations and programs, spread over municipalities by their number of children ----
  const insOrg = db.prepare(
    'INSERT INTO organizations(id, modified_at, origin_office, municipality_id, name, short_name, inn, address, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insProgram = db.prepare(
    `INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries, activity_types, goals, annotation, addresses, enrollment_open)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)`,
  );
  const insModule = db.prepare('INSERT INTO program_modules(id, modified_at, origin_office, program_id, ordinal, name, hours, price_kopecks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insGroup = db.prepare(
    `INSERT INTO program_groups(id, modified_at, origin_office, program_id, module_id, name, start_date, end_date, capacity, address, teacher, timetable, hours_per_week)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 4)`,
  );
  const programs: Program[] = [];
  const groups: Group[] = [];
  let organizations = 0;
  const perOrganization = 20;
  const groupPeriods: Array<[[string, string], number]> = [
    [[`${year}-09-01`, `${year + 1}-05-31`], 70], [[`${year}-10-01`, `${year + 1}-05-31`], 12], [[`${year}-12-01`, `${year + 1}-05-31`], 10], [[`${year}-09-01`, `${year}-10-31`], 8],
  ];
  while (programs.length < o.programs) {
    db.transaction(() => {
      for (let batch = 0; batch < 100 && programs.length < o.programs; batch += 1) {
        let r = rnd() * certificatesTotal;
        let municipality = 0;
        while (municipality < municipalities.length - 1 && r >= municipalities[municipality]!.n) r -= municipalities[municipality++]!.n;
        const m = municipalities[municipality]!;
        const orgId = newId();
        organizations += 1;
        const street = `${pick(rnd, STREETS)}, д. ${1 + Math.floor(rnd() * 90)}`;
        const city = m.name;
        const kind = rnd();
        let name: string;
        let short: string;
        if (kind < 0.5) {
          const [full, abbr] = pick(rnd, PUBLIC_KINDS);
          const n = 1 + Math.floor(rnd() * 40);
          name = `Муниципальное бюджетное учреждение дополнительного образования ${city} «${full} № ${n}»`;
          short = `МБУ ДО ${abbr} №${n} (${city})`;
        } else if (kind < 0.8) {
          const brand = pick(rnd, PRIVATE_NAMES);
          name = `Частное образовательное учреждение дополнительного образования «${brand}»`;
          short = `ЧОУ ДО «${brand}»`;
        } else {
          const female = rnd() < 0.6;
          const surname = pick(rnd, SURNAMES);
          const person = `${female ? feminineSurname(surname) : surname} ${pick(rnd, female ? FEMALE_NAMES : FATHER_NAMES)} ${patronymic(pick(rnd, FATHER_NAMES), female)}`;
          name = `Индивидуальный предприниматель ${person}`;
          short = `ИП ${person}`;
        }
        insOrg.run(orgId, o.stamp, o.officeId, m.id, name, short, null, `${city}, ${street}`, null, null);
        const count = Math.min(o.programs - programs.length, 1 + Math.floor(rnd() * perOrganization * 2));
        for (let p = 0; p < count; p += 1) {
          const direction = pick(rnd, DIRECTIONS);
          const programName = `${pick(rnd, PROGRAM_NAMES[direction])}${pick(rnd, LEVELS)}`;
          const ageMin = 5 + Math.floor(rnd() * 10);
          const ageMax = Math.min(18, ageMin + 2 + Math.floor(rnd() * 7));
          const registries = weighted(rnd, REGISTRY_SETS);
          const paid = registries.includes('certified') || registries.includes('paid');
          const programId = newId();
          const open = rnd() < 0.95;
          insProgram.run(programId, o.stamp, o.officeId, orgId, programName, direction, ageMin, ageMax, JSON.stringify(registries),
            `Цель программы: ${programName.toLowerCase()} для детей ${ageMin}–${ageMax} лет.`, 'Занятия в группах, открытые уроки, участие в городских конкурсах.', JSON.stringify([`${city}, ${street}`]), open ? 1 : 0);
          const program: Program = { id: programId, organizationId: orgId, municipality, ageMin, ageMax, registries, groups: [] };
          const modules = 1 + Math.floor(rnd() * 3);
          for (let k = 0; k < modules; k += 1) {
            const moduleId = newId();
            const price = paid ? (800 + Math.floor(rnd() * 1200)) * 1000 : 0;
            insModule.run(moduleId, o.stamp, o.officeId, programId, k + 1, MODULE_NAMES[k]!, 32 + Math.floor(rnd() * 40), price);
            const [start, end] = weighted(rnd, groupPeriods);
            const capacity = 10 + Math.floor(rnd() * 16);
            const groupId = newId();
            insGroup.run(groupId, o.stamp, o.officeId, programId, moduleId, `${programName.split(/[ :.(]/)[0]}-${k + 1}`, start, end, capacity, `${city}, ${street}`, null,
              JSON.stringify([{ weekday: 1 + k, start: '16:00', end: '17:30' }, { weekday: 3 + k, start: '16:00', end: '17:30' }]));
            program.groups.push(groups.length);
            groups.push({ id: groupId, program: programs.length, price, start, end, capacity, taken: 0 });
          }
          programs.push(program);
        }
      }
    })();
    progress('Программы', programs.length, o.programs);
  }

  // ---- the active certificates children enroll with, by municipality and age ----
  const categories = db.prepare('SELECT id, budget_significant AS significant, budget_general AS general, budget_preprofessional AS preprofessional FROM categories').all() as Array<{ id: string } & Record<BudgetRegistry, number>>;
  const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));
  const certificates: Certificate[] = [];
  const byAge: number[][][] = municipalities.map(() => Array.from({ length: 26 }, () => []));
  const groupYearStart = `${year}-09-01`;
  for (const c of db
    .prepare(
      `SELECT c.id, c.municipality_id AS m, c.category_id AS cat, c.type, ch.birth_date AS birth,
              (SELECT coalesce(sum(d_nominal - d_reserve - d_spent), 0) FROM ledger_entries l WHERE l.certificate_id = c.id AND l.year = ?) AS balance
         FROM certificates c JOIN children ch ON ch.id = c.child_id WHERE c.status = 'active' AND c.deleted = 0`,
    )
    .iterate(year) as IterableIterator<{ id: string; m: string; cat: string; type: string; birth: string; balance: number }>) {
    const municipality = municipalityIndex.get(c.m)!;
    const age = ageOn(c.birth, groupYearStart);
    if (age < 0 || age > 25) continue;
    byAge[municipality]![age]!.push(certificates.length);
    certificates.push({ id: c.id, municipality, category: categoryIndex.get(c.cat)!, financing: c.type === 'financing', birth: c.birth, balance: c.balance, budgetUsed: { significant: 0, general: 0, preprofessional: 0 } });
  }

  // ---- contracts ----
  const prefix = `Д-${officeCode(db, o.officeId)}-${year}-`;
  const last = db.prepare('SELECT max(number) AS n FROM contracts WHERE number >= ? AND number < ?').get(prefix, `${prefix}:`) as { n: string | null };
  let serial = last.n ? Number(last.n.slice(prefix.length)) : 0;
  const insContract = db.prepare(
    `INSERT INTO contracts(id, modified_at, origin_office, number, certificate_id, group_id, organization_id, status, funding, budget_registry, start_date, end_date,
                           price_kopecks, certificate_kopecks, parent_kopecks, year, created_at, confirmation_method, decided_at, reason, termination_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'by_name', ?, ?, ?)`,
  );
  const insLedger = db.prepare(
    `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_reserve, d_spent, contract_id, at, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insCharge = db.prepare('INSERT INTO contract_charges(id, modified_at, origin_office, contract_id, month, kopecks, ledger_entry_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const closedMonths = [`${year}-09`, `${year}-10`];
  const closeReports = new Map<string, { contracts: number; kopecks: number }>();
  const enrolled = new Set<string>();
  let contracts = 0;
  let ledgerEntries = 0;
  let attempts = 0;
  const at = (day: string) => `${day}T09:00:00.000Z`;
  const monthEnd = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

  while (contracts < o.contracts && attempts < o.contracts * 20) {
    db.transaction(() => {
      for (let batch = 0; batch < 5000 && contracts < o.contracts && attempts < o.contracts * 20; attempts += 1) {
        const gi = Math.floor(rnd() * groups.length);
        const g = groups[gi]!;
        if (g.taken >= g.capacity) continue;
        const p = programs[g.program]!;
        const age = p.ageMin + Math.floor(rnd() * (p.ageMax - p.ageMin + 1));
        const bucket = byAge[p.municipality]![age]!;
        if (!bucket.length) continue;
        const ci = bucket[Math.floor(rnd() * bucket.length)]!;
        const c = certificates[ci]!;
        if (enrolled.has(`${ci}:${gi}`)) continue;
        // What the desk would decide at confirmation: the certificate's money for a certified program, else a budget count.
        const started = g.start <= o.today;
        const ended = g.end < o.today;
        const roll = rnd();
        type Outcome = 'active' | 'confirmed' | 'completed' | 'terminated' | 'pending' | 'rejected' | 'cancelled';
        let status: Outcome;
        if (ended) status = roll < 0.9 ? 'completed' : roll < 0.95 ? 'terminated' : 'rejected';
        else if (started) status = roll < 0.82 ? 'active' : roll < 0.86 ? 'terminated' : roll < 0.9 ? 'rejected' : roll < 0.93 ? 'cancelled' : 'pending';
        else status = roll < 0.8 ? 'confirmed' : roll < 0.95 ? 'pending' : 'cancelled';
        // A recent application starts today (a late enrolment); a stale one still waits from the group's start.
        const stale = started && status === 'pending' && roll < 0.935;
        const start = started && status === 'pending' && !stale ? o.today : g.start;
        const price = contractPrice(g.price, g.start, g.end, start, g.end);
        const decided = status !== 'pending';
        let funding: 'certificate' | 'budget' | null = null;
        let budgetRegistry: BudgetRegistry | null = null;
        let certificateKopecks = 0;
        const booked = status === 'active' || status === 'confirmed' || status === 'completed' || status === 'terminated';
        if (booked) {
          if (p.registries.includes('certified') && c.financing && c.balance > 0 && committed[p.municipality]! < limits[p.municipality]!) {
            const split = splitPayment(price, c.balance);
            if (committed[p.municipality]! + split.certificateKopecks > limits[p.municipality]!) continue;
            funding = 'certificate';
            certificateKopecks = split.certificateKopecks;
          } else {
            const quota = categories[c.category]!;
            budgetRegistry = BUDGET_REGISTRIES.find((r) => p.registries.includes(r) && c.budgetUsed[r] < quota[r]) ?? null;
            if (!budgetRegistry) continue;
            funding = 'budget';
          }
        }
        batch += 1;
        const contractId = newId();
        const number = `${prefix}${String(++serial).padStart(6, '0')}`;
        const createdDay = new Date(Math.min(Date.parse(`${start}T00:00:00Z`), todayMs) - (5 + Math.floor(rnd() * 20)) * DAY_MS).toISOString().slice(0, 10);
        const terminationDate = status === 'terminated' ? `${year}-10-15` : null;
        const reason = status === 'rejected' ? 'Нет свободного времени в расписании' : status === 'cancelled' ? 'Представитель передумал' : status === 'terminated' ? 'Переезд семьи' : null;
        insContract.run(contractId, o.stamp, o.officeId, number, c.id, g.id, p.organizationId, status, funding, budgetRegistry, start, g.end,
          price, certificateKopecks, booked ? price - certificateKopecks : 0, year, at(createdDay), decided ? at(createdDay) : null, reason, terminationDate);
        contracts += 1;
        enrolled.add(`${ci}:${gi}`);
        if (status === 'active' || status === 'confirmed' || status === 'pending') g.taken += 1;
        if (funding === 'budget' && (status === 'active' || status === 'confirmed')) c.budgetUsed[budgetRegistry!] += 1;
        if (funding !== 'certificate' || certificateKopecks === 0) continue;

        insLedger.run(newId(), o.stamp, o.officeId, c.id, municipalities[p.municipality]!.id, year, 'reserve', certificateKopecks, 0, contractId, at(createdDay), `Резерв по договору ${number}`);
        ledgerEntries += 1;
        c.balance -= certificateKopecks;
        committed[p.municipality]! += certificateKopecks;
        let reserved = certificateKopecks;
        const lastCharged = status === 'terminated' ? terminationDate!.slice(0, 7) : closedMonths[closedMonths.length - 1]!;
        for (const due of monthlyPayments(certificateKopecks, start, g.end)) {
          if (status === 'confirmed' || !closedMonths.includes(due.month) || due.month > lastCharged) continue;
          const amount = Math.min(due.kopecks, reserved);
          if (amount <= 0) continue;
          const entryId = newId();
          insLedger.run(entryId, o.stamp, o.officeId, c.id, municipalities[p.municipality]!.id, year, 'charge', -amount, amount, contractId, at(monthEnd(due.month)), `Оплата по договору ${number} за ${due.month}`);
          insCharge.run(newId(), o.stamp, o.officeId, contractId, due.month, amount, entryId);
          ledgerEntries += 1;
          reserved -= amount;
          const key = `${p.municipality}:${due.month}`;
          const r = closeReports.get(key) ?? { contracts: 0, kopecks: 0 };
          closeReports.set(key, { contracts: r.contracts + 1, kopecks: r.kopecks + amount });
        }
        if ((status === 'completed' || status === 'terminated') && reserved > 0) {
          insLedger.run(newId(), o.stamp, o.officeId, c.id, municipalities[p.municipality]!.id, year, 'release', -reserved, 0, contractId, at(terminationDate ?? g.end),
            status === 'completed' ? `Завершение договора ${number}: остаток резерва` : `Расторжение договора ${number}: неиспользованный резерв`);
          ledgerEntries += 1;
          c.balance += reserved;
          committed[p.municipality]! -= reserved;
        }
      }
    })();
    progress('Договоры', contracts, o.contracts);
  }

  db.transaction(() => {
    // September and October were closed in every municipality: the November close is the next one.
    const insClose = db.prepare('INSERT INTO monthly_closes(id, modified_at, origin_office, municipality_id, month, closed_at, closed_by, report) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)');
    municipalities.forEach((m, i) => {
      for (const month of closedMonths) {
        if (db.prepare('SELECT 1 FROM monthly_closes WHERE municipality_id = ? AND month = ?').get(m.id, month)) continue;
        const charged = closeReports.get(`${i}:${month}`) ?? { contracts: 0, kopecks: 0 };
        insClose.run(newId(), o.stamp, o.officeId, m.id, month, at(monthEnd(month)), JSON.stringify({
          municipalityId: m.id, month, alreadyClosed: false, preview: false, activated: 0, charged, completed: 0, rejectedStale: 0, shrunk: { certificates: 0, kopecks: 0 },
        }));
      }
    });
    // The derived total the ledger's trigger keeps, rebuilt once after the bulk load.
    db.exec('DELETE FROM municipal_money');
    db.exec(`INSERT INTO municipal_money(municipality_id, year, committed_kopecks)
             SELECT municipality_id, year, sum(d_reserve + d_spent) FROM ledger_entries WHERE deleted = 0 GROUP BY municipality_id, year`);
  })();
  return { organizations, programs: programs.length, groups: groups.length, contracts, ledgerEntries };
}

/**
 * What the ledger's triggers would have refused, checked once over the whole registry after a bulk load:
 * a negative balance or reserve, a group over capacity, a municipality over its limit.
 */
export function verifyBulkLoad(db: Db): void {
  const negative = db
    .prepare(
      `SELECT count(*) AS n FROM (SELECT sum(d_nominal) - sum(d_reserve) - sum(d_spent) AS balance, sum(d_reserve) AS reserve
                                   FROM ledger_entries WHERE deleted = 0 GROUP BY certificate_id, year) WHERE balance < 0 OR reserve < 0`,
    )
    .get() as { n: number };
  const overfull = db
    .prepare(
      `SELECT count(*) AS n FROM program_groups g
        WHERE g.capacity < (SELECT count(*) FROM contracts k WHERE k.group_id = g.id AND k.status IN ('pending', 'confirmed', 'active') AND k.deleted = 0)`,
    )
    .get() as { n: number };
  const overLimit = db
    .prepare('SELECT count(*) AS n FROM municipal_money mm JOIN municipal_years y ON y.municipality_id = mm.municipality_id AND y.year = mm.year WHERE mm.committed_kopecks > y.money_limit_kopecks')
    .get() as { n: number };
  if (negative.n || overfull.n || overLimit.n) {
    throw new Error(`generated registry is inconsistent: ${negative.n} negative balances or reserves, ${overfull.n} groups over capacity, ${overLimit.n} municipalities over the limit`);
  }
}
