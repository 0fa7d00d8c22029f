/**
 * Offices and trust (issue 11, point 1): every registry is an office with its own key pairs, and a trust list of the
 * other offices it exchanges packages with.
 *
 * - `offices` (synced, the region's directory of offices) gains the office's role, the organization an
 *   organization's desk works for, and its PUBLIC keys with their suite. Private keys are never in the registry:
 *   the office's key store keeps them (features/offices). Trust never comes from this directory, only from the
 *   trust list.
 * - `office_trust` (local): the offices whose cards this office's administrator imported after comparing the
 *   fingerprint, with who and when; revoked entries stay, and no entry is ever deleted or has its keys changed.
 *
 * An existing registry's own office row and its keys are made when the desk first opens it with its key store
 * (`ensureOfficeKeys`): a migration has no key store to write the private half into, nor a clock for the row.
 */
import type { Db } from '../db';

const ROLES = "('regional_operator', 'registry_office', 'organization_desk')";

const sql = `
ALTER TABLE offices ADD COLUMN role TEXT CHECK (role IN ${ROLES});
ALTER TABLE offices ADD COLUMN organization_id TEXT REFERENCES organizations(id)
  CHECK ((organization_id IS NOT NULL) = (role IS 'organization_desk'));
ALTER TABLE offices ADD COLUMN key_suite TEXT;
ALTER TABLE offices ADD COLUMN sign_public_key TEXT;
ALTER TABLE offices ADD COLUMN box_public_key TEXT;

-- Local, so it carries none of the synced columns: its key is entry_id, not id.
CREATE TABLE office_trust (
  entry_id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ${ROLES}),
  organization_id TEXT,
  organization_name TEXT,
  suite TEXT NOT NULL,
  sign_public_key TEXT NOT NULL,
  box_public_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
  card TEXT NOT NULL CHECK (json_valid(card)),
  trusted_at TEXT NOT NULL,
  trusted_by TEXT REFERENCES operators(id),
  trusted_by_name TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT REFERENCES operators(id),
  revoked_by_name TEXT,
  revoke_reason TEXT,
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL) AND (revoked_at IS NULL) = (revoked_by_name IS NULL))
) STRICT;
-- One live entry per office: a new card of the same office is taken only once the old one is revoked.
CREATE UNIQUE INDEX office_trust_live_code ON office_trust(code) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX office_trust_live_office ON office_trust(office_id) WHERE revoked_at IS NULL;

-- The trust list is a record: an entry is revoked once, never changed otherwise, never deleted.
CREATE TRIGGER office_trust_no_delete BEFORE DELETE ON office_trust
BEGIN SELECT RAISE(ABORT, 'office_trust entries are never deleted'); END;
CREATE TRIGGER office_trust_only_revoke BEFORE UPDATE ON office_trust
WHEN OLD.revoked_at IS NOT NULL
  OR NEW.entry_id IS NOT OLD.entry_id OR NEW.office_id IS NOT OLD.office_id OR NEW.code IS NOT OLD.code OR NEW.name IS NOT OLD.name
  OR NEW.role IS NOT OLD.role OR NEW.organization_id IS NOT OLD.organization_id OR NEW.organization_name IS NOT OLD.organization_name
  OR NEW.suite IS NOT OLD.suite OR NEW.sign_public_key IS NOT OLD.sign_public_key OR NEW.box_public_key IS NOT OLD.box_public_key
  OR NEW.fingerprint IS NOT OLD.fingerprint OR NEW.card IS NOT OLD.card
  OR NEW.trusted_at IS NOT OLD.trusted_at OR NEW.trusted_by IS NOT OLD.trusted_by OR NEW.trusted_by_name IS NOT OLD.trusted_by_name
BEGIN SELECT RAISE(ABORT, 'an office_trust entry only gets revoked, once'); END;
`;

export function up(db: Db): void {
  db.exec(sql);
}
