/**
 * `npm run bench:applications`: `applications.create` and `contracts.confirm` alone, on a copy of a registry the
 * other benches built — the fast loop for work on the enrollment operations (the full `npm run bench` measures
 * them too, after the navigator, on the 1.5 million registry).
 *
 * Environment:
 *   BENCH_REGISTRY=/tmp/certdesk-close/registry-400000.db  the registry to copy (built by `npm run bench:close`)
 *   BENCH_APPLICATIONS=300                                  applications to create and confirm
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../src-main/api/table';
import { openCore } from '../../src-main/core';
import { DEMO_ACCOUNTS } from '../../src-main/demo/demo';
import { benchApplications } from './registry-scale';
import { ms, type Summary } from './stats';

const source = process.env.BENCH_REGISTRY ?? '/tmp/certdesk-close/registry-400000.db';
const count = Number(process.env.BENCH_APPLICATIONS ?? 300);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

if (!existsSync(source)) {
  console.error(`Нет реестра ${source}: постройте его (npm run bench:close) или укажите BENCH_REGISTRY.`);
  process.exit(2);
}
const copy = join(tmpdir(), 'certdesk-applications.db');
for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
copyFileSync(source, copy);
// The copy's pages must be on disk before timing, or the first commits pay for writing them back.
const fd = openSync(copy, 'r+');
fsyncSync(fd);
closeSync(fd);

const core = openCore(copy, { create: false });
const api = createApi(core, (m) => console.error(m));
const tokenOf = (login: string) => {
  const account = DEMO_ACCOUNTS.find((a) => a.login === login)!;
  const r = api.call('auth.login', { login: account.login, password: account.password });
  if (!r.ok) throw new Error(`${login}: ${r.error.message}`);
  return r.value.token;
};
const fmt = (s: Summary) => `p50 ${ms(s.p50)}, mean ${ms(s.mean)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`;
console.log(`load ${load()}; ${source}; ${count} applications`);
// One warm-up round: the first calls compile statements and read the pages of the indexes they probe.
benchApplications(api, core, tokenOf('operator'), tokenOf('admin'), 20);
const figures = benchApplications(api, core, tokenOf('operator'), tokenOf('admin'), count);
console.log(`applications.create (${figures.create.n}): ${fmt(figures.create)}; CPU ${fmt(figures.createCpu)}`);
console.log(`contracts.confirm (${figures.certificateFunded} certificate, ${figures.budgetFunded} budget): ${fmt(figures.confirm)}; CPU ${fmt(figures.confirmCpu)}`);
console.log(`load ${load()}`);
core.close();
for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
