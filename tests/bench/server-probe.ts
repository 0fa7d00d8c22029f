/**
 * Preloaded into the spawned server host (`node --import out/bench/server-probe.js out/main/server.js`):
 * watches the event loop and answers the benchmark over the IPC channel. It changes nothing in the server.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  process.on('message', (message: unknown) => {
    if (message === 'reset') {
      histogram.reset();
      process.send!({ reset: true });
    } else if (message === 'report') {
      const m = process.memoryUsage();
      process.send!({
        maxDelayMs: histogram.max / 1e6,
        p99DelayMs: histogram.percentile(99) / 1e6,
        meanDelayMs: histogram.mean / 1e6,
        rss: m.rss,
        heapUsed: m.heapUsed,
      });
    }
  });
}
