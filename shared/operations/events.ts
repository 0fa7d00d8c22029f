import { z } from 'zod';
import { localDateTime } from '../events';
import { EVENT_KINDS, type EventApplicationStatus, type EventKind } from '../enums';
import { certificateNumber, certificateRef, id, trimmed } from './fields';

/** An event as lists, the navigator and its page show it. */
export interface EventView {
  id: string;
  organizationId: string;
  organizationName: string;
  municipalityName: string;
  name: string;
  kind: EventKind;
  /** Local wall-clock times where it happens, 'YYYY-MM-DDTHH:MM'. */
  startsAt: string;
  endsAt: string;
  address: string;
  ageMin: number;
  ageMax: number;
  /** null: no limit. */
  places: number | null;
  placesTaken: number;
  placesLeft: number | null;
  description: string;
  applicationsOpen: boolean;
  /** Why no application is taken now (closed, started, passed, no places); null when one is. */
  notAcceptingBecause: string | null;
  passed: boolean;
}

export interface EventApplicationView {
  id: string;
  eventId: string;
  eventName: string;
  certificateId: string;
  certificateNumber: string;
  childName: string;
  /** Full years on the day the event starts. */
  ageOnEventDay: number;
  status: EventApplicationStatus;
  createdAt: string;
  createdByName: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** The event page: the applications only for its organization and the registry staff (null for anyone else). */
export interface EventPage extends EventView {
  organizationFullName: string;
  organizationPhone: string | null;
  /** The applications, for those who may see them; each says whether it may still be cancelled here (the core's decision). */
  applications: Array<EventApplicationView & { cancellable: boolean }> | null;
  /** The operator may edit or remove the event (its organization's staff, the administrator). */
  editable: boolean;
  /** The operator may apply for a child here now: the event takes applications and is theirs to take them for. */
  acceptsApplicationsHere: boolean;
}

/** One of a child's event applications, for the certificate card. */
export interface ChildEventApplication {
  id: string;
  eventId: string;
  eventName: string;
  organizationName: string;
  startsAt: string;
  endsAt: string;
  status: EventApplicationStatus;
  createdAt: string;
  cancelReason: string | null;
}

export const eventsContract = {
  // Events («Мероприятия»): organizations publish them, the navigator finds them, children apply to take part.
  'events.save': {
    input: z
      .object({
        id: id.optional(),
        organizationId: z.string({ error: 'Организация: выберите значение' }).uuid('Организация: выберите значение из списка'),
        name: trimmed(300, 'Название мероприятия').min(3, 'Название мероприятия: не короче 3 символов'),
        kind: z.enum(EVENT_KINDS, { error: 'Вид мероприятия: выберите значение' }),
        startsAt: localDateTime('Начало'),
        endsAt: localDateTime('Окончание'),
        address: trimmed(300, 'Место проведения').min(5, 'Место проведения: не короче 5 символов'),
        ageMin: z.number({ error: 'Возраст от: число' }).int('Возраст от: целое число').min(0, 'Возраст от: не меньше 0').max(25, 'Возраст от: не больше 25'),
        ageMax: z.number({ error: 'Возраст до: число' }).int('Возраст до: целое число').min(0, 'Возраст до: не меньше 0').max(25, 'Возраст до: не больше 25'),
        /** null: as many children as come. */
        places: z.number({ error: 'Мест: число' }).int('Мест: целое число').min(1, 'Мест: не меньше 1').max(10_000, 'Мест: не больше 10 000').nullable().default(null),
        description: trimmed(5000, 'Описание').default(''),
        applicationsOpen: z.boolean().default(true),
      })
      .refine((v) => v.ageMin <= v.ageMax, { message: 'Возраст «от» не может быть больше возраста «до»', path: ['ageMax'] })
      .refine((v) => v.endsAt >= v.startsAt, { message: 'Окончание не может быть раньше начала', path: ['endsAt'] }),
    output: {} as EventView,
  },
  'events.remove': { input: z.object({ eventId: id }), output: {} as { id: string } },
  'events.list': {
    input: z.object({
      organizationId: id.optional(),
      when: z.enum(['upcoming', 'past'], { error: 'Показать: предстоящие или прошедшие' }).default('upcoming'),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: {} as EventView[],
  },
  'events.get': { input: z.object({ eventId: id }), output: {} as EventPage },
  /** The navigator's events section: upcoming events by their name or their organization's, as you type. */
  'events.search': {
    input: z.object({ query: z.string().max(100, 'Запрос не длиннее 100 символов'), limit: z.number().int().min(1).max(20).default(6) }),
    output: {} as EventView[],
  },
  'events.apply': {
    input: z.object({
      eventId: id,
      certificateNumber,
      /** As for a program application: «Подтверждение по ФИО», by code phrase, or the cabinet password at the desk. */
      childFullName: z.string().max(200).optional(),
      codePhrase: z.string().max(100).optional(),
      cabinetPassword: z.string().max(100).optional(),
    }),
    output: {} as EventApplicationView,
  },
  'events.cancelApplication': {
    input: z.object({ applicationId: id, reason: trimmed(500, 'Причина отмены').optional().transform((v) => (v ? v : null)) }),
    output: {} as EventApplicationView,
  },
  'events.childApplications': { input: certificateRef, output: {} as ChildEventApplication[] },
} as const;
