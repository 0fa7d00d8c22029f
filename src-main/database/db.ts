import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DomainError } from '../errors';
import { LATEST_VERSION, migrations, type Migration } from './migrations';

export type Db = Database.Database;

/** 'CDSK': marks a SQLite file as a certdesk registry, so another program's database is never mistaken for one. */
export const APPLICATION_ID = 0x4344534b;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  /** Create the file and apply migrations when it does not exist. */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens a registry file: refuses what is not a registry and a registry from a newer version,
 * applies pending migrations in one transaction, and sets the pragmas money and consents need.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = existsSync(file) && statSync(file).size > 0;
  if (!exists && !options.create) {
    throw new DomainError('not_found', `Файл реестра не найден: ${file}`);
  }
  if (exists && !looksLikeSqlite(file)) {
    throw new DomainError('invalid_input', `Файл «${file}» не является реестром АРМ Сертификат (это не база данных SQLite).`);
  }
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (exists && appId !== APPLICATION_ID) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0 || version !== 0) {
        throw new DomainError('invalid_input', `Файл «${file}» — база данных другой программы, а не реестр АРМ Сертификат.`);
      }
    }
    if (version > LATEST_VERSION) {
      throw new DomainError(
        'conflict',
        `Реестр создан более новой версией АРМ Сертификат (версия схемы ${version}, эта программа знает до ${LATEST_VERSION}). Обновите программу; реестр не открыт и не изменён.`,
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // Money and consents must survive a power cut.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // Reads through the OS page cache without copying: cold two-letter searches on a big registry get ~2.5× faster.
    db.pragma('mmap_size = 268435456');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db);
    reuseStatements(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Statements a connection keeps compiled; the operations use a few hundred distinct texts. */
export const STATEMENT_CACHE_SIZE = 400;

/**
 * Operations prepare their statements where they use them, on every call; compiling one costs about as much as
 * running a small indexed query (a third of an application's CPU went to it). So the connection keeps its recent
 * statements by text. A statement still being read (an open `iterate()`) is never handed out twice, and the
 * modes a caller may have set (`pluck`, `raw`, `expand`) are reset, so each caller gets what `prepare` gives.
 */
function reuseStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      // Map order is the recency order: the least recently used statement is the first to go.
      kept.delete(source);
      kept.set(source, statement);
      if (statement.reader) statement.pluck(false).expand(false).raw(false);
      return statement;
    }
    const compiled = compile(source);
    if (!statement) {
      kept.set(source, compiled);
      if (kept.size > STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
    }
    return compiled;
  };
  db.prepare = prepare as Db['prepare'];
}

/**
 * Applies every migration newer than the file's user_version, all in one transaction. `list` is the registry's own
 * unless a test brings migrations that are not in it (one that moves data, one that fails).
 */
export function migrate(db: Db, upTo: number = LATEST_VERSION, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((m) => m.version > current && m.version <= upTo);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
  return pending[pending.length - 1]!.version;
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
