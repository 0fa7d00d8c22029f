import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { nameTheOffice } from '../settings';

/**
 * A new registry's code and name, as its creator gave them (`certdesk create --office-code --office-name`): the name in
 * the meta the documents print and in the office's row of the directory, the code in that row. Only at creation: the
 * code stands in every number the office has given out since.
 */
export function identifyOffice(ctx: OperationContext, o: { code?: string | undefined; name: string }): void {
  nameTheOffice(ctx, o.name);
  const { db, officeId } = ctx.core;
  const name = o.name.trim() || 'Рабочее место';
  if (o.code !== undefined && db.prepare('SELECT 1 FROM offices WHERE code = ? AND id <> ?').get(o.code, officeId)) {
    throw new DomainError('conflict', `Код офиса ${o.code} уже занят другим офисом в справочнике офисов.`);
  }
  db.prepare('UPDATE offices SET name = ?, code = coalesce(?, code), modified_at = ? WHERE id = ?').run(name, o.code ?? null, ctx.stamp, officeId);
}
