/**
 * Preloaded into the spawned server host (`node --import out/bench/server-probe.js out/main/server.js`):
 * watches the event loop and answers the benchmark over the IPC channel. It changes nothing in the server.
 * Besides the delay histogram it names each stall over 60 ms: the requests in flight across it (operation, how
 * long they took) and the garbage collections inside it, so a stall is attributed, not guessed.
 */
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
}

const STALL_MS = 60;
const clock = () => performance.timeOrigin + performance.now();

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
  setInterval(() => {
    const t = clock();
    const gap = t - last - 5;
    last = t;
    if (gap <= STALL_MS) return;
    const from = t - gap;
    stalls.push({
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
