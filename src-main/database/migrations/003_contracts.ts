/**
 * Groups, applications and contracts (one table: an application is a contract awaiting confirmation), and the
 * monthly charges that move reserve to spent. Money itself still moves only through ledger_entries.
 */
import { SYNCED_COLUMNS as synced } from './columns';
import type { Db } from '../db';

const sql = `
CREATE TABLE program_groups (${synced},
  program_id TEXT NOT NULL REFERENCES programs(id),
  module_id TEXT NOT NULL REFERENCES program_modules(id),
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  address TEXT NOT NULL,
  teacher TEXT,
  timetable TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(timetable)),
  hours_per_week INTEGER NOT NULL DEFAULT 0 CHECK (hours_per_week >= 0),
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX program_groups_program ON program_groups(program_id);

CREATE TABLE contracts (${synced},
  number TEXT NOT NULL UNIQUE,
  certificate_id TEXT NOT NULL REFERENCES certificates(id),
  group_id TEXT NOT NULL REFERENCES program_groups(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'active', 'completed', 'terminated', 'rejected', 'cancelled')),
  -- How the place is paid: certificate money, one budget count of a budget registry, or not yet decided (pending).
  funding TEXT CHECK (funding IN ('certificate', 'budget')),
  budget_registry TEXT CHECK (budget_registry IN ('significant', 'general', 'preprofessional')),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  price_kopecks INTEGER NOT NULL CHECK (price_kopecks >= 0),
  certificate_kopecks INTEGER NOT NULL DEFAULT 0 CHECK (certificate_kopecks >= 0),
  parent_kopecks INTEGER NOT NULL DEFAULT 0 CHECK (parent_kopecks >= 0),
  year INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  confirmation_method TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  reason TEXT,
  termination_date TEXT,
  -- A prolongation: the contract it continues, and the last day the representative may refuse it.
  prolonged_from TEXT REFERENCES contracts(id),
  prolongation_deadline TEXT,
  CHECK (end_date >= start_date),
  CHECK ((prolonged_from IS NULL) = (prolongation_deadline IS NULL)),
  CHECK (certificate_kopecks + parent_kopecks = price_kopecks OR status IN ('pending', 'rejected', 'cancelled')),
  CHECK ((funding = 'budget') = (budget_registry IS NOT NULL))
) STRICT;
CREATE INDEX contracts_certificate ON contracts(certificate_id, status);
CREATE INDEX contracts_group ON contracts(group_id, status);
CREATE INDEX contracts_organization ON contracts(organization_id, status);

-- One charge per contract and month: a second monthly close of the same month finds it and charges nothing.
CREATE TABLE contract_charges (${synced},
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  month TEXT NOT NULL,
  kopecks INTEGER NOT NULL CHECK (kopecks >= 0),
  ledger_entry_id TEXT NOT NULL REFERENCES ledger_entries(id),
  UNIQUE (contract_id, month)
) STRICT;

-- The representative's rating of a program after a contract ended: four parameters, 0–100 %, one per contract.
CREATE TABLE program_ratings (${synced},
  contract_id TEXT NOT NULL UNIQUE REFERENCES contracts(id),
  program_id TEXT NOT NULL REFERENCES programs(id),
  results INTEGER NOT NULL CHECK (results BETWEEN 0 AND 100),
  staff INTEGER NOT NULL CHECK (staff BETWEEN 0 AND 100),
  equipment INTEGER NOT NULL CHECK (equipment BETWEEN 0 AND 100),
  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 0 AND 100),
  rated_at TEXT NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX program_ratings_program ON program_ratings(program_id);

-- A month is closed at most once per municipality; the report says what the close did.
CREATE TABLE monthly_closes (${synced},
  municipality_id TEXT NOT NULL REFERENCES municipalities(id),
  month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
  closed_at TEXT NOT NULL,
  closed_by TEXT,
  report TEXT NOT NULL CHECK (json_valid(report)),
  UNIQUE (municipality_id, month)
) STRICT;
`;

export function up(db: Db): void {
  db.exec(sql);
}
