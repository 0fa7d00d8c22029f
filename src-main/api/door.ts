import { DomainError } from '../errors';
import type { Result } from '../../shared/result';

/** What a host hands to the page, and what it must do with the session on its side. */
export interface PageAnswer {
  /** The answer the page may see: never a session token. */
  result: Result<unknown>;
  /** A session the host must now keep (cookie, main-process memory): set only by a successful login. */
  startedSession: string | null;
  /** The host's session is over: logout, or a call answered «unauthenticated» while a token was presented. */
  sessionEnded: boolean;
}

/**
 * The one door out of the core for the hosts (desktop window and server alike): decides what of a Result a page
 * may see. The session token never reaches script in the page, whatever operation answers it: a page that could
 * read it could hand it to anyone (an injected script, a copied log).
 */
export function answerForPage(operation: string, result: Result<unknown>, presentedToken: string | null): PageAnswer {
  let startedSession: string | null = null;
  let pageResult = result;
  if (result.ok && result.value !== null && typeof result.value === 'object' && 'token' in result.value) {
    const { token } = result.value as { token: unknown };
    if (operation === 'auth.login' && typeof token === 'string' && token) startedSession = token;
    pageResult = { ok: true, value: { ...(result.value as object), token: '' } };
  }
  const sessionEnded = operation === 'auth.logout' || (!result.ok && result.error.code === 'unauthenticated' && !!presentedToken);
  return { result: pageResult, startedSession, sessionEnded };
}

/** Whether an error is the core's refusal (a Russian sentence for the person), not a failure of the program. */
export function isRefusal(error: unknown): error is Error {
  return error instanceof DomainError;
}
