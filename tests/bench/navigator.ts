/**
 * `npm run bench:navigator`: the navigator's query set of `npm run bench` alone, on a registry the full bench built
 * — the fast loop for work on `programs.search`. It opens the registry with a new connection, so the first pass
 * compiles every statement and reads every page it needs; to make that pass cold for the disk as well, drop the
 * file's pages from the OS cache first (see docs/benchmarks.md).
 *
 * Environment:
 *   BENCH_REGISTRY=/tmp/certdesk-nav-bench/data/registry.db  the registry (migrated in place: use a copy)
 *   BENCH_REPEAT=5                                            measured warm passes
 *   BENCH_SLOWEST=8                                           slowest searches listed per phase
 *   BENCH_WARM_UP=1                                           first read the navigator's pages as the desk does at start
 *   BENCH_MEDIANS=/tmp/plan-a.json                            also write each search's warm median CPU time, to compare plans
 */
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createApi } from '../../src-main/api/table';
import { openCore } from '../../src-main/core';
import { DEMO_ACCOUNTS } from '../../src-main/demo/demo';
import { NAVIGATOR_WARM_UP_FILE, warmUpNavigator } from '../../src-main/features/programs/warm-up';
import { navigatorSearches, type NavigatorSearch } from './registry-scale';
import { ms, now, summarize, type Summary } from './stats';

const source = process.env.BENCH_REGISTRY ?? '/tmp/certdesk-nav-bench/data/registry.db';
const repeat = Number(process.env.BENCH_REPEAT ?? 5);
const slowest = Number(process.env.BENCH_SLOWEST ?? 8);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

if (!existsSync(source)) {
  console.error(`Нет реестра ${source}: укажите BENCH_REGISTRY.`);
  process.exit(2);
}
const core = openCore(source, { create: false });
const api = createApi(core, (m) => console.error(m));
const account = DEMO_ACCOUNTS.find((a) => a.login === 'operator')!;
const login = api.call('auth.login', { login: account.login, password: account.password });
if (!login.ok) throw new Error(login.error.message);
const token = login.value.token;

interface Timed { label: string; ms: number; cpu: number }
function run(search: NavigatorSearch): Timed {
  const c = process.cpuUsage();
  const t = now();
  const r = api.call('programs.search', search.input, { token });
  const elapsed = now() - t;
  const cpu = process.cpuUsage(c);
  if (!r.ok) throw new Error(`${search.label}: ${r.error.message}`);
  return { label: search.label, ms: elapsed, cpu: (cpu.user + cpu.system) / 1000 };
}
const fmt = (s: Summary) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`;
function report(phase: string, times: Timed[]): void {
  console.log(`${phase} (${times.length}): ${fmt(summarize(times.map((x) => x.ms)))}; CPU ${fmt(summarize(times.map((x) => x.cpu)))}`);
  for (const x of [...times].sort((a, b) => b.ms - a.ms).slice(0, slowest)) console.log(`    ${ms(x.ms).padStart(9)} (CPU ${ms(x.cpu)})  ${x.label}`);
}

console.log(`load ${load()}; ${source}`);
if (process.env.BENCH_WARM_UP === '1') {
  const c = process.cpuUsage();
  const took = await warmUpNavigator(core);
  if (took === null) throw new Error(`no ${NAVIGATOR_WARM_UP_FILE} next to the bench: npm run bench:navigator builds it`);
  const cpu = process.cpuUsage(c);
  console.log(`warm-up on a worker thread: ${ms(took)}; CPU of the process ${ms((cpu.user + cpu.system) / 1000)}`);
}
const sets = navigatorSearches(core);
report('first pass, new connection', sets.keystrokes.map(run));
const warm: Timed[] = [];
for (let pass = 0; pass < repeat; pass += 1) warm.push(...sets.keystrokes.map(run));
report('search as you type, warm', warm);
report('with filters', sets.filtered.map(run));
report('only available', sets.onlyAvailable.map(run));
report('only available, typed', sets.onlyAvailableTyping.map(run));
// Per search, the median CPU time of the warm passes (steadier than wall time on a shared machine): to compare two plans search by search (BENCH_MEDIANS=file.json).
if (process.env.BENCH_MEDIANS) {
  const medians: Record<string, number> = {};
  for (const s of [...sets.keystrokes, ...sets.filtered, ...sets.onlyAvailableTyping]) {
    const runs = Array.from({ length: Math.max(3, repeat) }, () => run(s).cpu).sort((a, b) => a - b);
    medians[s.label] = runs[Math.floor(runs.length / 2)]!;
  }
  writeFileSync(process.env.BENCH_MEDIANS, JSON.stringify(medians, null, 1));
}
console.log(`load ${load()}`);
core.close();
