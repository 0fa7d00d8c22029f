import { z } from 'zod';
import { certificateNumber, id } from './fields';

export interface ScheduleEntry {
  weekday: number;
  start: string;
  end: string;
  programName: string;
  groupName: string;
  organizationName: string;
  address: string;
  teacher: string | null;
}

export const scheduleContract = {
  /** By the certificate's id or its number, as the operator types it. */
  'schedule.child': { input: z.union([z.object({ certificateId: id }), z.object({ certificateNumber })]), output: {} as ScheduleEntry[] },
  'schedule.group': { input: z.object({ groupId: id }), output: {} as ScheduleEntry[] },
} as const;
