import { getMeta, type Db } from '../database/db';

/**
 * The office's code, as it stands in every number the office gives out (contracts «Д-…», documents «ВС-…»): numbers
 * made by different offices of a region never collide, whichever registry they meet in after an exchange.
 */
export function officeCode(db: Db, officeId: string): string {
  const row = db.prepare('SELECT code FROM offices WHERE id = ?').get(officeId) as { code: string } | undefined;
  return row?.code ?? officeId.slice(0, 8);
}

/** The office's name, as printed on its documents and shown on the desk. */
export function officeName(db: Db): string {
  return getMeta(db, 'office_name') ?? 'Рабочее место';
}
