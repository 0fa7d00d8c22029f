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

/** Runs a write of this thread announced to background jobs. */
export function asDeskWrite<T>(write: () => T): T {
  Atomics.add(counters, DESK_WRITERS, 1);
  try {
    // The job commits at its next step once it sees this writer (bounded: SQLite's busy handler takes over after).
    waitWhileAbove0(counters, JOBS_WRITING, 1000);
    return write();
  } finally {
    Atomics.sub(counters, DESK_WRITERS, 1);
    Atomics.notify(counters, DESK_WRITERS);
  }
}

/** In a background job, between two transactions: waits while a desk's write is waiting or running (bounded). */
export function stepAsideForDeskWriters(gate: Int32Array, maxWaitMs = 2000): void {
  waitWhileAbove0(gate, DESK_WRITERS, maxWaitMs);
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
