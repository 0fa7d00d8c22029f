import { z } from 'zod';
import { isoDate } from './fields';

export interface DuplicateCandidate {
  childId: string;
  fullName: string;
  birthDate: string;
  identityDocument: string;
  certificateNumber: string | null;
  reason: 'name_and_birth_date' | 'identity_document';
}

export const childrenContract = {
  'children.findDuplicates': {
    input: z.object({
      lastName: z.string().trim().max(60),
      firstName: z.string().trim().max(60),
      middleName: z.string().trim().max(60).optional().nullable(),
      birthDate: isoDate('Дата рождения'),
      identityDocument: z.string().trim().max(40).optional().nullable(),
    }),
    output: {} as DuplicateCandidate[],
  },
} as const;
