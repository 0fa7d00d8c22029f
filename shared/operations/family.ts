import { z } from 'zod';
import { certificateNumber, certificateRef } from './fields';

export const familyContract = {
  'family.link': {
    input: certificateRef.extend({ login: certificateNumber, password: z.string().min(1, 'Укажите пароль кабинета').max(100) }),
    output: {} as { linkedCertificateId: string },
  },
} as const;
