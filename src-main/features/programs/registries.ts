/**
 * Registries of programs are granted, not self-declared (issue 12, point 11). The organization's ticks in the
 * program editor are requests; the registry staff (the registry operator or the administrator) grant or refuse each
 * with a reason, and may revoke a grant. `programs.registries` is the list of GRANTED registries: money, budget places
 * and the navigator read it, and only a decision here (or the organization leaving a registry) changes it. A
 * revocation stops new confirmations; contracts already confirmed keep their funding.
 */
import { PROGRAM_REGISTRIES, PROGRAM_REGISTRY_LABELS, REGISTRY_STATE_LABELS, type ProgramRegistry, type RegistryState } from '../../../shared/enums';
import type { OperationParsedInput, ProgramRegistryState, RegistryRequest } from '../../../shared/operations';
import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { registryStateId } from '../../database/migrations/014_registry_memberships';

/** Who decides on registries: the municipality's registry staff, and the administrator. */
export const REGISTRY_STAFF = ['admin', 'registry_operator'] as const;

/** The reason recorded when the organization itself unticks a granted registry. */
export const LEFT_BY_ORGANIZATION = 'Организация отказалась от участия программы в реестре';

interface StateRow {
  program_id: string;
  registry: ProgramRegistry;
  state: RegistryState;
  reason: string | null;
  requested_at: string | null;
  decided_at: string | null;
  decided_by_name: string | null;
}

const label = (r: ProgramRegistry) => `«${PROGRAM_REGISTRY_LABELS[r]}»`;

function toState(r: Omit<StateRow, 'program_id'>): ProgramRegistryState {
  return {
    registry: r.registry,
    state: r.state,
    reason: r.reason,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_name,
    decidable: r.state === 'requested' || r.state === 'granted',
    ticked: r.state === 'requested' || r.state === 'granted',
  };
}

/**
 * Each program's registry states, in the order of PROGRAM_REGISTRIES. A granted registry without a row (a program
 * written straight into the registry, as the demo data is) is granted.
 */
export function registryStatesOf(db: Db, programs: ReadonlyArray<{ id: string; registries: string }>): Map<string, ProgramRegistryState[]> {
  const rows = db
    .prepare(
      `SELECT program_id, registry, state, reason, requested_at, decided_at, decided_by_name FROM program_registry_states
        WHERE program_id IN (SELECT value FROM json_each(?)) AND deleted = 0`,
    )
    .all(JSON.stringify(programs.map((p) => p.id))) as StateRow[];
  const byProgram = new Map<string, Map<ProgramRegistry, StateRow>>();
  for (const r of rows) {
    if (!byProgram.has(r.program_id)) byProgram.set(r.program_id, new Map());
    byProgram.get(r.program_id)!.set(r.registry, r);
  }
  const out = new Map<string, ProgramRegistryState[]>();
  for (const p of programs) {
    const own = byProgram.get(p.id) ?? new Map<ProgramRegistry, StateRow>();
    const granted = JSON.parse(p.registries) as ProgramRegistry[];
    const states: ProgramRegistryState[] = [];
    for (const registry of PROGRAM_REGISTRIES) {
      const row = own.get(registry);
      if (row) states.push(toState(row));
      else if (granted.includes(registry)) states.push(toState({ registry, state: 'granted', reason: null, requested_at: null, decided_at: null, decided_by_name: null }));
    }
    out.set(p.id, states);
  }
  return out;
}

function currentState(db: Db, programId: string, registry: ProgramRegistry): RegistryState | null {
  const row = db.prepare('SELECT state FROM program_registry_states WHERE id = ? AND deleted = 0').get(registryStateId(programId, registry)) as { state: RegistryState } | undefined;
  if (row) return row.state;
  const p = db.prepare('SELECT registries FROM programs WHERE id = ?').get(programId) as { registries: string } | undefined;
  return p && (JSON.parse(p.registries) as ProgramRegistry[]).includes(registry) ? 'granted' : null;
}

interface Change {
  state: RegistryState;
  requestedAt?: string | null;
  reason?: string | null;
  decided?: boolean;
  deleted?: boolean;
}

function writeState(ctx: OperationContext, programId: string, registry: ProgramRegistry, c: Change): void {
  const decidedAt = c.decided ? ctx.nowIso : null;
  const decidedBy = c.decided ? (ctx.actor?.fullName ?? null) : null;
  ctx.core.db
    .prepare(
      `INSERT INTO program_registry_states(id, modified_at, origin_office, deleted, program_id, registry, state, requested_at, decided_at, decided_by_name, reason)
       VALUES (@id, @stamp, @office, @deleted, @program, @registry, @state, @requestedAt, @decidedAt, @decidedBy, @reason)
       ON CONFLICT(id) DO UPDATE SET modified_at = @stamp, deleted = @deleted, state = @state,
         requested_at = CASE WHEN @keepRequested THEN requested_at ELSE @requestedAt END,
         decided_at = @decidedAt, decided_by_name = @decidedBy, reason = @reason`,
    )
    .run({
      id: registryStateId(programId, registry), stamp: ctx.stamp, office: ctx.core.officeId, deleted: c.deleted ? 1 : 0, program: programId, registry,
      state: c.state, requestedAt: c.requestedAt ?? null, keepRequested: c.requestedAt === undefined ? 1 : 0, decidedAt, decidedBy, reason: c.reason ?? null,
    });
}

