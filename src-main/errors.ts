import type { AppErrorBody, ErrorCode } from '../shared/result';

/**
 * A refusal the operator must see. Thrown by features; the operation wrapper rolls the transaction back
 * and turns it into a Result. `persist` runs after the rollback in a transaction of its own, for the few
 * refusals that must leave a trace (a failed login or a wrong code phrase counts toward a lockout).
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly details: unknown;
  readonly persist: (() => void) | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; details?: unknown; persist?: () => void } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
    this.persist = options.persist;
  }

  toBody(): AppErrorBody {
    const body: AppErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} не найден(а) в реестре`);
