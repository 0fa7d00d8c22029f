/** Columns every synced record carries (see 001_initial): stable id, HLC stamp, origin office, deletion mark. */
export const SYNCED_COLUMNS = `
  id TEXT PRIMARY KEY,
  modified_at TEXT NOT NULL,
  origin_office TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;

/**
 * Folds a name in SQL as the search queries are folded (the tokenizer folds case; ё is not a diacritic to it):
 * every name search index (programs, events) is filled through it.
 */
export const foldForSearch = (expr: string) => `replace(replace(${expr}, 'ё', 'е'), 'Ё', 'Е')`;

/** The names of SYNCED_COLUMNS, in their order: what the exchange reads and writes on every synced record. */
export const SYNCED_COLUMN_NAMES = ['id', 'modified_at', 'origin_office', 'deleted'] as const;
