/**
 * «Договоры» lists the newest first. Without an organization, group or certificate filter (the registry operator's
 * and the administrator's view) that meant sorting every contract of the tab: 0.7–1 s warm, 6.7 s cold for 133,000
 * contracts. Walked in this index's order the list stops after a page; the index carries what the tabs filter on
 * (status, start, deletion mark), so rows of other tabs are skipped without reading the table.
 */
import type { Db } from '../db';

const sql = `
CREATE INDEX contracts_created ON contracts(created_at, number, status, start_date, deleted);
`;

export function up(db: Db): void {
  db.exec(sql);
}
