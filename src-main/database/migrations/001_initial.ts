/**
 * The first registry schema.
 * Every record that travels between offices carries: a stable UUID `id`, `modified_at` (hybrid logical
 * clock, sortable text), `origin_office` and a `deleted` mark (rows are never removed, so a deletion can
 * travel too). Money lives only in `ledger_entries`: a certificate's nominal, reserve and spent are sums
 * over its entries and the balance is derived, so nominal = balance + reserve + spent cannot drift.
 */
import { SYNCED_COLUMNS as synced } from './columns';
import type { Db } from '../db';

const sql = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE offices (${synced},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE municipalities (${synced},
  region_code TEXT NOT NULL CHECK (length(region_code) = 2 AND region_code GLOB '[0-9][0-9]'),
  municipality_code TEXT NOT NULL CHECK (length(municipality_code) = 2 AND municipality_code GLOB '[0-9][0-9]'),
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  child_age_min INTEGER NOT NULL CHECK (child_age_min BETWEEN 0 AND 25),
  child_age_max INTEGER NOT NULL CHECK (child_age_max BETWEEN child_age_min AND 25),
  UNIQUE (region_code, municipality_code)
) STRICT;

CREATE TABLE municipal_years (${synced},
  municipality_id TEXT NOT NULL REFERENCES municipalities(id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  money_limit_kopecks INTEGER NOT NULL CHECK (money_limit_kopecks >= 0),
  UNIQUE (municipality_id, year)
) STRICT;

CREATE TABLE categories (${synced},
  municipality_id TEXT NOT NULL REFERENCES municipalities(id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name TEXT NOT NULL,
  annual_nominal_kopecks INTEGER NOT NULL CHECK (annual_nominal_kopecks >= 0),
  budget_significant INTEGER NOT NULL DEFAULT 0 CHECK (budget_significant >= 0),
  budget_general INTEGER NOT NULL DEFAULT 0 CHECK (budget_general >= 0),
  budget_preprofessional INTEGER NOT NULL DEFAULT 0 CHECK (budget_preprofessional >= 0),
  UNIQUE (municipality_id, year, name)
) STRICT;

CREATE TABLE organizations (${synced},
  municipality_id TEXT NOT NULL REFERENCES municipalities(id),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  inn TEXT,
  address TEXT,
  phone TEXT,
  email TEXT
) STRICT;

CREATE TABLE programs (${synced},
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('technical','science','sport','art','tourism','social')),
  age_min INTEGER NOT NULL CHECK (age_min BETWEEN 0 AND 25),
  age_max INTEGER NOT NULL CHECK (age_max BETWEEN age_min AND 25),
  registries TEXT NOT NULL CHECK (json_valid(registries)),
  activity_types TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(activity_types)),
  goals TEXT NOT NULL DEFAULT '',
  annotation TEXT NOT NULL DEFAULT '',
  addresses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(addresses)),
  enrollment_open INTEGER NOT NULL DEFAULT 1 CHECK (enrollment_open IN (0, 1))
) STRICT;
CREATE INDEX programs_organization ON programs(organization_id);

CREATE TABLE program_modules (${synced},
  program_id TEXT NOT NULL REFERENCES programs(id),
  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),
  name TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours > 0),
  price_kopecks INTEGER NOT NULL CHECK (price_kopecks >= 0),
  UNIQUE (program_id, ordinal)
) STRICT;

