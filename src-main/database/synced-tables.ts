/**
 * What an exchange package may carry, declared once. Every table of the registry is in exactly one of SYNCED_TABLES
 * and LOCAL_TABLES, and every column of a synced table is travelling (in `columns`), secret (SECRET_COLUMNS) or
 * never travelling (NEVER_TRAVELLING_COLUMNS); tests/unit/synced-tables.test.ts holds these lists against the
 * schema of a fresh registry, so a new table or column cannot reach an exchange package by default: it fails the test
 * until someone decides where it goes.
 *
 * The lists say what may travel at all. Which rows and columns a given peer receives (an organization's desk gets
 * no identity documents, contacts or consent scans) is the exchange's scope by the peer's role, on top of this.
 */
import { SYNCED_COLUMN_NAMES } from './migrations/columns';

/** The columns a synced table's package rows carry: the four synced columns first, then the table's own. */
function travelling<const Own extends readonly string[]>(...own: Own): readonly [...typeof SYNCED_COLUMN_NAMES, ...Own] {
  return [...SYNCED_COLUMN_NAMES, ...own];
}

export interface SyncedTable {
  readonly table: string;
  /** Every column a package row of this table carries, in the order the exchange writes them. */
  readonly columns: readonly string[];
  /** Why the table travels as it does, where that is not plain "records merge by id, newer modified_at wins". */
  readonly reason?: string;
}

/**
 * Tables whose records travel between offices. Ordered so that every table comes after the synced tables it
 * references: applied in this order, an import never meets a foreign key to a row it has not written yet.
 */
