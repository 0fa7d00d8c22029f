import type { Db } from '../db';
import * as m001 from './001_initial';
import * as m002 from './002_registry_desk';
import * as m003 from './003_contracts';
import * as m004 from './004_application_documents';
import * as m005 from './005_registry_scale';
import * as m006 from './006_program_interests';
import * as m007 from './007_close_at_scale';
import * as m008 from './008_contract_lists';
import * as m009 from './009_navigator_filters';
import * as m010 from './010_events';
import * as m011 from './011_prolongations_due';
import * as m012 from './012_municipal_parameters';
import * as m013 from './013_office_keys';
import * as m014 from './014_registry_memberships';

/** What a migration file exports. */
export interface MigrationModule {
  /**
   * Brings the registry from the previous version to this one. It runs inside the one transaction of `migrate`, so
   * it may move data (a backfill) as well as change the schema, and a failure leaves the file as it was. Inside a
   * transaction `PRAGMA foreign_keys` cannot be switched: a table is rebuilt by copying into a new table and
   * renaming it (see 004). A backfill runs at every office alike, so it leaves `modified_at` as it is: bumping it
   * would make every office send every row it touched.
   */
  up(db: Db): void;
}

export interface Migration extends MigrationModule {
  /** The number in the file name; once applied, the registry's `PRAGMA user_version`. */
  readonly version: number;
  /** The file name without its extension, e.g. `005_registry_scale`. */
  readonly file: string;
  /** What the migration is for, from the file name: `registry scale`. */
  readonly name: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9]+(?:_[a-z0-9]+)*)$/;

/** A migration whose version is read from its file name, so the number is written in one place only. */
export function migration(file: string, module: MigrationModule): Migration {
  const parts = FILE_NAME.exec(file);
  if (!parts) throw new Error(`Migration file name «${file}» is not NNN_what_it_does`);
  return { version: Number(parts[1]), file, name: parts[2]!.replaceAll('_', ' '), up: module.up };
}

/**
 * The list as given, once its versions are checked to run 1, 2, … N: a gap or a repeated number would leave a
 * registry at a version that means different schemas at different offices.
 */
export function inSequence(list: readonly Migration[]): readonly Migration[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.file} is number ${i + 1} in the list, its file name says ${m.version}`);
  });
  return list;
}

/**
 * Numbered migrations, applied in order; the registry's PRAGMA user_version is the last one applied. The bundle has
 * no directory to list at run time, so the files are named here; a unit test checks this list against the folder.
 */
export const migrations: readonly Migration[] = inSequence([
  migration('001_initial', m001),
  migration('002_registry_desk', m002),
  migration('003_contracts', m003),
  migration('004_application_documents', m004),
  migration('005_registry_scale', m005),
  migration('006_program_interests', m006),
  migration('007_close_at_scale', m007),
  migration('008_contract_lists', m008),
  migration('009_navigator_filters', m009),
  migration('010_events', m010),
  migration('011_prolongations_due', m011),
  migration('012_municipal_parameters', m012),
  migration('013_office_keys', m013),
  migration('014_registry_memberships', m014),
]);

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
