/**
 * Documents benchmark (issue «registry desk»): one extract end to end through the operation table (new cabinet
 * password hashed, document registered, card read, PDF rendered, transaction committed), and a batch of 1,000
 * extracts into one PDF in the worker, with the main thread's event-loop delay while it runs.
 * Run: npm run bench:documents
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApi } from '../../src-main/api/table';
import { openCore } from '../../src-main/core';
import { loadDemo } from '../../src-main/demo/demo';
import { printExtractBatch } from '../../src-main/features/documents/batch';
import { ms, now, summarize } from './stats';

const dir = mkdtempSync(join(tmpdir(), 'certdesk-docbench-'));
const core = openCore(join(dir, 'registry.db'));
loadDemo(core, { children: 0 });
const api = createApi(core);
const login = api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' });
if (!login.ok) throw new Error(login.error.message);
const token = login.value.token;
const card = api.call('certificates.get', { number: '9901101325' }, { token });
if (!card.ok) throw new Error(card.error.message);

const samples: number[] = [];
for (let i = 0; i < 41; i += 1) {
  const t = now();
  const r = api.call('documents.printExtract', { certificateId: card.value.id }, { token });
  if (!r.ok) throw new Error(r.error.message);
  if (i > 0) samples.push(now() - t); // the first one loads pdfkit and lays out the fonts
}
const one = summarize(samples);

const municipalityId = (core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
const categoryId = (core.db.prepare("SELECT id FROM categories WHERE name = 'город'").get() as { id: string }).id;
const today = core.clock.today();
const year = Number(today.slice(0, 4));
process.stdout.write('Выдаю 1000 сертификатов для пакета…\n');
for (let i = 0; i < 1000; i += 1) {
  const r = api.call('certificates.issue', {
    municipalityId, categoryId, type: 'financing', confirmNotDuplicate: true,
    child: { lastName: 'Пакетова', firstName: ['Анна', 'Вера', 'Зоя', 'Нина'][i % 4], middleName: 'Ивановна', birthDate: `${year - 8 - (i % 7)}-0${(i % 9) + 1}-1${i % 10}`, gender: 'female', identityDocument: `II-ПК ${100000 + i}` },
    representative: { lastName: 'Пакетова', firstName: 'Мария', middleName: 'Петровна', relation: 'mother', identityDocument: `4711 ${200000 + i}` },
  }, { token });
  if (!r.ok) throw new Error(r.error.message);
}
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const t0 = now();
let progressCalls = 0;
const batch = await printExtractBatch(api.runSystemJob, core.db, {
  municipalityPrefix: '9901', issuedOn: today, outFile: join(dir, 'batch.pdf'),
  workerUrl: new URL('../main/pdf-worker.js', import.meta.url), onProgress: () => (progressCalls += 1),
});
const batchMs = now() - t0;
loop.disable();

const rows: Array<[string, string, string]> = [
  ['Выписка через операцию (40 шт., после первой)', '≤ 50 ms', `p50 ${ms(one.p50)}, p95 ${ms(one.p95)}, max ${ms(one.max)}`],
  [`Пакет ${batch.count} выписок в один PDF, в потоке`, '≤ 15 s', `${(batchMs / 1000).toFixed(1)} s, ${(statSync(join(dir, 'batch.pdf')).size / 1024 / 1024).toFixed(1)} MiB, сообщений о ходе: ${progressCalls}`],
  ['Задержка цикла событий во время пакета', '—', `max ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms`],
];
process.stdout.write(`\nМашина: load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' / ')}\n`);
for (const [what, goal, got] of rows) process.stdout.write(`| ${what.padEnd(48)} | ${goal.padEnd(8)} | ${got}\n`);
core.close();
rmSync(dir, { recursive: true, force: true });
