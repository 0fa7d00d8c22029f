import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Nice value of the threads that do background work (the monthly close, the navigator's read at start, batch
 * printing). On two cores the close's thread, the thread that answers the desks and everything else on the
 * machine share the processors; at equal priority a desk's 10 ms search waited up to 100 ms to be scheduled
 * during a close. `CERTDESK_BACKGROUND_NICE` (0–19) overrides it, 0 turns it off — for measuring.
 */
export const BACKGROUND_NICE = 10;

function configuredNice(): number {
  const raw = process.env.CERTDESK_BACKGROUND_NICE;
  if (raw === undefined || raw === '') return BACKGROUND_NICE;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 19 ? n : BACKGROUND_NICE;
}

/**
 * Lowers the CPU priority of the calling thread only. Linux schedules each thread on its own and lets a thread id
 * stand for a process id in setpriority(2); elsewhere a priority applies to the whole process, which would slow
 * the desks too, so nothing is done. Answers whether the priority was lowered.
 */
export function runAsBackgroundThread(): boolean {
  const nice = configuredNice();
  if (process.platform !== 'linux' || nice === 0) return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, nice);
    return true;
  } catch {
    // No /proc (a sandbox) or no right to change it: the work runs at the usual priority.
    return false;
  }
}
