import { z } from 'zod';
import { id, representativeInput, trimmed } from './fields';

export const representativesContract = {
  'representatives.update': {
    input: z.object({
      representativeId: id,
      phone: representativeInput.shape.phone,
      email: representativeInput.shape.email,
      address: representativeInput.shape.address,
      classAddress: trimmed(300, 'Удобный адрес для посещения занятий').optional().transform((v) => (v ? v : null)),
    }),
    output: {} as { representativeId: string },
  },
} as const;
