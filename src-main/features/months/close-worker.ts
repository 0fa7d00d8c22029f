/**
 * Worker-thread entry of the monthly close (bundled as out/main/close-worker.js). It opens the registry file on
 * its own connection and runs the close chunk by chunk (`closeOnItsOwnConnection`), posting progress after each;
 * the thread that serves the desks only relays the messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { shiftedClock } from '../../clock';
import { openCore } from '../../core';
import { runAsBackgroundThread } from '../../background-thread';
import { closeOnItsOwnConnection, previewOnItsOwnConnection, type CloseJobData, type CloseTraceSpan, type CloseWorkerMessage } from './close-job';

function post(message: CloseWorkerMessage): void {
  parentPort?.postMessage(message);
}

const data = workerData as CloseJobData;
runAsBackgroundThread();
try {
  // The call's instant, running on: a clock that stood still gave the close's 330,000 new ids per municipality
  // one millisecond (UUIDv7, time first), and their random part scattered them across the primary-key indexes.
  const core = openCore(data.file, { create: false, clock: shiftedClock(data.nowIso, data.timeZone) });
  try {
    const trace = data.trace ? (span: CloseTraceSpan) => post({ type: 'trace', ...span }) : undefined;
    const report = data.preview
      ? previewOnItsOwnConnection(core, data)
      : closeOnItsOwnConnection(core, data, (progress) => post({ type: 'progress', ...progress }), trace);
    post({ type: 'done', report });
  } finally {
    core.close();
  }
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
