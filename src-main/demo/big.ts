import { existsSync, renameSync, rmSync } from 'node:fs';
import type { Clock } from '../clock';
import { openCore } from '../core';
import { DomainError } from '../errors';
import type { Db } from '../database/db';
import { generateCatalogue, verifyBulkLoad } from './catalogue';
import { generateChildren, type GenerationTarget } from './generate';
import { loadDemo } from './demo';

const EXTRA_MUNICIPALITIES = [
  ['02', 'г. Североморск'],
  ['03', 'г. Апатиты'],
  ['04', 'г. Мончегорск'],
  ['05', 'г. Кандалакша'],
] as const;

/** Each big municipality's money limit for the year: 1.2 billion roubles for 300,000–400,000 children. */
const MUNICIPAL_LIMIT_KOPECKS = 120_000_000_000;

/**
 * Secondary indexes whose keys arrive in random order while children are generated (names, documents):
 * inserting into them row by row touches a random page each time, so they are dropped for the load and
 * rebuilt once at the end, which sorts instead. Indexes filled in key order (time-ordered ids, serial
 * numbers) cost little to keep and stay.
 */
const REBUILT_AFTER_LOAD = ['children_name_birth', 'children_document', 'representatives_document'];

/**
 * The ledger's insert triggers re-add a certificate's entries on every insert (2 index searches per row),
 * which costs more than the insert itself. Generated grants are non-negative nominals of new certificates:
 * they can make no balance negative and move no committed money (the triggers' own conditions), so the
 * triggers are set aside for the load and put back, exactly as they were, before the file is used.
 */
const SUSPENDED_DURING_LOAD = ['ledger_keeps_money_whole', 'ledger_feeds_municipal_money'];

