/**
 * `npm run bench:close-stall`: where the event loop of the thread that serves the desks stalls while a close runs
 * in the worker. The close of every municipality runs as the server runs it (`months.closeStart`, the bundled
 * worker, the write gate), while this thread plays a desk as the server bench does (a navigator search every
 * 20 ms, a write every tenth). Every stall over 50 ms is printed with what this thread was doing (the call, its
 * wait at the write gate, its write) and what the worker was doing (commits, checkpoints) at the same time.
 *
 * Environment:
 *   BENCH_DIR=/tmp/certdesk-close   where registry-<children>.db was built by `npm run bench:close`
 *   BENCH_CHILDREN=400000           which registry
 *   BENCH_DESK=both                 what the desk does meanwhile: both (searches and writes), search, write, none
 *   BENCH_FLUSH_COPY=1              flush the copy to disk before the close (0: leave its pages to the OS writeback,
 *                                   as the server bench's copy did)
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { JobView } from '../../shared/operations';
import { createApi } from '../../src-main/api/table';
import { openCore } from '../../src-main/core';
import { DEMO_ACCOUNTS } from '../../src-main/demo/demo';
import { CLOSE_WORKER_FILE, closeJobSettings, wallClockMs, type CloseTraceSpan } from '../../src-main/features/months/close-job';
import { lastDeskWrite } from '../../src-main/database/write-gate';
import { programKeystrokes } from './registry-scale';
import { ms, summarize } from './stats';

/** The month just over: a month is closed once it is over (docs/domain-rules.md, «Monthly close»). */
function monthJustOver(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const benchDir = process.env.BENCH_DIR ?? '/tmp/certdesk-close';
const children = Number(process.env.BENCH_CHILDREN ?? 400_000);
const flushCopy = process.env.BENCH_FLUSH_COPY !== '0';
const deskDoes = process.env.BENCH_DESK ?? 'both';
const deskSearches = deskDoes === 'both' || deskDoes === 'search';
const deskWrites = deskDoes === 'both' || deskDoes === 'write';
const built = join(benchDir, `registry-${children}.db`);
const copy = join(benchDir, 'stall.db');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
copyFileSync(built, copy);
if (flushCopy) {
  const fd = openSync(copy, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

interface HostSpan {
  what: string;
  from: number;
  to: number;
  waitedMs?: number;
  wroteMs?: number;
}

const core = openCore(copy, { create: false });
const api = createApi(core);
closeJobSettings.workerUrl = pathToFileURL(join(process.cwd(), 'out/main', CLOSE_WORKER_FILE));
const workerSpans: CloseTraceSpan[] = [];
// The host's thread as the server runs it: a desk's write waits for the worker's commit without blocking it.
closeJobSettings.trace = (span) => workerSpans.push(span);
const hostSpans: HostSpan[] = [];
const operator = DEMO_ACCOUNTS.find((a) => a.role === 'registry_operator')!;
const login = api.call('auth.login', { login: operator.login, password: operator.password });
if (!login.ok) throw new Error(login.error.message);
const token = login.value.token;
const certificateIds = (core.db.prepare("SELECT id FROM certificates WHERE status = 'active' ORDER BY random() LIMIT 200").pluck().all() as string[]);
const municipalities = core.db
  .prepare('SELECT m.id, m.name FROM municipalities m WHERE EXISTS (SELECT 1 FROM certificates c WHERE c.municipality_id = m.id) ORDER BY m.municipality_code')
  .all() as Array<{ id: string; name: string }>;
const month = monthJustOver(core.clock.today());

/** A call of the desk, timed as a span of this thread. */
async function deskCall(name: string, input: unknown): Promise<void> {
  const from = wallClockMs();
  const r = await api.callByNameWhenFree(name, input, { token });
  const to = wallClockMs();
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  const isWrite = name !== 'programs.search' && name !== 'jobs.get';
  hostSpans.push({ what: name, from, to, ...(isWrite ? { waitedMs: lastDeskWrite.waitedMs, wroteMs: lastDeskWrite.wroteMs } : {}) });
}

// Stalls: a 10 ms timer that fires late by more than 50 ms names the span it could not run in.
const stalls: Array<{ from: number; to: number }> = [];
const histogram = monitorEventLoopDelay({ resolution: 1 });
let closing = true;
let lastTick = wallClockMs();
const ticker = setInterval(() => {
  const t = wallClockMs();
  if (t - lastTick > 60) stalls.push({ from: lastTick, to: t });
  lastTick = t;
}, 10);

console.log(`Закрытие ${month} в потоке; рабочий стол (${deskDoes}) ищет каждые 20 ms и пишет каждый десятый раз; копия ${flushCopy ? 'сброшена на диск' : 'не сброшена'}; загрузка ${load()}`);
histogram.enable();
const desk = (async () => {
  const queries = programKeystrokes();
  for (let i = 0; closing; i += 1) {
    if (deskSearches) await deskCall('programs.search', { query: queries[i % queries.length] });
    if (deskWrites && i % 10 === 0) await deskCall('certificates.setConfirmationPolicy', { certificateId: certificateIds[i % certificateIds.length], policy: i % 20 === 0 ? 'by_name' : 'forbidden' });
    await sleep(20);
  }
})();
const started = performance.now();
const cpuStarted = process.cpuUsage();
for (const m of municipalities) {
  const t = performance.now();
  const start = api.call('months.closeStart', { municipalityId: m.id, month }, { token });
  if (!start.ok) throw new Error(start.error.message);
  let job: JobView;
  for (;;) {
    await sleep(250);
    const polled = api.call('jobs.get', { jobId: start.value.jobId }, { token });
    if (!polled.ok) throw new Error(polled.error.message);
    job = polled.value;
    if (job.status !== 'running') break;
  }
  if (job.status !== 'done') throw new Error(`${m.name}: ${job.error}`);
  console.log(`  ${m.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
closing = false;
await desk;
histogram.disable();
clearInterval(ticker);
const cpu = process.cpuUsage(cpuStarted);

const overlaps = <S extends { from: number; to: number }>(spans: S[], from: number, to: number) => spans.filter((s) => s.to > from && s.from < to);
const at = (t: number) => `+${((t - stalls[0]!.from) / 1000).toFixed(3)}s`;
const long = (s: HostSpan) => s.to - s.from > 20;
console.log(`Итог: ${((performance.now() - started) / 1000).toFixed(1)} s (CPU этого потока и рабочего ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); загрузка в конце ${load()}`);
console.log(`Задержка цикла событий: max ${ms(histogram.max / 1e6)}, p99 ${ms(histogram.percentile(99) / 1e6)}; остановок > 60 ms: ${stalls.length}`);
for (const stall of stalls) {
  const host = overlaps(hostSpans, stall.from, stall.to).filter(long);
  const worker = overlaps(workerSpans, stall.from - 50, stall.to);
  console.log(`  остановка ${at(stall.from)} ${ms(stall.to - stall.from)}`);
  for (const h of host) {
    const gate = h.waitedMs === undefined ? '' : ` (ждал у шлюза ${ms(h.waitedMs)}, писал ${ms(h.wroteMs ?? 0)})`;
    console.log(`    поток: ${h.what} ${at(h.from)} ${ms(h.to - h.from)}${gate}`);
  }
  for (const w of worker) console.log(`    рабочий: ${w.what} ${at(w.from)} ${ms(w.to - w.from)} (${w.count})`);
}
const writes = hostSpans.filter((s) => s.waitedMs !== undefined);
const commits = workerSpans.filter((s) => s.what === 'commit').map((s) => s.to - s.from);
const checkpoints = workerSpans.filter((s) => s.what === 'checkpoint').map((s) => s.to - s.from);
const restarts = workerSpans.filter((s) => s.what === 'restart');
const walFrames = summarize(workerSpans.filter((s) => s.what === 'checkpoint').map((s) => s.count));
const fmt = (x: ReturnType<typeof summarize>) => `n ${x.n}, p50 ${ms(x.p50)}, p95 ${ms(x.p95)}, max ${ms(x.max)}`;
console.log(`Записи стола: ожидание у шлюза ${fmt(summarize(writes.map((w) => w.waitedMs!)))}; сама запись ${fmt(summarize(writes.map((w) => w.wroteMs!)))}`);
console.log(`Поиски стола: ${fmt(summarize(hostSpans.filter((s) => s.what === 'programs.search').map((s) => s.to - s.from)))}`);
console.log(`Рабочий: фиксации ${fmt(summarize(commits))}; контрольные точки ${fmt(summarize(checkpoints))}; перезапуски WAL ${fmt(summarize(restarts.map((s) => s.to - s.from)))}`);
console.log(`  кадров в WAL у контрольной точки: p50 ${walFrames.p50}, max ${walFrames.max}`);
core.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
