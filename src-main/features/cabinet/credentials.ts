import { randomInt } from 'node:crypto';
import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { hashSecret, hashSecretAsync, verifySecret } from '../auth';
import { certificateRowByNumber, CONFIRMATION_MAX_FAILURES, isLocked, recordCertificateEvent, recordSuccessfulAttempt, wrongAnswer, type CertificateRow } from '../certificates';

/** No 0/O, 1/l/I: the password is read off paper and typed by a parent. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CABINET_PASSWORD_LENGTH = 10;

export function generateCabinetPassword(): string {
  let out = '';
  for (let i = 0; i < CABINET_PASSWORD_LENGTH; i += 1) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

export function newCabinetPassword(): { password: string; hash: string } {
  const password = generateCabinetPassword();
  return { password, hash: hashSecret(password, 'random-token') };
}

/** Many passwords hashed in parallel on the thread pool, before the one transaction that stores them. */
export async function newCabinetPasswords(count: number): Promise<Array<{ password: string; hash: string }>> {
  const passwords = Array.from({ length: count }, generateCabinetPassword);
  const hashes = await Promise.all(passwords.map((p) => hashSecretAsync(p, 'random-token')));
  return passwords.map((password, i) => ({ password, hash: hashes[i]! }));
}

/**
 * Issues a fresh cabinet password: only its hash is stored, and every earlier extract stops being valid
 * (its printed password no longer opens the cabinet). Returns the password for the printout, once.
 */
export function reissueCabinetPassword(
  ctx: OperationContext,
  c: CertificateRow,
  prepared: { password: string; hash: string } = newCabinetPassword(),
): string {
  const { password, hash } = prepared;
  ctx.core.db
    .prepare('UPDATE certificates SET cabinet_password_hash = ?, cabinet_password_set_at = ?, modified_at = ? WHERE id = ?')
    .run(hash, ctx.nowIso, ctx.stamp, c.id);
  ctx.core.db
    .prepare(
      `UPDATE issued_documents SET superseded_at = ?, superseded_reason = 'Выдан новый пароль личного кабинета: выписка заменена новой', modified_at = ?
        WHERE certificate_id = ? AND kind = 'extract' AND superseded_at IS NULL`,
    )
    .run(ctx.nowIso, ctx.stamp, c.id);
  recordCertificateEvent(ctx, c.id, { kind: 'cabinet_password', reason: 'Сформирована выписка с новым паролем личного кабинета' });
  return password;
}

/**
 * Checks a cabinet login and password that a parent presents at the desk. A wrong one is 'refused', not
 * 'unauthenticated': it is the parent's cabinet that failed, the operator's session stays. Wrong passwords count toward the
 * same lockout as wrong confirmations (5 in 15 minutes lock for 30 minutes), so the desk cannot be used to guess.
 */
export function verifyCabinetCredentials(ctx: OperationContext, login: string, password: string): CertificateRow {
  const { db } = ctx.core;
  const c = certificateRowByNumber(db, login);
  const wrong = 'Неверный логин или пароль личного кабинета.';
  if (!c || !c.cabinet_password_hash) {
    if (c && !c.cabinet_password_hash) throw new DomainError('refused', `У сертификата ${login} ещё нет пароля личного кабинета: сформируйте выписку.`);
    throw new DomainError('refused', wrong);
  }
  if (isLocked(c, ctx.nowIso)) {
    throw new DomainError('locked', `Проверка кабинета ${c.number} временно заблокирована после ${CONFIRMATION_MAX_FAILURES} неудачных попыток. Повторите позже.`);
  }
  if (verifySecret(password, c.cabinet_password_hash)) {
    recordSuccessfulAttempt(ctx, c, 'cabinet_password');
    return c;
  }
  throw wrongAnswer(ctx, c, 'cabinet_password', 'refused', (_failures, locked) => (locked ? `${wrong} Проверка заблокирована на 30 минут.` : wrong));
}
