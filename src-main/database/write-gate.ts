/**
 * Writers of this process announce themselves, so a background job writing on its own connection in a worker
 * thread (the monthly close) steps aside between its chunks. Without it, the job takes the write lock again
 * microseconds after each commit while a desk's write sleeps in SQLite's busy handler, and the desk may wait
 * for seconds. With it, a desk's write waits at most for the chunk in progress.
 *
 * Two counters, shared with the job's threads: desk writers waiting or writing, and jobs inside a write
 * transaction. A desk's write waits on the second to fall to 0 (woken by the job's commit) instead of polling the
 * lock in SQLite's busy handler, whose sleeps grow to 100 ms and overshoot the job's commit by up to that much.
 */
const DESK_WRITERS = 0;
const JOBS_WRITING = 1;
const counters = new Int32Array(new SharedArrayBuffer(8));

/** The shared counters, handed to worker threads in their workerData. */
export function deskWritersCounter(): Int32Array {
  return counters;
}

/** Waits while counter `slot` is above 0, at most `maxWaitMs`. */
function waitWhileAbove0(gate: Int32Array, slot: number, maxWaitMs: number): void {
  const until = performance.now() + maxWaitMs;
  for (let n = Atomics.load(gate, slot); n > 0 && performance.now() < until; n = Atomics.load(gate, slot)) {
    Atomics.wait(gate, slot, n, Math.max(1, Math.min(20, until - performance.now())));
  }
}

/** The last desk write of this thread: how long it waited for a job's commit, and how long it then took. */
export const lastDeskWrite = { waitedMs: 0, wroteMs: 0 };

/** Runs a write of this thread announced to background jobs. */
export function asDeskWrite<T>(write: () => T): T {
  Atomics.add(counters, DESK_WRITERS, 1);
  const started = performance.now();
  try {
    // The job commits at its next step once it sees this writer (bounded: SQLite's busy handler takes over after).
    waitWhileAbove0(counters, JOBS_WRITING, DESK_WAIT_MS);
    const waited = performance.now();
    lastDeskWrite.waitedMs = waited - started;
    try {
      return write();
    } finally {
      lastDeskWrite.wroteMs = performance.now() - waited;
    }
  } finally {
    Atomics.sub(counters, DESK_WRITERS, 1);
    Atomics.notify(counters, DESK_WRITERS);
  }
}

/** How long a desk's write waits for a job's write transaction before SQLite's busy handler takes over. */
const DESK_WAIT_MS = 1000;

/**
 * For a host that serves desks from one thread: announces a desk's write and waits — without blocking the thread,
 * so other desks' searches go on — until no job is inside a write transaction (bounded). The job then stays out of
 * the way until `done` is called: the caller runs its write (whose own `asDeskWrite` then finds the way clear) and
 * calls `done`.
 */
export async function deskWriteTurn(): Promise<{ done(): void }> {
  Atomics.add(counters, DESK_WRITERS, 1);
  const until = performance.now() + DESK_WAIT_MS;
  for (let n = Atomics.load(counters, JOBS_WRITING); n > 0 && performance.now() < until; n = Atomics.load(counters, JOBS_WRITING)) {
    const wait = Atomics.waitAsync(counters, JOBS_WRITING, n, Math.max(1, until - performance.now()));
    if (wait.async) await wait.value;
  }
  let released = false;
  return {
    done() {
      if (released) return;
      released = true;
      Atomics.sub(counters, DESK_WRITERS, 1);
      Atomics.notify(counters, DESK_WRITERS);
    },
  };
}

/** In a background job, between two transactions: waits while a desk's write is waiting or running (bounded). */
export function stepAsideForDeskWriters(gate: Int32Array, maxWaitMs = 2000): void {
  waitWhileAbove0(gate, DESK_WRITERS, maxWaitMs);
}

/**
 * In a background job, before its write transaction: steps aside for desk writes, then marks the transaction.
 * A desk's write announced between the two is seen by the check after the mark (both sides announce first, then
 * look at the other), and the job steps aside again: the desk never finds the lock taken after its wait.
 */
export function enterJobWrite(gate: Int32Array, maxWaitMs = 2000): void {
  const until = performance.now() + maxWaitMs;
  for (;;) {
    stepAsideForDeskWriters(gate, Math.max(0, until - performance.now()));
    jobWriting(gate, true);
    if (!deskWriterWaiting(gate) || performance.now() >= until) return;
    jobWriting(gate, false);
  }
}

/** In a background job, inside its write transaction: whether a desk's write is waiting for it to commit. */
export function deskWriterWaiting(gate: Int32Array): boolean {
  return Atomics.load(gate, DESK_WRITERS) > 0;
}

/** A background job marks the span of its write transaction, so waiting desk writes wake at its commit. */
export function jobWriting(gate: Int32Array, writing: boolean): void {
  if (writing) {
    Atomics.add(gate, JOBS_WRITING, 1);
  } else {
    Atomics.sub(gate, JOBS_WRITING, 1);
    Atomics.notify(gate, JOBS_WRITING);
  }
}