export const SYNCED_TABLES = [
  {
    table: 'municipalities',
    columns: travelling('region_code', 'municipality_code', 'name', 'time_zone', 'child_age_min', 'child_age_max', 'owner_office_id', 'regulations'),
    reason: 'owner_office_id travels so that every office knows which one runs the municipality\'s parameters and closes',
  },
  {
    table: 'municipal_years',
    columns: travelling('municipality_id', 'year', 'money_limit_kopecks', 'status', 'nominal_unit', 'published_at'),
    reason: 'a published year is what every office uses; drafts travel too, so the owning office\'s preparation is seen elsewhere',
  },
  {
    table: 'categories',
    columns: travelling('municipality_id', 'year', 'name', 'annual_nominal_kopecks', 'budget_significant', 'budget_general', 'budget_preprofessional', 'hours_per_week', 'hour_price_kopecks'),
  },
  { table: 'organizations', columns: travelling('municipality_id', 'name', 'short_name', 'inn', 'address', 'phone', 'email') },
  {
    table: 'offices',
    columns: travelling('code', 'name', 'role', 'organization_id', 'key_suite', 'sign_public_key', 'box_public_key'),
    reason:
      'the directory of offices: every office numbers documents and contracts with its code; its role and PUBLIC keys are '
      + 'public facts (private keys live only in the office\'s key store, never in the registry); trust never comes from this '
      + 'directory, only from the local trust list (office_trust). After organizations: an organization\'s desk names its organization',
  },
  {
    table: 'programs',
    columns: travelling('organization_id', 'name', 'direction', 'age_min', 'age_max', 'registries', 'activity_types', 'goals', 'annotation', 'addresses', 'enrollment_open', 'interests'),
  },
  {
    table: 'program_registry_states',
    columns: travelling('program_id', 'registry', 'state', 'requested_at', 'decided_at', 'decided_by_name', 'reason'),
    reason: 'ids derive from (program, registry), so a request, a grant or a refusal made at any office is the same record; the decider travels by name, operators stay local',
  },
  { table: 'program_modules', columns: travelling('program_id', 'ordinal', 'name', 'hours', 'price_kopecks') },
  { table: 'program_groups', columns: travelling('program_id', 'module_id', 'name', 'start_date', 'end_date', 'capacity', 'address', 'teacher', 'timetable', 'hours_per_week') },
  { table: 'children', columns: travelling('last_name', 'first_name', 'middle_name', 'birth_date', 'gender', 'identity_document', 'snils') },
  { table: 'representatives', columns: travelling('last_name', 'first_name', 'middle_name', 'identity_document', 'phone', 'email', 'address', 'class_address') },
  { table: 'child_representatives', columns: travelling('child_id', 'representative_id', 'relation') },
  {
    table: 'certificates',
    columns: travelling(
      'number', 'child_id', 'municipality_id', 'category_id', 'type', 'status', 'issued_on', 'activated_on',
      'doc_child_identity', 'doc_representative_identity', 'doc_representation_proof', 'checklist_recorded_at',
      'confirmation_policy', 'code_phrase_changed_at', 'cabinet_password_set_at', 'status_reason',
    ),
    reason: 'an annulled certificate stays annulled whatever the clocks say: status does not merge by modified_at alone',
  },
  {
    table: 'ledger_entries',
    columns: travelling('certificate_id', 'municipality_id', 'year', 'kind', 'd_nominal', 'd_reserve', 'd_spent', 'contract_id', 'at', 'operator_id', 'note'),
    reason: 'money is never last-writer-wins: entries are appended by their own ids and never changed, every balance is the sum of all offices\' entries',
  },
  { table: 'notifications', columns: travelling('certificate_id', 'at', 'text', 'read') },
  { table: 'certificate_events', columns: travelling('certificate_id', 'at', 'kind', 'from_status', 'to_status', 'reason', 'operator_id', 'operator_name') },
  { table: 'blobs', columns: travelling('sha256', 'mime', 'size', 'file_name', 'data'), reason: 'consent scans: registry offices only, never an organization\'s desk (scope by role)' },
  {
    table: 'consents',
    columns: travelling('certificate_id', 'representative_id', 'form_version', 'signed_on', 'signed_by', 'recorded_at', 'recorded_by', 'withdrawn_on', 'withdrawal_recorded_at', 'withdrawal_recorded_by', 'scan_blob_id'),
    reason: 'a withdrawal is never undone by an older signature',
  },
  {
    table: 'contracts',
    columns: travelling(
      'number', 'certificate_id', 'group_id', 'organization_id', 'status', 'funding', 'budget_registry', 'start_date', 'end_date',
      'price_kopecks', 'certificate_kopecks', 'parent_kopecks', 'year', 'created_at', 'created_by', 'confirmation_method',
      'decided_at', 'decided_by', 'reason', 'termination_date', 'prolonged_from', 'prolongation_deadline',
    ),
  },
  { table: 'contract_charges', columns: travelling('contract_id', 'month', 'kopecks', 'ledger_entry_id'), reason: 'one charge per contract and month, whichever office closed the month' },
  { table: 'program_ratings', columns: travelling('contract_id', 'program_id', 'results', 'staff', 'equipment', 'satisfaction', 'rated_at', 'changed_at') },
  { table: 'monthly_closes', columns: travelling('municipality_id', 'month', 'closed_at', 'closed_by', 'report') },
  {
    table: 'issued_documents',
    columns: travelling('kind', 'registration_number', 'verification_code', 'certificate_id', 'issued_at', 'issued_by', 'issued_by_name', 'office_name', 'superseded_at', 'superseded_reason', 'contract_id'),
    reason: 'a printed document is verified by its code at any office',
  },
  { table: 'events', columns: travelling('organization_id', 'name', 'kind', 'starts_at', 'ends_at', 'address', 'age_min', 'age_max', 'places', 'description', 'applications_open') },
  { table: 'event_applications', columns: travelling('event_id', 'certificate_id', 'status', 'created_at', 'confirmation_method', 'cancelled_at', 'cancel_reason') },
] as const satisfies readonly SyncedTable[];

export type SyncedTableName = (typeof SYNCED_TABLES)[number]['table'];

export interface ColumnDecision {
  readonly table: SyncedTableName;
  readonly column: string;
  readonly reason: string;
}

