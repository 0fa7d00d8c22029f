import { z } from 'zod';
import { certificateNumber } from './fields';

export const cabinetContract = {
  'cabinet.verify': {
    input: z.object({ login: certificateNumber, password: z.string().min(1, 'Укажите пароль кабинета').max(100) }),
    output: {} as { certificateId: string; number: string; childName: string },
  },
} as const;
