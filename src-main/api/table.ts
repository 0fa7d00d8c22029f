import { ROLE_LABELS, type Role } from '../../shared/enums';
import { operations, type OperationName, type OperationOutput } from '../../shared/operations';
import type { AppErrorBody, Result } from '../../shared/result';
import type { Actor, Core } from '../core';
import { DomainError } from '../errors';
import { applicationOperations } from '../features/applications';
import { appendAudit, auditOperations } from '../features/audit';
import { authOperations, operatorById, SecretDerivations, SecretsNeeded, toActor } from '../features/auth';
import { cabinetOperations } from '../features/cabinet';
import { certificateOperations } from '../features/certificates';
import { childOperations } from '../features/children';
import { consentOperations } from '../features/consents';
import { contractOperations } from '../features/contracts';
import { documentOperations } from '../features/documents';
import { eventOperations } from '../features/events';
import { familyOperations } from '../features/family';
import { groupOperations } from '../features/groups';
import { jobOperations } from '../features/jobs';
import { moduleOperations } from '../features/modules';
import { monthOperations } from '../features/months';
import { municipalityOperations } from '../features/municipalities';
import { officeOperations } from '../features/offices';
import { operatorOperations } from '../features/operators';
import { organizationOperations } from '../features/organizations';
import { programOperations } from '../features/programs';
import { ratingOperations } from '../features/ratings';
import { representativeOperations } from '../features/representatives';
import { scheduleOperations } from '../features/schedule';
import { settingsOperations } from '../features/settings';
import { setMeta } from '../database/db';
import { asDeskWrite, deskWriteTurn } from '../database/write-gate';
import type { OperationContext, OperationDef } from './operation';

/** The one table of operations: each feature's handlers, merged. TypeScript checks none is missing. */
export const operationTable: { [N in OperationName]: OperationDef<N> } = {
  ...applicationOperations,
  ...auditOperations,
  ...authOperations,
  ...cabinetOperations,
  ...certificateOperations,
  ...childOperations,
  ...consentOperations,
  ...contractOperations,
  ...documentOperations,
  ...eventOperations,
  ...familyOperations,
  ...groupOperations,
  ...jobOperations,
  ...moduleOperations,
  ...monthOperations,
  ...municipalityOperations,
  ...officeOperations,
  ...operatorOperations,
  ...organizationOperations,
  ...programOperations,
  ...ratingOperations,
  ...representativeOperations,
  ...scheduleOperations,
  ...settingsOperations,
};

function allowedOperations(role: Role): string[] {
  return (Object.keys(operationTable) as OperationName[]).filter((name) => {
    const roles = operationTable[name].roles;
    return roles === 'public' || roles.includes(role);
  });
}

export interface CallOptions {
  token?: string | null;
  /** Run as the office's script instead of a session's operator (see `Api.callAsSystem`). */
  asSystem?: boolean;
}

/** The actor of jobs that office scripts run from the command line (batch printing): audited as «cli». */
export const SYSTEM_ACTOR: Actor = { operatorId: 'cli', login: 'cli', fullName: 'Командная строка АРМ', role: 'admin', organizationId: null };

