import type { CertificateSearchRow } from '../../../shared/operations';
import { fullName, searchWords } from '../../../shared/rules';
import type { CertificateStatus } from '../../../shared/enums';
import type { Db } from '../../database/db';

const collator = new Intl.Collator('ru');

/** Keeps the name index in step with a certificate (rowid = certificates.rowid). Names arrive folded. */
export function indexCertificateForSearch(db: Db, certificateRowid: number, childNameNorm: string, representativeNameNorm: string): void {
  db.prepare('INSERT INTO certificate_search(rowid, child_name, representative_name) VALUES (?, ?, ?)').run(
    certificateRowid,
    childNameNorm,
    representativeNameNorm,
  );
}

interface Row {
  id: string;
  number: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string;
  status: CertificateStatus;
  rep_name: string | null;
}

const SELECT_ROWS = `
  SELECT cert.id, cert.number, ch.last_name, ch.first_name, ch.middle_name, ch.birth_date, cert.status,
         (SELECT r.last_name || ' ' || r.first_name || coalesce(' ' || r.middle_name, '')
            FROM child_representatives cr JOIN representatives r ON r.id = cr.representative_id
           WHERE cr.child_id = ch.id AND cr.deleted = 0 LIMIT 1) AS rep_name
    FROM certificates cert JOIN children ch ON ch.id = cert.child_id`;

/** Children whose folded full name (surname first) starts with the word, through children_name_birth. */
const SURNAME_PREFIX = `
  SELECT cert.id, cert.number, ch.last_name, ch.first_name, ch.middle_name, ch.birth_date, cert.status,
         (SELECT r.last_name || ' ' || r.first_name || coalesce(' ' || r.middle_name, '')
            FROM child_representatives cr JOIN representatives r ON r.id = cr.representative_id
           WHERE cr.child_id = ch.id AND cr.deleted = 0 LIMIT 1) AS rep_name
    FROM children ch JOIN certificates cert ON cert.child_id = ch.id
   WHERE ch.name_norm >= ? AND ch.name_norm < ? AND cert.deleted = 0
   ORDER BY ch.name_norm LIMIT ?`;

const ANY_SURNAME_PREFIX = 'SELECT 1 FROM children WHERE name_norm >= ? AND name_norm < ? LIMIT 1';

/** FTS5 query: every word must be the start of some name word («ив ал» finds «Иванов Алексей»). */
function ftsQuery(words: string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

/**
 * Search as you type. Digits search the certificate number by prefix (through its unique index);
 * letters search children's and representatives' names by word prefix, case-insensitive, ё = е.
 */
export function searchCertificates(db: Db, query: string, limit: number): CertificateSearchRow[] {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const digits = words.filter((w) => /^\d+$/.test(w));
  const names = words.filter((w) => !/^\d+$/.test(w));
  const numberPrefix = digits.join('');
  let rows: Row[];
  if (names.length === 0) {
    if (numberPrefix.length > 10) return [];
    rows = db.prepare(`${SELECT_ROWS} WHERE cert.number >= ? AND cert.number < ? AND cert.deleted = 0 ORDER BY cert.number LIMIT ?`)
      .all(numberPrefix, `${numberPrefix}:`, limit) as Row[];
  } else {
    // Surnames first: «Иванов» should show the Ивановы before every «Иванович». Pass one asks for children whose
    // surname (the first word of the child's name) starts with the first word typed; pass two fills the list
    // with every other match. Each pass stops at the limit, so broad prefixes stay instant.
    const [first, ...rest] = names;
    const surnameFirst = `child_name : ^ "${first!.replace(/"/g, '')}" * ${rest.length ? ftsQuery(rest) : ''}`.trim();
    const numberFilter = numberPrefix ? 'AND cert.number >= ? AND cert.number < ?' : '';
    const numberArgs = numberPrefix ? [numberPrefix, `${numberPrefix}:`] : [];
    const ftsLimit = numberPrefix ? limit * 20 : limit;
    const byMatch = db.prepare(
      `${SELECT_ROWS}
        WHERE cert.rowid IN (SELECT rowid FROM certificate_search WHERE certificate_search MATCH ? LIMIT ?)
          AND cert.deleted = 0 ${numberFilter}`,
    );
    // One word (most keystrokes): the surnames come straight from the index on the folded full name, which
    // starts with the surname, in name order and stopping at the limit. Through FTS the same pass would have
    // to walk every document holding the word when few surnames start with it («Ев»: Евгения, Евгеньевич…).
    // With more words the pass stays in FTS, but only when some child's surname starts with the first word at
    // all (one index probe): «Ольга П» would otherwise walk every «Ольга» to find no surname.
    const surnameRange = [first, `${first}\u{10FFFF}`];
    let bySurname: Row[];
    if (rest.length === 0 && !numberPrefix) bySurname = db.prepare(SURNAME_PREFIX).all(...surnameRange, limit) as Row[];
    else if (db.prepare(ANY_SURNAME_PREFIX).get(...surnameRange)) bySurname = byMatch.all(surnameFirst, ftsLimit, ...numberArgs) as Row[];
    else bySurname = [];
    bySurname = bySurname.slice(0, limit);
    const seen = new Set(bySurname.map((r) => r.id));
    const others =
      bySurname.length < limit
        ? (byMatch.all(ftsQuery(names), ftsLimit + bySurname.length, ...numberArgs) as Row[]).filter((r) => !seen.has(r.id)).slice(0, limit - bySurname.length)
        : [];
    const byName = (a: Row, b: Row) => collator.compare(a.last_name, b.last_name) || collator.compare(a.first_name, b.first_name);
    rows = [...bySurname.sort(byName), ...others.sort(byName)];
  }
  return rows.map((r) => ({
    certificateId: r.id,
    number: r.number,
    childName: fullName({ lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name }),
    birthDate: r.birth_date,
    status: r.status,
    representativeName: r.rep_name,
  }));
}
