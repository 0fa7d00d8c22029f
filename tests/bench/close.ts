/**
 * `npm run bench:close`: the monthly close of one municipality, alone, in this process — the fast loop for work
 * on the close (the full `npm run bench` closes the whole registry in the server host's worker under a desk's
 * load). Builds a registry of one municipality (kept for the next run), closes the current month on a copy and
 * reports the time, the chunks' durations (a desk's write waits for the chunk in progress) and what the close did.
 *
 * Environment:
 *   BENCH_DIR=/tmp/certdesk-close   where the registry is built and copied
 *   BENCH_CHILDREN=400000           children (one municipality holds at most 400,000)
 *   BENCH_PROGRAMS, BENCH_CONTRACTS the catalogue; by default in the proportion of the full bench (50,000 and
 *                                   500,000 per 1.5 million children)
 *   BENCH_CHUNK=500                 certificates per transaction
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openCore, type Actor } from '../../src-main/core';
import { generateBigRegistry } from '../../src-main/demo/big';
import { DEMO_ACCOUNTS } from '../../src-main/demo/demo';
import { closeOnItsOwnConnection, type CloseJobData } from '../../src-main/features/contracts/close-job';
import { CLOSE_CHUNK_CERTIFICATES, CLOSE_PHASES } from '../../src-main/features/contracts/monthly-close';
import { ms, now, summarize } from './stats';

const benchDir = process.env.BENCH_DIR ?? '/tmp/certdesk-close';
const children = Number(process.env.BENCH_CHILDREN ?? 400_000);
const programs = Number(process.env.BENCH_PROGRAMS ?? Math.round((children * 50_000) / 1_500_000));
const contracts = Number(process.env.BENCH_CONTRACTS ?? Math.round((children * 500_000) / 1_500_000));
const chunk = Number(process.env.BENCH_CHUNK ?? CLOSE_CHUNK_CERTIFICATES);
const built = join(benchDir, `registry-${children}.db`);
const copy = join(benchDir, 'close.db');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

mkdirSync(benchDir, { recursive: true });
if (!existsSync(built)) {
  console.log(`Строю реестр: ${children} детей, ${programs} программ, ${contracts} договоров → ${built}`);
  const r = generateBigRegistry(built, { children, programs, contracts });
  console.log(`  построен за ${r.seconds.toFixed(0)} s`);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
copyFileSync(built, copy);
// The copy's pages written back to disk during the close would slow its commits: it is flushed first.
const copied = openSync(copy, 'r+');
fsyncSync(copied);
closeSync(copied);

const core = openCore(copy, { create: false });
try {
  const municipality = core.db.prepare("SELECT id, name FROM municipalities WHERE municipality_code = '01'").get() as { id: string; name: string };
  const actor = core.db
    .prepare('SELECT id AS operatorId, login, full_name AS fullName, role, organization_id AS organizationId FROM operators WHERE login = ?')
    .get(DEMO_ACCOUNTS.find((a) => a.role === 'registry_operator')!.login) as Actor;
  const month = core.clock.today().slice(0, 7);
  const data: CloseJobData = {
    file: copy, municipalityId: municipality.id, month, stamp: core.hlc.next(), nowIso: core.clock.now().toISOString(),
    timeZone: core.clock.timeZone, actor, chunk,
  };
  console.log(`Закрытие ${month}, ${municipality.name}, по ${chunk} сертификатов; загрузка в начале ${load()}`);
  const chunks: number[] = [];
  const started = now();
  const cpuStarted = process.cpuUsage();
  let last = now();
  const report = closeOnItsOwnConnection(core, data, (progress) => {
    const t = now();
    if (progress.phase === CLOSE_PHASES.certificates && progress.done > 0) chunks.push(t - last);
    last = t;
  });
  const seconds = (now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const s = summarize(chunks);
  console.log(`Итог: ${seconds.toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s) на ${municipality.name}; загрузка в конце ${load()}`);
  console.log(`  части по ${chunk}: ${s.n}, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
  console.log(`  ${JSON.stringify(report)}`);
} finally {
  core.close();
}
