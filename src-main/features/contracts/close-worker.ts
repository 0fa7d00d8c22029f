/**
 * Worker-thread entry of the monthly close (bundled as out/main/close-worker.js). It opens the registry file on
 * its own connection and runs the close chunk by chunk, each chunk its own transaction, posting progress after
 * each; the thread that serves the desks only relays the messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fixedClock } from '../../clock';
import { openCore } from '../../core';
import { eachInItsOwnTransaction, jobContext, type CloseJobData, type CloseWorkerMessage } from './close-job';
import { closeSteps, planClose } from './monthly-close';

function post(message: CloseWorkerMessage): void {
  parentPort?.postMessage(message);
}

const data = workerData as CloseJobData;
try {
  const core = openCore(data.file, { create: false, clock: fixedClock(data.nowIso, data.timeZone) });
  try {
    const ctx = jobContext(core, data);
    const { plan, done } = planClose(core.db, ctx.today, data.municipalityId, data.month);
    if (done) {
      post({ type: 'done', report: done });
    } else {
      const steps = closeSteps(ctx, plan, eachInItsOwnTransaction(core, data.deskWriters), data.chunk);
      for (;;) {
        const next = steps.next();
        if (next.done) {
          post({ type: 'done', report: next.value });
          break;
        }
        post({ type: 'progress', ...next.value });
      }
    }
  } finally {
    core.close();
  }
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
