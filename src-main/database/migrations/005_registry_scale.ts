/**
 * Registry scale (1.5 million children, 500,000 contracts, 50,000 programs): indexes the navigator, the
 * applications and the chunked monthly close read by, and the navigator's name search.
 */
import { foldForSearch as fold } from './columns';
import type { Db } from '../db';

/** The search row of each program selected by `where` (aliases p for programs, o for organizations). */
const searchRows = (where: string) => `
  INSERT INTO program_search(rowid, program_name, organization_name)
  SELECT p.rowid, ${fold('p.name')}, ${fold("o.short_name || ' ' || o.name")}
    FROM programs p JOIN organizations o ON o.id = p.organization_id
   WHERE ${where}`;

const sql = `
-- The monthly close walks a municipality's certificates in rowid chunks.
CREATE INDEX certificates_municipality ON certificates(municipality_id);
-- What a contract still holds in reserve is the sum of its entries.
CREATE INDEX ledger_contract ON ledger_entries(contract_id) WHERE contract_id IS NOT NULL;
-- The navigator lists programs by name and stops at its limit.
CREATE INDEX programs_name ON programs(name);
-- Places taken in a group are counted from this index alone (deletion marks included), not from contract rows.
DROP INDEX contracts_group;
CREATE INDEX contracts_group ON contracts(group_id, status, deleted);

-- Search as you type over program names and their organization's short and full names, by word prefixes.
-- Contentless (the names live in their tables); rowid = programs.rowid. Kept by the triggers below, so every
-- way a program or an organization is written keeps it (the save operations, the generator, a sync later).
CREATE VIRTUAL TABLE program_search USING fts5(
  program_name, organization_name,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6'
);
${searchRows('p.deleted = 0')};

CREATE TRIGGER programs_enter_search AFTER INSERT ON programs WHEN NEW.deleted = 0
BEGIN
  ${searchRows('p.rowid = NEW.rowid')};
END;
CREATE TRIGGER programs_renew_search AFTER UPDATE OF name, organization_id, deleted ON programs
BEGIN
  DELETE FROM program_search WHERE rowid = OLD.rowid;
  ${searchRows('p.rowid = NEW.rowid AND NEW.deleted = 0')};
END;
CREATE TRIGGER organizations_renew_search AFTER UPDATE OF name, short_name ON organizations
BEGIN
  DELETE FROM program_search WHERE rowid IN (SELECT rowid FROM programs WHERE organization_id = NEW.id);
  ${searchRows('p.organization_id = NEW.id AND p.deleted = 0')};
END;
`;

export function up(db: Db): void {
  db.exec(sql);
}
