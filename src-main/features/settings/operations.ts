import { ALL_ROLES, type FeatureOperations } from '../../api/operation';

export const settingsOperations: FeatureOperations<'settings.setTheme'> = {
  'settings.setTheme': {
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const id = ctx.actor!.operatorId;
      ctx.core.db.prepare('UPDATE operators SET theme = ?, modified_at = ? WHERE id = ?').run(input.theme, ctx.stamp, id);
      ctx.audit('operator', id, input.theme === 'dark' ? 'Включена тёмная тема' : 'Включена светлая тема');
      return { theme: input.theme };
    },
  },
};
