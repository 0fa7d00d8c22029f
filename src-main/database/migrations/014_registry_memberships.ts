/**
 * Registries of programs are granted, not self-declared (issue 12, point 11). `program_registry_states` keeps, per
 * program and registry, what the organization asked for and what the registry staff decided: requested, granted,
 * refused or revoked, with the reason, when and by whom. `programs.registries` stays the list of GRANTED registries
 * (what money, budget places and the navigator read); only a registry decision changes it.
 *
 * Existing memberships were in use, so they migrate as granted, each marked with the reason that it came over with
 * the update. A row's id derives from (program, registry), so every office that migrates the same program makes the
 * same rows, and the exchange merges them instead of doubling them. The backfill keeps the program's `modified_at`
 * and origin office: every office migrates alike, nothing needs to travel.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { SYNCED_COLUMNS as synced } from './columns';

const REGISTRIES = "('certified', 'significant', 'paid', 'general', 'preprofessional')";

/** The reason a membership that existed before registry decisions carries. */
export const MIGRATED_REASON = 'Включение в реестр перенесено при обновлении (до решений оператора реестра)';

/** The id of a program's row for a registry: the same at every office. */
export function registryStateId(programId: string, registry: string): string {
  const h = createHash('sha256').update(`program-registry:${programId}:${registry}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const sql = `
CREATE TABLE program_registry_states (${synced},
  program_id TEXT NOT NULL REFERENCES programs(id),
  registry TEXT NOT NULL CHECK (registry IN ${REGISTRIES}),
  state TEXT NOT NULL CHECK (state IN ('requested', 'granted', 'refused', 'revoked')),
  requested_at TEXT,
  decided_at TEXT,
  decided_by_name TEXT,
  -- Why it was refused or revoked (required), or a note on a grant.
  reason TEXT,
  CHECK (state IN ('requested', 'granted') OR (reason IS NOT NULL AND length(reason) > 0))
) STRICT;
CREATE INDEX program_registry_states_program ON program_registry_states(program_id, deleted);
-- The registry staff's list of requests waiting for a decision.
CREATE INDEX program_registry_states_pending ON program_registry_states(state, deleted, requested_at);
`;

export function up(db: Db): void {
  db.exec(sql);
  const programs = db.prepare('SELECT id, modified_at, origin_office, registries FROM programs').all() as Array<{ id: string; modified_at: string; origin_office: string; registries: string }>;
  const insert = db.prepare(
    `INSERT INTO program_registry_states(id, modified_at, origin_office, deleted, program_id, registry, state, reason)
     VALUES (?, ?, ?, 0, ?, ?, 'granted', ?)`,
  );
  for (const p of programs) {
    for (const r of new Set(JSON.parse(p.registries) as string[])) insert.run(registryStateId(p.id, r), p.modified_at, p.origin_office, p.id, r, MIGRATED_REASON);
  }
}
