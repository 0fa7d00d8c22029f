/**
 * The monthly close at registry scale (1.04 million shrink entries and 200,000 charges in one close of the whole
 * registry): the ledger's sums per certificate and per contract are read from indexes alone, and the ledger keeps
 * no index nobody reads.
 */
import type { Db } from '../db';

const sql = `
-- A certificate's balance and reserve are sums over its entries of the year: the insert trigger computes them for
-- every new entry, and the close for every certificate. With the amounts in the index no table row is read.
DROP INDEX ledger_certificate;
CREATE INDEX ledger_certificate ON ledger_entries(certificate_id, year, deleted, d_nominal, d_reserve, d_spent);
-- What a contract still holds in reserve, likewise from the index alone.
DROP INDEX ledger_contract;
CREATE INDEX ledger_contract ON ledger_entries(contract_id, deleted, d_reserve) WHERE contract_id IS NOT NULL;
-- What a municipality has committed is kept in municipal_money; no query reads the ledger by municipality.
DROP INDEX ledger_municipality;

-- The same rule as before (balance and reserve never negative, checked on every entry), with both sums taken in
-- one pass over the certificate's entries instead of two.
DROP TRIGGER ledger_keeps_money_whole;
CREATE TRIGGER ledger_keeps_money_whole AFTER INSERT ON ledger_entries
BEGIN
  SELECT RAISE(ABORT, 'ledger: balance or reserve would become negative')
    FROM (SELECT sum(d_nominal) - sum(d_reserve) - sum(d_spent) AS balance, sum(d_reserve) AS reserve FROM ledger_entries
           WHERE certificate_id = NEW.certificate_id AND year = NEW.year AND deleted = 0)
   WHERE balance < 0 OR reserve < 0;
END;
`;

export function up(db: Db): void {
  db.exec(sql);
}
