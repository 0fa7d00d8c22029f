import { ALL_ROLES, type FeatureOperations, type OperationContext } from '../../api/operation';
import { setMeta } from '../../database/db';

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

/** The office's name, printed on its documents and shown at login: set when the registry is created. */
export function nameTheOffice(ctx: OperationContext, name: string): void {
  setMeta(ctx.core.db, 'office_name', name.trim() || 'Рабочее место');
}
