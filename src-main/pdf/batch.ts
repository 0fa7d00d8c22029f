/**
 * Renders a batch of documents into one PDF in a worker thread, so the process that serves the window or
 * the HTTP requests stays responsive while a thousand extracts are laid out.
 *
 * The worker is the bundled file out/main/pdf-worker.js (entry `src-main/pdf/batch-worker.ts` in
 * scripts/build-main.mjs). By default it is looked up next to the running bundle; tests and tools that run
 * from source pass `workerUrl` to a worker they bundled themselves.
 */
import { Worker } from 'node:worker_threads';
import type { BatchKind, ExtractData } from './documents';
import { moduleBaseUrl } from '../common/module-url';

export interface BatchJob {
  kind: BatchKind;
  items: ExtractData[];
}

export type BatchMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; pdf: Uint8Array }
  | { type: 'error'; message: string };

export interface BatchWorkerOptions {
  /** The bundled worker script; default: `pdf-worker.js` next to the running bundle (out/main). */
  workerUrl?: URL | string;
  /** Called in the calling thread as documents are finished (at most ~200 times, always with done = total). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the worker; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const WORKER_FILE = 'pdf-worker.js';

export function defaultWorkerUrl(): URL {
  return new URL(`./${WORKER_FILE}`, moduleBaseUrl());
}

export function renderBatchInWorker(kind: BatchKind, items: ExtractData[], options: BatchWorkerOptions = {}): Promise<Buffer> {
  const { onProgress, signal } = options;
  const workerUrl = options.workerUrl === undefined ? defaultWorkerUrl() : new URL(options.workerUrl);
  return new Promise<Buffer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('Печать пакета отменена.'));
      return;
    }
    const job: BatchJob = { kind, items };
    const worker = new Worker(workerUrl, { workerData: job });
    let settled = false;
    const finish = (error: Error | null, pdf?: Buffer): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        void worker.terminate();
        reject(error);
      } else {
        resolve(pdf!);
      }
    };
    const onAbort = (): void => finish(signal?.reason instanceof Error ? signal.reason : new Error('Печать пакета отменена.'));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: BatchMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish(null, Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
      else finish(new Error(`Не удалось сформировать пакет документов: ${message.message}`));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => {
      if (!settled) finish(new Error(`Процесс печати пакета завершился (код ${code}) без результата.`));
    });
  });
}
