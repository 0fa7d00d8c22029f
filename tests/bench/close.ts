/**
 * `npm run bench:close`: the monthly close of every municipality, one after another, alone, in this process, as
 * the worker runs it (`closeOnItsOwnConnection`) — the fast loop for work on the close (the full `npm run bench`
 * closes the whole registry in the server host's worker while a desk searches and writes). Builds the registry
 * (kept for the next run; by default one municipality of 400,000), closes the current month on a copy and reports
 * the time, the chunks' durations (a desk's write waits for the chunk in progress) and what the close did.
 *
 * Environment:
 *   BENCH_DIR=/tmp/certdesk-close   where the registry is built and copied
 *   BENCH_CHILDREN=400000           children (400,000 per municipality; 1500000 is the full bench's registry)
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
import { closeOnItsOwnConnection, type CloseJobData } from '../../src-main/features/months/close-job';
import { CLOSE_CHUNK_CERTIFICATES, CLOSE_PHASES } from '../../src-main/features/months/monthly-close';
import { ms, now, summarize } from './stats';

/** The month just over: a month is closed once it is over (docs/domain-rules.md, «Monthly close»). */
function monthJustOver(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

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
  const actor = core.db
    .prepare('SELECT id AS operatorId, login, full_name AS fullName, role, organization_id AS organizationId FROM operators WHERE login = ?')
    .get(DEMO_ACCOUNTS.find((a) => a.role === 'registry_operator')!.login) as Actor;
  const month = monthJustOver(core.clock.today());
  const municipalities = core.db
    .prepare('SELECT m.id, m.name, (SELECT count(*) FROM certificates c WHERE c.municipality_id = m.id) AS certificates FROM municipalities m ORDER BY m.municipality_code')
    .all() as Array<{ id: string; name: string; certificates: number }>;
  console.log(`Закрытие ${month}, по ${chunk} сертификатов в части; загрузка в начале ${load()}`);
  const started = now();
  const cpuStarted = process.cpuUsage();
  for (const municipality of municipalities.filter((m) => m.certificates > 0)) {
    const data: CloseJobData = {
      file: copy, municipalityId: municipality.id, month, stamp: core.hlc.next(), nowIso: core.clock.now().toISOString(),
      timeZone: core.clock.timeZone, actor, chunk,
    };
    const chunks: number[] = [];
    const closeStarted = now();
    let last = now();
    const report = closeOnItsOwnConnection(core, data, (progress) => {
      const t = now();
      if (progress.phase === CLOSE_PHASES.certificates && progress.done > 0) chunks.push(t - last);
      last = t;
    });
    const s = summarize(chunks);
    console.log(`  ${municipality.name} (${municipality.certificates}): ${((now() - closeStarted) / 1000).toFixed(1)} s; части: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
    console.log(`    ${JSON.stringify({ ...report, municipalityId: undefined })}`);
  }
  const cpu = process.cpuUsage(cpuStarted);
  console.log(`Итог: ${((now() - started) / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); загрузка в конце ${load()}`);
} finally {
  core.close();
}
