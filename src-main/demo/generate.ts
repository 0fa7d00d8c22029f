import type { Db } from '../database/db';
import { composeCertificateNumber, normalizeName, shrunkNominal } from '../../shared/rules';
import { FATHER_NAMES, FEMALE_NAMES, MALE_NAMES, MOTHER_NAMES, SURNAMES, feminineSurname, patronymic } from './names';
import { pick, seededRandom } from './random';

export interface GenerationTarget {
  municipalityId: string;
  regionCode: string;
  municipalityCode: string;
  /** First serial to use; serials run up without gaps. */
  firstSerial: number;
  count: number;
  categories: Array<{ id: string; annualNominalKopecks: number; weight: number }>;
}

export interface GenerationOptions {
  seed: number;
  today: string;
  officeId: string;
  stamp: string;
  targets: GenerationTarget[];
  onProgress?: (done: number, total: number) => void;
  /** Children per transaction (default 20 000). */
  chunk?: number;
}

const DAY_MS = 86400000;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * The same ids as `uuidv7(ms, randomBytesFrom(rnd))` (database/ids.ts), without the per-id arrays: the
 * generator makes several million of them. Ten random bytes, version 7 and the RFC 4122 variant.
 */
export function seededUuidv7(ms: number, rnd: () => number): string {
  const t = ms.toString(16).padStart(12, '0');
  const b6 = (Math.floor(rnd() * 256) & 0x0f) | 0x70;
  const b7 = Math.floor(rnd() * 256);
  const b8 = (Math.floor(rnd() * 256) & 0x3f) | 0x80;
  let tail = '';
  for (let i = 0; i < 7; i += 1) tail += HEX[Math.floor(rnd() * 256)];
  return `${t.slice(0, 8)}-${t.slice(8)}-${HEX[b6]}${HEX[b7]}-${HEX[b8]}${tail.slice(0, 2)}-${tail.slice(2)}`;
}

/** Memoizes a pure function of a small domain (names, days): the generator asks the same few thousand values millions of times. */
function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) {
      v = f(k);
      cache.set(k, v);
    }
    return v;
  };
}

/**
 * Fills the registry with plausible children, their representatives and certificates, deterministically.
 * Written for speed (one transaction per chunk, prepared statements, ids in time order, no per-row work that
 * can be memoized), because the same code builds the 1.5-million-children registry of the benchmarks.
 */
