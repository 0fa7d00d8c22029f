/**
 * The monthly close as a background job (`months.closeStart`, polled with `jobs.get`). It runs in a worker
 * thread on its own connection to the registry file (out/main/close-worker.js, entry close-worker.ts), chunk by
 * chunk, each chunk its own short transaction, so the process that serves the desks keeps answering and writing
 * while 400,000 certificates are closed. Where the bundled worker is not present (the core run from source) the
 * same steps run in this thread, pausing for the event loop between chunks.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { MonthlyCloseReport, OperationParsedInput } from '../../../shared/operations';
import { REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import type { Actor, Core } from '../../core';
import { moduleBaseUrl } from '../../common/module-url';
import { deskWriterWaiting, deskWritersCounter, enterJobWrite, jobWriting, stepAsideForDeskWriters } from '../../database/write-gate';
import { DomainError } from '../../errors';
import { appendAudit } from '../audit';
import { createJob, runningJob, type Job } from '../jobs';
import { CLOSE_CHUNK_CERTIFICATES, CLOSE_PHASES, closeJobKey, closeSteps, planClose, previewClose, requireCloseHere, type CloseProgress, type RunInTransaction } from './monthly-close';

/** What a close job needs to run anywhere: the file, what to close, and the stamp and actor of the call that started it. */
export interface CloseJobData {
  file: string;
  municipalityId: string;
  month: string;
  stamp: string;
  nowIso: string;
  timeZone: string;
  actor: Actor | null;
  chunk: number;
  /** The host's counter of desk writers (database/write-gate.ts): the worker steps aside between chunks while it is not 0. */
  deskWriters?: Int32Array;
  /** Post a `trace` message for each commit and checkpoint (the stall bench times the host's stalls against them). */
  trace?: boolean;
  /** Only count what the close would do (`previewClose`), changing nothing. */
  preview?: boolean;
}

/** A span of the close's own work on the registry file, in ms since the epoch (`performance.timeOrigin` based). */
export interface CloseTraceSpan {
  what: 'commit' | 'checkpoint' | 'restart';
  from: number;
  to: number;
  /** A checkpoint: WAL frames it found; a commit: chunks in the transaction. */
  count: number;
}

export type CloseWorkerMessage =
  | ({ type: 'progress' } & CloseProgress)
  | { type: 'done'; report: MonthlyCloseReport }
  | { type: 'error'; message: string }
  | ({ type: 'trace' } & CloseTraceSpan);

export const CLOSE_WORKER_FILE = 'close-worker.js';

/**
 * How close jobs run. `workerUrl`: the bundled worker (default: close-worker.js next to the running bundle; tests
 * running from source point it at one they bundled, or at nothing to run in-process). `chunk`: certificates per
 * transaction. `trace`: receives the worker's commits and checkpoints (the stall bench times the host's stalls against them).
 */
export const closeJobSettings: { workerUrl: URL | null | undefined; chunk: number; trace?: (span: CloseTraceSpan) => void } = {
  workerUrl: undefined,
  chunk: CLOSE_CHUNK_CERTIFICATES,
};

