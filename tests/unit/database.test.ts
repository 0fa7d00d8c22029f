import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate, openDatabase } from '../../src-main/database/db';
import { LATEST_VERSION, migrations } from '../../src-main/database/migrations';
import { DomainError } from '../../src-main/errors';
import { HybridClock } from '../../src-main/database/hlc';
import { uuidv7 } from '../../src-main/database/ids';
import { tempDir } from './helpers';

describe('registry file', () => {
  it('creates a registry at the latest schema, marked as ours, with WAL and full sync', () => {
    const file = join(tempDir(), 'r.db');
    const db = openDatabase(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('makes every ordinary table STRICT', () => {
    const db = openDatabase(join(tempDir(), 'r.db'), { create: true });
    const rows = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'certificate_search%' AND name NOT LIKE 'program_search%' AND name NOT LIKE 'event_search%'").all() as Array<{ name: string; strict: number }>;
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.strict !== 1)).toEqual([]);
    db.close();
  });

  it('migration 001 on a real database: applied once, in one transaction, and re-opening applies nothing', () => {
    const file = join(tempDir(), 'r.db');
    const raw = new Database(file);
    expect(migrate(raw, 1)).toBe(1);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(migrate(raw, 1)).toBe(1);
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('migration 010 on a real database: organizations already there get events searchable by their names, applications checked', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 9)).toBe(9);
    const synced = "'2026-11-23T10:00:00.000Z/0/o', 'o'";
    raw.exec(`INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max)
              VALUES ('m1', ${synced}, '99', '01', 'г. Мурманск', 'Europe/Moscow', 5, 18)`);
    raw.exec(`INSERT INTO organizations(id, modified_at, origin_office, municipality_id, name, short_name) VALUES ('o1', ${synced}, 'm1', 'Центр «Ёлочка»', 'Ёлочка')`);
    expect(migrate(raw)).toBe(LATEST_VERSION);
    const addEvent = (id: string, name: string, startsAt = '2026-12-19T12:00', endsAt = '2026-12-19T17:00') =>
      raw.exec(`INSERT INTO events(id, modified_at, origin_office, organization_id, name, kind, starts_at, ends_at, address, age_min, age_max)
                VALUES ('${id}', ${synced}, 'o1', '${name}', 'festival', '${startsAt}', '${endsAt}', 'ул. Ленина, 1', 7, 14)`);
    addEvent('e1', 'Фестиваль «Объёмная ёлка»');
    const found = (match: string) =>
      (raw.prepare('SELECT e.id FROM event_search s JOIN events e ON e.rowid = s.rowid WHERE event_search MATCH ? ORDER BY e.id').all(match) as Array<{ id: string }>).map((r) => r.id);
    expect(found('"объем"*')).toEqual(['e1']);
    expect(found('"елочк"*')).toEqual(['e1']);
    raw.exec("UPDATE organizations SET short_name = 'Радуга', name = 'Центр «Радуга»' WHERE id = 'o1'");
    expect(found('"елочк"*')).toEqual([]);
    expect(found('"радуг"*')).toEqual(['e1']);
    raw.exec("UPDATE events SET deleted = 1 WHERE id = 'e1'");
    expect(found('"радуг"*')).toEqual([]);
    // Local times only, the end not before the start; an application is submitted or cancelled with its date.
    expect(() => addEvent('e2', 'Концерт', '2026-12-19 12:00')).toThrow(/CHECK constraint/);
    expect(() => addEvent('e2', 'Концерт', '2026-12-19T12:00', '2026-12-19T11:00')).toThrow(/CHECK constraint/);
    raw.pragma('foreign_keys = OFF'); // a bare application row, without the certificate it names
    const application = (id: string, status: string, cancelledAt: string) =>
      raw.exec(`INSERT INTO event_applications(id, modified_at, origin_office, event_id, certificate_id, status, created_at, confirmation_method, cancelled_at)
                VALUES ('${id}', ${synced}, 'e1', 'c1', '${status}', '2026-11-23T10:00:00Z', 'by_name', ${cancelledAt})`);
    application('a1', 'submitted', 'NULL');
    expect(() => application('a2', 'cancelled', 'NULL')).toThrow(/CHECK constraint/);
    expect(() => application('a3', 'accepted', 'NULL')).toThrow(/CHECK constraint/);
    const plan = (raw.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM event_applications WHERE event_id = 'e1' AND status = 'submitted' AND deleted = 0").all() as Array<{ detail: string }>);
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/COVERING INDEX event_applications_event/);
    raw.close();
  });

  it('migration 011 on a real database: due prolongations already there are found through the partial index', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 10)).toBe(10);
    raw.pragma('foreign_keys = OFF'); // bare contract rows, without the certificate and group they name
    const contract = (id: string, status: string, from: string | null, deadline: string | null) =>
      raw.exec(`INSERT INTO contracts(id, modified_at, origin_office, number, certificate_id, group_id, organization_id, status, start_date, end_date, price_kopecks, year, created_at, confirmation_method, prolonged_from, prolongation_deadline)
                VALUES ('${id}', 'hlc', 'o', 'Д-${id}', 'c1', 'g1', 'o1', '${status}', '2027-09-01', '2028-05-31', 100, 2027, '2026-11-0${id}T10:00:00Z', 'by_name', ${from ? `'${from}'` : 'NULL'}, ${deadline ? `'${deadline}'` : 'NULL'})`);
    contract('1', 'pending', 'k0', '2026-11-20');
    contract('2', 'pending', null, null);
    contract('3', 'cancelled', 'k0', '2026-11-10');
    contract('4', 'pending', 'k0', '2026-11-30');
    expect(migrate(raw)).toBe(LATEST_VERSION);
    const due = "SELECT id FROM contracts WHERE status = 'pending' AND prolongation_deadline IS NOT NULL AND deleted = 0 AND prolongation_deadline < '2026-11-24' ORDER BY created_at";
    expect(raw.prepare(due).all()).toEqual([{ id: '1' }]);
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${due}`).all() as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING INDEX contracts_prolongation_due/);
    raw.close();
  });

  it('migration 009 on a real database: programs and groups already there are read through the new indexes', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 8)).toBe(8);
    const synced = "'2026-11-23T10:00:00.000Z/0/o', 'o'";
    raw.exec(`INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max)
              VALUES ('m1', ${synced}, '99', '01', 'г. Мурманск', 'Europe/Moscow', 5, 18)`);
    raw.exec(`INSERT INTO organizations(id, modified_at, origin_office, municipality_id, name, short_name) VALUES ('o1', ${synced}, 'm1', 'Центр', 'Центр')`);
    for (const [id, name, direction] of [['p1', 'Хор', 'art'], ['p2', 'Футбол', 'sport'], ['p3', 'Батик', 'art']]) {
      raw.exec(`INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries) VALUES ('${id}', ${synced}, 'o1', '${name}', '${direction}', 5, 12, '[]')`);
      raw.exec(`INSERT INTO program_modules(id, modified_at, origin_office, program_id, ordinal, name, hours, price_kopecks) VALUES ('${id}m', ${synced}, '${id}', 1, 'Модуль', 10, 100)`);
      raw.exec(`INSERT INTO program_groups(id, modified_at, origin_office, program_id, module_id, name, start_date, end_date, capacity, address)
                VALUES ('${id}g', ${synced}, '${id}', '${id}m', 'Группа', '2026-09-01', '2027-05-31', 12, 'ул. Ленина, 1')`);
    }
    expect(migrate(raw)).toBe(LATEST_VERSION);
    const plan = (sql: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' ');
    const art = "SELECT id FROM programs INDEXED BY programs_direction WHERE direction = 'art' ORDER BY name, rowid";
    expect(plan(art)).not.toMatch(/TEMP B-TREE/);
    expect(raw.prepare(art).all()).toEqual([{ id: 'p3' }, { id: 'p1' }]);
    const groups = "SELECT program_id, sum(capacity) AS capacity, min(start_date) AS start FROM program_groups WHERE program_id IN ('p1', 'p2') AND deleted = 0 AND end_date >= '2026-11-24' GROUP BY program_id";
    expect(plan(groups)).toMatch(/COVERING INDEX program_groups_program/);
    expect(raw.prepare(groups).all()).toEqual([{ program_id: 'p1', capacity: 12, start: '2026-09-01' }, { program_id: 'p2', capacity: 12, start: '2026-09-01' }]);
    raw.close();
  });

  it('migration 008 on a real database: contracts already there are listed newest first from the index alone', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 7)).toBe(7);
    raw.pragma('foreign_keys = OFF'); // bare contract rows, without the certificate and group they name
    const contract = (id: string, createdAt: string, status: string) =>
      raw.exec(`INSERT INTO contracts(id, modified_at, origin_office, number, certificate_id, group_id, organization_id, status, start_date, end_date, price_kopecks, year, created_at, confirmation_method)
                VALUES ('${id}', 'hlc', 'o', 'Д-${id}', 'c1', 'g1', 'o1', '${status}', '2026-12-01', '2027-05-31', 100, 2026, '${createdAt}', 'by_name')`);
    contract('1', '2026-11-01T10:00:00Z', 'pending');
    contract('2', '2026-11-02T10:00:00Z', 'rejected');
    contract('3', '2026-11-03T10:00:00Z', 'pending');
    expect(migrate(raw)).toBe(LATEST_VERSION);
    const newestPending = "SELECT id FROM contracts INDEXED BY contracts_created WHERE deleted = 0 AND status = 'pending' ORDER BY created_at DESC, number DESC LIMIT 10";
    expect(raw.prepare(newestPending).all()).toEqual([{ id: '3' }, { id: '1' }]);
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${newestPending.replace('SELECT id', 'SELECT number')}`).all() as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/SCAN contracts USING COVERING INDEX contracts_created/);
    raw.close();
  });

  it('migration 007 on a real database: the ledger keeps its entries and its rule, the sums come from the index alone', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 6)).toBe(6);
    raw.pragma('foreign_keys = OFF'); // bare ledger rows, without the certificate and municipality they name
    const entry = (id: string, kind: string, nominal: number, reserve: number) =>
      raw.exec(`INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_nominal, d_reserve, at)
                VALUES ('${id}', 'hlc', 'o', 'c1', 'm1', 2026, '${kind}', ${nominal}, ${reserve}, '2026-11-01T10:00:00Z')`);
    entry('e1', 'grant', 3_000_100, 0);
    entry('e2', 'reserve', 0, 700_000);
    expect(migrate(raw)).toBe(LATEST_VERSION);
    const sums = () => raw.prepare("SELECT sum(d_nominal) AS n, sum(d_reserve) AS r FROM ledger_entries WHERE certificate_id = 'c1' AND year = 2026 AND deleted = 0").get();
    expect(sums()).toEqual({ n: 3_000_100, r: 700_000 });
    const plan = raw.prepare("EXPLAIN QUERY PLAN SELECT sum(d_nominal), sum(d_reserve) FROM ledger_entries WHERE certificate_id = 'c1' AND year = 2026 AND deleted = 0").all() as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/COVERING INDEX ledger_certificate/);
    // The rule survives the rebuilt trigger: a reserve beyond the balance is refused and nothing is written.
    expect(() => entry('e3', 'reserve', 0, 2_400_101)).toThrow(/balance or reserve would become negative/);
    expect(sums()).toEqual({ n: 3_000_100, r: 700_000 });
    raw.close();
  });

  it('migration 006 on a real database: programs already there get no interests, and the column refuses what is not JSON', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 5)).toBe(5);
    const synced = "'2026-11-23T10:00:00.000Z/0/o', 'o'";
    raw.exec(`INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max)
              VALUES ('m1', ${synced}, '99', '01', 'г. Мурманск', 'Europe/Moscow', 5, 18)`);
    raw.exec(`INSERT INTO organizations(id, modified_at, origin_office, municipality_id, name, short_name) VALUES ('o1', ${synced}, 'm1', 'Центр', 'Центр')`);
    raw.exec(`INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries) VALUES ('p1', ${synced}, 'o1', 'Хор', 'art', 5, 12, '[]')`);
    expect(migrate(raw)).toBe(LATEST_VERSION);
    expect(raw.prepare("SELECT interests FROM programs WHERE id = 'p1'").get()).toEqual({ interests: '[]' });
    expect(() => raw.exec("UPDATE programs SET interests = 'музыка' WHERE id = 'p1'")).toThrow(/CHECK constraint/);
    raw.close();
  });

  it('migration 005 on a real database: indexes the programs already there, and its triggers keep the name search', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 3)).toBe(3);
    const synced = "'2026-11-23T10:00:00.000Z/0/o', 'o'";
    raw.exec(`INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max)
              VALUES ('m1', ${synced}, '99', '01', 'г. Мурманск', 'Europe/Moscow', 5, 18)`);
    raw.exec(`INSERT INTO organizations(id, modified_at, origin_office, municipality_id, name, short_name) VALUES ('o1', ${synced}, 'm1', 'Центр «Ёлочка»', 'Ёлочка')`);
    const addProgram = (id: string, name: string) =>
      raw.exec(`INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries) VALUES ('${id}', ${synced}, 'o1', '${name}', 'art', 5, 12, '[]')`);
    addProgram('p1', 'Объёмная аппликация');
    expect(migrate(raw)).toBe(LATEST_VERSION);
    const found = (match: string) =>
      (raw.prepare('SELECT p.id FROM program_search s JOIN programs p ON p.rowid = s.rowid WHERE program_search MATCH ? ORDER BY p.id').all(match) as Array<{ id: string }>).map((r) => r.id);
    expect(found('"объем"*')).toEqual(['p1']);
    expect(found('"елочк"*')).toEqual(['p1']);
    addProgram('p2', 'Хип-хоп');
    expect(found('"хоп"*')).toEqual(['p2']);
    expect(found('"елочк"*')).toEqual(['p1', 'p2']);
    raw.exec("UPDATE organizations SET short_name = 'Радуга', name = 'Центр «Радуга»' WHERE id = 'o1'");
    expect(found('"елочк"*')).toEqual([]);
    expect(found('"радуг"*')).toEqual(['p1', 'p2']);
    raw.exec("UPDATE programs SET name = 'Батик' WHERE id = 'p1'");
    expect(found('"объем"*')).toEqual([]);
    expect(found('"батик"*')).toEqual(['p1']);
    raw.exec("UPDATE programs SET deleted = 1 WHERE id = 'p2'");
    expect(found('"радуг"*')).toEqual(['p1']);
    const indexes = (raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('certificates_municipality', 'ledger_contract', 'programs_name') ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(indexes).toEqual(['certificates_municipality', 'ledger_contract', 'programs_name']);
    raw.close();
  });

  it('a migration that fails leaves the file as it was', () => {
    const file = join(tempDir(), 'r.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE meta (x INTEGER)'); // collides with migration 001's first table
    expect(() => migrate(raw)).toThrow();
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'children'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('refuses a registry from a newer version with a Russian message and does not touch it', () => {
    const file = join(tempDir(), 'r.db');
    openDatabase(file, { create: true }).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/более новой версией/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a registry', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'это просто текст, а не реестр');
    expect(() => openDatabase(text)).toThrow(DomainError);
    expect(() => openDatabase(text)).toThrow(/не является реестром/);
    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE songs (title TEXT)');
    other.close();
    expect(() => openDatabase(foreign)).toThrow(/другой программы/);
    expect(() => openDatabase(join(dir, 'missing.db'))).toThrow(/не найден/);
  });
});

describe('stable ids and clocks for exchange', () => {
  it('uuidv7 ids sort by creation time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('the hybrid clock never goes backwards, even when the wall clock does', () => {
    let wall = 1_700_000_000_000;
    const hlc = new HybridClock('office-a', () => wall);
    const s1 = hlc.next();
    wall -= 60_000;
    const s2 = hlc.next();
    const s3 = hlc.next();
    expect(s1 < s2 && s2 < s3).toBe(true);
    const restarted = new HybridClock('office-a', () => wall);
    restarted.observe(s3);
    expect(restarted.next() > s3).toBe(true);
  });
});
