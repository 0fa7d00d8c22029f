import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate, openDatabase, type Db } from '../../src-main/database/db';
import { inSequence, LATEST_VERSION, migration, migrations, type MigrationModule } from '../../src-main/database/migrations';
import { tempDir } from './helpers';

const MIGRATIONS_DIR = join(__dirname, '..', '..', 'src-main', 'database', 'migrations');
/** Files in migrations/ that are not migrations: the list itself and the SQL pieces migrations share. */
const NOT_MIGRATIONS = ['columns.ts', 'index.ts'];

/**
 * The schema as SQLite keeps it, one entry per table, index, trigger and view. The text is normalised (runs of white
 * space, spaces beside punctuation, quotes around plain names) because a rebuilt table reads the same with other
 * line breaks, and `ALTER TABLE … RENAME` quotes the new name.
 */
function schemaOf(db: Db) {
  const rows = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY type, name")
    .all() as Array<{ type: string; name: string; tbl_name: string; sql: string | null }>;
  return rows.map((r) => ({
    ...r,
    sql: r.sql?.replace(/\s+/g, ' ').replace(/\s*([(),;=])\s*/g, '$1').replace(/"(\w+)"/g, '$1').trim() ?? null,
  }));
}

const FIXTURE = join(__dirname, 'fixtures', 'registry-v11.sqlite');

describe('migrations as numbered modules', () => {
  it('every NNN_name.ts file in migrations/ is in the list under its own name and module, and the list names no other', async () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => !NOT_MIGRATIONS.includes(f));
    for (const f of files) expect(f, 'a file in migrations/ that is neither a migration nor a shared piece').toMatch(/^\d{3}_[a-z0-9_]+\.ts$/);
    expect(migrations.map((m) => `${m.file}.ts`)).toEqual([...files].sort());
    for (const m of migrations) {
      const module = (await import(join(MIGRATIONS_DIR, `${m.file}.ts`))) as MigrationModule;
      expect(m.up, `${m.file}: the list imports another module under this name`).toBe(module.up);
    }
  });

  it('versions come from the file names and run 1, 2, … N without a gap', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.map((m) => Number(m.file.slice(0, 3)))).toEqual(migrations.map((m) => m.version));
    expect(LATEST_VERSION).toBe(migrations.length);
    expect(migration('012_close_by_office', { up: () => {} })).toMatchObject({ version: 12, name: 'close by office' });
  });

  it('refuses a file name without a three-digit number, a gap and a repeated number', () => {
    const none = { up: () => {} };
    for (const bad of ['12_events', '012-events', '012_Events', 'events', '012_']) expect(() => migration(bad, none), bad).toThrow(/NNN_what_it_does/);
    expect(() => inSequence([migration('001_a', none), migration('003_c', none)])).toThrow(/number 2 in the list, its file name says 3/);
    expect(() => inSequence([migration('001_a', none), migration('001_b', none)])).toThrow(/number 2 in the list, its file name says 1/);
    expect(() => inSequence([migration('002_b', none)])).toThrow(/number 1 in the list/);
  });

  it('a migration may move data: it runs in the one transaction, and a later failure takes the moved data back too', () => {
    const file = join(tempDir(), 'r.db');
    openDatabase(file, { create: true }).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO meta(key, value) VALUES ('office_name', 'Отдел реестра')").run();
    const next = (n: number) => String(LATEST_VERSION + n).padStart(3, '0');
    const backfill = migration(`${next(1)}_office_name_with_town`, {
      up: (db) => db.prepare("UPDATE meta SET value = value || ' г. Мурманска' WHERE key = 'office_name'").run(),
    });
    const broken = migration(`${next(2)}_broken`, {
      up: (db) => db.exec('CREATE TABLE later (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);'),
    });
    const list = [...migrations, backfill, broken];
    const officeName = () => raw.prepare("SELECT value FROM meta WHERE key = 'office_name'").get();
    expect(() => migrate(raw, LATEST_VERSION + 2, list)).toThrow(/no such table/);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(officeName()).toEqual({ value: 'Отдел реестра' });
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'later'").get()).toEqual({ n: 0 });
    expect(migrate(raw, LATEST_VERSION + 1, list)).toBe(LATEST_VERSION + 1);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(officeName()).toEqual({ value: 'Отдел реестра г. Мурманска' });
    raw.close();
  });
});

