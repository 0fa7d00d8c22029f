import { z } from 'zod';
import { ROLES } from '../enums';
import type { OperatorView } from './auth';
import { id, newPassword, operatorFullName, operatorLogin } from './fields';

export interface OperatorAccountView extends OperatorView {
  active: boolean;
  /** Until when the account waits out its lock after wrong passwords; null when it is not locked now. */
  lockedUntil: string | null;
  /** The account is locked now (the core's decision, in the desk's time). */
  locked: boolean;
}

export const operatorsContract = {
  'operators.list': { input: z.object({}), output: {} as OperatorAccountView[] },
  'operators.create': {
    input: z.object({
      login: operatorLogin,
      fullName: operatorFullName,
      role: z.enum(ROLES, { error: 'Роль: выберите значение' }),
      organizationId: id.nullable().optional().transform((v) => v ?? null),
      password: newPassword,
    }),
    output: {} as OperatorAccountView,
  },
  'operators.update': {
    input: z.object({
      id,
      fullName: operatorFullName.optional(),
      role: z.enum(ROLES, { error: 'Роль: выберите значение' }).optional(),
      organizationId: id.nullable().optional(),
      active: z.boolean().optional(),
    }),
    output: {} as OperatorAccountView,
  },
  'operators.resetPassword': {
    input: z.object({ id, password: newPassword }),
    output: {} as { reset: true },
  },
} as const;
