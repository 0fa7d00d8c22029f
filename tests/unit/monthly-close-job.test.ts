import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobView, MonthlyCloseReport } from '../../shared/operations';
import { closeJobSettings, eachInItsOwnTransaction, jobContext, sharedTransactions } from '../../src-main/features/months/close-job';
import { CLOSE_CHUNK_CERTIFICATES, closeSteps, planClose } from '../../src-main/features/months/monthly-close';
import { deskWriterWaiting, deskWritersCounter, deskWriteTurn, enterJobWrite, jobWriting } from '../../src-main/database/write-gate';
import { bundleWorker, makeDesk, makeIssueInput, unwrap, type TestDesk } from './helpers';

// Each test builds two registries with several logins (scrypt): on a shared, loaded machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

const GERMAN = 'Немецкий язык для детей школьного возраста';
const SIDOROV = { certificateNumber: '9901101325', childFullName: 'Сидоров Сидор Сидорович' };
const MONTH = '2026-11';

/**
 * A registry with every kind of work for the November close: a contract charged this month, a contract that
 * ends in November (completed, rest released), an application stale since September (rejected), certificates with
 * no contract (nominal shrunk), and contracts confirmed from December (untouched).
 */
function busyDesk(): { desk: TestDesk; operator: string; municipalityId: string } {
  const desk = makeDesk({ children: 12 });
  const admin = desk.login('admin');
  const operatorOnIssueDay = desk.login();
  const german = desk.core.db
    .prepare('SELECT g.id, g.program_id AS program, g.module_id AS module, p.organization_id AS org FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name = ? ORDER BY g.name')
    .get(GERMAN) as { id: string; program: string; module: string; org: string };
  const japanese = desk.core.db.prepare("SELECT g.id FROM program_groups g JOIN programs p ON p.id = g.program_id WHERE p.name LIKE 'Японский%' ORDER BY g.name").get() as { id: string };
  unwrap(desk.api.call('operators.create', { login: 'logos1', fullName: 'Сотрудник Логоса', role: 'org_staff', organizationId: german.org, password: 'staff-pass-2026' }, { token: admin }));
  const staff = desk.login('logos1', 'staff-pass-2026');
  const charged = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: german.id }, { token: staff }));
  unwrap(desk.api.call('contracts.confirm', { contractId: charged.id }, { token: staff }));
  const autumn = unwrap(desk.api.call('groups.save', {
    programId: german.program, moduleId: german.module, name: 'Немецкий, осенний курс', startDate: '2026-09-01', endDate: '2026-11-30', capacity: 10, address: 'г. Мурманск, ул. Ленина, д. 1',
  }, { token: staff }));
  const ending = unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: autumn.id }, { token: staff }));
  unwrap(desk.api.call('contracts.confirm', { contractId: ending.id }, { token: staff }));
  unwrap(desk.api.call('applications.create', { ...SIDOROV, groupId: japanese.id, startDate: '2026-09-01' }, { token: staff }));
  for (const [i, name] of ['Аглая', 'Варвара', 'Галина'].entries()) {
    unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { firstName: name, identityDocument: `II-ЗМ 10000${i}` } }), { token: operatorOnIssueDay }));
  }
  const municipalityId = (desk.core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
  // November is closed once it is over, after October (the autumn course was in force then).
  desk.clock.set('2026-12-01T09:00:00.000Z');
  const operatorOnDecember1 = desk.login();
  unwrap(desk.api.call('months.close', { municipalityId, month: '2026-10' }, { token: operatorOnDecember1 }));
  return { desk, operator: operatorOnDecember1, municipalityId };
}

/** The ledger and the contracts in a form two registries built alike can be compared by (ids differ, numbers do not). */
function moneyAndContracts(desk: TestDesk) {
  const db = desk.core.db;
  return {
    ledger: db
      .prepare(
        `SELECT c.number AS certificate, l.kind, l.d_nominal, l.d_reserve, l.d_spent, k.number AS contract
           FROM ledger_entries l JOIN certificates c ON c.id = l.certificate_id LEFT JOIN contracts k ON k.id = l.contract_id
          ORDER BY 1, 2, 6, 3, 4, 5`,
      )
      .all(),
    contracts: db.prepare('SELECT number, status, reason FROM contracts ORDER BY number').all(),
    charges: db.prepare('SELECT k.number, ch.month, ch.kopecks FROM contract_charges ch JOIN contracts k ON k.id = ch.contract_id ORDER BY 1, 2').all(),
    municipalMoney: db.prepare('SELECT m.municipality_code, mm.year, mm.committed_kopecks FROM municipal_money mm JOIN municipalities m ON m.id = mm.municipality_id ORDER BY 1, 2').all(),
  };
}

