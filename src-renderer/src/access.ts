/**
 * Which screens each role is offered. The core checks every operation itself; this only keeps the
 * navigation from offering screens whose operations would be refused (e.g. organization staff do not
 * search the registry of children: certificates.* are for registry staff).
 */
import type { Role } from '../../shared/enums';

export const REGISTRY_STAFF: Role[] = ['admin', 'registry_operator'];
export const ADMINS: Role[] = ['admin'];

/** Where an operator lands after logging in. */
export function homeRouteName(role: Role | null): string {
  return role && REGISTRY_STAFF.includes(role) ? 'search' : 'navigator';
}

export function roleAllows(roles: readonly Role[] | undefined, role: Role | null): boolean {
  return !roles || (role !== null && roles.includes(role));
}
