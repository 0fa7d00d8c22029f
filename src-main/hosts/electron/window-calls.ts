import type { Api } from '../../api/table';
import { answerForPage } from '../../api/door';
import type { Result } from '../../../shared/result';

/**
 * The desktop window's calls: the window has one operator at a time, whose session token lives here, in the main
 * process, never in the page. Kept apart from Electron's modules so that a plain Node test drives it.
 */
export function createWindowCalls(api: Api): { call(operation: string, input: unknown): Promise<Result<unknown>> } {
  let sessionToken: string | null = null;
  return {
    async call(operation, input) {
      const presented = sessionToken;
      const raw = await api.callByNameWhenFree(operation, input, { token: presented });
      const answer = answerForPage(operation, raw, presented);
      if (answer.startedSession) sessionToken = answer.startedSession;
      else if (answer.sessionEnded) sessionToken = null;
      return answer.result;
    },
  };
}
