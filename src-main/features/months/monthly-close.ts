import { monthlyPayments } from '../../../shared/money';
import type { MonthlyCloseReport, OperationParsedInput } from '../../../shared/operations';
import { REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import type { Core } from '../../core';
import type { Db } from '../../database/db';
import { acceptDueProlongations, prolongationsDue } from '../contracts';
import { runningJob } from '../jobs';
import { municipalityById, requireOwnedHere, type MunicipalityRow } from '../municipalities';

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** Thrown inside the preview's transaction to undo what it did while keeping its report. */
class PreviewRollback extends Error {
  constructor(readonly report: MonthlyCloseReport) {
    super('preview');
  }
}

/**
 * Certificates per transaction of a chunked close: a desk's write waits at most for one chunk (≈ 50–100 ms on a
 * cold registry); smaller chunks would spend more on commits.
 */
export const CLOSE_CHUNK_CERTIFICATES = 500;

/** Where a close is, for the progress line: units are the municipality's certificates. */
export interface CloseProgress {
  phase: string;
  done: number;
  total: number;
}

export const CLOSE_PHASES = {
  prolongations: 'Принимаются пролонгации без отказа',
  certificates: 'Обрабатываются договоры и сертификаты',
  finishing: 'Записываются итоги закрытия',
  done: 'Месяц закрыт',
  previewing: 'Подсчитывается, что сделает закрытие',
  previewed: 'Предпросмотр готов',
} as const;

/** What a background close works on: one municipality's month is closed by at most one job at a time. */
export function closeJobKey(municipalityId: string, month: string, preview = false): string {
  return `months.${preview ? 'preview' : 'close'}:${municipalityId}:${month}`;
}

/** The parts of a close every step needs, fixed once at the start. */
export interface ClosePlan {
  municipality: MunicipalityRow;
  month: string;
  monthEnd: string;
  /** Applications that should have started before this day and are still waiting are rejected. */
  staleCutoff: string;
  year: number;
  monthsLeft: number;
}

/** «2026-11» → «11.2026», as refusals name a month. */
function monthRu(month: string): string {
  return `${month.slice(5, 7)}.${month.slice(0, 4)}`;
}

/** «2026-12-01» → «01.12.2026». */
function dayRu(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** Contracts that were concluded (money or a budget place booked): the months they cover must be closed in order. */
const CONCLUDED = "k.status IN ('confirmed', 'active', 'completed', 'terminated') AND k.deleted = 0";
const OF_MUNICIPALITY = 'k.certificate_id IN (SELECT c.id FROM certificates c WHERE c.municipality_id = @m)';

/**
 * The earliest month before `month` in which a contract of the municipality was in force and which is not closed:
 * months are closed in order, so that every month's payments are charged once and in sequence. A contract is in
 * force in a month from its start to its end, or to the end of its termination date's month.
 */
export function earlierOpenMonth(db: Db, municipalityId: string, month: string): string | null {
  const first = db.prepare(`SELECT min(k.start_date) AS s FROM contracts k WHERE ${CONCLUDED} AND ${OF_MUNICIPALITY}`).get({ m: municipalityId }) as { s: string | null };
  if (!first.s || first.s.slice(0, 7) >= month) return null;
  const closed = new Set(
    db.prepare('SELECT month FROM monthly_closes WHERE municipality_id = ? AND month >= ? AND month < ? AND deleted = 0').pluck().all(municipalityId, first.s.slice(0, 7), month) as string[],
  );
  const inForce = db.prepare(
    `SELECT 1 FROM contracts k WHERE ${CONCLUDED} AND ${OF_MUNICIPALITY} AND k.start_date <= @end AND k.end_date >= @start
        AND (k.termination_date IS NULL OR k.termination_date >= @start) LIMIT 1`,
  );
  for (let m = first.s.slice(0, 7); m < month; m = shiftMonth(m, 1)) {
    if (!closed.has(m) && inForce.get({ m: municipalityId, start: `${m}-01`, end: lastDayOf(m) })) return m;
  }
  return null;
}

/**
 * What a close of this municipality and month would do: refused, already done, or a plan to run. A month is closed
 * once it is over (the day after its last day at the earliest) and after every earlier month that had contracts;
 * its preview may be counted any day from the month's first.
 */
export function planClose(db: Db, today: string, municipalityId: string, month: string, preview = false): { plan: ClosePlan; done: MonthlyCloseReport | null } {
  const municipality = municipalityById(db, municipalityId);
  if (!municipality) throw new DomainError('not_found', 'Муниципалитет не найден.');
  if (month > today.slice(0, 7)) throw new DomainError('invalid_input', `Месяц ${month} ещё не наступил: закрыть можно текущий или прошедший месяц.`);
  const row = db.prepare('SELECT report FROM monthly_closes WHERE municipality_id = ? AND month = ? AND deleted = 0').get(municipality.id, month) as { report: string } | undefined;
  const plan: ClosePlan = {
    municipality, month, monthEnd: lastDayOf(month), staleCutoff: `${shiftMonth(month, -1)}-01`,
    year: Number(month.slice(0, 4)), monthsLeft: 12 - Number(month.slice(5, 7)),
  };
  if (!row && !preview) {
    const refusal = closeRefusal(db, today, plan);
    if (refusal) throw new DomainError('refused', refusal);
  }
  return { plan, done: row ? { ...(JSON.parse(row.report) as MonthlyCloseReport), alreadyClosed: true } : null };
}

/** Why the planned month cannot be closed today, or null: the close refuses by it, the preview reports it. */
export function closeRefusal(db: Db, today: string, plan: ClosePlan): string | null {
  if (today <= plan.monthEnd) {
    return `Месяц ${monthRu(plan.month)} ещё не закончился: закрыть его можно с ${dayRu(`${shiftMonth(plan.month, 1)}-01`)}. Предпросмотр доступен в любой день.`;
  }
  const open = earlierOpenMonth(db, plan.municipality.id, plan.month);
  return open ? `Сначала закройте месяц ${monthRu(open)}: в нём действовали договоры, а он ещё не закрыт. Месяцы муниципалитета закрываются по порядку.` : null;
}

function emptyReport(plan: ClosePlan, preview: boolean): MonthlyCloseReport {
  return {
    municipalityId: plan.municipality.id, month: plan.month, alreadyClosed: false, preview,
    activated: 0, charged: { contracts: 0, kopecks: 0 }, terminated: 0, completed: 0, rejectedStale: 0, shrunk: { certificates: 0, kopecks: 0 }, closeRefusal: null,
  };
}

/** The certificates of one chunk: the municipality's, by rowid in (lo, hi]. */
const IN_CHUNK = 'c.municipality_id = @m AND c.rowid > @lo AND c.rowid <= @hi';
const CONTRACT_IN_CHUNK = `k.certificate_id IN (SELECT c.id FROM certificates c WHERE ${IN_CHUNK})`;

/**
 * Certificates that have no certificate-funded contract in the year, with their money: while a certificate has
 * none, its nominal follows the months left (the shrink of the monthly close).
 */
const SHRINK_CANDIDATES = `
  SELECT c.id, cat.annual_nominal_kopecks AS annual,
         coalesce(sum(l.d_nominal), 0) AS nominal, coalesce(sum(l.d_reserve), 0) AS reserve, coalesce(sum(l.d_spent), 0) AS spent
    FROM certificates c
    JOIN categories cat ON cat.id = c.category_id
    LEFT JOIN ledger_entries l ON l.certificate_id = c.id AND l.year = @year AND l.deleted = 0
   WHERE c.municipality_id = @m AND c.rowid > @lo AND c.rowid <= @hi AND c.type = 'financing' AND c.status <> 'annulled' AND c.deleted = 0
     AND NOT EXISTS (SELECT 1 FROM contracts k WHERE k.certificate_id = c.id AND k.year = @year AND k.funding = 'certificate'
                     AND k.status IN ('confirmed', 'active', 'completed', 'terminated'))
   GROUP BY c.id`;

/** After closing month M the nominal is the annual nominal × (12 − M) ÷ 12, never below what is booked and spent. */
// Parameters arrive as REAL: the cast keeps the division whole, in kopecks.
const SHRINK_TARGET = 'max((annual * CAST(@monthsLeft AS INTEGER)) / 12, reserve + spent)';

/** What a contract still holds in reserve: the sum of its entries (read from the ledger_contract index alone). */
const CONTRACT_RESERVE = '(SELECT coalesce(sum(d_reserve), 0) FROM ledger_entries WHERE contract_id = k.id AND deleted = 0)';

/**
 * What a contract is charged for the month: its payments due up to this month (up to its termination month when it
 * is being terminated) less what closes charged before. Normally that is this month's payment; a contract whose
 * start month was closed before it was confirmed catches that month up here.
 */
const MONTH_DUE = `max(0, certdesk_due_through(k.certificate_kopecks, k.start_date, k.end_date,
                         CASE WHEN k.termination_date IS NOT NULL AND substr(k.termination_date, 1, 7) < @month THEN substr(k.termination_date, 1, 7) ELSE @month END)
                   - (SELECT coalesce(sum(ch.kopecks), 0) FROM contract_charges ch WHERE ch.contract_id = k.id))`;

/** The columns every ledger entry of the close carries besides its money. */
const ENTRY_COLUMNS = 'id, modified_at, origin_office, certificate_id, municipality_id, year, kind, at, operator_id';

/**
 * The statements of a chunk, prepared once per close and run for every chunk with the chunk's bounds. Money is
 * written set by set (one INSERT … SELECT for all charges of a chunk, one for all its shrinks), not a statement
 * per certificate: the per-row round trips through JS cost more than the rows themselves.
 */
function chunkStatements(core: Core) {
  const { db } = core;
  registerCloseFunctions(core);
  // A chunk's payments due: what each contract is charged this month (0 when already charged: one charge per
  // contract and month) and, for a contract that ends this month (completed, or terminated from a date in this
  // month or earlier), what is left in reserve after the charge.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS close_dues (
    contract_id TEXT NOT NULL, number TEXT NOT NULL, certificate_id TEXT NOT NULL, municipality_id TEXT NOT NULL, year INTEGER NOT NULL,
    entry_id TEXT NOT NULL, charge INTEGER NOT NULL, rest INTEGER NOT NULL, terminated INTEGER NOT NULL)`);
  return {
    activate: db.prepare(`UPDATE contracts AS k SET status = 'active', modified_at = @stamp WHERE status = 'confirmed' AND start_date <= @end AND ${CONTRACT_IN_CHUNK}`),
    // Materialized: each contract's reserve and payment are computed once, not once per reference below.
    collectDues: db.prepare(
      `WITH contract_money AS MATERIALIZED (
         SELECT k.id, k.number, k.certificate_id, c.municipality_id, k.year, k.end_date, ${CONTRACT_RESERVE} AS reserved,
                (k.termination_date IS NOT NULL AND k.termination_date <= @end) AS terminated,
                CASE WHEN EXISTS (SELECT 1 FROM contract_charges ch WHERE ch.contract_id = k.id AND ch.month = @month) THEN 0
                     ELSE ${MONTH_DUE} END AS due
           FROM certificates c JOIN contracts k ON k.certificate_id = c.id
          WHERE ${IN_CHUNK} AND k.status = 'active' AND k.funding = 'certificate' AND k.certificate_kopecks > 0 AND k.deleted = 0),
       dues AS MATERIALIZED (SELECT *, max(0, min(due, reserved)) AS charge FROM contract_money)
       INSERT INTO temp.close_dues(contract_id, number, certificate_id, municipality_id, year, entry_id, charge, rest, terminated)
       SELECT id, number, certificate_id, municipality_id, year, certdesk_new_id(), charge,
              CASE WHEN end_date <= @end OR terminated THEN reserved - charge ELSE 0 END, terminated
         FROM dues WHERE charge > 0 OR ((end_date <= @end OR terminated) AND reserved > charge)`,
    ),
    chargeEntries: db.prepare(
      `INSERT INTO ledger_entries(${ENTRY_COLUMNS}, d_reserve, d_spent, contract_id, note)
       SELECT entry_id, @stamp, @office, certificate_id, municipality_id, year, 'charge', @at, @operator, -charge, charge, contract_id, 'Оплата по договору ' || number || ' за ' || @month
         FROM temp.close_dues WHERE charge > 0`,
    ),
    chargeRecords: db.prepare(
      `INSERT INTO contract_charges(id, modified_at, origin_office, contract_id, month, kopecks, ledger_entry_id)
       SELECT certdesk_new_id(), @stamp, @office, contract_id, @month, charge, entry_id FROM temp.close_dues WHERE charge > 0`,
    ),
    releaseEntries: db.prepare(
      `INSERT INTO ledger_entries(${ENTRY_COLUMNS}, d_reserve, d_spent, contract_id, note)
       SELECT certdesk_new_id(), @stamp, @office, certificate_id, municipality_id, year, 'release', @at, @operator, -rest, 0, contract_id,
              CASE WHEN terminated THEN 'Расторжение договора ' ELSE 'Завершение договора ' END || number || ': остаток резерва'
         FROM temp.close_dues WHERE rest > 0`,
    ),
    charged: db.prepare('SELECT count(*) AS contracts, coalesce(sum(charge), 0) AS kopecks FROM temp.close_dues WHERE charge > 0'),
    clearDues: db.prepare('DELETE FROM temp.close_dues'),
    // A contract awaiting termination from a date in this month (or earlier) ends now, after its month was charged.
    terminate: db.prepare(
      `UPDATE contracts AS k SET status = 'terminated', decided_at = @at, modified_at = @stamp
        WHERE status = 'active' AND termination_date IS NOT NULL AND termination_date <= @end AND ${CONTRACT_IN_CHUNK}`,
    ),
    complete: db.prepare(`UPDATE contracts AS k SET status = 'completed', modified_at = @stamp WHERE status = 'active' AND end_date <= @end AND ${CONTRACT_IN_CHUNK}`),
    rejectStale: db.prepare(
      `UPDATE contracts AS k SET status = 'rejected', reason = 'Заявка не рассмотрена в течение двух месяцев после даты начала обучения', modified_at = @stamp
        WHERE status = 'pending' AND start_date < @cutoff AND ${CONTRACT_IN_CHUNK}`,
    ),
    shrink: db
      .prepare(
        `INSERT INTO ledger_entries(${ENTRY_COLUMNS}, d_nominal, note)
         SELECT certdesk_new_id(), @stamp, @office, id, @m, @year, 'shrink', @at, @operator, target - nominal, 'Уменьшение номинала по итогам ' || @month
           FROM (SELECT id, nominal, ${SHRINK_TARGET} AS target FROM (${SHRINK_CANDIDATES}))
          WHERE target < nominal
         RETURNING d_nominal`,
      )
      .pluck(),
  };
}

type ChunkStatements = ReturnType<typeof chunkStatements>;

/**
 * One chunk of the close: for the chunk's certificates, activates contracts that started, charges each active
 * certificate-funded contract's payment for the month (reserve → spent) once, completes contracts that ended
 * (releasing any rest), rejects applications left waiting more than two months past their start, and shrinks the
 * nominal of certificates with no certificate-funded contract this year. Each step is idempotent per contract
 * (a charge is one row per contract and month) and per certificate (the shrink aims at a target), so a close cut
 * off between chunks and run again ends with the same ledger.
 */
function closeChunk(ctx: OperationContext, plan: ClosePlan, sql: ChunkStatements, lo: number, hi: number, report: MonthlyCloseReport): void {
  const at = {
    m: plan.municipality.id, lo, hi, stamp: ctx.stamp, office: ctx.core.officeId, at: ctx.nowIso, operator: ctx.actor?.operatorId ?? null,
    month: plan.month, end: plan.monthEnd, cutoff: plan.staleCutoff, year: plan.year, monthsLeft: plan.monthsLeft,
  };
  report.activated += sql.activate.run(at).changes;
  sql.collectDues.run(at);
  sql.chargeEntries.run(at);
  sql.chargeRecords.run(at);
  sql.releaseEntries.run(at);
  const charged = sql.charged.get() as { contracts: number; kopecks: number };
  sql.clearDues.run();
  report.charged.contracts += charged.contracts;
  report.charged.kopecks += charged.kopecks;
  report.terminated += sql.terminate.run(at).changes;
  report.completed += sql.complete.run(at).changes;
  report.rejectedStale += sql.rejectStale.run(at).changes;
  for (const dNominal of sql.shrink.all(at) as number[]) {
    report.shrunk.certificates += 1;
    report.shrunk.kopecks -= dNominal;
  }
}

/** How a chunked close runs each of its transactions: inside the caller's (one close) or each on its own (a job). */
export type RunInTransaction = <T>(work: () => T) => T;

/**
 * The close as a sequence of steps, each done in its own transaction by `inTransaction`: first the prolongations
 * nobody refused, then the municipality's certificates chunk by chunk (yielding progress after each), then the
 * record of the close with its audit entry. The caller decides what happens between steps (nothing for the
 * synchronous operation, a pause for the event loop in-process, nothing in a worker thread).
 */
export function* closeSteps(ctx: OperationContext, plan: ClosePlan, inTransaction: RunInTransaction, chunk = CLOSE_CHUNK_CERTIFICATES): Generator<CloseProgress, MonthlyCloseReport> {
  const { db } = ctx.core;
  const report = emptyReport(plan, false);
  const m = plan.municipality.id;
  const total = (db.prepare('SELECT count(*) AS n FROM certificates WHERE municipality_id = ?').get(m) as { n: number }).n;
  yield { phase: CLOSE_PHASES.prolongations, done: 0, total };
  // Prolongations not refused in time take effect before the month's money is counted.
  inTransaction(() => acceptDueProlongations(ctx));
  const sql = chunkStatements(ctx.core);
  const nextChunk = db.prepare('SELECT count(*) AS n, max(rowid) AS hi FROM (SELECT rowid FROM certificates WHERE municipality_id = ? AND rowid > ? ORDER BY rowid LIMIT ?)');
  let lo = 0;
  let done = 0;
  yield { phase: CLOSE_PHASES.certificates, done, total };
  for (;;) {
    const next = nextChunk.get(m, lo, chunk) as { n: number; hi: number | null };
    if (!next.n || next.hi === null) break;
    const hi = next.hi;
    inTransaction(() => closeChunk(ctx, plan, sql, lo, hi, report));
    lo = hi;
    done += next.n;
    yield { phase: CLOSE_PHASES.certificates, done, total };
  }
  yield { phase: CLOSE_PHASES.finishing, done, total };
  return inTransaction(() => {
    // Another close of the same month may have finished meanwhile (a second desk): its record stands.
    const twin = db.prepare('SELECT report FROM monthly_closes WHERE municipality_id = ? AND month = ? AND deleted = 0').get(m, plan.month) as { report: string } | undefined;
    if (twin) return { ...(JSON.parse(twin.report) as MonthlyCloseReport), alreadyClosed: true };
    db.prepare('INSERT INTO monthly_closes(id, modified_at, origin_office, municipality_id, month, closed_at, closed_by, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      ctx.core.newId(), ctx.stamp, ctx.core.officeId, m, plan.month, ctx.nowIso, ctx.actor?.operatorId ?? null, JSON.stringify(report),
    );
    ctx.audit('municipality', m, closeSummary(plan, report));
    return report;
  });
}

function closeSummary(plan: ClosePlan, r: MonthlyCloseReport): string {
  return `Закрыт месяц ${plan.month}: ${plan.municipality.name}; списано ${r.charged.kopecks} коп. по ${r.charged.contracts} договорам, расторгнуто ${r.terminated}, завершено ${r.completed}, отклонено ${r.rejectedStale}, номинал уменьшен у ${r.shrunk.certificates}`;
}

/** Runs every step of a generator to its return value. */
export function runToEnd<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const functionsOn = new WeakSet<Db>();

/**
 * SQL functions of the close, registered once per connection: `certdesk_due_through(kopecks, from, to, month)`, the
 * contract's payments up to and including the month as shared/money books them, and `certdesk_new_id()`, a new
 * record id.
 */
function registerCloseFunctions({ db, newId }: Core): void {
  if (functionsOn.has(db)) return;
  db.function('certdesk_due_through', { deterministic: true }, (kopecks, from, to, month) =>
    monthlyPayments(Number(kopecks), String(from), String(to)).reduce((sum, p) => (p.month <= String(month) ? sum + p.kopecks : sum), 0),
  );
  db.function('certdesk_new_id', { deterministic: false }, newId);
  functionsOn.add(db);
}

/**
 * What the close would do, counted with aggregate queries instead of doing it: a few seconds on a municipality
 * of 400,000 certificates, where the close itself writes for tens of seconds. The counts read one snapshot and
 * take no write lock, so desks keep writing meanwhile. Only when prolongations are due are they accepted first,
 * in a transaction that is rolled back, so the counts are those the close will find.
 */
export function previewClose(ctx: OperationContext, plan: ClosePlan): MonthlyCloseReport {
  const { db } = ctx.core;
  registerCloseFunctions(ctx.core);
  const all = { m: plan.municipality.id, lo: 0, hi: Number.MAX_SAFE_INTEGER, end: plan.monthEnd, month: plan.month };
  const inMunicipality = 'k.certificate_id IN (SELECT c.id FROM certificates c WHERE c.municipality_id = @m)';
  const inForce = "(k.status = 'active' OR (k.status = 'confirmed' AND k.start_date <= @end))";
  const count = (sql: string, params: Record<string, unknown>) => (db.prepare(sql).get(params) as { n: number }).n;
  const counts = (): MonthlyCloseReport => {
    const report = emptyReport(plan, true);
    report.activated = count(`SELECT count(*) AS n FROM contracts k WHERE k.status = 'confirmed' AND k.start_date <= @end AND ${inMunicipality}`, all);
    const charged = db
      .prepare(
        `SELECT count(*) AS contracts, coalesce(sum(amount), 0) AS kopecks FROM (
           SELECT min(${MONTH_DUE}, ${CONTRACT_RESERVE}) AS amount
             FROM certificates c JOIN contracts k ON k.certificate_id = c.id
            WHERE c.municipality_id = @m AND ${inForce} AND k.funding = 'certificate' AND k.certificate_kopecks > 0 AND k.deleted = 0
              AND NOT EXISTS (SELECT 1 FROM contract_charges WHERE contract_id = k.id AND month = @month))
          WHERE amount > 0`,
      )
      .get(all) as { contracts: number; kopecks: number };
    report.charged = charged;
    const terminating = 'k.termination_date IS NOT NULL AND k.termination_date <= @end';
    report.terminated = count(`SELECT count(*) AS n FROM contracts k WHERE ${inForce} AND ${terminating} AND ${inMunicipality}`, all);
    report.completed = count(`SELECT count(*) AS n FROM contracts k WHERE ${inForce} AND k.end_date <= @end AND NOT (${terminating}) AND ${inMunicipality}`, all);
    report.rejectedStale = count(`SELECT count(*) AS n FROM contracts k WHERE k.status = 'pending' AND k.start_date < @cutoff AND ${inMunicipality}`, { ...all, cutoff: plan.staleCutoff });
    report.shrunk = db
      .prepare(`SELECT count(*) AS certificates, coalesce(sum(nominal - ${SHRINK_TARGET}), 0) AS kopecks FROM (${SHRINK_CANDIDATES}) WHERE ${SHRINK_TARGET} < nominal`)
      .get({ ...all, year: plan.year, monthsLeft: plan.monthsLeft }) as { certificates: number; kopecks: number };
    return report;
  };
  const refusal = closeRefusal(db, ctx.today, plan);
  // A transaction that only reads: one snapshot for all the counts, no write lock.
  if (!prolongationsDue(db, ctx.today)) return { ...db.transaction(counts).deferred(), closeRefusal: refusal };
  try {
    db.transaction(() => {
      acceptDueProlongations(ctx);
      throw new PreviewRollback(counts());
    }).immediate();
  } catch (e) {
    if (e instanceof PreviewRollback) return { ...e.report, closeRefusal: refusal };
    throw e;
  }
  throw new Error('unreachable');
}

/**
 * One owner for a municipality's money work: its months are closed only at its owning office (a preview, which
 * changes nothing, may be looked at anywhere). Checked wherever a close starts: `months.close`, `months.closeStart`
 * and the CLI's close-month.
 */
export function requireCloseHere(core: Core, municipality: MunicipalityRow): void {
  requireOwnedHere(core.db, municipality, core.officeId, 'Закрытие месяцев');
}

/**
 * Monthly close of a municipality in the calling thread, inside the operation's one transaction: the same steps
 * as the background job (`months.closeStart`). At most once per month: a second run changes nothing and answers
 * the first run's report. A preview counts what the close would do and changes nothing.
 */
export function closeMonth(ctx: OperationContext, input: OperationParsedInput<'months.close'>): MonthlyCloseReport {
  const { plan, done } = planClose(ctx.core.db, ctx.today, input.municipalityId, input.month, input.preview);
  if (!input.preview) requireCloseHere(ctx.core, plan.municipality);
  ctx.audit('municipality', plan.municipality.id, `Закрытие месяца ${input.month}: ${plan.municipality.name}${input.preview ? ' (предпросмотр)' : ''}`);
  if (done) return { ...done, preview: input.preview };
  if (runningJob(ctx.core, closeJobKey(plan.municipality.id, input.month))) {
    throw new DomainError('conflict', `Закрытие месяца ${input.month} уже идёт в фоне: дождитесь его окончания.`);
  }
  if (input.preview) return previewClose(ctx, plan);
  return runToEnd(closeSteps(ctx, plan, (work) => work()));
}

export const monthlyCloseOperations: FeatureOperations<'months.close'> = {
  'months.close': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler: (input, ctx) => closeMonth(ctx, input),
  },
};
