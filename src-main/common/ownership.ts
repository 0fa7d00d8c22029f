import type { Actor } from '../core';
import { DomainError } from '../errors';

/** The refusal when no more precise one is given. Refusals name the kind of record, never the record itself. */
const FOREIGN_RECORD = 'Это запись другой организации: действие недоступно.';
/** Refusals for the kinds of record staff meet: each names the kind, never the other organization's record. */
export const FOREIGN_CONTRACT = 'Это заявка или договор другой организации: действие недоступно.';
export const FOREIGN_GROUP = 'Это группа другой организации: записывать в неё может только сама организация или оператор реестра.';
export const FOREIGN_ORGANIZATION = 'Это карточка другой организации: изменять её может только сама организация или администратор.';

/**
 * Organization staff act only on their own organization's records (card, programs, groups, contracts, documents);
 * registry staff and the administrator act on any. The one ownership guard of the core.
 */
export function requireOwnOrganization(ctx: { actor: Actor | null }, organizationId: string, refusal: string = FOREIGN_RECORD): void {
  const actor = ctx.actor!;
  if (actor.role === 'org_staff' && actor.organizationId !== organizationId) throw new DomainError('forbidden', refusal);
}