function workerUrl(): URL | null {
  if (closeJobSettings.workerUrl === null) return null;
  const url = closeJobSettings.workerUrl ?? new URL(`./${CLOSE_WORKER_FILE}`, moduleBaseUrl());
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * The context a close job runs with outside an operation call: its own core (the worker's connection, or this
 * process's), the starting call's stamp and actor, and an audit that appends at once — the close calls it inside
 * the transaction that records the close, so the entry and the record commit together.
 */
export function jobContext(core: Core, data: CloseJobData): OperationContext {
  return {
    core,
    actor: data.actor,
    token: null,
    stamp: data.stamp,
    nowIso: data.nowIso,
    today: core.clock.today(),
    allowedOperations: () => [],
    audit(recordType, recordId, summary) {
      appendAudit(core.db, {
        at: data.nowIso, operatorId: data.actor?.operatorId ?? null, operatorLogin: data.actor?.login ?? null, operation: 'months.close',
        recordType, recordId, outcome: 'ok', summary,
      });
    },
  };
}

/**
 * Each chunk takes the write lock up front (a deferred transaction could find the snapshot stale when it first
 * writes); in a worker, it first lets the host's waiting writes go ahead.
 */
export const eachInItsOwnTransaction = (core: Core, deskWriters?: Int32Array) => <T>(work: () => T): T => {
  if (deskWriters) stepAsideForDeskWriters(deskWriters);
  return core.db.transaction(work).immediate();
};

/** Now in ms since the epoch, comparable across threads. */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** How often the close's connection copies the WAL into the registry file. */
const CLOSE_CHECKPOINT_MS = 1000;

/** How long a worker's write transaction may take more chunks before it commits (when no desk's write waits). */
export const CLOSE_TRANSACTION_MS = 250;

/**
 * In a worker: chunks share one write transaction until it has run `budgetMs`, or until a desk's write waits for
 * it (checked after every chunk), then it commits. Each commit rewrites the pages the chunks share (the ledger's
 * last pages, the interior pages of its indexes): ten chunks per commit write them once instead of ten times,
 * and a desk's write still waits for one chunk at most. `end` commits what is open (or rolls it back).
 */
export function sharedTransactions(
  core: Core,
  gate: Int32Array | undefined,
  budgetMs = CLOSE_TRANSACTION_MS,
  afterCommit: () => void = () => {},
  trace?: (span: CloseTraceSpan) => void,
): { run: RunInTransaction; end(commit: boolean): void } {
  const { db } = core;
  let begunAt: number | null = null;
  let chunks = 0;
  const end = (commit: boolean) => {
    if (begunAt === null) return;
    begunAt = null;
    const from = wallClockMs();
    try {
      db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    } finally {
      if (gate) jobWriting(gate, false);
    }
    trace?.({ what: 'commit', from, to: wallClockMs(), count: chunks });
    chunks = 0;
    if (commit) afterCommit();
  };
  function run<T>(work: () => T): T {
    if (begunAt === null) {
      if (gate) enterJobWrite(gate);
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (e) {
        if (gate) jobWriting(gate, false);
        throw e;
      }
      begunAt = performance.now();
    }
    let result: T;
    chunks += 1;
    try {
      result = work();
    } catch (e) {
      end(false);
      throw e;
    }
    if (performance.now() - begunAt >= budgetMs || (gate && deskWriterWaiting(gate))) end(true);
    return result;
  }
  return { run, end };
}

/** How long the close's WAL restart waits for the desks' reads to finish (it is tried again a second later). */
const RESTART_WAIT_MS = 50;

/** The WAL is rewound once it holds this many frames (64 MiB): each rewind costs the close 100–200 ms. */
const RESTART_FRAMES = 16_384;

/**
 * Copies the WAL into the registry file and, once it has grown past `RESTART_FRAMES` (or `rewind`: the close
 * ends), lets the next commit write it from its start again. A passive checkpoint alone never rewinds the WAL
 * while a desk keeps reading: SQLite starts it over only when no reader is using it, and with a search every
 * 20 ms one almost always is, so the WAL grew past a gigabyte during a close and every page read of every
 * connection searched a longer WAL index. The RESTART waits a moment for the reads in progress (new ones read the
 * file); desk writes wait at the gate meanwhile, as for a transaction of the job.
 */
function checkpointWal(core: Core, gate: Int32Array | undefined, trace?: (span: CloseTraceSpan) => void, rewind = false): void {
  const { db } = core;
  const checkpoint = (mode: 'PASSIVE' | 'RESTART') => {
    const from = wallClockMs();
    const [result] = db.pragma(`wal_checkpoint(${mode})`) as Array<{ busy: number; log: number; checkpointed: number }>;
    trace?.({ what: mode === 'PASSIVE' ? 'checkpoint' : 'restart', from, to: wallClockMs(), count: result?.log ?? 0 });
    return result;
  };
  // The bulk of the copying does not keep desk writes waiting (a passive checkpoint takes no write lock).
  const copied = checkpoint('PASSIVE');
  if (!rewind && (copied?.log ?? 0) < RESTART_FRAMES) return;
  if (gate) enterJobWrite(gate);
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${RESTART_WAIT_MS}`);
  try {
    checkpoint('RESTART');
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
    if (gate) jobWriting(gate, false);
  }
}

/**
 * The close and its preview read without a memory map. Each desk's commit makes SQLite drop the connection's cache
 * and unmap its whole map at its next transaction, and refaulting a 2 GiB map cost the close half its CPU again
 * (`bench:close-stall` with a desk writing: 17-23 s mapped, 11-12.5 s read by calls; without a desk 12-15.6 s
 * against 11.6-11.8 s). And unmapping a populated 2 GiB map holds the process's memory-map lock: the thread that
 * serves the desks stopped for 35-90 ms when the preview's worker closed its connection (4.6-4.7 s either way).
 */
function readWithoutMemoryMap(core: Core): void {
  core.db.pragma('mmap_size = 0');
}

/** The preview of a close on a connection of its own (the worker's): counts from one snapshot, nothing written. */
export function previewOnItsOwnConnection(core: Core, data: CloseJobData): MonthlyCloseReport {
  const ctx = jobContext(core, data);
  const { plan, done } = planClose(core.db, ctx.today, data.municipalityId, data.month, true);
  if (done) return { ...done, preview: true };
  readWithoutMemoryMap(core);
  return previewClose(ctx, plan);
}

/**
 * The whole close on a connection of its own (the worker's; the bench's), synchronously: chunks in shared
 * transactions (a few commits a second, each synced as the registry's every commit is), then the record of the
 * close.
 */
export function closeOnItsOwnConnection(
  core: Core,
  data: CloseJobData,
  onProgress: (p: CloseProgress) => void,
  trace?: (span: CloseTraceSpan) => void,
): MonthlyCloseReport {
  const ctx = jobContext(core, data);
  const { plan, done } = planClose(core.db, ctx.today, data.municipalityId, data.month);
  if (done) return done;
  // A shared transaction's dirty pages stay in memory rather than spilling to the WAL before its commit.
  core.db.pragma('cache_size = -65536');
  readWithoutMemoryMap(core);
  // Checkpoints between transactions, every second, rather than SQLite's automatic one inside the commit every
  // 4 MiB of WAL: a page the chunks keep changing (the ledger's last pages, its indexes' upper levels) is copied
  // into the file fewer times, and a desk's write waiting for the commit does not also wait for the checkpoint.
  const autoCheckpoint = core.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  core.db.pragma('wal_autocheckpoint = 0');
  let checkpointedAt = performance.now();
  const transactions = sharedTransactions(core, data.deskWriters, CLOSE_TRANSACTION_MS, () => {
    if (performance.now() - checkpointedAt < CLOSE_CHECKPOINT_MS) return;
    checkpointWal(core, data.deskWriters, trace);
    checkpointedAt = performance.now();
  }, trace);
  try {
    const steps = closeSteps(ctx, plan, transactions.run, data.chunk);
    for (;;) {
      const next = steps.next();
      if (next.done) {
        transactions.end(true);
        // The WAL is left empty: the host's connection takes its automatic checkpoints back now, and its next
        // commit would otherwise copy the close's last second of pages in the thread that serves the desks.
        checkpointWal(core, data.deskWriters, trace, true);
        return next.value;
      }
      onProgress(next.value);
    }
  } finally {
    transactions.end(false);
    core.db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
}

const failure = (message: string) => `Закрытие месяца прервано: ${message}. Уже сделанное сохранено и не повторится — запустите закрытие ещё раз.`;

let workersRunning = 0;
let hostAutoCheckpoint = 1000;

/**
 * While a close runs in a worker, this connection leaves checkpoints to the worker's: otherwise a desk's commit
 * that finds the WAL full of the worker's pages copies them into the file in the thread that serves the desks.
 */
function checkpointsLeftToWorkers(core: Core, running: boolean): void {
  workersRunning += running ? 1 : -1;
  if (running && workersRunning === 1) {
    hostAutoCheckpoint = core.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    core.db.pragma('wal_autocheckpoint = 0');
  }
  if (!running && workersRunning === 0) core.db.pragma(`wal_autocheckpoint = ${hostAutoCheckpoint}`);
}

function runInWorker(core: Core, url: URL, job: Job, data: CloseJobData): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(url, { workerData: { ...data, deskWriters: deskWritersCounter(), trace: Boolean(closeJobSettings.trace) } satisfies CloseJobData });
    checkpointsLeftToWorkers(core, true);
    let settled = false;
    const finish = (update: Partial<Job>) => {
      if (settled) return;
      settled = true;
      checkpointsLeftToWorkers(core, false);
      Object.assign(job, update);
      resolve();
    };
    worker.on('message', (m: CloseWorkerMessage) => {
      if (m.type === 'progress') Object.assign(job, { phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'trace') closeJobSettings.trace?.(m);
      else if (m.type === 'done') finish({ status: 'done', phase: data.preview ? CLOSE_PHASES.previewed : CLOSE_PHASES.done, report: m.report, done: job.total });
      else if (m.type === 'error') finish({ status: 'failed', error: failure(m.message) });
    });
    worker.on('error', (e) => finish({ status: 'failed', error: failure(e.message) }));
    worker.on('exit', (code) => finish({ status: 'failed', error: failure(`поток закрытия завершился (код ${code}) без итога`) }));
  });
}

/**
 * Runs the close in this thread, each chunk its own transaction, letting the event loop in between chunks (the
 * desks' requests in a host; the progress line in the CLI).
 */
export async function closeInThisThread(core: Core, data: CloseJobData, onProgress: (p: CloseProgress) => void): Promise<MonthlyCloseReport> {
  const ctx = jobContext(core, data);
  const { plan, done } = planClose(core.db, ctx.today, data.municipalityId, data.month);
  if (done) return done;
  const steps = closeSteps(ctx, plan, eachInItsOwnTransaction(core), data.chunk);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress(next.value);
    await nextTurn();
  }
}

async function runInProcess(core: Core, job: Job, data: CloseJobData): Promise<void> {
  try {
    const report = data.preview ? previewOnItsOwnConnection(core, data) : await closeInThisThread(core, data, (p) => Object.assign(job, p));
    Object.assign(job, { status: 'done', phase: data.preview ? CLOSE_PHASES.previewed : CLOSE_PHASES.done, report, done: job.total });
  } catch (e) {
    Object.assign(job, { status: 'failed', error: failure(e instanceof Error ? e.message : String(e)) });
  }
}

const STILL_PREVIEWING = (month: string) => `Идёт предпросмотр закрытия месяца ${month}: дождитесь его итога, затем закрывайте.`;
const ALREADY_CLOSING = (month: string) => `Закрытие месяца ${month} уже идёт в фоне: дождитесь его окончания.`;

/**
 * Starts the close of a municipality's month, or its preview, in the background and answers the job to poll.
 * The same work asked for again while it runs attaches to the running job. A close waits for its month's preview
 * (which may hold the write lock while it counts due prolongations) and a preview is pointless during the close.
 */
export function startCloseJob(ctx: OperationContext, input: OperationParsedInput<'months.closeStart'>): { jobId: string } {
  const { core } = ctx;
  const { preview } = input;
  const { plan, done } = planClose(core.db, ctx.today, input.municipalityId, input.month, preview);
  if (!preview) requireCloseHere(core, plan.municipality);
  const key = closeJobKey(plan.municipality.id, input.month, preview);
  const running = runningJob(core, key);
  const ofMonth = `месяца ${input.month}: ${plan.municipality.name}`;
  const [asked, started] = preview ? ['Предпросмотр закрытия', 'Запущен предпросмотр закрытия'] : ['Закрытие', 'Запущено закрытие'];
  if (running) {
    ctx.audit('municipality', plan.municipality.id, `Уже идёт ${asked.toLowerCase()} ${ofMonth}: показан его ход`);
    return { jobId: running.id };
  }
  if (!done && runningJob(core, closeJobKey(plan.municipality.id, input.month, !preview))) {
    ctx.audit('municipality', plan.municipality.id, `${asked} ${ofMonth}`);
    throw new DomainError('conflict', preview ? ALREADY_CLOSING(input.month) : STILL_PREVIEWING(input.month));
  }
  const job = createJob(core, 'months.close', key, preview ? CLOSE_PHASES.previewing : CLOSE_PHASES.prolongations);
  if (done) {
    ctx.audit('municipality', plan.municipality.id, `Закрытие ${ofMonth} — месяц уже закрыт, ничего не изменено`);
    Object.assign(job, { status: 'done', phase: CLOSE_PHASES.done, report: { ...done, preview } });
    return { jobId: job.id };
  }
  ctx.audit('municipality', plan.municipality.id, `${started} ${ofMonth}`);
  const data: CloseJobData = {
    file: core.file, municipalityId: plan.municipality.id, month: input.month, stamp: ctx.stamp, nowIso: ctx.nowIso,
    timeZone: core.clock.timeZone, actor: ctx.actor, chunk: closeJobSettings.chunk, preview,
  };
  // Started after this call's transaction has committed, so the job sees the registry the caller saw.
  setImmediate(() => {
    const url = workerUrl();
    void (url ? runInWorker(core, url, job, data) : runInProcess(core, job, data));
  });
  return { jobId: job.id };
}

export const closeJobOperations: FeatureOperations<'months.closeStart'> = {
  'months.closeStart': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler: (input, ctx) => startCloseJob(ctx, input),
  },
};
