/**
 * The renderer's one door to the core: every screen and store calls it through `request`, so that an expired session
 * (code 'unauthenticated') sends the operator to the login screen once, globally. The transport under it
 * (core/transport.ts) is imported nowhere else.
 */
import { call } from '@/core/transport';
import type { OperationInput, OperationName, OperationOutput } from '@shared/operations';
import type { Result } from '@shared/result';

type Handler = () => void;
let onUnauthenticated: Handler | null = null;

/**
 * Operations whose 'unauthenticated' answer is expected and handled by the caller. auth.changePassword
 * answers 'unauthenticated' for a wrong current password (with fields.currentPassword): that is a form error,
 * not the end of the session; without that field the dialog ends the session itself.
 */
const SESSION_OPERATIONS: ReadonlySet<OperationName> = new Set(['auth.login', 'auth.me', 'auth.logout', 'auth.changePassword']);

/** Lets a caller of a SESSION_OPERATIONS operation end the session the same way as everywhere else. */
export function sessionEnded(): void {
  onUnauthenticated?.();
}

export function setUnauthenticatedHandler(handler: Handler): void {
  onUnauthenticated = handler;
}

export async function request<N extends OperationName>(
  operation: N,
  input: OperationInput<N>,
): Promise<Result<OperationOutput<N>>> {
  const result = await call(operation, input);
  if (!result.ok && result.error.code === 'unauthenticated' && !SESSION_OPERATIONS.has(operation)) {
    onUnauthenticated?.();
  }
  return result;
}
