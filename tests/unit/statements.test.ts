import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, STATEMENT_CACHE_SIZE } from '../../src-main/database/db';
import { tempDir } from './helpers';

/** The registry connection keeps compiled statements by text (see `reuseStatements`); callers must not notice. */
describe('statements kept by the registry connection', () => {
  const open = () => openDatabase(join(tempDir(), 'r.db'), { create: true });

  it('hands the same compiled statement to the next caller of the same text', () => {
    const db = open();
    const sql = 'SELECT key FROM meta ORDER BY key';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql)).not.toBe(db.prepare(`${sql} `));
    db.close();
  });

  it('compiles a second statement while the first is still being read', () => {
    const db = open();
    db.exec("CREATE TABLE t(n INTEGER) STRICT; INSERT INTO t VALUES (1), (2), (3)");
    const sql = 'SELECT n FROM t ORDER BY n';
    const pairs: Array<[number, number[]]> = [];
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ n: number }>) {
      pairs.push([row.n, (db.prepare(sql).all() as Array<{ n: number }>).map((r) => r.n)]);
    }
    expect(pairs).toEqual([[1, [1, 2, 3]], [2, [1, 2, 3]], [3, [1, 2, 3]]]);
    // The walk was left at its end, so the kept statement is free again.
    expect(db.prepare(sql).busy).toBe(false);
    db.close();
  });

  it('gives every caller rows as objects, whatever mode an earlier caller set', () => {
    const db = open();
    const sql = "SELECT 'a' AS x, 'b' AS y";
    expect(db.prepare(sql).pluck().get()).toBe('a');
    expect(db.prepare(sql).raw().get()).toEqual(['a', 'b']);
    expect(db.prepare(sql).get()).toEqual({ x: 'a', y: 'b' });
    db.close();
  });

  it('keeps at most the cache size and drops the least recently used first', () => {
    const db = open();
    const first = db.prepare('SELECT 0');
    const often = db.prepare('SELECT -1');
    for (let i = 1; i <= STATEMENT_CACHE_SIZE; i += 1) {
      db.prepare(`SELECT ${i}`);
      if (i % 50 === 0) db.prepare('SELECT -1');
    }
    expect(db.prepare('SELECT -1')).toBe(often);
    expect(db.prepare('SELECT 0')).not.toBe(first);
    expect(db.prepare('SELECT 0').get()).toEqual({ 0: 0 });
    db.close();
  });
});
