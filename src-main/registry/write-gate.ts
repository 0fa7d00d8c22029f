/**
 * Writers of this process announce themselves, so a background job writing on its own connection in a worker
 * thread (the monthly close) steps aside between its chunks. Without it, the job takes the write lock again
 * microseconds after each commit while a desk's write sleeps in SQLite's busy handler, and the desk may wait
 * for seconds. With it, a desk's write waits at most for the chunk in progress.
 */
const waiting = new Int32Array(new SharedArrayBuffer(4));

/** The shared counter of writers waiting or writing, handed to worker threads in their workerData. */
export function deskWritersCounter(): Int32Array {
  return waiting;
}

/** Runs a write of this thread announced to background jobs. */
export function asDeskWrite<T>(write: () => T): T {
  Atomics.add(waiting, 0, 1);
  try {
    return write();
  } finally {
    Atomics.sub(waiting, 0, 1);
    Atomics.notify(waiting, 0);
  }
}

/** In a background job, between two transactions: waits while a desk's write is waiting or running (bounded). */
export function stepAsideForDeskWriters(counter: Int32Array, maxWaitMs = 2000): void {
  const until = performance.now() + maxWaitMs;
  for (let n = Atomics.load(counter, 0); n > 0 && performance.now() < until; n = Atomics.load(counter, 0)) {
    Atomics.wait(counter, 0, n, 20);
  }
}
