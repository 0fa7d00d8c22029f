/**
 * `npm run bench:cache-reset`: what another connection's commit costs the desk's next search. SQLite drops a
 * connection's whole page cache (and its memory map) when it starts reading after any other connection has
 * committed, so during the monthly close — the worker commits a few times a second — the first search after each
 * commit reads all its pages again. Runs the navigator's keystrokes on a built registry, each search either right
 * after a one-row commit on a second connection or not, and reports the process's CPU time per search.
 *
 * Environment: BENCH_REGISTRY=/tmp/certdesk-nav-bench/data/registry.db (a registry `npm run bench` built; one
 * row of `meta` is written and removed), BENCH_REPEAT=3 passes per mode, BENCH_MMAP (bytes) overrides the desk's
 * mmap_size.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { createApi } from '../../src-main/api/table';
import { openCore } from '../../src-main/core';
import { DEMO_ACCOUNTS } from '../../src-main/demo/demo';
import { programKeystrokes } from './registry-scale';
import { ms, summarize } from './stats';

const file = process.env.BENCH_REGISTRY ?? '/tmp/certdesk-nav-bench/data/registry.db';
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
if (!existsSync(file)) {
  console.error(`Нет реестра ${file}: укажите BENCH_REGISTRY.`);
  process.exit(2);
}
const core = openCore(file, { create: false });
if (process.env.BENCH_MMAP) core.db.pragma(`mmap_size = ${Number(process.env.BENCH_MMAP)}`);
const api = createApi(core, (m) => console.error(m));
const account = DEMO_ACCOUNTS.find((a) => a.login === 'operator')!;
const login = api.call('auth.login', { login: account.login, password: account.password });
if (!login.ok) throw new Error(login.error.message);
const token = login.value.token;
const other = new Database(file);
other.pragma('busy_timeout = 5000');
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const keystrokes = programKeystrokes();

function pass(afterCommit: boolean): number[] {
  return keystrokes.map((query) => {
    if (afterCommit) other.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('bench-cache-reset', ?)").run(String(Math.random()));
    const started = cpuMs();
    const r = api.call('programs.search', { query }, { token });
    if (!r.ok) throw new Error(`${query}: ${r.error.message}`);
    return cpuMs() - started;
  });
}

console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' / ')}; ${file}; mmap_size ${core.db.pragma('mmap_size', { simple: true })}`);
pass(false); // statements compiled, pages in the OS cache
const cpu = { warm: [] as number[], afterCommit: [] as number[] };
for (let i = 0; i < repeat; i += 1) {
  cpu.warm.push(...pass(false));
  cpu.afterCommit.push(...pass(true));
}
for (const [mode, times] of Object.entries(cpu)) {
  const s = summarize(times);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`${mode === 'warm' ? 'поиск без чужих записей' : 'поиск сразу после записи другого соединения'} (${s.n}): CPU среднее ${ms(mean)}, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
}
other.prepare("DELETE FROM meta WHERE key = 'bench-cache-reset'").run();
other.close();
core.close();
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`);
