import { z } from 'zod';
import { type Theme, THEMES } from '../enums';

export const settingsContract = {
  'settings.setTheme': {
    input: z.object({ theme: z.enum(THEMES, { error: 'Тема: светлая или тёмная' }) }),
    output: {} as { theme: Theme },
  },
} as const;
