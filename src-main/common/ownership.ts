import type { Actor } from '../core';
import { DomainError } from '../errors';

/** The refusal when no more precise one is given: staff meet it on a group, contract or document of another organization. */
const FOREIGN_RECORD = 'Это группа или договор другой организации: действие недоступно.';

/**
 * Organization staff act only on their own organization's records (card, programs, groups, contracts, documents);
 * registry staff and the administrator act on any. The one ownership guard of the core.
 */
export function requireOwnOrganization(ctx: { actor: Actor | null }, organizationId: string, refusal: string = FOREIGN_RECORD): void {
  const actor = ctx.actor!;
  if (actor.role === 'org_staff' && actor.organizationId !== organizationId) throw new DomainError('forbidden', refusal);
}
