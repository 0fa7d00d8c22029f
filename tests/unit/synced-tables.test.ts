import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/database/db';
import { SYNCED_COLUMNS, SYNCED_COLUMN_NAMES } from '../../src-main/database/migrations/columns';
import { LOCAL_TABLES, NEVER_TRAVELLING_COLUMNS, SECRET_COLUMNS, SYNCED_TABLES } from '../../src-main/database/synced-tables';
import { tempDir } from './helpers';

interface SchemaTable {
  name: string;
  type: 'table' | 'virtual' | 'shadow';
}

function freshRegistry(): Db {
  return openDatabase(join(tempDir(), 'r.db'), { create: true });
}

// sqlite_schema itself and whatever SQLite adds on its own (sqlite_stat1 after ANALYZE) are SQLite's, not ours.
const tablesOf = (db: Db) =>
  db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as SchemaTable[];
const columnsOf = (db: Db, table: string) => (db.prepare('SELECT name FROM pragma_table_xinfo(?)').all(table) as Array<{ name: string }>).map((c) => c.name);
const foreignKeysOf = (db: Db, table: string) =>
  db.prepare('SELECT "table" AS target, "from" AS column FROM pragma_foreign_key_list(?)').all(table) as Array<{ target: string; column: string }>;

const synced = new Map<string, (typeof SYNCED_TABLES)[number]>(SYNCED_TABLES.map((t) => [t.table, t]));
const local = new Map<string, (typeof LOCAL_TABLES)[number]>(LOCAL_TABLES.map((t) => [t.table, t]));
const notTravelling = [...SECRET_COLUMNS, ...NEVER_TRAVELLING_COLUMNS];