/**
 * Secret hashes: they travel only between registry offices and the regional operator, inside the encrypted package,
 * and never to an organization's desk (issue 11: the registry office that receives an offline application checks the
 * code phrase itself). Not in the tables' `columns`, so that no package carries them unless the exchange adds them
 * for a registry peer on purpose.
 */
export const SECRET_COLUMNS = [
  { table: 'certificates', column: 'code_phrase_hash', reason: 'secret: the representative\'s code phrase, checked only at registry offices' },
  { table: 'certificates', column: 'cabinet_password_hash', reason: 'secret: the child\'s cabinet password, checked only at registry offices' },
] as const satisfies readonly ColumnDecision[];

/** Columns of synced tables that no package carries: each office keeps or derives its own. */
export const NEVER_TRAVELLING_COLUMNS = [
  { table: 'certificates', column: 'confirmation_locked_until', reason: 'lockout after wrong confirmations: counted per office from its own confirmation_attempts' },
  {
    table: 'certificates',
    column: 'issued_by',
    reason: 'references operators, which stay local: the receiver has no such row and would refuse it (the issue event carries the name)',
  },
  { table: 'event_applications', column: 'created_by', reason: 'references operators, which stay local: the receiver has no such row and would refuse it' },
  { table: 'event_applications', column: 'cancelled_by', reason: 'references operators, which stay local: the receiver has no such row and would refuse it' },
  { table: 'children', column: 'name_norm', reason: 'derived from the name for duplicate search (normalizeName); each office derives it on import' },
  { table: 'children', column: 'identity_document_norm', reason: 'derived from the document for duplicate search (normalizeDocument); each office derives it on import' },
  { table: 'representatives', column: 'name_norm', reason: 'derived from the name for finding the family (normalizeName); each office derives it on import' },
  { table: 'representatives', column: 'identity_document_norm', reason: 'derived from the document for finding the family (normalizeDocument); each office derives it on import' },
] as const satisfies readonly ColumnDecision[];

export interface LocalTable {
  readonly table: string;
  /**
   * What the table is in the schema, checked by the test: `synced_columns` carries id, modified_at, origin_office
   * and deleted yet stays; `office_only` has no synced columns; `search_index` is an FTS5 table (its shadow tables,
   * `<name>_data` and the like, belong to it).
   */
  readonly shape: 'synced_columns' | 'office_only' | 'search_index';
  readonly reason: string;
}

/** Tables that never leave the office. */
export const LOCAL_TABLES = [
  {
    table: 'operators',
    shape: 'synced_columns',
    reason: 'operator accounts belong to one office: password hashes, login lockout counters and the chosen theme never leave it',
  },
  {
    table: 'office_trust',
    shape: 'office_only',
    reason: 'the offices this office\'s administrator chose to trust after comparing fingerprints, with who and when: trust is each office\'s own decision',
  },
  { table: 'meta', shape: 'office_only', reason: 'this registry\'s own settings: its office id and name, its clock\'s last stamp' },
  { table: 'audit_log', shape: 'office_only', reason: 'the office\'s own hash chain of who did what; each office keeps and verifies its own' },
  { table: 'confirmation_attempts', shape: 'office_only', reason: 'the attempts behind the lockout, which is per office' },
  { table: 'municipal_money', shape: 'office_only', reason: 'derived from ledger_entries by a trigger; an import of entries keeps it' },
  {
    table: 'certificate_search',
    shape: 'search_index',
    reason: 'names index keyed by this file\'s certificates.rowid, written by the operations that write certificates (an import must index what it brings)',
  },
  { table: 'program_search', shape: 'search_index', reason: 'names index keyed by this file\'s programs.rowid, kept by triggers' },
  { table: 'event_search', shape: 'search_index', reason: 'names index keyed by this file\'s events.rowid, kept by triggers' },
] as const satisfies readonly LocalTable[];
