/** Operation names of offices.* as the audit log shows them (merged into audit.op). */
export const officesAuditOps = {
  offices_keys: 'Ключи офиса',
  offices_own: 'Сведения об офисе',
  offices_card: 'Выгрузка карточки офиса',
  offices_readCard: 'Проверка карточки другого офиса',
  offices_trust: 'Доверие офису',
  offices_trusted: 'Список доверенных офисов',
  offices_revoke: 'Отзыв доверия офису',
  offices_setRole: 'Роль офиса',
} as const;
