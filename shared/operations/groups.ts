import { z } from 'zod';
import { id, isoDate, trimmed } from './fields';

export interface GroupView {
  id: string;
  name: string;
  programId: string;
  programName: string;
  organizationId: string;
  organizationName: string;
  moduleName: string;
  modulePriceKopecks: number;
  startDate: string;
  endDate: string;
  capacity: number;
  placesTaken: number;
  address: string;
  teacher: string | null;
  ageMin: number;
  ageMax: number;
  enrollmentOpen: boolean;
  registries: string[];
  timetable: Array<{ weekday: number; start: string; end: string }>;
}

export const groupsContract = {
  'groups.list': {
    input: z.object({
      organizationId: id.optional(),
      programId: id.optional(),
      query: z.string().max(100).optional(),
      /** Only the groups that can take a prolongation of every one of these contracts. */
      prolongationOf: z.array(id).max(1000, 'Не больше 1000 договоров за раз').optional(),
    }),
    output: {} as GroupView[],
  },
  'groups.save': {
    input: z
      .object({
        id: id.optional(),
        programId: id,
        moduleId: id,
        name: trimmed(100, 'Название группы').min(1, 'Название группы: укажите значение'),
        startDate: isoDate('Начало занятий'),
        endDate: isoDate('Окончание занятий'),
        capacity: z.number({ error: 'Мест: число' }).int().min(1, 'Мест: не меньше 1').max(500, 'Мест: не больше 500'),
        address: trimmed(300, 'Адрес занятий').min(5, 'Адрес занятий: не короче 5 символов'),
        teacher: trimmed(200, 'Педагог').optional().transform((v) => (v ? v : null)),
        timetable: z
          .array(
            z
              .object({
                weekday: z.number().int().min(1, 'День недели: 1–7').max(7, 'День недели: 1–7'),
                start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ'),
                end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ'),
              })
              .refine((t) => t.start < t.end, { message: 'Занятие должно заканчиваться позже, чем начинается' }),
          )
          .max(21)
          .default([]),
        hoursPerWeek: z.number().int().min(0).max(60).default(0),
      })
      .refine((v) => v.startDate <= v.endDate, { message: 'Окончание занятий не может быть раньше начала', path: ['endDate'] }),
    output: {} as GroupView,
  },
  'groups.remove': { input: z.object({ groupId: id }), output: {} as { id: string } },
} as const;
