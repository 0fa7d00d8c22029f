/**
 * Prolongations waiting for the representative's answer, by deadline. The desk asks every hour whether one is due
 * (and the close's preview before it counts): without an index that scanned all 500,000 contracts of a registry,
 * 0.4 s in the thread that serves the desks. Only pending prolongations are in it: a few rows.
 */
import type { Db } from '../db';

const sql = `
CREATE INDEX contracts_prolongation_due ON contracts(prolongation_deadline, created_at)
  WHERE status = 'pending' AND prolongation_deadline IS NOT NULL AND deleted = 0;
`;

export function up(db: Db): void {
  db.exec(sql);
}