/** Adds or removes a registry in the program's granted list (the row travels, so its stamp moves). */
function setGranted(ctx: OperationContext, programId: string, registry: ProgramRegistry, granted: boolean): void {
  const { db } = ctx.core;
  const p = db.prepare('SELECT registries FROM programs WHERE id = ?').get(programId) as { registries: string };
  const list = (JSON.parse(p.registries) as ProgramRegistry[]).filter((r) => r !== registry);
  if (granted) list.push(registry);
  const ordered = PROGRAM_REGISTRIES.filter((r) => list.includes(r));
  db.prepare('UPDATE programs SET registries = ?, modified_at = ? WHERE id = ?').run(JSON.stringify(ordered), ctx.stamp, programId);
}

/**
 * The organization's ticks in the editor: a ticked registry not yet requested or granted (or refused, or revoked) is
 * requested; an unticked request is withdrawn; an unticked grant is the organization leaving the registry.
 * Answers what changed, for the audit summary.
 */
export function requestRegistries(ctx: OperationContext, programId: string, ticked: readonly ProgramRegistry[]): string {
  const { db } = ctx.core;
  const requested: ProgramRegistry[] = [];
  const withdrawn: ProgramRegistry[] = [];
  const left: ProgramRegistry[] = [];
  for (const registry of PROGRAM_REGISTRIES) {
    const state = currentState(db, programId, registry);
    if (ticked.includes(registry)) {
      if (state === 'requested' || state === 'granted') continue;
      writeState(ctx, programId, registry, { state: 'requested', requestedAt: ctx.nowIso });
      requested.push(registry);
    } else if (state === 'requested') {
      writeState(ctx, programId, registry, { state: 'requested', deleted: true });
      withdrawn.push(registry);
    } else if (state === 'granted') {
      writeState(ctx, programId, registry, { state: 'revoked', reason: LEFT_BY_ORGANIZATION, decided: true });
      setGranted(ctx, programId, registry, false);
      left.push(registry);
    }
  }
  const parts = [
    requested.length ? `запрошено включение в реестры: ${requested.map(label).join(', ')}` : '',
    withdrawn.length ? `отозваны заявки в реестры: ${withdrawn.map(label).join(', ')}` : '',
    left.length ? `организация вышла из реестров: ${left.map(label).join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? `; ${parts.join('; ')}` : '';
}

/** The registry staff's decision on one registry of a program; refusals say why and change nothing. */
export function decideRegistry(ctx: OperationContext, input: OperationParsedInput<'programs.decideRegistry'>, programName: string): void {
  const { programId, registry, grant, reason } = input;
  const state = currentState(ctx.core.db, programId, registry);
  const where = `программа «${programName}», реестр ${label(registry)}`;
  if (grant) {
    if (state === 'granted') throw new DomainError('conflict', `Программа «${programName}» уже включена в реестр ${label(registry)}.`);
    if (state !== 'requested') {
      throw new DomainError('conflict', `Организация не просила включить программу «${programName}» в реестр ${label(registry)}: включают только по заявке организации.`);
    }
    writeState(ctx, programId, registry, { state: 'granted', reason: reason || null, decided: true });
    setGranted(ctx, programId, registry, true);
    ctx.audit('program', programId, `Включена в реестр: ${where}${reason ? ` (${reason})` : ''}`);
    return;
  }
  if (state === 'requested') {
    writeState(ctx, programId, registry, { state: 'refused', reason, decided: true });
    ctx.audit('program', programId, `Отказано во включении в реестр: ${where}. Причина: ${reason}`);
    return;
  }
  if (state === 'granted') {
    writeState(ctx, programId, registry, { state: 'revoked', reason, decided: true });
    setGranted(ctx, programId, registry, false);
    ctx.audit('program', programId, `Исключена из реестра: ${where}. Причина: ${reason}. Новые договоры за счёт реестра не заключаются, действующие продолжаются`);
    return;
  }
  const now = state ? ` (${REGISTRY_STATE_LABELS[state].toLowerCase()})` : '';
  throw new DomainError('conflict', `Решать нечего: программа «${programName}» не просила о включении в реестр ${label(registry)} и не входит в него${now}.`);
}

/** Requests waiting for the registry staff, oldest first, of one municipality or all. */
export function registryRequests(db: Db, municipalityId: string | undefined): RegistryRequest[] {
  return db
    .prepare(
      `SELECT s.program_id AS programId, p.name AS programName, o.id AS organizationId, o.short_name AS organizationName,
              m.id AS municipalityId, m.name AS municipalityName, s.registry, s.requested_at AS requestedAt
         FROM program_registry_states s
         JOIN programs p ON p.id = s.program_id
         JOIN organizations o ON o.id = p.organization_id
         JOIN municipalities m ON m.id = o.municipality_id
        WHERE s.state = 'requested' AND s.deleted = 0 AND p.deleted = 0 AND (@municipality IS NULL OR o.municipality_id = @municipality)
        ORDER BY s.requested_at, p.name, s.registry LIMIT 500`,
    )
    .all({ municipality: municipalityId ?? null }) as RegistryRequest[];
}
