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

/** Numbered migrations, applied in order; the registry's PRAGMA user_version is the last one applied. */
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'initial', sql: m001.sql },
  { version: 2, name: 'registry desk', sql: m002.sql },
  { version: 3, name: 'contracts', sql: m003.sql },
  { version: 4, name: 'application documents', sql: m004.sql },
  { version: 5, name: 'registry scale', sql: m005.sql },
  { version: 6, name: 'program interests', sql: m006.sql },
  { version: 7, name: 'close at scale', sql: m007.sql },
  { version: 8, name: 'contract lists', sql: m008.sql },
  { version: 9, name: 'navigator filters', sql: m009.sql },
  { version: 10, name: 'events', sql: m010.sql },
  { version: 11, name: 'prolongations due', sql: m011.sql },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
