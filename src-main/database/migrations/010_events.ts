/**
 * Events («Мероприятия»): what organizations publish, and children's applications to take part. Both tables are
 * exchanged like the catalogue (synced columns, deletion marks). Names are searched as programs' are: a
 * contentless FTS5 prefix index over the event's name and its organization's names, kept by triggers.
 */
import { SYNCED_COLUMNS as synced, foldForSearch as fold } from './columns';
import type { Db } from '../db';

/** A wall-clock minute where the event happens: 'YYYY-MM-DDTHH:MM'. */
const localMinute = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'`;

/** The search row of each event selected by `where` (aliases e for events, o for organizations). */
const searchRows = (where: string) => `
  INSERT INTO event_search(rowid, event_name, organization_name)
  SELECT e.rowid, ${fold('e.name')}, ${fold("o.short_name || ' ' || o.name")}
    FROM events e JOIN organizations o ON o.id = e.organization_id
   WHERE ${where}`;

const sql = `
CREATE TABLE events (${synced},
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
  kind TEXT NOT NULL CHECK (kind IN ('competition', 'festival', 'concert', 'exhibition', 'masterclass', 'excursion', 'other')),
  -- Local times where the event happens (the municipality's zone), not UTC instants.
  starts_at TEXT NOT NULL CHECK (${localMinute('starts_at')}),
  ends_at TEXT NOT NULL CHECK (${localMinute('ends_at')} AND ends_at >= starts_at),
  address TEXT NOT NULL,
  age_min INTEGER NOT NULL CHECK (age_min BETWEEN 0 AND 25),
  age_max INTEGER NOT NULL CHECK (age_max BETWEEN age_min AND 25),
  -- NULL: as many children as come.
  places INTEGER CHECK (places IS NULL OR places > 0),
  description TEXT NOT NULL DEFAULT '',
  applications_open INTEGER NOT NULL DEFAULT 1 CHECK (applications_open IN (0, 1))
) STRICT;
-- An organization's events and every organization's upcoming ones, in date order, without sorting.
CREATE INDEX events_organization ON events(organization_id, deleted, starts_at);
CREATE INDEX events_starts ON events(deleted, ends_at, starts_at);

-- One row per application; a cancelled one stays (with who, when and why). No UNIQUE on (event, certificate):
-- two offices may each take an application offline, and an exchange must not fail on it; the operation refuses a
-- second one at its desk.
CREATE TABLE event_applications (${synced},
  event_id TEXT NOT NULL REFERENCES events(id),
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  status TEXT NOT NULL CHECK (status IN ('submitted', 'cancelled')),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES operators(id),
  -- How the representative's consent to apply was confirmed, as for program applications.
  confirmation_method TEXT NOT NULL CHECK (confirmation_method IN ('by_name', 'by_phrase', 'cabinet_password')),
  cancelled_at TEXT,
  cancelled_by TEXT REFERENCES operators(id),
  cancel_reason TEXT,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
) STRICT;
-- Places taken are counted from this index alone; a child's applications come from the other.
CREATE INDEX event_applications_event ON event_applications(event_id, status, deleted, certificate_id);
CREATE INDEX event_applications_certificate ON event_applications(certificate_id, deleted);

CREATE VIRTUAL TABLE event_search USING fts5(
  event_name, organization_name,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6'
);

CREATE TRIGGER events_enter_search AFTER INSERT ON events WHEN NEW.deleted = 0
BEGIN
  ${searchRows('e.rowid = NEW.rowid')};
END;
CREATE TRIGGER events_renew_search AFTER UPDATE OF name, organization_id, deleted ON events
BEGIN
  DELETE FROM event_search WHERE rowid = OLD.rowid;
  ${searchRows('e.rowid = NEW.rowid AND NEW.deleted = 0')};
END;
CREATE TRIGGER organizations_renew_event_search AFTER UPDATE OF name, short_name ON organizations
BEGIN
  DELETE FROM event_search WHERE rowid IN (SELECT rowid FROM events WHERE organization_id = NEW.id);
  ${searchRows('e.organization_id = NEW.id AND e.deleted = 0')};
END;
`;

export function up(db: Db): void {
  db.exec(sql);
}
