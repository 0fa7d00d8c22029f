import type { Role } from '../../shared/enums';
import type { OperationName, OperationOutput, OperationParsedInput } from '../../shared/operations';
import type { Actor, Core } from '../core';

/** What a handler sees besides its input. Cross-cutting work (validation, roles, transaction, audit) is done around it. */
export interface OperationContext {
  core: Core;
  /** The logged-in operator; null only for public operations. */
  actor: Actor | null;
  /** Session token of the call, for the auth operations. */
  token: string | null;
  /** One HLC stamp per call: every record the call writes carries it as modified_at. */
  stamp: string;
  nowIso: string;
  today: string;
  /** Operations a role may call, from the operation table: the session tells the renderer what to offer. */
  allowedOperations(role: Role): string[];
  /** Names the record the call acted on and a human summary for the audit log (never a secret). */
  audit(recordType: string | null, recordId: string | null, summary: string): void;
}

export interface OperationDef<N extends OperationName> {
  /** Who may call it: roles, or 'public' (no login needed). */
  roles: readonly Role[] | 'public';
  /** Writes run in a transaction and are always audited; reads are audited when `auditReads` is set. */
  writes: boolean;
  /** Reads of a child's personal data are audited too (who looked at whose card). */
  auditReads?: boolean;
  handler(input: OperationParsedInput<N>, ctx: OperationContext): OperationOutput<N>;
}

export type FeatureOperations<K extends OperationName> = { [N in K]: OperationDef<N> };

export const ALL_ROLES = ['admin', 'registry_operator', 'org_staff'] as const satisfies readonly Role[];
export const REGISTRY_STAFF = ['admin', 'registry_operator'] as const satisfies readonly Role[];

/**
 * Runs a write job of the office's own scripts in one transaction, with the same context and audit entry as an
 * operation (`Api.runSystemJob`): features that work in batches take it instead of the whole api.
 */
export type SystemJobRunner = <T>(name: string, job: (ctx: OperationContext) => Promise<T>) => Promise<T>;
