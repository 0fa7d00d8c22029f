import { z } from 'zod';
import type { Role, Theme } from '../enums';
import { newPassword } from './fields';

export interface OperatorView {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  organizationId: string | null;
  organizationName: string | null;
  theme: Theme;
}

export interface SessionView {
  token: string;
  operator: OperatorView;
  office: { id: string; name: string };
  /** Operations this operator's role may call: the screens offer only what the core would accept. */
  allowedOperations: string[];
  /** The desk's clock when the session was read (ISO-8601): the screens' «today» follows the core's, not the PC's. */
  deskNow: string;
}

export const authContract = {
  'auth.login': {
    input: z.object({
      login: z.string().trim().min(1, 'Укажите логин').max(64, 'Логин не длиннее 64 символов'),
      password: z.string().min(1, 'Укажите пароль').max(256, 'Пароль не длиннее 256 символов'),
    }),
    output: {} as SessionView,
  },
  'auth.logout': { input: z.object({}), output: {} as { loggedOut: true } },
  'auth.me': { input: z.object({}), output: {} as SessionView },
  'auth.changePassword': {
    input: z.object({ currentPassword: z.string().min(1, 'Укажите текущий пароль').max(256), newPassword }),
    output: {} as { changed: true },
  },
} as const;
