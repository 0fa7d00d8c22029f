import { z } from 'zod';
import type { MonthlyCloseReport } from './months';

/** A background job of this process (the monthly close), as `jobs.get` answers while it runs and after. */
export interface JobView {
  id: string;
  kind: 'months.close';
  status: 'running' | 'done' | 'failed';
  /** Units done of `total` (certificates of the municipality for the monthly close). */
  done: number;
  total: number;
  /** What the job is doing now, in Russian, for the progress line. */
  phase: string;
  report: MonthlyCloseReport | null;
  /** Why the job failed, in Russian; null unless status is 'failed'. */
  error: string | null;
}

export const jobsContract = {
  'jobs.get': {
    input: z.object({ jobId: z.string({ error: 'Задание: укажите идентификатор' }).uuid('Неверный идентификатор задания') }),
    output: {} as JobView,
  },
} as const;