/** Drops schema objects (indexes, triggers) and returns the SQL that recreates them as they were. */
function setAside(db: Db, type: 'index' | 'trigger', names: readonly string[]): string[] {
  const found = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = ? AND sql IS NOT NULL AND name IN (${names.map(() => '?').join(', ')})`)
    .all(type, ...names) as Array<{ name: string; sql: string }>;
  for (const object of found) db.exec(`DROP ${type.toUpperCase()} ${object.name}`);
  return found.map((object) => object.sql);
}

/**
 * A large synthetic registry for benchmarks: the demo registry plus `children` generated children spread
 * over several municipalities (a municipality's serial has 6 digits, so one cannot hold 1.5 million).
 *
 * The file is built under a temporary name and renamed when complete, so a failed or interrupted build never
 * leaves a half-made registry under the requested name. While building, nothing else can see the file, so it
 * is loaded as a bulk import: no journal and no fsync, foreign keys not re-checked row by row (the generator
 * makes them consistent), random-order indexes rebuilt at the end, the name index merged once.
 */
export function generateBigRegistry(
  file: string,
  o: {
    children: number;
    /** Programs (with modules and groups) and contracts (with their ledger) added after the children; none by default. */
    programs?: number;
    contracts?: number;
    seed?: number;
    clock?: Clock;
    onProgress?: (done: number, total: number) => void;
    onCatalogueProgress?: (phase: string, done: number, total: number) => void;
  },
): { children: number; programs: number; contracts: number; seconds: number; catalogueSeconds: number } {
  if (existsSync(file)) throw new DomainError('conflict', `Файл ${file} уже существует: большой реестр создаётся только в новый файл.`);
  const started = performance.now();
  const part = `${file}.part`;
  for (const f of [part, `${part}-wal`, `${part}-shm`, `${part}-journal`]) rmSync(f, { force: true });
  const core = openCore(part, { create: true, ...(o.clock ? { clock: o.clock } : {}) });
  let complete = false;
  let catalogue = { programs: 0, contracts: 0 };
  let catalogueSeconds = 0;
  try {
    const db = core.db;
    loadDemo(core, { children: 0, seed: o.seed ?? 1 });
    const today = core.clock.today();
    const year = Number(today.slice(0, 4));
    const stamp = core.hlc.next();
    const murmansk = db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string };
    const cats = db.prepare('SELECT id, name, annual_nominal_kopecks FROM categories WHERE municipality_id = ?').all(murmansk.id) as Array<{
      id: string; name: string; annual_nominal_kopecks: number;
    }>;
    const weightOf = (name: string) => (name === 'город' ? 80 : name === 'село' ? 15 : 5);
    const targets: GenerationTarget[] = [];
    const perMunicipality = 400_000;
    let left = o.children;
    const first = Math.min(left, perMunicipality);
    targets.push({
      municipalityId: murmansk.id, regionCode: '99', municipalityCode: '01', firstSerial: 200_001, count: first,
      categories: cats.map((c) => ({ id: c.id, annualNominalKopecks: c.annual_nominal_kopecks, weight: weightOf(c.name) })),
    });
    left -= first;
    db.transaction(() => {
      for (const [code, name] of EXTRA_MUNICIPALITIES) {
        if (left <= 0) break;
        const id = core.newId();
        db.prepare(
          `INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max, owner_office_id)
           VALUES (?, ?, ?, '99', ?, ?, 'Europe/Moscow', 5, 18, ?)`,
        ).run(id, stamp, core.officeId, code, name, core.officeId);
        db.prepare('INSERT INTO municipal_years(id, modified_at, origin_office, municipality_id, year, money_limit_kopecks) VALUES (?, ?, ?, ?, ?, ?)')
          .run(core.newId(), stamp, core.officeId, id, year, MUNICIPAL_LIMIT_KOPECKS);
        const catIds = cats.map((c) => {
          const cid = core.newId();
          db.prepare(
            `INSERT INTO categories(id, modified_at, origin_office, municipality_id, year, name, annual_nominal_kopecks, budget_significant, budget_general, budget_preprofessional)
             VALUES (?, ?, ?, ?, ?, ?, ?, 1, 3, 1)`,
          ).run(cid, stamp, core.officeId, id, year, c.name, c.annual_nominal_kopecks);
          return { id: cid, annualNominalKopecks: c.annual_nominal_kopecks, weight: weightOf(c.name) };
        });
        const count = Math.min(left, perMunicipality);
        targets.push({ municipalityId: id, regionCode: '99', municipalityCode: code, firstSerial: 1, count, categories: catIds });
        left -= count;
      }
    })();
    // 400,000 children need a larger limit than the demo city's, or half the certified enrolments would be refused.
    db.prepare('UPDATE municipal_years SET money_limit_kopecks = ? WHERE municipality_id = ? AND year = ?').run(MUNICIPAL_LIMIT_KOPECKS, murmansk.id, year);
    if (left > 0) throw new DomainError('invalid_input', `Слишком много детей для синтетического реестра: не больше ${perMunicipality * (EXTRA_MUNICIPALITIES.length + 1)}.`);

    // Bulk load: the file is new and private until renamed, so a crash loses nothing worth keeping.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    const restore = [...setAside(db, 'index', REBUILT_AFTER_LOAD), ...setAside(db, 'trigger', SUSPENDED_DURING_LOAD)];
    generateChildren(db, {
      seed: o.seed ?? 1, today, officeId: core.officeId, stamp, targets, chunk: 50_000,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    const catalogueStarted = performance.now();
    if (o.programs) {
      const made = generateCatalogue(db, {
        seed: (o.seed ?? 1) + 1, today, officeId: core.officeId, stamp, programs: o.programs, contracts: o.contracts ?? 0,
        ...(o.onCatalogueProgress ? { onProgress: o.onCatalogueProgress } : {}),
      });
      catalogue = { programs: made.programs, contracts: made.contracts };
    }
    db.transaction(() => {
      for (const sql of restore) db.exec(sql);
    })();
    verifyBulkLoad(db);
    catalogueSeconds = (performance.now() - catalogueStarted) / 1000;
    // The whole name index in one segment: a prefix query then reads one doclist instead of one per segment.
    db.prepare("INSERT INTO certificate_search(certificate_search) VALUES ('optimize')").run();
    db.pragma('optimize');
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    complete = true;
  } finally {
    core.close();
    if (!complete) for (const f of [part, `${part}-wal`, `${part}-shm`, `${part}-journal`]) rmSync(f, { force: true });
  }
  renameSync(part, file);
  return { children: o.children + 1, ...catalogue, seconds: (performance.now() - started) / 1000, catalogueSeconds };
}