export interface Api {
  call<N extends OperationName>(name: N, input: unknown, options?: CallOptions): Result<OperationOutput<N>>;
  /**
   * Runs a write job of the CLI (batch printing) in one transaction, with the same context and audit entry as
   * an operation. The job may await (a worker rendering the PDF): the transaction stays open until the job has
   * finished, so a job that fails half-way — the PDF not written — leaves the registry exactly as it was.
   * Only in-process callers reach it; no host exposes it.
   */
  runSystemJob<T>(name: string, job: (ctx: OperationContext) => Promise<T>): Promise<T>;
  /**
   * An operation as the office's own script («cli»), with no session: the same validation, transaction, rules and
   * audit as a desk's call. Only in-process callers reach it; no host exposes it.
   */
  callAsSystem<N extends OperationName>(name: N, input: unknown): Result<OperationOutput<N>>;
  /** Same as call, for hosts that route by a name from outside (an URL, an IPC message). */
  callByName(name: string, input: unknown, options?: CallOptions): Result<unknown>;
  /**
   * callByName for a host serving desks from one thread: a write first waits, without blocking the thread, while a
   * background job (the monthly close in its worker) is inside a write transaction; then it runs at once.
   */
  callByNameWhenFree(name: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
}

function zodFields(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

const INTERNAL: AppErrorBody = {
  code: 'internal',
  message: 'Внутренняя ошибка АРМ. Операция не выполнена, реестр не изменён. Сообщите администратору.',
};

/**
 * Wraps every operation once: find it, authenticate, check the role, validate the input, run it in a
 * transaction when it writes, append the audit entry, and turn any failure into a Russian Result.
 */
export function createApi(core: Core, log: (message: string) => void = (m) => console.error(m)): Api {
  const resolveActor = (token: string | null): Actor | null => {
    const operatorId = core.sessions.touch(token);
    if (!operatorId) return null;
    const row = operatorById(core.db, operatorId);
    return row && row.active ? toActor(row) : null;
  };

  function callByName(name: string, rawInput: unknown, options: CallOptions = {}): Result<unknown> {
    if (!Object.hasOwn(operationTable, name)) {
      return { ok: false, error: { code: 'not_found', message: `Неизвестная операция «${name.slice(0, 64)}».` } };
    }
    const opName = name as OperationName;
    const def = operationTable[opName] as OperationDef<OperationName>;
    const token = options.token ?? null;
    const actor = options.asSystem ? SYSTEM_ACTOR : resolveActor(token);
    if (def.roles !== 'public') {
      if (!actor) return { ok: false, error: { code: 'unauthenticated', message: 'Сеанс завершён или не начат. Войдите в АРМ.' } };
      if (!def.roles.includes(actor.role)) {
        const allowed = def.roles.map((r) => ROLE_LABELS[r]).join(', ');
        return { ok: false, error: { code: 'forbidden', message: `Недостаточно прав. Операция доступна: ${allowed}.` } };
      }
    }
    const parsed = operations[opName].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = zodFields(parsed.error.issues);
      const first = parsed.error.issues[0]?.message ?? 'Данные заполнены неверно.';
      return { ok: false, error: { code: 'invalid_input', message: first, fields } };
    }

    const now = core.clock.now();
    let auditInfo: { recordType: string | null; recordId: string | null; summary: string } | null = null;
    const ctx: OperationContext = {
      core,
      actor,
      token,
      stamp: def.writes ? core.hlc.next() : '',
      nowIso: now.toISOString(),
      today: core.clock.today(),
      allowedOperations,
      audit(recordType, recordId, summary) {
        auditInfo = { recordType, recordId, summary };
      },
    };
    const writeAudit = (outcome: 'ok' | 'refused', refusal?: string) => {
      const info = auditInfo ?? { recordType: null, recordId: null, summary: '' };
      const summary = refusal ? `${info.summary}${info.summary ? ' — ' : ''}отказ: ${refusal}` : info.summary;
      appendAudit(core.db, {
        at: ctx.nowIso,
        operatorId: actor === SYSTEM_ACTOR ? null : actor?.operatorId ?? null,
        operatorLogin: actor?.login ?? null,
        operation: opName,
        recordType: info.recordType,
        recordId: info.recordId,
        outcome,
        summary: summary || opName,
      });
    };

    try {
      let value: unknown;
      if (def.writes) {
        // IMMEDIATE: the write lock is taken (or waited for) up front. A deferred transaction that read first could
        // find its snapshot stale at its first write while a background job commits chunks, and fail at once.
        value = asDeskWrite(() =>
          core.db.transaction(() => {
            const out = def.handler(parsed.data as never, ctx);
            writeAudit('ok');
            setMeta(core.db, 'hlc', ctx.stamp);
            return out;
          }).immediate(),
        );
      } else if (def.auditReads) {
        value = def.handler(parsed.data as never, ctx);
        core.db.transaction(() => writeAudit('ok'))();
      } else {
        value = def.handler(parsed.data as never, ctx);
      }
      return { ok: true, value };
    } catch (error) {
      // Not a failure: the host derives the secret off its thread and runs the call again (passwords.ts).
      if (error instanceof SecretsNeeded) throw error;
      if (error instanceof DomainError) {
        if (def.writes || def.auditReads || error.persist) {
          try {
            core.db.transaction(() => {
              error.persist?.();
              writeAudit('refused', error.message);
            })();
          } catch (persistError) {
            log(`certdesk: could not record the refusal of ${opName}: ${(persistError as Error).message}`);
          }
        }
        return { ok: false, error: error.toBody() };
      }
      // Never log the input: it may hold personal data or a secret.
      log(`certdesk: ${opName} failed: ${(error as Error)?.stack ?? String(error)}`);
      return { ok: false, error: INTERNAL };
    }
  }

  async function runSystemJob<T>(name: string, job: (ctx: OperationContext) => Promise<T>): Promise<T> {
    let auditInfo: { recordType: string | null; recordId: string | null; summary: string } | null = null;
    const ctx: OperationContext = {
      core,
      actor: SYSTEM_ACTOR,
      token: null,
      stamp: core.hlc.next(),
      nowIso: core.clock.now().toISOString(),
      today: core.clock.today(),
      allowedOperations,
      audit(recordType, recordId, summary) {
        auditInfo = { recordType, recordId, summary };
      },
    };
    core.db.exec('BEGIN IMMEDIATE');
    try {
      const out = await job(ctx);
      const info: { recordType: string | null; recordId: string | null; summary: string } = auditInfo ?? { recordType: null, recordId: null, summary: name };
      appendAudit(core.db, {
        at: ctx.nowIso, operatorId: null, operatorLogin: SYSTEM_ACTOR.login, operation: name,
        recordType: info.recordType, recordId: info.recordId, outcome: 'ok', summary: info.summary,
      });
      setMeta(core.db, 'hlc', ctx.stamp);
      core.db.exec('COMMIT');
      return out;
    } catch (error) {
      if (core.db.inTransaction) core.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** One run of the call; a secret it needs that is not derived yet ends the run (its transaction rolled back). */
  function runOnce(derivations: SecretDerivations, name: string, input: unknown, options: CallOptions): Result<unknown> | SecretsNeeded {
    try {
      return derivations.run(() => callByName(name, input, options));
    } catch (error) {
      if (error instanceof SecretsNeeded) return error;
      throw error;
    }
  }

  async function callByNameWhenFree(name: string, input: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
    const writes = Object.hasOwn(operationTable, name) && (operationTable[name as OperationName] as OperationDef<OperationName>).writes;
    const derivations = new SecretDerivations();
    for (;;) {
      const turn = writes ? await deskWriteTurn() : null;
      let result: Result<unknown> | SecretsNeeded;
      try {
        result = runOnce(derivations, name, input, options);
      } finally {
        turn?.done();
      }
      if (!(result instanceof SecretsNeeded)) return result;
      await derivations.derivePending();
    }
  }

  return {
    call: (name, input, options) => callByName(name, input, options) as never,
    callAsSystem: (name, input) => callByName(name, input, { asSystem: true }) as never,
    callByName,
    callByNameWhenFree,
    runSystemJob,
  };
}