describe('the declared list of synced tables, held against a fresh registry', () => {
  it('classifies every table of the registry exactly once, and names no table that does not exist', () => {
    const db = freshRegistry();
    const tables = tablesOf(db).filter((t) => t.type !== 'shadow');
    const declared = [...SYNCED_TABLES.map((t) => t.table), ...LOCAL_TABLES.map((t) => t.table)];
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual(tables.map((t) => t.name));
    db.close();
  });

  it('every table with origin_office is synced or declared local, and the declared shape of a local table is its schema', () => {
    const db = freshRegistry();
    for (const { name, type } of tablesOf(db)) {
      const columns = columnsOf(db, name);
      if (columns.includes('origin_office')) expect(synced.has(name) || local.get(name)?.shape === 'synced_columns', name).toBe(true);
      if (synced.has(name) || local.get(name)?.shape === 'synced_columns') {
        expect(columns.slice(0, SYNCED_COLUMN_NAMES.length), name).toEqual([...SYNCED_COLUMN_NAMES]);
      }
      if (local.get(name)?.shape === 'office_only') expect(columns.filter((c) => (SYNCED_COLUMN_NAMES as readonly string[]).includes(c)), name).toEqual([]);
      if (local.get(name)?.shape === 'search_index') {
        expect(type, name).toBe('virtual');
        expect((db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(name) as { sql: string }).sql, name).toMatch(/USING fts5\(/);
      }
      if (type === 'virtual') expect(local.get(name)?.shape, name).toBe('search_index');
    }
    db.close();
  });

  it("FTS5 shadow tables belong to a search index declared local, and nothing else is a shadow table", () => {
    const db = freshRegistry();
    const indexes = LOCAL_TABLES.filter((t) => t.shape === 'search_index').map((t) => t.table);
    const shadows = tablesOf(db).filter((t) => t.type === 'shadow').map((t) => t.name);
    for (const shadow of shadows) expect(indexes.some((index) => shadow.startsWith(`${index}_`)), shadow).toBe(true);
    for (const index of indexes) expect(shadows.filter((s) => s.startsWith(`${index}_`)).length, index).toBeGreaterThan(0);
    db.close();
  });

  it('every column of a synced table travels, is secret or never travels — exactly one — so a new column forces a decision', () => {
    const db = freshRegistry();
    for (const t of SYNCED_TABLES) {
      const decided = [...t.columns, ...notTravelling.filter((d) => d.table === t.table).map((d) => d.column)];
      expect(new Set(decided).size, t.table).toBe(decided.length);
      expect([...decided].sort(), t.table).toEqual(columnsOf(db, t.table).sort());
    }
    db.close();
  });

  it('every decision carries its reason, and the local lists name no table twice', () => {
    for (const d of [...notTravelling, ...LOCAL_TABLES]) expect(d.reason.trim().length, JSON.stringify(d)).toBeGreaterThan(10);
    const columns = notTravelling.map((d) => `${d.table}.${d.column}`);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('secret hashes and what references the local operator accounts are not among the travelling columns', () => {
    const db = freshRegistry();
    for (const t of SYNCED_TABLES) {
      for (const { target, column } of foreignKeysOf(db, t.table)) {
        const travels = (t.columns as readonly string[]).includes(column);
        if (!synced.has(target)) expect(travels, `${t.table}.${column} → ${target}`).toBe(false);
      }
      for (const column of t.columns) expect(column, t.table).not.toMatch(/_hash$|locked_until|^failed_/);
    }
    db.close();
  });

  it('lists synced tables after the synced tables they reference, so an import in this order meets no dangling reference', () => {
    const db = freshRegistry();
    const order = SYNCED_TABLES.map((t) => t.table as string);
    for (const t of SYNCED_TABLES) {
      for (const { target, column } of foreignKeysOf(db, t.table)) {
        if (!(t.columns as readonly string[]).includes(column)) continue;
        expect(order.indexOf(target), `${t.table}.${column} → ${target}`).toBeGreaterThanOrEqual(0);
        expect(order.indexOf(target), `${t.table}.${column} → ${target}`).toBeLessThanOrEqual(order.indexOf(t.table));
      }
    }
    db.close();
  });

  it('the synced column names are the columns SYNCED_COLUMNS declares, in order', () => {
    const declared = [...SYNCED_COLUMNS.matchAll(/^\s*(\w+) /gm)].map((m) => m[1]);
    expect(declared).toEqual([...SYNCED_COLUMN_NAMES]);
  });

  it('copying the travelling columns of a real registry into an empty one, table by table in list order, keeps every reference', () => {
    const file = join(tempDir(), 'sender.db');
    copyFileSync(join(__dirname, 'fixtures', 'registry-v11.sqlite'), file);
    const receiverFile = join(tempDir(), 'receiver.db');
    openDatabase(receiverFile, { create: true }).close();
    const sender = openDatabase(file);
    sender.prepare('ATTACH DATABASE ? AS receiver').run(receiverFile);
    const notNull = (table: string) =>
      new Set((sender.prepare('SELECT name FROM pragma_table_info(?) WHERE "notnull" = 1').all(table) as Array<{ name: string }>).map((c) => c.name));
    sender.transaction(() => {
      for (const t of SYNCED_TABLES) {
        // Derived columns are NOT NULL: the importer derives them again; here the sender's values stand in for that.
        const derived = NEVER_TRAVELLING_COLUMNS.filter((d) => d.table === t.table && notNull(t.table).has(d.column)).map((d) => d.column);
        const columns = [...t.columns, ...derived].join(', ');
        sender.exec(`INSERT INTO receiver.${t.table}(${columns}) SELECT ${columns} FROM main.${t.table} ORDER BY rowid`);
      }
    })();
    expect(sender.prepare('PRAGMA receiver.foreign_key_check').all()).toEqual([]);
    for (const t of SYNCED_TABLES) {
      const count = (schema: string) => (sender.prepare(`SELECT count(*) AS n FROM ${schema}.${t.table}`).get() as { n: number }).n;
      expect(count('receiver'), t.table).toBe(count('main'));
    }
    expect(sender.prepare('SELECT count(*) AS n FROM main.certificates').get()).toEqual({ n: 51 });
    sender.close();
  });
});
