import type { ProgramRating } from '../../../shared/operations';
import { formatDateRu, lastRatingDay } from '../../../shared/rules';
import { REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';
import { ratedEndDay } from '../../../shared/contract-rules';
import { contractFacts, contractRow, groupRow } from '../contracts';

export function programRating(db: Db, programId: string): ProgramRating {
  const r = db
    .prepare(
      `SELECT count(*) AS n, avg(results) AS results, avg(staff) AS staff, avg(equipment) AS equipment, avg(satisfaction) AS satisfaction
         FROM program_ratings WHERE program_id = ? AND deleted = 0`,
    )
    .get(programId) as { n: number; results: number | null; staff: number | null; equipment: number | null; satisfaction: number | null };
  const one = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  const overall = r.n ? one(((r.results ?? 0) + (r.staff ?? 0) + (r.equipment ?? 0) + (r.satisfaction ?? 0)) / 4) : null;
  return { programId, count: r.n, results: one(r.results), staff: one(r.staff), equipment: one(r.equipment), satisfaction: one(r.satisfaction), overall };
}

export const ratingOperations: FeatureOperations<'ratings.set'> = {
  'ratings.set': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const k = contractRow(db, input.contractId);
      const endDay = ratedEndDay(contractFacts(k));
      if (!endDay) throw new DomainError('refused', `Оценить программу можно после окончания или расторжения договора; ${k.number} ещё не закончен.`);
      const last = lastRatingDay(endDay);
      if (ctx.today < endDay || ctx.today > last) {
        throw new DomainError('refused', `Оценку по договору ${k.number} можно поставить или изменить с ${formatDateRu(endDay)} по ${formatDateRu(last)}.`);
      }
      const programId = groupRow(db, k.group_id).program_id;
      db.prepare(
        `INSERT INTO program_ratings(id, modified_at, origin_office, contract_id, program_id, results, staff, equipment, satisfaction, rated_at, changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(contract_id) DO UPDATE SET results = excluded.results, staff = excluded.staff, equipment = excluded.equipment,
           satisfaction = excluded.satisfaction, changed_at = excluded.changed_at, modified_at = excluded.modified_at`,
      ).run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, k.id, programId, input.results, input.staff, input.equipment, input.satisfaction, ctx.nowIso, ctx.nowIso);
      ctx.audit('contract', k.id, `Оценка программы по договору ${k.number}: ${input.results}/${input.staff}/${input.equipment}/${input.satisfaction} %`);
      return programRating(db, programId);
    },
  },
};
