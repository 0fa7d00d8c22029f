import { REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { verifyCabinetCredentials } from './credentials';

function childName(ctx: OperationContext, childId: string): string {
  return (ctx.core.db.prepare("SELECT last_name || ' ' || first_name || coalesce(' ' || middle_name, '') AS n FROM children WHERE id = ?").get(childId) as { n: string }).n;
}

export const cabinetOperations: FeatureOperations<'cabinet.verify'> = {
  'cabinet.verify': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      ctx.audit('certificate', null, `Проверка логина и пароля личного кабинета ${input.login}`);
      const c = verifyCabinetCredentials(ctx, input.login, input.password);
      ctx.audit('certificate', c.id, `Проверка логина и пароля личного кабинета ${input.login}: верно`);
      return { certificateId: c.id, number: c.number, childName: childName(ctx, c.child_id) };
    },
  },
};
