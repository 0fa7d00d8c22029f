import { z } from 'zod';
import type { ContractView } from './contracts';
import { certificateNumber, isoDate } from './fields';

export const applicationsContract = {
  'applications.create': {
    input: z.object({
      certificateNumber,
      groupId: z.string({ error: 'Группа: выберите значение' }).uuid('Группа: выберите группу из списка'),
      startDate: isoDate('Дата начала обучения').optional(),
      /** «Подтверждение по ФИО». */
      childFullName: z.string().max(200).optional(),
      /** «Подтверждение по кодовой фразе». */
      codePhrase: z.string().max(100).optional(),
      /** «Запись запрещена»: only at the registry desk, with the cabinet password the parent presents. */
      cabinetPassword: z.string().max(100).optional(),
    }),
    output: {} as ContractView,
  },
} as const;
