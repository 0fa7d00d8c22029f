/**
 * Printed documents: the performance goals, measured (reports figures, asserts nothing).
 *   - one extract ≤ 50 ms (warm, i.e. after the first in the process);
 *   - 1,000 extracts into one PDF ≤ 15 s, in a worker thread, with progress, the main thread staying free;
 *   - the fonts parsed once per process.
 *
 * Run (bundled, like the main side; the worker is bundled by this script):
 *   npx esbuild tests/bench/pdf-bench.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=node_modules/.cache/certdesk-pdf-bench/pdf-bench.js \
 *   && node_modules/.bin/node node_modules/.cache/certdesk-pdf-bench/pdf-bench.js
 * Environment: PDF_BENCH_BATCH=1000 (batch size), PDF_BENCH_WARM=200 (warm single renders),
 * PDF_BENCH_OUT=/tmp/x.pdf (keep the batch PDF), PDF_BENCH_NO_WARMUP=1 (first extract without warmUpDocuments).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { renderBatchInWorker } from '../../src-main/pdf/batch';
import { renderAttendanceReference, renderBatch, renderCertificateExtract, renderConsentForm, warmUpDocuments, type ExtractData } from '../../src-main/pdf/documents';
import { fontLoadStats, loadFonts } from '../../src-main/pdf/fonts';

const BATCH = Number(process.env.PDF_BENCH_BATCH ?? 1000);
const WARM = Number(process.env.PDF_BENCH_WARM ?? 200);

const SURNAMES = ['Кузнецова', 'Иванов', 'Смирнова', 'Попов', 'Васильева', 'Петров', 'Соколова', 'Михайлов', 'Новикова', 'Фёдоров', 'Морозова', 'Волков'];
const NAMES = ['Алёна', 'Дмитрий', 'Мария', 'Артём', 'Ксения', 'Илья', 'Софья', 'Матвей', 'Полина', 'Егор'];
const PATRONYMICS = ['Дмитриевна', 'Игоревич', 'Сергеевна', 'Андреевич', 'Олеговна', 'Павлович'];
const CATEGORIES = ['город', 'село', 'дети-инвалиды', 'многодетные семьи'];

function extract(i: number): ExtractData {
  const number = String(9901000000 + i);
  const reg = `В-2026-${String(i + 1).padStart(6, '0')}`;
  const pick = <T>(list: readonly T[], k: number): T => list[k % list.length]!;
  return {
    registrationNumber: reg,
    qrPayload: `CERTDESK1:${reg}:${(i * 2654435761).toString(36).toUpperCase().slice(0, 8)}`,
    issuedAt: '2026-11-23T09:15:00Z',
    office: { name: 'МАУ «Центр сопровождения дополнительного образования» г. Энска', address: '620014, г. Энск, ул. Ленина, д. 24, каб. 105' },
    operator: { fullName: 'Смирнова Ольга Викторовна' },
    certificate: {
      number,
      typeLabel: i % 5 === 0 ? 'сертификат учёта' : 'сертификат финансирования',
      statusLabel: i % 3 === 0 ? 'активирован' : 'не активирован',
      categoryName: pick(CATEGORIES, i),
      municipalityName: 'Энский городской округ',
      year: 2026,
      nominalKopecks: i % 5 === 0 ? 0 : 3000100 + (i % 7) * 10000,
      balanceKopecks: i % 5 === 0 ? 0 : 2500000 - (i % 11) * 1234,
      budgetCounts: { significant: 1, general: 3, preprofessional: 1 },
      limitMessage: null,
    },
    child: { fullName: `${pick(SURNAMES, i)} ${pick(NAMES, i * 7)} ${pick(PATRONYMICS, i * 3)}`, birthDate: `20${10 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}` },
    representative: { fullName: `${pick(SURNAMES, i + 5)} ${pick(NAMES, i + 3)} ${pick(PATRONYMICS, i + 1)}` },
    cabinet: { login: number, password: `p${(i * 40503).toString(36)}-${(i * 9973).toString(36)}`.slice(0, 13) },
  };
}

const ms = (t: number): string => `${t.toFixed(1)} ms`;
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main(): Promise<void> {
  console.log(`PDF bench: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), batch ${BATCH}, warm renders ${WARM}`);

  // Bundle the worker as scripts/build-main.mjs would (entry src-main/pdf/batch-worker.ts → pdf-worker.js).
  const here = dirname(fileURLToPath(import.meta.url));
  const workerFile = join(here, 'pdf-worker.js');
  mkdirSync(here, { recursive: true });
  await build({ entryPoints: ['src-main/pdf/batch-worker.ts'], bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', outfile: workerFile, logLevel: 'error' });

  let t = performance.now();
  loadFonts();
  const fontLoad = performance.now() - t;
  t = performance.now();
  if (process.env.PDF_BENCH_NO_WARMUP !== '1') warmUpDocuments();
  const warmUp = performance.now() - t;
  t = performance.now();
  const first = renderCertificateExtract(extract(0));
  const firstMs = performance.now() - t;

  const times: number[] = [];
  let bytes = 0;
  const warmCpu0 = process.cpuUsage();
  for (let i = 1; i <= WARM; i += 1) {
    t = performance.now();
    bytes += renderCertificateExtract(extract(i)).length;
    times.push(performance.now() - t);
  }
  const warmCpu = cpuMs(process.cpuUsage(warmCpu0)) / WARM;
  times.sort((a, b) => a - b);

  const other = (fn: () => Buffer): number => {
    fn();
    const s = performance.now();
    for (let i = 0; i < 20; i += 1) fn();
    return (performance.now() - s) / 20;
  };
  const frame = { registrationNumber: 'С-2026-000031', qrPayload: 'CERTDESK1:С-2026-000031:H3PZ8R', issuedAt: '2026-11-23T09:15:00Z', office: { name: 'МАУ «ЦСДО» г. Энска' }, operator: { fullName: 'Смирнова Ольга Викторовна' } };
  const attendanceMs = other(() =>
    renderAttendanceReference({
      ...frame,
      child: { fullName: 'Ёлкин Фёдор Ильич', birthDate: '2013-12-31' },
      certificate: { number: '9901101388', municipalityName: 'Энский городской округ' },
      enrollments: [
        { organization: 'МБУ ДО «Дом детского творчества»', program: 'Робототехника', group: 'РТ-2', startDate: '2026-09-01', hoursPerWeek: 4 },
        { organization: 'МАУ ДО «ДЮСШ № 3»', program: 'Плавание', group: 'П-11', startDate: '2026-10-05', hoursPerWeek: 1.5 },
      ],
    }),
  );
  const consentMs = other(() =>
    renderConsentForm({
      ...frame,
      formVersion: '2026-1',
      operatorOfData: { name: 'МАУ «ЦСДО» г. Энска', address: '620014, г. Энск, ул. Ленина, д. 24' },
      subject: { fullName: 'Ёлкин Фёдор Ильич', birthDate: '2013-12-31', address: 'г. Энск, ул. Мира, д. 7, кв. 12', identityDocument: 'свидетельство о рождении IV-АИ № 512347' },
      representative: { fullName: 'Ёлкина Анна Петровна', identityDocument: 'паспорт 6512 345678', address: null, relationLabel: 'мать', authorityDocument: null },
    }),
  );

  const items = Array.from({ length: BATCH }, (_, i) => extract(i));

  // In-process (blocking) batch, for comparison.
  t = performance.now();
  const batchCpu0 = process.cpuUsage();
  const inProcess = renderBatch('extract', items);
  const inProcessCpu = cpuMs(process.cpuUsage(batchCpu0));
  const inProcessMs = performance.now() - t;

  // Worker batch: progress, and how late the main thread's timers run meanwhile.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 20);
  let progressCalls = 0;
  let lastDone = 0;
  delay.enable();
  const workerCpu0 = process.cpuUsage();
  const load0 = loadavg()[0]!;
  t = performance.now();
  const pdf = await renderBatchInWorker('extract', items, {
    workerUrl: pathToFileURL(workerFile),
    onProgress: (done) => {
      progressCalls += 1;
      lastDone = done;
    },
  });
  const workerMs = performance.now() - t;
  const workerCpu = cpuMs(process.cpuUsage(workerCpu0));
  const load1 = loadavg()[0]!;
  delay.disable();
  clearInterval(ticker);
  if (process.env.PDF_BENCH_OUT) writeFileSync(process.env.PDF_BENCH_OUT, pdf);

  console.log('');
  console.log(`fonts: read + parsed once: ${ms(fontLoad)} (files read ${fontLoadStats.filesRead}, fonts parsed ${fontLoadStats.fontsParsed})`);
  console.log(`warmUpDocuments() (what the desk can call at start): ${ms(warmUp)}`);
  console.log(`extract, first in process (after warm-up): ${ms(firstMs)}, ${(first.length / 1024).toFixed(1)} KiB`);
  console.log(
    `extract, warm ×${WARM}: median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(times.at(-1)!)}; CPU ${ms(warmCpu)} each; mean size ${(bytes / WARM / 1024).toFixed(1)} KiB   [goal ≤ 50 ms]`,
  );
  console.log(`attendance reference, warm: ${ms(attendanceMs)}; consent form, warm: ${ms(consentMs)}`);
  console.log(`batch ×${BATCH} in process (blocking): ${ms(inProcessMs)} wall, ${ms(inProcessCpu)} CPU, ${(inProcess.length / 1024 / 1024).toFixed(2)} MiB`);
  console.log(
    `batch ×${BATCH} in worker: ${ms(workerMs)} wall (${(workerMs / BATCH).toFixed(1)} ms/extract), ${ms(workerCpu)} CPU (both threads), load average ${load0.toFixed(1)} → ${load1.toFixed(1)}, ${(pdf.length / 1024 / 1024).toFixed(2)} MiB, progress callbacks ${progressCalls} (last ${lastDone}/${BATCH})   [goal ≤ 15 s]`,
  );
  console.log(
    `main thread during the worker batch: event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms; 20-ms timer ticks ${ticks} of ~${Math.floor(workerMs / 20)} expected`,
  );
  console.log(`fonts parsed in this (main) thread overall: ${fontLoadStats.fontsParsed} (the worker parses its own once)`);
  console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
}

await main();
