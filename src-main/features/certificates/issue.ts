import type { OperationParsedInput } from '../../../shared/operations';
import { ageOn, composeCertificateNumber, fullName, normalizeName, shrunkNominal } from '../../../shared/rules';
import type { OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { childNameNorm, findDuplicateChildren, normalizeDocument } from '../children';
import { categoryById, municipalityById, yearIsDraft } from '../municipalities';
import { recordCertificateEvent } from './records';
import { indexCertificateForSearch } from './search';

type IssueInput = OperationParsedInput<'certificates.issue'>;

function initials(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return `${p.lastName} ${p.firstName[0]}.${p.middleName ? ` ${p.middleName[0]}.` : ''}`;
}

/** Next free serial in the municipality: numbers are never reused, even for annulled certificates. */
export function nextCertificateNumber(db: Db, regionCode: string, municipalityCode: string): string {
  const prefix = `${regionCode}${municipalityCode}`;
  const row = db
    .prepare('SELECT max(number) AS n FROM certificates WHERE number >= ? AND number <= ?')
    .get(`${prefix}000000`, `${prefix}999999`) as { n: string | null };
  const serial = row.n ? Number(row.n.slice(4)) + 1 : 1;
  if (serial > 999_999) {
    throw new DomainError('conflict', `Номера сертификатов муниципалитета ${prefix} исчерпаны (999 999 выдано).`);
  }
  return composeCertificateNumber(regionCode, municipalityCode, serial);
}

/**
 * Registers the child and the representative and issues a certificate «не активирован».
 * The nominal granted is the category's annual nominal shrunk to the months left in the year.
 */
export function issueCertificate(input: IssueInput, ctx: OperationContext): { certificateId: string; number: string; childId: string } {
  const { db } = ctx.core;
  const { child, representative: rep } = input;
  const today = ctx.today;
  const year = Number(today.slice(0, 4));

  const municipality = municipalityById(db, input.municipalityId);
  if (!municipality) throw new DomainError('not_found', 'Муниципалитет не найден в реестре.', { fields: { municipalityId: 'Выберите муниципалитет из списка' } });
  const category = categoryById(db, input.categoryId);
  if (!category || category.municipality_id !== municipality.id) {
    throw new DomainError('invalid_input', 'Категория не найдена у выбранного муниципалитета.', {
      fields: { categoryId: 'Выберите категорию из списка' },
    });
  }
  if (category.year !== year) {
    throw new DomainError('invalid_input', `Категория «${category.name}» установлена на ${category.year} год, а не на текущий ${year}.`, {
      fields: { categoryId: 'Выберите категорию текущего года' },
    });
  }
  if (yearIsDraft(db, municipality.id, year)) {
    throw new DomainError('conflict', `Параметры ${year} года муниципалитета «${municipality.name}» ещё не опубликованы: выдать сертификат по ним нельзя.`, {
      fields: { categoryId: 'Год ещё не опубликован' },
    });
  }

  if (child.birthDate > today) {
    throw new DomainError('invalid_input', 'Дата рождения ребёнка не может быть в будущем.', { fields: { 'child.birthDate': 'Дата в будущем' } });
  }
  const age = ageOn(child.birthDate, today);
  if (age < municipality.child_age_min || age > municipality.child_age_max) {
    const message = `Сертификат в муниципалитете «${municipality.name}» выдаётся детям от ${municipality.child_age_min} до ${municipality.child_age_max} лет включительно; ребёнку ${age} (полных лет).`;
    throw new DomainError('invalid_input', message, { fields: { 'child.birthDate': message } });
  }

  const duplicates = findDuplicateChildren(db, child);
  if (duplicates.length > 0 && !input.confirmNotDuplicate) {
    throw new DomainError(
      'duplicate_suspected',
      'Похоже, этот ребёнок уже есть в реестре. Проверьте совпадения; если это другой ребёнок, подтвердите выдачу.',
      { details: duplicates },
    );
  }

  const insertedChildId = ctx.core.newId();
  db.prepare(
    `INSERT INTO children(id, modified_at, origin_office, last_name, first_name, middle_name, name_norm, birth_date, gender,
                          identity_document, identity_document_norm, snils)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    insertedChildId,
    ctx.stamp,
    ctx.core.officeId,
    child.lastName,
    child.firstName,
    child.middleName,
    childNameNorm(child),
    child.birthDate,
    child.gender,
    child.identityDocument,
    normalizeDocument(child.identityDocument),
    child.snils,
  );

  // The same person bringing a second child is one representative with two children (a family).
  const repNameNorm = normalizeName(fullName(rep));
  const existingRep = db
    .prepare('SELECT id FROM representatives WHERE identity_document_norm = ? AND name_norm = ? AND deleted = 0')
    .get(normalizeDocument(rep.identityDocument), repNameNorm) as { id: string } | undefined;
  const representativeId = existingRep?.id ?? ctx.core.newId();
  if (!existingRep) {
    db.prepare(
      `INSERT INTO representatives(id, modified_at, origin_office, last_name, first_name, middle_name, name_norm,
                                   identity_document, identity_document_norm, phone, email, address)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      representativeId, ctx.stamp, ctx.core.officeId, rep.lastName, rep.firstName, rep.middleName, repNameNorm,
      rep.identityDocument, normalizeDocument(rep.identityDocument), rep.phone, rep.email, rep.address,
    );
  }
  db.prepare(
    'INSERT INTO child_representatives(id, modified_at, origin_office, child_id, representative_id, relation) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, insertedChildId, representativeId, rep.relation);

  const number = nextCertificateNumber(db, municipality.region_code, municipality.municipality_code);
  const certificateId = ctx.core.newId();
  const info = db
    .prepare(
      `INSERT INTO certificates(id, modified_at, origin_office, number, child_id, municipality_id, category_id, type, status, issued_on, issued_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?)`,
    )
    .run(certificateId, ctx.stamp, ctx.core.officeId, number, insertedChildId, municipality.id, category.id, input.type, today, ctx.actor?.operatorId ?? null);

  if (input.type === 'financing') {
    const nominal = shrunkNominal(category.annual_nominal_kopecks, today);
    db.prepare(
      `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_nominal, at, operator_id, note)
       VALUES (?, ?, ?, ?, ?, ?, 'grant', ?, ?, ?, ?)`,
    ).run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, certificateId, municipality.id, year, nominal, ctx.nowIso, ctx.actor?.operatorId ?? null, `Номинал категории «${category.name}» на ${year} год`);
  }

  db.prepare('INSERT INTO notifications(id, modified_at, origin_office, certificate_id, at, text) VALUES (?, ?, ?, ?, ?, ?)').run(
    ctx.core.newId(),
    ctx.stamp,
    ctx.core.officeId,
    certificateId,
    ctx.nowIso,
    'Сертификат выдан. Для активации представьте документы ребёнка и подпишите согласие на обработку персональных данных.',
  );

  indexCertificateForSearch(db, Number(info.lastInsertRowid), childNameNorm(child), repNameNorm);
  recordCertificateEvent(ctx, certificateId, { kind: 'issued', to: 'issued', reason: `№ ${number}, ${input.type === 'financing' ? 'сертификат финансирования' : 'сертификат учёта'}, категория «${category.name}»` });
  ctx.audit('certificate', certificateId, `Выдан сертификат ${number} (${initials(child)})${duplicates.length ? ', подтверждено: не дубликат' : ''}`);
  return { certificateId, number, childId: insertedChildId };
}