export function generateChildren(db: Db, o: GenerationOptions): number {
  const rnd = seededRandom(o.seed);
  const baseMs = Date.parse(`${o.today}T00:00:00Z`) - 400 * DAY_MS;
  let idCounter = 0;
  const newId = () => seededUuidv7(baseMs + Math.floor(idCounter++ / 16), rnd);
  const year = Number(o.today.slice(0, 4));
  const todayMs = Date.parse(`${o.today}T00:00:00Z`);
  const daysAgo = memo((days: number) => new Date(todayMs - days * DAY_MS).toISOString().slice(0, 10));
  // A full name's parts hold no spaces, so folding the parts one by one folds the joined name.
  const fold = memo(normalizeName);
  const feminine = memo(feminineSurname);
  const patronymicOf = memo((key: string) => patronymic(key.slice(1), key[0] === 'f'));
  const grantNote = 'Номинал категории';

  const insChild = db.prepare(
    `INSERT INTO children(id, modified_at, origin_office, last_name, first_name, middle_name, name_norm, birth_date, gender,
                          identity_document, identity_document_norm, snils) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const insRep = db.prepare(
    `INSERT INTO representatives(id, modified_at, origin_office, last_name, first_name, middle_name, name_norm, identity_document,
                                 identity_document_norm, phone, email, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  const insLink = db.prepare(
    'INSERT INTO child_representatives(id, modified_at, origin_office, child_id, representative_id, relation) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insCert = db.prepare(
    `INSERT INTO certificates(id, modified_at, origin_office, number, child_id, municipality_id, category_id, type, status, issued_on, activated_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insGrant = db.prepare(
    `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_nominal, at, note)
     VALUES (?, ?, ?, ?, ?, ?, 'grant', ?, ?, ?)`,
  );
  const insSearch = db.prepare('INSERT INTO certificate_search(rowid, child_name, representative_name) VALUES (?, ?, ?)');

  const total = o.targets.reduce((s, t) => s + t.count, 0);
  const chunk = o.chunk ?? 20000;
  const series = ['I', 'II', 'III', 'IV'];
  let done = 0;
  for (const target of o.targets) {
    const weights = target.categories.reduce((s, c) => s + c.weight, 0);
    // Nominal and grant day depend only on the category and the issue day.
    const grantOf = memo((key: string) => {
      const [categoryIndex, issuedOn] = [Number(key.slice(11)), key.slice(0, 10)];
      const grantDay = issuedOn.slice(0, 4) === String(year) ? issuedOn : `${year}-01-01`;
      return { nominal: shrunkNominal(target.categories[categoryIndex]!.annualNominalKopecks, grantDay), at: `${grantDay}T09:00:00.000Z` };
    });
    let left = target.count;
    let serial = target.firstSerial;
    while (left > 0) {
      const n = Math.min(chunk, left);
      db.transaction(() => {
        for (let i = 0; i < n; i += 1) {
          const female = rnd() < 0.49;
          const surname = pick(rnd, SURNAMES);
          const fatherName = pick(rnd, FATHER_NAMES);
          const last = female ? feminine(surname) : surname;
          const first = pick(rnd, female ? FEMALE_NAMES : MALE_NAMES);
          const middle = patronymicOf(`${female ? 'f' : 'm'}${fatherName}`);
          const ageDays = Math.floor((5 + rnd() * 12.9) * 365.25);
          const birth = daysAgo(ageDays);
          const docSeries = series[Math.floor(rnd() * 4)]!;
          const docNumber = String(100000 + Math.floor(rnd() * 900000));
          const childId = newId();
          const childNorm = `${fold(last)} ${fold(first)} ${fold(middle)}`;
          insChild.run(childId, o.stamp, o.officeId, last, first, middle, childNorm, birth, female ? 'female' : 'male',
            `${docSeries}-ДП ${docNumber}`, `${docSeries}ДП${docNumber}`);

          const mother = rnd() < 0.8;
          const repLast = mother ? feminine(surname) : surname;
          const repFirst = mother ? pick(rnd, MOTHER_NAMES) : fatherName;
          const repMiddle = patronymicOf(`${mother ? 'f' : 'm'}${pick(rnd, FATHER_NAMES)}`);
          const repDocA = String(10 + Math.floor(rnd() * 90));
          const repDocB = String(100000 + Math.floor(rnd() * 900000));
          const repId = newId();
          const repNorm = `${fold(repLast)} ${fold(repFirst)} ${fold(repMiddle)}`;
          const phone = `+7 9${String(Math.floor(rnd() * 100)).padStart(2, '0')} ${String(Math.floor(rnd() * 1000)).padStart(3, '0')}-${String(Math.floor(rnd() * 100)).padStart(2, '0')}-${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
          insRep.run(repId, o.stamp, o.officeId, repLast, repFirst, repMiddle, repNorm, `47${repDocA} ${repDocB}`, `47${repDocA}${repDocB}`, phone);
          insLink.run(newId(), o.stamp, o.officeId, childId, repId, mother ? 'mother' : 'father');

          let r = rnd() * weights;
          let categoryIndex = 0;
          for (let c = 0; c < target.categories.length; c += 1) {
            r -= target.categories[c]!.weight;
            if (r <= 0) {
              categoryIndex = c;
              break;
            }
          }
          const category = target.categories[categoryIndex]!;
          const financing = rnd() < 0.85;
          const active = rnd() < 0.8;
          const issuedOn = daysAgo(Math.floor(rnd() * 300));
          const certId = newId();
          const info = insCert.run(
            certId, o.stamp, o.officeId,
            composeCertificateNumber(target.regionCode, target.municipalityCode, serial),
            childId, target.municipalityId, category.id, financing ? 'financing' : 'accounting',
            active ? 'active' : 'issued', issuedOn, active ? issuedOn : null,
          );
          serial += 1;
          if (financing) {
            const grant = grantOf(`${issuedOn} ${categoryIndex}`);
            insGrant.run(newId(), o.stamp, o.officeId, certId, target.municipalityId, year, grant.nominal, grant.at, grantNote);
          }
          insSearch.run(info.lastInsertRowid, childNorm, repNorm);
        }
      })();
      left -= n;
      done += n;
      o.onProgress?.(done, total);
    }
  }
  return done;
}
