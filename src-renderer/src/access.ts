/**
 * What the navigation offers. The core checks every operation itself and tells, at login, which operations
 * this operator's role may call (SessionView.allowedOperations); the screens offer only those, so that no
 * screen is shown whose operations would be refused.
 */
import type { OperationName } from '@shared/operations';

/** The operation that decides whether a screen is offered. */
export const SCREEN_OPERATIONS = {
  certificates: 'certificates.search',
  issue: 'certificates.issue',
  card: 'certificates.get',
  audit: 'audit.list',
  admin: 'operators.list',
  verify: 'documents.verify',
  contracts: 'contracts.list',
  months: 'months.close',
  schedule: 'schedule.group',
  organization: 'programs.save',
  municipalities: 'municipalities.get',
  exchange: 'offices.own',
} as const satisfies Record<string, OperationName>;

export function allows(allowed: readonly string[] | undefined, operation: OperationName | undefined): boolean {
  return !operation || (allowed ?? []).includes(operation);
}

/** Where an operator lands after logging in: the registry search for registry staff, else the navigator. */
export function homeRouteName(allowed: readonly string[] | undefined): string {
  return allows(allowed, SCREEN_OPERATIONS.certificates) ? 'search' : 'navigator';
}
