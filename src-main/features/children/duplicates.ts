import type { DuplicateCandidate } from '../../../shared/operations';
import { fullName, normalizeName } from '../../../shared/rules';
import type { Db } from '../../database/db';

/** Identity documents are compared without spaces, dashes and «№», in upper case, with Ё as Е. */
export function normalizeDocument(value: string): string {
  return value.toUpperCase().replace(/Ё/g, 'Е').replace(/[\s№-]+/g, '');
}

export function childNameNorm(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return normalizeName(fullName(p));
}

interface CandidateRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string;
  identity_document: string;
  number: string | null;
  by_name: number;
}

/**
 * Children who look like the one being registered: the same folded full name and birth date,
 * or the same identity document. The operator must see them before a second record is made.
 */
export function findDuplicateChildren(
  db: Db,
  p: { lastName: string; firstName: string; middleName?: string | null; birthDate: string; identityDocument?: string | null },
): DuplicateCandidate[] {
  const nameNorm = childNameNorm(p);
  const doc = p.identityDocument ? normalizeDocument(p.identityDocument) : '';
  const rows = db
    .prepare(
      `SELECT c.id, c.last_name, c.first_name, c.middle_name, c.birth_date, c.identity_document,
              (SELECT number FROM certificates WHERE child_id = c.id AND deleted = 0 ORDER BY issued_on DESC LIMIT 1) AS number,
              (c.name_norm = @name AND c.birth_date = @birth) AS by_name
         FROM children c
        WHERE c.deleted = 0
          AND ((c.name_norm = @name AND c.birth_date = @birth) OR (@doc <> '' AND c.identity_document_norm = @doc))
        LIMIT 20`,
    )
    .all({ name: nameNorm, birth: p.birthDate, doc }) as CandidateRow[];
  return rows.map((r) => ({
    childId: r.id,
    fullName: fullName({ lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name }),
    birthDate: r.birth_date,
    identityDocument: r.identity_document,
    certificateNumber: r.number,
    reason: r.by_name ? 'name_and_birth_date' : 'identity_document',
  }));
}
