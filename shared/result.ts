/** What every operation answers, on every host. Messages are Russian and meant for the operator. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'duplicate_suspected'
  | 'locked'
  | 'refused'
  | 'internal';

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  /** Form field paths with their own message, for highlighting inputs. */
  fields?: Record<string, string>;
  /** Extra data the screen needs to explain the refusal (e.g. the suspected duplicates). */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppErrorBody): Result<T> => ({ ok: false, error });
