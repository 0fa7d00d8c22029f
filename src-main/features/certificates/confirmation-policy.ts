import { CONFIRMATION_POLICY_LABELS, type ConfirmationPolicy } from '../../../shared/enums';
import type { ConfirmationDecision } from '../../../shared/operations';
import { normalizeName } from '../../../shared/rules';
import { ALL_ROLES, REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { hashSecret, verifySecret } from '../auth';
import { certificateRow, certificateRowByNumber, recordCertificateEvent, type CertificateRow } from './records';
import { CONFIRMATION_MAX_FAILURES, isLocked, recordSuccessfulAttempt, wrongAnswer } from './lockout';

/** A code phrase is said aloud and typed by someone else: case, ё/е and spacing do not matter. */
export function normalizeCodePhrase(phrase: string): string {
  return normalizeName(phrase);
}

/** Names are compared case-insensitively, ё = е, spaces folded (the domain rule for «по ФИО»). */
function namesMatch(presented: string, stored: string): boolean {
  return normalizeName(presented) === normalizeName(stored);
}

function childFullName(db: Db, childId: string): string {
  const r = db.prepare("SELECT last_name || ' ' || first_name || coalesce(' ' || middle_name, '') AS n FROM children WHERE id = ?").get(childId) as { n: string };
  return r.n;
}

function hhmm(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export interface PresentedConfirmation {
  childFullName?: string | undefined;
  codePhrase?: string | undefined;
}

/**
 * The one check the applications feature calls before an organization creates an application: the certificate's
 * confirmation policy against what the organization presented. A wrong answer is recorded (it counts toward the
 * lockout even though the calling operation is refused and rolled back); every attempt goes to the audit log
 * through the calling operation. Throws DomainError on refusal; returns the decision when allowed.
 */
export function checkOrganizationConfirmation(ctx: OperationContext, c: CertificateRow, presented: PresentedConfirmation): ConfirmationDecision {
  const { db } = ctx.core;
  const policy: ConfirmationPolicy = c.confirmation_policy;
  if (isLocked(c, ctx.nowIso)) {
    throw new DomainError(
      'locked',
      `Запись по сертификату ${c.number} по инициативе организации временно заблокирована после ${CONFIRMATION_MAX_FAILURES} неверных подтверждений — до ${hhmm(c.confirmation_locked_until!, ctx.core.clock.timeZone)}.`,
    );
  }
  if (policy === 'forbidden') {
    throw new DomainError(
      'refused',
      'Представитель установил тип подтверждения «Запись запрещена»: организация не может создать заявку по этому сертификату. Записаться можно только лично — в личном кабинете или у оператора реестра.',
    );
  }
  let ok: boolean;
  if (policy === 'by_name') {
    if (!presented.childFullName?.trim()) throw new DomainError('invalid_input', 'Укажите ФИО ребёнка: сертификат требует подтверждения по ФИО.', { fields: { childFullName: 'Укажите ФИО ребёнка' } });
    ok = namesMatch(presented.childFullName, childFullName(db, c.child_id));
  } else {
    if (!presented.codePhrase?.trim()) throw new DomainError('invalid_input', 'Укажите кодовую фразу, которую назовёт представитель.', { fields: { codePhrase: 'Укажите кодовую фразу' } });
    ok = !!c.code_phrase_hash && verifySecret(normalizeCodePhrase(presented.codePhrase), c.code_phrase_hash);
  }
  if (ok) {
    recordSuccessfulAttempt(ctx, c, policy);
    return { allowed: true, message: `Подтверждение принято (${CONFIRMATION_POLICY_LABELS[policy]}).` };
  }
  const what = policy === 'by_name' ? 'ФИО ребёнка не совпадает с данными сертификата' : 'кодовая фраза неверна';
  throw wrongAnswer(ctx, c, policy, 'refused', (failures, locked) =>
    locked
      ? `Подтверждение не принято: ${what}. Это ${failures}-я ошибка за 15 минут — запись по инициативе организации заблокирована на 30 минут.`
      : `Подтверждение не принято: ${what}. Осталось попыток до блокировки: ${CONFIRMATION_MAX_FAILURES - failures}.`,
  );
}

export const confirmationOperations: FeatureOperations<'certificates.setConfirmationPolicy' | 'certificates.checkConfirmation'> = {
  'certificates.setConfirmationPolicy': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const c = certificateRow(db, input.certificateId);
      if (c.status === 'annulled') throw new DomainError('conflict', `Сертификат ${c.number} аннулирован.`);
      if (input.policy === 'by_phrase' && !input.codePhrase && !c.code_phrase_hash) {
        throw new DomainError('invalid_input', 'Для подтверждения по кодовой фразе задайте фразу (дважды).', { fields: { codePhrase: 'Задайте кодовую фразу' } });
      }
      const newHash = input.codePhrase ? hashSecret(normalizeCodePhrase(input.codePhrase)) : null;
      const changedAt = newHash ? ctx.nowIso : c.code_phrase_changed_at;
      db.prepare('UPDATE certificates SET confirmation_policy = ?, code_phrase_hash = coalesce(?, code_phrase_hash), code_phrase_changed_at = ?, modified_at = ? WHERE id = ?').run(
        input.policy, newHash, changedAt, ctx.stamp, c.id,
      );
      const text = `Тип подтверждения: «${CONFIRMATION_POLICY_LABELS[input.policy]}»${newHash ? '; кодовая фраза изменена' : ''}`;
      recordCertificateEvent(ctx, c.id, { kind: 'confirmation_policy', reason: text });
      ctx.audit('certificate', c.id, `${c.number}: ${text}`);
      return { policy: input.policy, codePhraseChangedAt: changedAt };
    },
  },
  'certificates.checkConfirmation': {
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const c = certificateRowByNumber(ctx.core.db, input.certificateNumber);
      if (!c) throw new DomainError('not_found', `Сертификат № ${input.certificateNumber} не найден в реестре.`);
      ctx.audit('certificate', c.id, `Проверка подтверждения организацией по сертификату ${c.number}`);
      if (c.status === 'annulled') throw new DomainError('refused', `Сертификат ${c.number} аннулирован.`);
      return checkOrganizationConfirmation(ctx, c, { childFullName: input.childFullName, codePhrase: input.codePhrase });
    },
  },
};
