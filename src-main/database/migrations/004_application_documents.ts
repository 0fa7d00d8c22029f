/**
 * The enrollment application («Заявление на зачисление») as an issued document: a new kind, and the contract
 * it was printed for, so that verification names the contract and stops vouching for it once the application
 * is rejected or cancelled. SQLite cannot change a CHECK constraint in place: the table is rebuilt with the
 * same rows (nothing references issued_documents, so foreign keys stay on).
 */
import { SYNCED_COLUMNS as synced } from './columns';
import type { Db } from '../db';

const sql = `
CREATE TABLE issued_documents_004 (${synced},
  kind TEXT NOT NULL CHECK (kind IN ('extract', 'attendance', 'consent', 'application')),
  registration_number TEXT NOT NULL UNIQUE,
  verification_code TEXT NOT NULL UNIQUE,
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  issued_at TEXT NOT NULL,
  issued_by TEXT,
  issued_by_name TEXT NOT NULL,
  office_name TEXT NOT NULL,
  superseded_at TEXT,
  superseded_reason TEXT,
  contract_id TEXT REFERENCES contracts(id),
  CHECK ((kind = 'application') = (contract_id IS NOT NULL))
) STRICT;
INSERT INTO issued_documents_004(id, modified_at, origin_office, deleted, kind, registration_number, verification_code, certificate_id,
                                 issued_at, issued_by, issued_by_name, office_name, superseded_at, superseded_reason)
  SELECT id, modified_at, origin_office, deleted, kind, registration_number, verification_code, certificate_id,
         issued_at, issued_by, issued_by_name, office_name, superseded_at, superseded_reason
    FROM issued_documents;
DROP TABLE issued_documents;
ALTER TABLE issued_documents_004 RENAME TO issued_documents;
CREATE INDEX issued_documents_certificate ON issued_documents(certificate_id, kind, issued_at);
CREATE INDEX issued_documents_day ON issued_documents(kind, issued_at);
CREATE INDEX issued_documents_contract ON issued_documents(contract_id) WHERE contract_id IS NOT NULL;
`;

export function up(db: Db): void {
  db.exec(sql);
}
