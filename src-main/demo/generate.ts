import type { Db } from '../registry/db';
import { uuidv7 } from '../registry/ids';
import { composeCertificateNumber, fullName, normalizeName, shrunkNominal } from '../../shared/rules';
import { FATHER_NAMES, FEMALE_NAMES, MALE_NAMES, MOTHER_NAMES, SURNAMES, feminineSurname, patronymic } from './names';
import { pick, randomBytesFrom, seededRandom } from './random';

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
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Fills the registry with plausible children, their representatives and certificates, deterministically.
 * Written for speed (one transaction per chunk, prepared statements, ids in time order), because the same
 * code builds the 1.5-million-children registry of the benchmarks.
 */
export function generateChildren(db: Db, o: GenerationOptions): number {
  const rnd = seededRandom(o.seed);
  const bytes = randomBytesFrom(rnd);
  const baseMs = Date.parse(`${o.today}T00:00:00Z`) - 400 * 86400000;
  let idCounter = 0;
  const newId = () => uuidv7(baseMs + Math.floor(idCounter++ / 16), bytes);
  const year = Number(o.today.slice(0, 4));
  const todayMs = Date.parse(`${o.today}T00:00:00Z`);

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
     VALUES (?, ?, ?, ?, ?, ?, 'grant', ?, ?, 'Номинал категории')`,
  );
  const insSearch = db.prepare('INSERT INTO certificate_search(rowid, child_name, representative_name) VALUES (?, ?, ?)');

  const total = o.targets.reduce((s, t) => s + t.count, 0);
  let done = 0;
  const CHUNK = 20000;
  for (const target of o.targets) {
    const weights = target.categories.reduce((s, c) => s + c.weight, 0);
    let left = target.count;
    let serial = target.firstSerial;
    while (left > 0) {
      const n = Math.min(CHUNK, left);
      db.transaction(() => {
        for (let i = 0; i < n; i += 1) {
          const female = rnd() < 0.49;
          const surname = pick(rnd, SURNAMES);
          const fatherName = pick(rnd, FATHER_NAMES);
          const last = female ? feminineSurname(surname) : surname;
          const first = pick(rnd, female ? FEMALE_NAMES : MALE_NAMES);
          const middle = patronymic(fatherName, female);
          const ageDays = Math.floor((5 + rnd() * 12.9) * 365.25);
          const birth = isoDay(new Date(todayMs - ageDays * 86400000));
          const doc = `${['I', 'II', 'III', 'IV'][Math.floor(rnd() * 4)]}-ДП ${String(100000 + Math.floor(rnd() * 900000))}`;
          const docNorm = doc.toUpperCase().replace(/[\s№-]+/g, '');
          const childId = newId();
          const childNorm = normalizeName(fullName({ lastName: last, firstName: first, middleName: middle }));
          insChild.run(childId, o.stamp, o.officeId, last, first, middle, childNorm, birth, female ? 'female' : 'male', doc, docNorm);

          const mother = rnd() < 0.8;
          const repLast = mother ? feminineSurname(surname) : surname;
          const repFirst = mother ? pick(rnd, MOTHER_NAMES) : fatherName;
          const repMiddle = patronymic(pick(rnd, FATHER_NAMES), mother);
          const repDoc = `47${String(10 + Math.floor(rnd() * 90))} ${String(100000 + Math.floor(rnd() * 900000))}`;
          const repId = newId();
          const repNorm = normalizeName(fullName({ lastName: repLast, firstName: repFirst, middleName: repMiddle }));
          const phone = `+7 9${String(Math.floor(rnd() * 100)).padStart(2, '0')} ${String(Math.floor(rnd() * 1000)).padStart(3, '0')}-${String(Math.floor(rnd() * 100)).padStart(2, '0')}-${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
          insRep.run(repId, o.stamp, o.officeId, repLast, repFirst, repMiddle, repNorm, repDoc, repDoc.replace(/\s/g, ''), phone);
          insLink.run(newId(), o.stamp, o.officeId, childId, repId, mother ? 'mother' : 'father');

          let r = rnd() * weights;
          let category = target.categories[0]!;
          for (const c of target.categories) {
            r -= c.weight;
            if (r <= 0) {
              category = c;
              break;
            }
          }
          const financing = rnd() < 0.85;
          const active = rnd() < 0.8;
          const issuedOn = isoDay(new Date(todayMs - Math.floor(rnd() * 300) * 86400000));
          const certId = newId();
          const info = insCert.run(
            certId, o.stamp, o.officeId,
            composeCertificateNumber(target.regionCode, target.municipalityCode, serial),
            childId, target.municipalityId, category.id, financing ? 'financing' : 'accounting',
            active ? 'active' : 'issued', issuedOn, active ? issuedOn : null,
          );
          serial += 1;
          if (financing) {
            const grantDay = issuedOn.slice(0, 4) === String(year) ? issuedOn : `${year}-01-01`;
            insGrant.run(newId(), o.stamp, o.officeId, certId, target.municipalityId, year, shrunkNominal(category.annualNominalKopecks, grantDay), `${grantDay}T09:00:00.000Z`);
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
