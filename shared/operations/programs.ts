import { z } from 'zod';
import { type Direction, DIRECTIONS, PROGRAM_REGISTRIES, type ProgramRegistry, type RegistryState } from '../enums';
import { certificateNumber, id, trimmed } from './fields';

export interface ProgramCard {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  organizationFullName: string;
  organizationAddress: string | null;
  organizationPhone: string | null;
  organizationEmail: string | null;
  municipalityName: string;
  direction: Direction;
  ageMin: number;
  ageMax: number;
  /** The registries the program is GRANTED: the only ones that count for money, budget places and the navigator. */
  registries: ProgramRegistry[];
  /** Each registry the organization asked for, and what the registry staff decided (issue 12, point 11). */
  registryStates: ProgramRegistryState[];
  activityTypes: string[];
  /** The seed's «Интересы»: what children who take the program are into. */
  interests: string[];
  goals: string;
  annotation: string;
  addresses: string[];
  enrollmentOpen: boolean;
  modules: Array<{ id: string; ordinal: number; name: string; hours: number; priceKopecks: number }>;
  placesLeft: number;
  nearestStart: string | null;
  /** Why the chosen certificate cannot enroll now (empty when it can, or when no certificate was chosen). */
  excludedBecause: string[];
}

export interface ProgramRegistryState {
  registry: ProgramRegistry;
  state: RegistryState;
  /** Why it was refused or revoked; a note on a grant (a migrated membership says so). */
  reason: string | null;
  requestedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Whether the registry staff may decide on it now: grant or refuse a request, revoke a grant. */
  decidable: boolean;
  /** Whether the program editor shows it ticked (requested or granted): unticking withdraws or leaves. */
  ticked: boolean;
}

/** A program's request to be included in a registry, waiting for the registry staff's decision. */
export interface RegistryRequest {
  programId: string;
  programName: string;
  organizationId: string;
  organizationName: string;
  municipalityId: string;
  municipalityName: string;
  registry: ProgramRegistry;
  requestedAt: string | null;
}

export interface ProgramRating {
  programId: string;
  count: number;
  /** Averages, 0–100 %, one decimal; null when nobody has rated the program yet. */
  results: number | null;
  staff: number | null;
  equipment: number | null;
  satisfaction: number | null;
  overall: number | null;
}

/** A group as the organization edits it: the ids and the plain fields groups.save takes back. */
export interface EditableGroup {
  id: string;
  moduleId: string;
  moduleName: string;
  name: string;
  startDate: string;
  endDate: string;
  capacity: number;
  placesTaken: number;
  address: string;
  teacher: string | null;
  timetable: Array<{ weekday: number; start: string; end: string }>;
  hoursPerWeek: number;
}

export interface EditableProgram {
  program: ProgramCard;
  groups: EditableGroup[];
}

export const programsContract = {
  'programs.search': {
    input: z.object({
      query: z.string().max(100, 'Запрос не длиннее 100 символов').optional(),
      direction: z.enum(DIRECTIONS, { error: 'Направленность: выберите значение' }).optional(),
      registry: z.enum(PROGRAM_REGISTRIES, { error: 'Реестр: выберите значение' }).optional(),
      age: z.number().int().min(0).max(25, 'Возраст: от 0 до 25 лет').optional(),
      municipalityId: id.optional(),
      startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц начала в формате ГГГГ-ММ').optional(),
      address: z.string().max(200).optional(),
      /** With a certificate, each program says why that certificate cannot enroll now. */
      certificateNumber: certificateNumber.optional(),
      /** «Исключить программы, на которые не получится записаться по моему сертификату». */
      onlyAvailable: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: {} as ProgramCard[],
  },
  'programs.save': {
    input: z
      .object({
        id: id.optional(),
        organizationId: id,
        name: trimmed(300, 'Название программы').min(3, 'Название программы: не короче 3 символов'),
        direction: z.enum(DIRECTIONS, { error: 'Направленность: выберите значение' }),
        ageMin: z.number({ error: 'Возраст от: число' }).int().min(0, 'Возраст от: не меньше 0').max(25, 'Возраст от: не больше 25'),
        ageMax: z.number({ error: 'Возраст до: число' }).int().min(0, 'Возраст до: не меньше 0').max(25, 'Возраст до: не больше 25'),
        registries: z.array(z.enum(PROGRAM_REGISTRIES, { error: 'Реестр: выберите из списка' })).min(1, 'Выберите хотя бы один реестр').max(5),
        activityTypes: z.array(trimmed(100, 'Вид деятельности').min(1)).max(20).default([]),
        interests: z.array(trimmed(100, 'Интерес').min(1, 'Интерес: укажите значение')).max(20, 'Не больше 20 интересов').default([]),
        goals: trimmed(5000, 'Цели и задачи').default(''),
        annotation: trimmed(5000, 'Аннотация').default(''),
        addresses: z.array(trimmed(300, 'Адрес').min(5, 'Адрес: не короче 5 символов')).max(20).default([]),
        enrollmentOpen: z.boolean().default(true),
      })
      .refine((v) => v.ageMin <= v.ageMax, { message: 'Возраст «от» не может быть больше возраста «до»', path: ['ageMax'] }),
    output: {} as ProgramCard,
  },
  'programs.get': { input: z.object({ programId: id, certificateNumber: certificateNumber.optional() }), output: {} as ProgramCard },
  'programs.rating': { input: z.object({ programId: id }), output: {} as ProgramRating },
  'programs.getForEditing': { input: z.object({ programId: id }), output: {} as EditableProgram },
  // Registry membership is granted by the registry staff, never self-declared (issue 12, point 11).
  'programs.registryRequests': { input: z.object({ municipalityId: id.optional() }), output: {} as RegistryRequest[] },
  'programs.decideRegistry': {
    input: z
      .object({
        programId: id,
        registry: z.enum(PROGRAM_REGISTRIES, { error: 'Реестр: выберите из списка' }),
        grant: z.boolean({ error: 'Решение: включить или отказать' }),
        reason: trimmed(1000, 'Причина').default(''),
      })
      .refine((v) => v.grant || v.reason.length >= 3, { message: 'Укажите причину отказа (не короче 3 символов)', path: ['reason'] }),
    output: {} as ProgramCard,
  },
  // Removing what an organization added by mistake: only what no application or contract refers to.
  'programs.remove': { input: z.object({ programId: id }), output: {} as { id: string } },
} as const;
