import { z } from 'zod';
import { id, trimmed } from './fields';

export const modulesContract = {
  'modules.save': {
    input: z.object({
      id: id.optional(),
      programId: id,
      name: trimmed(300, 'Название модуля').min(2, 'Название модуля: не короче 2 символов'),
      hours: z.number({ error: 'Часы: число' }).int('Часы: целое число').min(1, 'Часы: не меньше 1').max(2000, 'Часы: не больше 2000'),
      priceKopecks: z.number({ error: 'Стоимость: число' }).int('Стоимость: в копейках, целое').min(0, 'Стоимость не может быть отрицательной').max(100_000_000, 'Стоимость не больше 1 000 000 ₽'),
    }),
    output: {} as { id: string },
  },
  'modules.remove': { input: z.object({ moduleId: id }), output: {} as { id: string } },
} as const;
