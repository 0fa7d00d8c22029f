import { z } from 'zod';

export interface MonthlyCloseReport {
  municipalityId: string;
  month: string;
  /** True when the month had been closed before: nothing was changed now. */
  alreadyClosed: boolean;
  preview: boolean;
  activated: number;
  charged: { contracts: number; kopecks: number };
  /** Contracts awaiting termination from a date in the month: charged for it, then ended with what was left released. */
  terminated: number;
  completed: number;
  rejectedStale: number;
  shrunk: { certificates: number; kopecks: number };
  /**
   * A preview's decision: why the month cannot be closed today (not over yet, an earlier month with contracts still
   * open), or null when it can. The close refuses with the same sentence.
   */
  closeRefusal?: string | null;
}

export const monthsContract = {
  'months.close': {
    input: z.object({
      municipalityId: z.string({ error: 'Муниципалитет: выберите значение' }).uuid('Муниципалитет: выберите значение из списка'),
      month: z.string({ error: 'Месяц: укажите значение' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ'),
      preview: z.boolean().default(false),
    }),
    output: {} as MonthlyCloseReport,
  },
  // Monthly close at registry scale: started as a background job (a worker thread), polled for progress. The
  // preview too: counting what the close would do reads the whole municipality for seconds.
  'months.closeStart': {
    input: z.object({
      municipalityId: z.string({ error: 'Муниципалитет: выберите значение' }).uuid('Муниципалитет: выберите значение из списка'),
      month: z.string({ error: 'Месяц: укажите значение' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ'),
      preview: z.boolean().default(false),
    }),
    output: {} as { jobId: string },
  },
} as const;