describe('a registry built by earlier versions', () => {
  it('the committed version-11 registry, opened by this version, ends with the schema of a fresh registry and keeps its rows', () => {
    const dir = tempDir();
    const file = join(dir, 'registry.db');
    copyFileSync(FIXTURE, file);
    const before = new Database(file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(11);
    const tables = (before.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
    const countsIn = (db: Db) => Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    const counts = countsIn(before);
    before.close();

    const old = openDatabase(file);
    const fresh = openDatabase(join(dir, 'fresh.db'), { create: true });
    expect(old.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(old.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(schemaOf(old)).toEqual(schemaOf(fresh));
    expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(old.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(countsIn(old)).toEqual(counts);
    expect(counts).toMatchObject({ certificates: 51, contracts: 2, monthly_closes: 1, issued_documents: 1 });
    old.close();
    fresh.close();
  });

  it('the schema comparison sees a difference: an index the fresh registry lacks', () => {
    const dir = tempDir();
    const a = openDatabase(join(dir, 'a.db'), { create: true });
    const b = openDatabase(join(dir, 'b.db'), { create: true });
    expect(schemaOf(a)).toEqual(schemaOf(b));
    a.exec('CREATE INDEX children_snils ON children(snils)');
    expect(schemaOf(a)).not.toEqual(schemaOf(b));
    a.close();
    b.close();
  });
});

const SYNCED = "'2026-11-23T10:00:00.000Z/0/o', 'o'";

/** A municipality, its category and one issued certificate for a child, as version 1 stores them. */
function certificateAtVersion1(raw: Database.Database): void {
  raw.exec(`
    INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max)
      VALUES ('m1', ${SYNCED}, '99', '01', 'г. Мурманск', 'Europe/Moscow', 5, 18);
    INSERT INTO categories(id, modified_at, origin_office, municipality_id, year, name, annual_nominal_kopecks) VALUES ('k1', ${SYNCED}, 'm1', 2026, 'город', 3000000);
    INSERT INTO children(id, modified_at, origin_office, last_name, first_name, name_norm, birth_date, gender, identity_document, identity_document_norm)
      VALUES ('ch1', ${SYNCED}, 'Иванова', 'Анна', 'иванова анна', '2016-03-01', 'female', 'II-АБ 123456', 'IIАБ123456');
    INSERT INTO certificates(id, modified_at, origin_office, number, child_id, municipality_id, category_id, type, status, issued_on)
      VALUES ('c1', ${SYNCED}, '9901000001', 'ch1', 'm1', 'k1', 'financing', 'issued', '2026-11-23');`);
}

describe('migrations 002 and 003 on a real database', () => {
  it('migration 002: a certificate already there forbids applications by organizations until the representative chooses, with no documents ticked', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    expect(migrate(raw, 1)).toBe(1);
    certificateAtVersion1(raw);
    expect(migrate(raw, 2)).toBe(2);
    expect(raw.prepare("SELECT confirmation_policy, doc_child_identity, doc_representative_identity, code_phrase_hash FROM certificates WHERE id = 'c1'").get()).toEqual({
      confirmation_policy: 'forbidden',
      doc_child_identity: 0,
      doc_representative_identity: 0,
      code_phrase_hash: null,
    });
    expect(() => raw.exec("UPDATE certificates SET confirmation_policy = 'by_sms' WHERE id = 'c1'")).toThrow(/CHECK constraint/);
    raw.exec(`INSERT INTO representatives(id, modified_at, origin_office, last_name, first_name, name_norm, identity_document, identity_document_norm)
              VALUES ('r1', ${SYNCED}, 'Иванова', 'Мария', 'иванова мария', '47 01 000001', '4701000001')`);
    raw.exec(`INSERT INTO consents(id, modified_at, origin_office, certificate_id, representative_id, form_version, signed_on, signed_by, recorded_at)
              VALUES ('s1', ${SYNCED}, 'c1', 'r1', '2026-1', '2026-11-23', 'Иванова М.', '2026-11-23T10:00:00Z')`);
    expect(() => raw.exec("DELETE FROM consents WHERE id = 's1'")).toThrow(/consents are never deleted/);
    expect(() => raw.exec("UPDATE consents SET withdrawn_on = '2026-11-01' WHERE id = 's1'")).toThrow(/CHECK constraint/);
    raw.close();
  });

  it('migration 003: a certificate already there takes a contract, and a month is charged at most once per contract', () => {
    const raw = new Database(join(tempDir(), 'r.db'));
    raw.pragma('foreign_keys = ON');
    expect(migrate(raw, 1)).toBe(1);
    certificateAtVersion1(raw);
    expect(migrate(raw, 3)).toBe(3);
    raw.exec(`
      INSERT INTO organizations(id, modified_at, origin_office, municipality_id, name, short_name) VALUES ('o1', ${SYNCED}, 'm1', 'Центр', 'Центр');
      INSERT INTO programs(id, modified_at, origin_office, organization_id, name, direction, age_min, age_max, registries) VALUES ('p1', ${SYNCED}, 'o1', 'Хор', 'art', 5, 12, '[]');
      INSERT INTO program_modules(id, modified_at, origin_office, program_id, ordinal, name, hours, price_kopecks) VALUES ('pm1', ${SYNCED}, 'p1', 1, 'Модуль', 10, 100000);
      INSERT INTO program_groups(id, modified_at, origin_office, program_id, module_id, name, start_date, end_date, capacity, address)
        VALUES ('g1', ${SYNCED}, 'p1', 'pm1', 'Группа', '2026-12-01', '2027-05-31', 12, 'ул. Ленина, 1');
      INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_nominal, at) VALUES ('l1', ${SYNCED}, 'c1', 'm1', 2026, 'grant', 3000000, '2026-11-23T10:00:00Z');`);
    const contract = (id: string, status: string, certificateKopecks: number) =>
      raw.exec(`INSERT INTO contracts(id, modified_at, origin_office, number, certificate_id, group_id, organization_id, status, funding, start_date, end_date, price_kopecks, certificate_kopecks, year, created_at, confirmation_method)
                VALUES ('${id}', ${SYNCED}, 'Д-${id}', 'c1', 'g1', 'o1', '${status}', 'certificate', '2026-12-01', '2027-05-31', 100000, ${certificateKopecks}, 2026, '2026-11-23T10:00:00Z', 'by_name')`);
    contract('k1', 'active', 100000);
    // The certificate's and the parent's parts add up to the price once the contract is confirmed.
    expect(() => contract('k2', 'active', 90000)).toThrow(/CHECK constraint/);
    raw.exec(`INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_reserve, d_spent, contract_id, at)
              VALUES ('l2', ${SYNCED}, 'c1', 'm1', 2026, 'reserve', 100000, 0, 'k1', '2026-11-23T10:00:00Z'),
                     ('l3', ${SYNCED}, 'c1', 'm1', 2026, 'charge', -20000, 20000, 'k1', '2026-12-31T10:00:00Z')`);
    const charge = (id: string) =>
      raw.exec(`INSERT INTO contract_charges(id, modified_at, origin_office, contract_id, month, kopecks, ledger_entry_id) VALUES ('${id}', ${SYNCED}, 'k1', '2026-12', 20000, 'l3')`);
    charge('ch1');
    expect(() => charge('ch2')).toThrow(/UNIQUE constraint failed: contract_charges.contract_id, contract_charges.month/);
    expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    raw.close();
  });
});
