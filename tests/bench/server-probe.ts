/**
 * Preloaded into the spawned server host (`node --import out/bench/server-probe.js out/main/server.js`):
 * watches the event loop and answers the benchmark over the IPC channel. It changes nothing in the server.
 * Besides the delay histogram it names each stall over 45 ms: the requests in flight across it (operation, how
 * long they took), the garbage collections inside it and, on Linux, how long the thread ran and how long it waited
 * for a processor meanwhile (/proc/thread-self/schedstat), so a stall is attributed, not guessed.
 */
import { readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/** A stall: the loop did not turn for `ms` until `at` (ms since the epoch). */
export interface NamedStall {
  at: number;
  ms: number;
  /** Requests whose handling overlapped the stall: `operation ms`. */
  requests: string[];
  /** Garbage collections inside the stall, in ms. */
  gcMs: number;
  /** Linux: ms the thread ran on a processor, and ms it was ready but waited for one, during the stall. */
  ranMs?: number;
  queuedMs?: number;
}

/** Every stall over the goal of 50 ms is named, and a little below it. */
const STALL_MS = 45;
const clock = () => performance.timeOrigin + performance.now();
/** The thread's time on a processor and waiting in the run queue, in ns; null where /proc has no schedstat. */
const schedstat = (): [number, number] | null => {
  try {
    const [ran, queued] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return [ran!, queued!];
  } catch {
    return null;
  }
};

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const stalls: NamedStall[] = [];
  const requests: Array<{ op: string; from: number; to: number }> = [];
  const gcs: Array<{ from: number; to: number }> = [];
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [{ url?: string }, { once(e: string, f: () => void): void }];
      const entry = { op: (req.url ?? '').replace(/^\/api\//, ''), from: clock(), to: Number.POSITIVE_INFINITY };
      requests.push(entry);
      if (requests.length > 2000) requests.splice(0, 1000);
      res.once('finish', () => (entry.to = clock()));
    }
    return (emit as (...a: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof Server.prototype.emit;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ from: performance.timeOrigin + e.startTime, to: performance.timeOrigin + e.startTime + e.duration });
    if (gcs.length > 2000) gcs.splice(0, 1000);
  }).observe({ entryTypes: ['gc'] });
  let last = clock();
  let lastSched = schedstat();
  setInterval(() => {
    const t = clock();
    const gap = t - last - 5;
    last = t;
    const sched = lastSched && schedstat();
    const before = lastSched;
    lastSched = sched;
    if (gap <= STALL_MS) return;
    const from = t - gap;
    stalls.push({
      ...(sched && before ? { ranMs: (sched[0] - before[0]) / 1e6, queuedMs: (sched[1] - before[1]) / 1e6 } : {}),
      at: t,
      ms: gap,
      requests: requests.filter((r) => r.from <= t && r.to >= from).map((r) => `${r.op} ${(Math.min(r.to, t) - r.from).toFixed(0)} ms`),
      gcMs: gcs.filter((g) => g.to >= from && g.from <= t).reduce((s, g) => s + (g.to - g.from), 0),
    });
  }, 5).unref();
  process.on('message', (message: unknown) => {
    if (message === 'reset') {
      histogram.reset();
      stalls.length = 0;
      process.send!({ reset: true });
    } else if (message === 'report') {
      const m = process.memoryUsage();
      process.send!({
        maxDelayMs: histogram.max / 1e6,
        p99DelayMs: histogram.percentile(99) / 1e6,
        meanDelayMs: histogram.mean / 1e6,
        rss: m.rss,
        heapUsed: m.heapUsed,
        stalls: [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 10),
      });
    }
  });
}