async function untilFinished(desk: TestDesk, token: string, jobId: string): Promise<{ job: JobView; seen: JobView[] }> {
  const seen: JobView[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const job = unwrap(desk.api.call('jobs.get', { jobId }, { token }));
    seen.push(job);
    if (job.status !== 'running') return { job, seen };
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the close job did not finish');
}

const withoutFlags = (r: MonthlyCloseReport) => ({ ...r, preview: false, alreadyClosed: false });

function describeCloseJob(where: string, setUp: () => Promise<void>) {
  describe(`monthly close as a background job (${where})`, () => {
    beforeAll(setUp);
    afterEach(() => {
      closeJobSettings.chunk = CLOSE_CHUNK_CERTIFICATES;
    });

    it('ends with the same report and the same ledger as the close in one call; progress reaches the total; audited', async () => {
      const inOneCall = busyDesk();
      const expected = unwrap(inOneCall.desk.api.call('months.close', { municipalityId: inOneCall.municipalityId, month: MONTH }, { token: inOneCall.operator }));
      expect(expected).toMatchObject({ charged: { contracts: 2 }, completed: 1, rejectedStale: 1 });
      expect(expected.shrunk.certificates).toBeGreaterThan(0);

      const s = busyDesk();
      closeJobSettings.chunk = 7;
      const { jobId } = unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH }, { token: s.operator }));
      const { job, seen } = await untilFinished(s.desk, s.operator, jobId);
      expect(job).toMatchObject({ id: jobId, kind: 'months.close', status: 'done', error: null, phase: 'Месяц закрыт' });
      expect(job.report).toEqual({ ...expected, municipalityId: s.municipalityId });
      expect(moneyAndContracts(s.desk)).toEqual(moneyAndContracts(inOneCall.desk));
      const certificates = (s.desk.core.db.prepare('SELECT count(*) AS n FROM certificates WHERE municipality_id = ?').get(s.municipalityId) as { n: number }).n;
      expect(job.total).toBe(certificates);
      expect(job.done).toBe(job.total);
      const done = seen.map((j) => j.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      const audit = s.desk.core.db.prepare("SELECT operation, operator_login, summary FROM audit_log WHERE operation LIKE 'months.%' AND summary LIKE '%2026-11%' ORDER BY seq").all();
      expect(audit).toEqual([
        expect.objectContaining({ operation: 'months.closeStart', operator_login: 'operator', summary: expect.stringContaining('Запущено закрытие месяца 2026-11') }),
        expect.objectContaining({ operation: 'months.close', operator_login: 'operator', summary: expect.stringContaining('Закрыт месяц 2026-11') }),
      ]);
      expect(unwrap(s.desk.api.call('audit.verify', {}, { token: s.desk.login('admin') }))).toMatchObject({ ok: true });
    });

    it('a second run changes nothing and answers the first report', async () => {
      const s = busyDesk();
      const first = await untilFinished(s.desk, s.operator, unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH }, { token: s.operator })).jobId);
      const after = moneyAndContracts(s.desk);
      const second = await untilFinished(s.desk, s.operator, unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH }, { token: s.operator })).jobId);
      expect(second.job.report).toEqual({ ...first.job.report, alreadyClosed: true });
      expect(moneyAndContracts(s.desk)).toEqual(after);
    });

    it('a preview job counts what the close in one call then does, changes nothing, and is audited', async () => {
      const s = busyDesk();
      const before = moneyAndContracts(s.desk);
      const inOneCall = unwrap(s.desk.api.call('months.close', { municipalityId: s.municipalityId, month: MONTH, preview: true }, { token: s.operator }));
      const { jobId } = unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH, preview: true }, { token: s.operator }));
      // Asked again while it runs, the same preview is answered rather than started twice; a close must wait for it.
      expect(unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH, preview: true }, { token: s.operator })).jobId).toBe(jobId);
      expect(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH }, { token: s.operator })).toMatchObject({
        ok: false, error: { code: 'conflict', message: expect.stringMatching(/Идёт предпросмотр закрытия месяца 2026-11/) },
      });
      const { job } = await untilFinished(s.desk, s.operator, jobId);
      expect(job).toMatchObject({ status: 'done', phase: 'Предпросмотр готов', error: null });
      expect(job.report).toEqual(inOneCall);
      expect(job.report).toMatchObject({ preview: true, charged: { contracts: 2 }, completed: 1, rejectedStale: 1 });
      expect(moneyAndContracts(s.desk)).toEqual(before);
      const audit = s.desk.core.db.prepare("SELECT summary FROM audit_log WHERE operation = 'months.closeStart'").all();
      expect(audit.map((a) => (a as { summary: string }).summary)).toEqual([
        'Запущен предпросмотр закрытия месяца 2026-11: г. Мурманск',
        'Уже идёт предпросмотр закрытия месяца 2026-11: г. Мурманск: показан его ход',
        'Закрытие месяца 2026-11: г. Мурманск — отказ: Идёт предпросмотр закрытия месяца 2026-11: дождитесь его итога, затем закрывайте.',
      ]);
      const report = await untilFinished(s.desk, s.operator, unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH }, { token: s.operator })).jobId);
      expect(withoutFlags(report.job.report!)).toEqual(withoutFlags(job.report!));
      const afterClose = await untilFinished(s.desk, s.operator, unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH, preview: true }, { token: s.operator })).jobId);
      expect(afterClose.job.report).toEqual({ ...report.job.report, alreadyClosed: true, preview: true });
    });

    it('a close cut off after some chunks and started again ends with the same ledger', async () => {
      const inOneCall = busyDesk();
      unwrap(inOneCall.desk.api.call('months.close', { municipalityId: inOneCall.municipalityId, month: MONTH }, { token: inOneCall.operator }));

      const s = busyDesk();
      const ctx = jobContext(s.desk.core, {
        file: s.desk.file, municipalityId: s.municipalityId, month: MONTH, stamp: s.desk.core.hlc.next(), nowIso: s.desk.clock.now().toISOString(),
        timeZone: s.desk.clock.timeZone, actor: null, chunk: 5,
      });
      const { plan } = planClose(s.desk.core.db, ctx.today, s.municipalityId, MONTH);
      const steps = closeSteps(ctx, plan, eachInItsOwnTransaction(s.desk.core), 5);
      for (let i = 0; i < 5; i += 1) steps.next();
      expect(s.desk.core.db.prepare('SELECT count(*) AS n FROM monthly_closes WHERE month = ?').get(MONTH)).toEqual({ n: 0 });
      const { job } = await untilFinished(s.desk, s.operator, unwrap(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH }, { token: s.operator })).jobId);
      expect(job.status).toBe('done');
      expect(moneyAndContracts(s.desk)).toEqual(moneyAndContracts(inOneCall.desk));
    });
  });
}

