/** Columns every synced record carries (see 001_initial): stable id, HLC stamp, origin office, deletion mark. */
export const SYNCED_COLUMNS = `
  id TEXT PRIMARY KEY,
  modified_at TEXT NOT NULL,
  origin_office TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;
