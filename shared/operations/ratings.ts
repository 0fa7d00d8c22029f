import { z } from 'zod';
import { id } from './fields';
import type { ProgramRating } from './programs';

/** The seed's four rating parameters, each 0–100 %. */
export interface RatingScores {
  results: number;
  staff: number;
  equipment: number;
  satisfaction: number;
}

export const ratingsContract = {
  'ratings.set': {
    input: z.object({ contractId: id, results: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %'), staff: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %'), equipment: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %'), satisfaction: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %') }),
    output: {} as ProgramRating,
  },
} as const;
