import { monthlyPayments } from '../../../shared/money';
import type { MonthlyCloseReport, OperationParsedInput } from '../../../shared/operations';
import { REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Db } from '../../registry/db';
import { municipalityById } from '../municipalities/queries';
import { acceptDueProlongations } from './operations';

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** Thrown inside the close's transaction to undo a preview while keeping its report. */
class PreviewRollback extends Error {
  constructor(readonly report: MonthlyCloseReport) {
    super('preview');
  }
}

interface ContractMoneyRow {
  id: string;
  number: string;
  certificate_id: string;
  municipality_id: string;
  status: string;
  start_date: string;
  end_date: string;
  certificate_kopecks: number;
  year: number;
  reserved: number;
}

/**
 * Monthly close of a municipality: activates contracts that started, charges each active certificate-funded
 * contract's payment for the month (reserve → spent), completes contracts that ended (releasing any rest),
 * rejects applications left waiting more than two months past their start, and shrinks the nominal of
 * certificates that have no certificate-funded contract this year. At most once per month: a second run
 * changes nothing and answers the first run's report.
 */
export function closeMonth(ctx: OperationContext, input: OperationParsedInput<'months.close'>): MonthlyCloseReport {
  const { db } = ctx.core;
  const municipality = municipalityById(db, input.municipalityId);
  if (!municipality) throw new DomainError('not_found', 'Муниципалитет не найден.');
  if (input.month > ctx.today.slice(0, 7)) throw new DomainError('invalid_input', `Месяц ${input.month} ещё не наступил: закрыть можно текущий или прошедший месяц.`);
  const done = db.prepare('SELECT report FROM monthly_closes WHERE municipality_id = ? AND month = ? AND deleted = 0').get(municipality.id, input.month) as { report: string } | undefined;
  ctx.audit('municipality', municipality.id, `Закрытие месяца ${input.month}: ${municipality.name}${input.preview ? ' (предпросмотр)' : ''}`);
  if (done) return { ...(JSON.parse(done.report) as MonthlyCloseReport), alreadyClosed: true, preview: input.preview };

  const run = (): MonthlyCloseReport => {
    // Prolongations not refused in time take effect before the month's money is counted.
    acceptDueProlongations(ctx);
    const monthEnd = lastDayOf(input.month);
    const report: MonthlyCloseReport = {
      municipalityId: municipality.id, month: input.month, alreadyClosed: false, preview: input.preview,
      activated: 0, charged: { contracts: 0, kopecks: 0 }, completed: 0, rejectedStale: 0, shrunk: { certificates: 0, kopecks: 0 },
    };
    const inMunicipality = 'k.certificate_id IN (SELECT id FROM certificates WHERE municipality_id = @m)';
    report.activated = db
      .prepare(`UPDATE contracts AS k SET status = 'active', modified_at = @stamp WHERE status = 'confirmed' AND start_date <= @end AND ${inMunicipality}`)
      .run({ stamp: ctx.stamp, end: monthEnd, m: municipality.id }).changes;

    const contracts = db
      .prepare(
        `SELECT k.id, k.number, k.certificate_id, c.municipality_id, k.status, k.start_date, k.end_date, k.certificate_kopecks, k.year,
                (SELECT coalesce(sum(d_reserve), 0) FROM ledger_entries WHERE contract_id = k.id AND deleted = 0) AS reserved
           FROM contracts k JOIN certificates c ON c.id = k.certificate_id
          WHERE k.status = 'active' AND k.funding = 'certificate' AND k.certificate_kopecks > 0 AND c.municipality_id = @m AND k.deleted = 0`,
      )
      .all({ m: municipality.id }) as ContractMoneyRow[];
    const insLedger = db.prepare(
      `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_reserve, d_spent, contract_id, at, operator_id, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const charged = db.prepare('SELECT 1 FROM contract_charges WHERE contract_id = ? AND month = ?');
    const insCharge = db.prepare('INSERT INTO contract_charges(id, modified_at, origin_office, contract_id, month, kopecks, ledger_entry_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const k of contracts) {
      const due = monthlyPayments(k.certificate_kopecks, k.start_date, k.end_date).find((p) => p.month === input.month);
      if (due && !charged.get(k.id, input.month)) {
        const amount = Math.min(due.kopecks, k.reserved);
        const entryId = ctx.core.newId();
        if (amount > 0) {
          insLedger.run(entryId, ctx.stamp, ctx.core.officeId, k.certificate_id, k.municipality_id, k.year, 'charge', -amount, amount, k.id, ctx.nowIso, ctx.actor?.operatorId ?? null, `Оплата по договору ${k.number} за ${input.month}`);
          insCharge.run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, k.id, input.month, amount, entryId);
          k.reserved -= amount;
          report.charged.contracts += 1;
          report.charged.kopecks += amount;
        }
      }
      if (k.end_date <= monthEnd) {
        if (k.reserved > 0) {
          insLedger.run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, k.certificate_id, k.municipality_id, k.year, 'release', -k.reserved, 0, k.id, ctx.nowIso, ctx.actor?.operatorId ?? null, `Завершение договора ${k.number}: остаток резерва`);
        }
      }
    }
    report.completed = db
      .prepare(`UPDATE contracts AS k SET status = 'completed', modified_at = @stamp WHERE status = 'active' AND end_date <= @end AND ${inMunicipality}`)
      .run({ stamp: ctx.stamp, end: monthEnd, m: municipality.id }).changes;
    report.rejectedStale = db
      .prepare(
        `UPDATE contracts AS k SET status = 'rejected', reason = 'Заявка не рассмотрена в течение двух месяцев после даты начала обучения', modified_at = @stamp
          WHERE status = 'pending' AND start_date < @cutoff AND ${inMunicipality}`,
      )
      .run({ stamp: ctx.stamp, cutoff: `${shiftMonth(input.month, -1)}-01`, m: municipality.id }).changes;
    report.shrunk = shrinkNominals(ctx, db, municipality.id, input.month);

    db.prepare('INSERT INTO monthly_closes(id, modified_at, origin_office, municipality_id, month, closed_at, closed_by, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      ctx.core.newId(), ctx.stamp, ctx.core.officeId, municipality.id, input.month, ctx.nowIso, ctx.actor?.operatorId ?? null, JSON.stringify(report),
    );
    ctx.audit('municipality', municipality.id,
      `Закрыт месяц ${input.month}: ${municipality.name}; списано ${report.charged.kopecks} коп. по ${report.charged.contracts} договорам, завершено ${report.completed}, отклонено ${report.rejectedStale}, номинал уменьшен у ${report.shrunk.certificates}`);
    return report;
  };

  if (!input.preview) return run();
  try {
    db.transaction(() => {
      throw new PreviewRollback(run());
    })();
  } catch (e) {
    if (e instanceof PreviewRollback) return e.report;
    throw e;
  }
  throw new Error('unreachable');
}

/**
 * While a certificate has no certificate-funded contract in the year, its nominal follows the months left:
 * after closing month M it is the annual nominal × (12 − M) ÷ 12, never below what is booked and spent.
 */
function shrinkNominals(ctx: OperationContext, db: Db, municipalityId: string, month: string): { certificates: number; kopecks: number } {
  const year = Number(month.slice(0, 4));
  const monthsLeft = 12 - Number(month.slice(5, 7));
  const rows = db
    .prepare(
      `SELECT c.id, cat.annual_nominal_kopecks AS annual,
              coalesce(sum(l.d_nominal), 0) AS nominal, coalesce(sum(l.d_reserve), 0) AS reserve, coalesce(sum(l.d_spent), 0) AS spent
         FROM certificates c
         JOIN categories cat ON cat.id = c.category_id
         LEFT JOIN ledger_entries l ON l.certificate_id = c.id AND l.year = @year AND l.deleted = 0
        WHERE c.municipality_id = @m AND c.type = 'financing' AND c.status <> 'annulled' AND c.deleted = 0
          AND NOT EXISTS (SELECT 1 FROM contracts k WHERE k.certificate_id = c.id AND k.year = @year AND k.funding = 'certificate'
                          AND k.status IN ('confirmed', 'active', 'completed', 'terminated'))
        GROUP BY c.id`,
    )
    .all({ m: municipalityId, year }) as Array<{ id: string; annual: number; nominal: number; reserve: number; spent: number }>;
  const ins = db.prepare(
    `INSERT INTO ledger_entries(id, modified_at, origin_office, certificate_id, municipality_id, year, kind, d_nominal, at, operator_id, note)
     VALUES (?, ?, ?, ?, ?, ?, 'shrink', ?, ?, ?, ?)`,
  );
  let certificates = 0;
  let kopecks = 0;
  for (const r of rows) {
    const target = Math.max(Math.floor((r.annual * monthsLeft) / 12), r.reserve + r.spent);
    if (target < r.nominal) {
      ins.run(ctx.core.newId(), ctx.stamp, ctx.core.officeId, r.id, municipalityId, year, target - r.nominal, ctx.nowIso, ctx.actor?.operatorId ?? null, `Уменьшение номинала по итогам ${month}`);
      certificates += 1;
      kopecks += r.nominal - target;
    }
  }
  return { certificates, kopecks };
}

export const monthlyCloseOperations: FeatureOperations<'months.close'> = {
  'months.close': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler: (input, ctx) => closeMonth(ctx, input),
  },
};