CREATE TABLE operators (${synced},
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','registry_operator','org_staff')),
  organization_id TEXT REFERENCES organizations(id),
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  first_failed_at TEXT,
  locked_until TEXT,
  theme TEXT NOT NULL DEFAULT 'light' CHECK (theme IN ('light','dark')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK ((role = 'org_staff') = (organization_id IS NOT NULL))
) STRICT;

CREATE TABLE children (${synced},
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  middle_name TEXT,
  name_norm TEXT NOT NULL,
  birth_date TEXT NOT NULL CHECK (birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  gender TEXT NOT NULL CHECK (gender IN ('male','female')),
  identity_document TEXT NOT NULL,
  identity_document_norm TEXT NOT NULL,
  snils TEXT
) STRICT;
CREATE INDEX children_name_birth ON children(name_norm, birth_date);
CREATE INDEX children_document ON children(identity_document_norm);

CREATE TABLE representatives (${synced},
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  middle_name TEXT,
  name_norm TEXT NOT NULL,
  identity_document TEXT NOT NULL,
  identity_document_norm TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  address TEXT,
  class_address TEXT
) STRICT;

CREATE INDEX representatives_document ON representatives(identity_document_norm);

CREATE TABLE child_representatives (${synced},
  child_id TEXT NOT NULL REFERENCES children(id),
  representative_id TEXT NOT NULL REFERENCES representatives(id),
  relation TEXT NOT NULL CHECK (relation IN ('mother','father','guardian','trustee','other')),
  UNIQUE (child_id, representative_id)
) STRICT;
CREATE INDEX child_representatives_rep ON child_representatives(representative_id);

CREATE TABLE certificates (${synced},
  number TEXT NOT NULL UNIQUE CHECK (length(number) = 10 AND number GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
  child_id TEXT NOT NULL REFERENCES children(id),
  municipality_id TEXT NOT NULL REFERENCES municipalities(id),
  category_id TEXT NOT NULL REFERENCES categories(id),
  type TEXT NOT NULL CHECK (type IN ('financing','accounting')),
  status TEXT NOT NULL CHECK (status IN ('issued','active','suspended','annulled')),
  issued_on TEXT NOT NULL,
  issued_by TEXT REFERENCES operators(id),
  activated_on TEXT
) STRICT;
CREATE INDEX certificates_child ON certificates(child_id);

CREATE TABLE ledger_entries (${synced},
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  municipality_id TEXT NOT NULL REFERENCES municipalities(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('grant','shrink','reserve','release','charge')),
  d_nominal INTEGER NOT NULL DEFAULT 0,
  d_reserve INTEGER NOT NULL DEFAULT 0,
  d_spent INTEGER NOT NULL DEFAULT 0,
  contract_id TEXT,
  at TEXT NOT NULL,
  operator_id TEXT,
  note TEXT,
  -- each kind moves money in exactly one way
  CHECK (
    (kind = 'grant'   AND d_nominal >= 0 AND d_reserve = 0 AND d_spent = 0) OR
    (kind = 'shrink'  AND d_nominal <= 0 AND d_reserve = 0 AND d_spent = 0) OR
    (kind = 'reserve' AND d_nominal = 0 AND d_reserve > 0 AND d_spent = 0) OR
    (kind = 'release' AND d_nominal = 0 AND d_reserve < 0 AND d_spent = 0) OR
    (kind = 'charge'  AND d_nominal = 0 AND d_reserve < 0 AND d_spent = -d_reserve)
  )
) STRICT;
CREATE INDEX ledger_certificate ON ledger_entries(certificate_id, year);
CREATE INDEX ledger_municipality ON ledger_entries(municipality_id, year);

-- The balance may never go below zero, nor the reserve: checked on every entry, so no feature can forget.
CREATE TRIGGER ledger_keeps_money_whole AFTER INSERT ON ledger_entries
BEGIN
  SELECT RAISE(ABORT, 'ledger: balance or reserve would become negative')
  WHERE (SELECT sum(d_nominal) - sum(d_reserve) - sum(d_spent) FROM ledger_entries
          WHERE certificate_id = NEW.certificate_id AND year = NEW.year AND deleted = 0) < 0
     OR (SELECT sum(d_reserve) FROM ledger_entries
          WHERE certificate_id = NEW.certificate_id AND year = NEW.year AND deleted = 0) < 0;
END;
-- Derived, local: what a municipality has booked and spent in a year, kept by the ledger itself so the
-- limit check is one row read, not a scan of every certificate. Rebuilt from the ledger, never synced.
CREATE TABLE municipal_money (
  municipality_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  committed_kopecks INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, year)
) STRICT;
CREATE TRIGGER ledger_feeds_municipal_money AFTER INSERT ON ledger_entries
WHEN NEW.d_reserve + NEW.d_spent <> 0
BEGIN
  INSERT INTO municipal_money(municipality_id, year, committed_kopecks)
  VALUES (NEW.municipality_id, NEW.year, NEW.d_reserve + NEW.d_spent)
  ON CONFLICT(municipality_id, year) DO UPDATE SET committed_kopecks = committed_kopecks + excluded.committed_kopecks;
END;
CREATE TRIGGER ledger_is_append_only BEFORE UPDATE ON ledger_entries
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are never changed');
END;
CREATE TRIGGER ledger_is_never_deleted BEFORE DELETE ON ledger_entries
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are never deleted');
END;

CREATE TABLE notifications (${synced},
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  at TEXT NOT NULL,
  text TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))
) STRICT;
CREATE INDEX notifications_certificate ON notifications(certificate_id, at);

-- Local to this office: who did what, when, to which record. Each entry carries the hash of the previous.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator_id TEXT,
  operator_login TEXT,
  operation TEXT NOT NULL,
  record_type TEXT,
  record_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok','refused')),
  summary TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_operation ON audit_log(operation, seq);
CREATE TRIGGER audit_is_append_only BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit log entries are never changed');
END;
CREATE TRIGGER audit_is_never_deleted BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit log entries are never deleted');
END;

-- Search as you type over children's and representatives' names (folded: lower case, ё→е).
-- Contentless: the names live in their tables; rowid = certificates.rowid.
-- Prefix indexes for 1 to 10 letters: a prefix query of an indexed length reads one stored doclist lazily and
-- stops at LIMIT, while a longer one first merges the doclists of every matching word (all of «иван*»:
-- иван, иванов, иванова, ивановна, иванович… over a hundred thousand documents in a big registry). Names
-- are up to 14 letters; past 10 letters few words share a prefix, so the merge stays small.
CREATE VIRTUAL TABLE certificate_search USING fts5(
  child_name, representative_name,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6 7 8 9 10'
);
`;

export function up(db: Db): void {
  db.exec(sql);
}