describeCloseJob('in a worker thread', async () => {
  closeJobSettings.workerUrl = await bundleWorker('src-main/features/months/close-worker.ts', 'close-worker');
});
describeCloseJob('in the calling thread', () => {
  closeJobSettings.workerUrl = null;
  return Promise.resolve();
});

describe('monthly close preview', () => {
  it('counts with aggregate queries exactly what the close then does, and changes nothing', () => {
    const s = busyDesk();
    const before = moneyAndContracts(s.desk);
    const preview = unwrap(s.desk.api.call('months.close', { municipalityId: s.municipalityId, month: MONTH, preview: true }, { token: s.operator }));
    expect(moneyAndContracts(s.desk)).toEqual(before);
    const report = unwrap(s.desk.api.call('months.close', { municipalityId: s.municipalityId, month: MONTH }, { token: s.operator }));
    expect(preview.preview).toBe(true);
    expect(withoutFlags(preview)).toEqual(withoutFlags(report));
  });

  it('refuses what cannot be closed with a Russian message, changing nothing', () => {
    const s = busyDesk();
    const before = moneyAndContracts(s.desk);
    const future = s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: '2027-01' }, { token: s.operator });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/ещё не наступил/) } });
    const notOver = s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: '2026-12' }, { token: s.operator });
    expect(notOver).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/ещё не закончился/) } });
    const staff = s.desk.login('logos1', 'staff-pass-2026');
    expect(s.desk.api.call('months.closeStart', { municipalityId: s.municipalityId, month: MONTH }, { token: staff })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(s.desk.api.call('jobs.get', { jobId: '00000000-0000-4000-8000-000000000000' }, { token: s.operator })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(moneyAndContracts(s.desk)).toEqual(before);
  });
});

