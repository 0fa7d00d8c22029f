import { z } from 'zod';
import type { Direction } from '../enums';
import { id, representativeInput, trimmed } from './fields';

export interface OrganizationRef {
  id: string;
  shortName: string;
  municipalityName: string;
}

/** The organization card as its staff keep it, with the list of its programs. */
export interface OrganizationCardView {
  id: string;
  name: string;
  shortName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  municipalityName: string;
  programs: Array<{ id: string; name: string; direction: Direction; ageMin: number; ageMax: number; enrollmentOpen: boolean; modules: number; groups: number }>;
}

export const organizationsContract = {
  'organizations.list': { input: z.object({}), output: {} as OrganizationRef[] },
  'organizations.update': {
    input: z.object({
      id,
      name: trimmed(500, 'Полное название').min(3, 'Полное название: не короче 3 символов'),
      shortName: trimmed(200, 'Краткое название').min(2, 'Краткое название: не короче 2 символов'),
      address: trimmed(300, 'Адрес').optional().transform((v) => (v ? v : null)),
      phone: representativeInput.shape.phone,
      email: representativeInput.shape.email,
    }),
    output: {} as OrganizationRef,
  },
  // Organization's own editing screens: what the organization card and the program editor read.
  'organizations.get': { input: z.object({ organizationId: id }), output: {} as OrganizationCardView },
} as const;
