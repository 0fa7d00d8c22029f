/**
 * The registry desk: documents checklist, consents with scans, status history, confirmation policy with the
 * code phrase (hash only) and its lockout, the child's cabinet password (hash only), and issued documents.
 */
import { SYNCED_COLUMNS as synced } from './columns';
import type { Db } from '../db';

const sql = `
ALTER TABLE certificates ADD COLUMN doc_child_identity INTEGER NOT NULL DEFAULT 0 CHECK (doc_child_identity IN (0, 1));
ALTER TABLE certificates ADD COLUMN doc_representative_identity INTEGER NOT NULL DEFAULT 0 CHECK (doc_representative_identity IN (0, 1));
ALTER TABLE certificates ADD COLUMN doc_representation_proof INTEGER NOT NULL DEFAULT 0 CHECK (doc_representation_proof IN (0, 1));
ALTER TABLE certificates ADD COLUMN checklist_recorded_at TEXT;
-- Until the representative chooses, no organization may create an application: the safe default.
ALTER TABLE certificates ADD COLUMN confirmation_policy TEXT NOT NULL DEFAULT 'forbidden'
  CHECK (confirmation_policy IN ('forbidden', 'by_name', 'by_phrase'));
ALTER TABLE certificates ADD COLUMN code_phrase_hash TEXT;
ALTER TABLE certificates ADD COLUMN code_phrase_changed_at TEXT;
ALTER TABLE certificates ADD COLUMN confirmation_locked_until TEXT;
ALTER TABLE certificates ADD COLUMN cabinet_password_hash TEXT;
ALTER TABLE certificates ADD COLUMN cabinet_password_set_at TEXT;
ALTER TABLE certificates ADD COLUMN status_reason TEXT;

CREATE TABLE certificate_events (${synced},
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  reason TEXT,
  operator_id TEXT,
  operator_name TEXT
) STRICT;
CREATE INDEX certificate_events_certificate ON certificate_events(certificate_id, at);

CREATE TABLE blobs (${synced},
  sha256 TEXT NOT NULL,
  mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
  size INTEGER NOT NULL CHECK (size > 0),
  file_name TEXT NOT NULL,
  data BLOB NOT NULL,
  CHECK (length(data) = size)
) STRICT;

CREATE TABLE consents (${synced},
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  representative_id TEXT NOT NULL REFERENCES representatives(id),
  form_version TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  signed_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT,
  withdrawn_on TEXT,
  withdrawal_recorded_at TEXT,
  withdrawal_recorded_by TEXT,
  scan_blob_id TEXT REFERENCES blobs(id),
  CHECK (withdrawn_on IS NULL OR withdrawn_on >= signed_on)
) STRICT;
CREATE INDEX consents_certificate ON consents(certificate_id, signed_on);
-- A consent is never deleted: withdrawal is recorded with its date.
CREATE TRIGGER consents_are_never_deleted BEFORE DELETE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consents are never deleted');
END;

-- Local to the office: every confirmation attempt an organization made, for the lockout.
CREATE TABLE confirmation_attempts (
  seq INTEGER PRIMARY KEY,
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  at TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('by_name', 'by_phrase', 'cabinet_password')),
  success INTEGER NOT NULL CHECK (success IN (0, 1)),
  operator_id TEXT,
  organization_id TEXT
) STRICT;
CREATE INDEX confirmation_attempts_certificate ON confirmation_attempts(certificate_id, at);

CREATE TABLE issued_documents (${synced},
  kind TEXT NOT NULL CHECK (kind IN ('extract', 'attendance', 'consent')),
  registration_number TEXT NOT NULL UNIQUE,
  verification_code TEXT NOT NULL UNIQUE,
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  issued_at TEXT NOT NULL,
  issued_by TEXT,
  issued_by_name TEXT NOT NULL,
  office_name TEXT NOT NULL,
  superseded_at TEXT,
  superseded_reason TEXT
) STRICT;
CREATE INDEX issued_documents_certificate ON issued_documents(certificate_id, kind, issued_at);
CREATE INDEX issued_documents_day ON issued_documents(kind, issued_at);
`;

export function up(db: Db): void {
  db.exec(sql);
}