describe('shared transactions of the close worker', () => {
  const note = (desk: TestDesk, key: string) => desk.core.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run(key, 'x');
  const noted = (desk: TestDesk) => (desk.core.db.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'chunk%'").get() as { n: number }).n;

  it('keep taking chunks until a desk’s write waits, then commit after the chunk in progress and let the desk know', () => {
    const desk = makeDesk({ children: 0 });
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const transactions = sharedTransactions(desk.core, gate, 60_000);
    transactions.run(() => note(desk, 'chunk1'));
    transactions.run(() => note(desk, 'chunk2'));
    expect(desk.core.db.inTransaction).toBe(true);
    expect(Atomics.load(gate, 1)).toBe(1);
    Atomics.store(gate, 0, 1); // a desk's write announces itself
    transactions.run(() => note(desk, 'chunk3'));
    expect(desk.core.db.inTransaction).toBe(false);
    expect(Atomics.load(gate, 1)).toBe(0);
    expect(noted(desk)).toBe(3);
  });

  it('roll back the open transaction when a chunk fails, and release the desks', () => {
    const desk = makeDesk({ children: 0 });
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const transactions = sharedTransactions(desk.core, gate, 60_000);
    transactions.run(() => note(desk, 'chunk1'));
    expect(() => transactions.run(() => note(desk, 'chunk1'))).toThrow(/UNIQUE/);
    expect(desk.core.db.inTransaction).toBe(false);
    expect(Atomics.load(gate, 1)).toBe(0);
    expect(noted(desk)).toBe(0);
  });

  it('commit once the budget has run out', () => {
    const desk = makeDesk({ children: 0 });
    const transactions = sharedTransactions(desk.core, undefined, 0);
    transactions.run(() => note(desk, 'chunk1'));
    expect(desk.core.db.inTransaction).toBe(false);
    expect(noted(desk)).toBe(1);
  });
});

describe('the write gate between desks and the close worker', () => {
  const gate = deskWritersCounter();
  const DESK_WRITERS = 0;
  const JOBS_WRITING = 1;
  const settled = async <T>(p: Promise<T>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 0))]);

  it('lets a desk’s write wait for the job’s commit without blocking the thread, then keeps the job out until it is done', async () => {
    jobWriting(gate, true); // the worker is inside a write transaction
    const turn = deskWriteTurn();
    expect(deskWriterWaiting(gate)).toBe(true); // the worker commits after its chunk in progress
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(ticks).toBeGreaterThan(3); // the thread kept serving while the desk waited
    expect(await settled(turn)).toBe(false);
    jobWriting(gate, false); // the worker commits
    const { done } = await turn;
    clearInterval(ticker);
    const started = performance.now();
    enterJobWrite(gate, 40); // the worker tries to begin again: it waits while the desk writes (bounded)
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    jobWriting(gate, false);
    done();
    expect(Atomics.load(gate, DESK_WRITERS)).toBe(0);
    enterJobWrite(gate, 1000); // no desk: at once
    expect(Atomics.load(gate, JOBS_WRITING)).toBe(1);
    jobWriting(gate, false);
  });

  it('runs a write through callByNameWhenFree once the job has committed, and a read at once', async () => {
    const desk = makeDesk({ children: 0 });
    const operator = desk.login();
    const certificateId = (desk.core.db.prepare("SELECT id FROM certificates WHERE number = '9901101325'").get() as { id: string }).id;
    jobWriting(gate, true);
    const write = desk.api.callByNameWhenFree('certificates.setConfirmationPolicy', { certificateId, policy: 'forbidden' }, { token: operator });
    expect(await desk.api.callByNameWhenFree('jobs.get', { jobId: '00000000-0000-4000-8000-000000000000' }, { token: operator })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await settled(write)).toBe(false);
    expect(desk.core.db.prepare('SELECT confirmation_policy AS p FROM certificates WHERE id = ?').get(certificateId)).toEqual({ p: 'by_name' });
    jobWriting(gate, false);
    expect(await write).toMatchObject({ ok: true });
    expect(desk.core.db.prepare('SELECT confirmation_policy AS p FROM certificates WHERE id = ?').get(certificateId)).toEqual({ p: 'forbidden' });
    expect(Atomics.load(gate, DESK_WRITERS)).toBe(0);
  });
});
