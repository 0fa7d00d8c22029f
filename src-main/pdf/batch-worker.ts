/**
 * Worker-thread entry of the batch renderer (bundled as out/main/pdf-worker.js). It receives the documents in
 * `workerData`, renders them into one PDF with `renderBatch`, posts a progress message after each document
 * and finally the PDF bytes (transferred, not copied). The main thread stays free meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runAsBackgroundThread } from '../background-thread';
import type { BatchJob, BatchMessage } from './batch';
import { renderBatch } from './documents';

function post(message: BatchMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

const job = workerData as BatchJob;
runAsBackgroundThread();
try {
  let lastPosted = 0;
  const pdf = renderBatch(job.kind, job.items, (done, total) => {
    // At most ~200 progress messages however large the batch, and always the last one.
    if (done === total || done - lastPosted >= Math.max(1, Math.floor(total / 200))) {
      lastPosted = done;
      post({ type: 'progress', done, total });
    }
  });
  // Transfer an ArrayBuffer that holds exactly the PDF (a Buffer may be a view into a shared pool).
  const bytes = new Uint8Array(pdf.byteLength);
  bytes.set(pdf);
  post({ type: 'done', pdf: bytes }, [bytes.buffer]);
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
