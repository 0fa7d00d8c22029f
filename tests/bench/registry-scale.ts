/**
 * Benchmarks of the navigator, applications and the monthly close on the big registry (50,000 programs,
 * 500,000 contracts): what an operator waits for as they type a program's name, filter by a certificate,
 * enrol a child, and close a month while the desks keep working.
 */
import type { Api } from '../../src-main/api/table';
import type { Core } from '../../src-main/core';
import { seededRandom } from '../../src-main/demo/random';
import type { JobView, MonthlyCloseReport } from '../../shared/operations';
import type { RunningServer } from './server';
import { now, summarize, type Summary } from './stats';

/** Program names and organizations typed letter by letter, as a parent or an operator looks for a club. */
export const PROGRAM_TARGETS = [
  'Робототехника', 'Футбол', 'Шахматы', 'Английский язык', 'Хореография', 'Юный эколог', 'Немецкий язык', 'хип-хоп', 'Плавание',
  'Изостудия', 'Занимательная химия', '3D-моделирование', 'Логос', 'ДЮСШ', 'ЧОУ ДО Радуга', 'Театральная студия для младших',
];

/** Every keystroke of every target: «Р», «Ро», «Роб»… */
export function programKeystrokes(): string[] {
  return PROGRAM_TARGETS.flatMap((t) => Array.from({ length: t.length }, (_, i) => t.slice(0, i + 1))).filter((q) => q.trim().length > 0);
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

/** Times one operation call in process; an error is a broken bench, not a slow one. */
function timed<T>(api: Api, token: string, name: Parameters<Api['callByName']>[0], input: unknown): { ms: number; value: T } {
  const t = now();
  const r = api.callByName(name, input, { token });
  const elapsed = now() - t;
  if (!r.ok) fail(`${name} failed: ${r.error.message} (${JSON.stringify(input).slice(0, 200)})`);
  return { ms: elapsed, value: r.value as T };
}

export interface NavigatorFigures {
  keystrokes: Summary;
  firstPass: Summary;
  withFilters: Summary;
  onlyAvailable: Summary;
  onlyAvailableTyping: Summary;
  programGet: Summary;
  slowest: Array<{ q: string; ms: number }>;
}

/** Active financing certificates with money left: those a parent filters the navigator with. */
function sampleCertificates(core: Core, n: number, seed: number): Array<{ id: string; number: string; childName: string }> {
  const rnd = seededRandom(seed);
  const max = (core.db.prepare('SELECT max(rowid) AS n FROM certificates').get() as { n: number }).n;
  const byRowid = core.db.prepare(
    `SELECT c.id, c.number, ch.last_name || ' ' || ch.first_name || coalesce(' ' || ch.middle_name, '') AS childName
       FROM certificates c JOIN children ch ON ch.id = c.child_id WHERE c.rowid = ? AND c.status = 'active' AND c.type = 'financing'`,
  );
  const out: Array<{ id: string; number: string; childName: string }> = [];
  for (let tries = 0; out.length < n && tries < n * 50; tries += 1) {
    const row = byRowid.get(1 + Math.floor(rnd() * max)) as { id: string; number: string; childName: string } | undefined;
    if (row && !out.some((x) => x.id === row.id)) out.push(row);
  }
  return out;
}

/** One search of the navigator's query set, named for the slowest-search lists. */
export interface NavigatorSearch {
  label: string;
  input: Record<string, unknown>;
}

/**
 * The navigator's query set: every keystroke of the typed targets, the advanced filters with and without a typed
 * query, and «only available» for sampled certificates without and with a typed query.
 */
export function navigatorSearches(core: Core): {
  keystrokes: NavigatorSearch[];
  filtered: NavigatorSearch[];
  onlyAvailable: NavigatorSearch[];
  onlyAvailableTyping: NavigatorSearch[];
  certificates: Array<{ number: string }>;
} {
  const keystrokes = programKeystrokes().map((q) => ({ label: q, input: { query: q } }));
  const murmansk = (core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
  const filters: Array<Record<string, unknown>> = [
    { age: 9 }, { direction: 'sport' }, { registry: 'certified' }, { municipalityId: murmansk }, { startMonth: '2026-09' }, { age: 12, direction: 'art', municipalityId: murmansk },
  ];
  const filtered = ['', 'ф', 'фут', 'ро', 'робот', 'англ', 'х'].flatMap((q) =>
    filters.map((f) => ({ label: `«${q}» ${JSON.stringify(f).replace(murmansk, 'Мурманск')}`, input: { query: q, ...f } })),
  );
  const certificates = sampleCertificates(core, 60, 11);
  const onlyAvailable = certificates.map((c) => ({ label: `№ ${c.number}`, input: { certificateNumber: c.number, onlyAvailable: true } }));
  const onlyAvailableTyping = certificates.slice(0, 10).flatMap((c) =>
    ['ф', 'фу', 'фут', 'р', 'ро', 'роб', 'х', 'хо', 'хор'].map((q) => ({ label: `«${q}» № ${c.number}`, input: { query: q, certificateNumber: c.number, onlyAvailable: true } })),
  );
  return { keystrokes, filtered, onlyAvailable, onlyAvailableTyping, certificates };
}

export function benchNavigator(api: Api, core: Core, token: string, repeat: number): NavigatorFigures {
  const sets = navigatorSearches(core);
  const search = (s: NavigatorSearch) => timed(api, token, 'programs.search', s.input).ms;
  const first = sets.keystrokes.map(search);
  const warm: Array<{ q: string; ms: number }> = [];
  for (let pass = 0; pass < repeat; pass += 1) for (const s of sets.keystrokes) warm.push({ q: s.label, ms: search(s) });
  const filtered = sets.filtered.map(search);
  const available = sets.onlyAvailable.map(search);
  const availableTyping = sets.onlyAvailableTyping.map(search);
  const { certificates } = sets;
  const programIds = (core.db.prepare('SELECT id FROM programs ORDER BY rowid DESC LIMIT 100').all() as Array<{ id: string }>).map((r) => r.id);
  const gets = programIds.map((id, i) => timed(api, token, 'programs.get', { programId: id, certificateNumber: certificates[i % certificates.length]!.number }).ms);
  warm.sort((a, b) => b.ms - a.ms);
  return {
    keystrokes: summarize(warm.map((x) => x.ms)),
    firstPass: summarize(first),
    withFilters: summarize(filtered),
    onlyAvailable: summarize(available),
    onlyAvailableTyping: summarize(availableTyping),
    programGet: summarize(gets),
    slowest: warm.slice(0, 6),
  };
}

export interface ApplicationFigures {
  create: Summary;
  confirm: Summary;
  /** CPU time of this process per call: the work itself, apart from waiting for the disk and other processes. */
  createCpu: Summary;
  confirmCpu: Summary;
  certificateFunded: number;
  budgetFunded: number;
}

/**
 * Applications as a registry desk makes them for parents who chose «по ФИО», confirmed by the organization
 * (administrator here, who may act for any organization): certificates picked at random, each into an open group
 * of a program fitting the child's age, paid from the certificate or a budget count.
 */
export function benchApplications(api: Api, core: Core, token: string, adminToken: string, count: number): ApplicationFigures {
  // Another sample each run: a reused registry keeps the applications of earlier runs.
  const certificates = sampleCertificates(core, count * 3, Date.now() % 2 ** 31);
  const groupFor = core.db.prepare(
    `SELECT g.id FROM program_groups g JOIN programs p ON p.id = g.program_id JOIN organizations o ON o.id = p.organization_id
      WHERE o.municipality_id = (SELECT municipality_id FROM certificates WHERE id = @certificate)
        AND p.age_min <= @age AND p.age_max >= @age AND p.enrollment_open = 1 AND g.start_date > @today AND g.deleted = 0
        AND EXISTS (SELECT 1 FROM json_each(p.registries) WHERE value IN ('certified', 'general', 'significant'))
        AND g.capacity > (SELECT count(*) FROM contracts k WHERE k.group_id = g.id AND k.status IN ('pending', 'confirmed', 'active'))
      LIMIT 1 OFFSET @skip`,
  );
  const birth = core.db.prepare('SELECT ch.birth_date AS b FROM certificates c JOIN children ch ON ch.id = c.child_id WHERE c.id = ?');
  const today = core.clock.today();
  const rnd = seededRandom(Date.now() % 2 ** 31);
  const create: number[] = [];
  const confirm: number[] = [];
  const createCpu: number[] = [];
  const confirmCpu: number[] = [];
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  let certificateFunded = 0;
  let budgetFunded = 0;
  for (const c of certificates) {
    if (create.length >= count) break;
    const b = (birth.get(c.id) as { b: string }).b;
    const age = Number(today.slice(0, 4)) - Number(b.slice(0, 4)) - (today.slice(5) < b.slice(5) ? 1 : 0);
    const group = groupFor.get({ certificate: c.id, age, today, skip: Math.floor(rnd() * 20) }) as { id: string } | undefined;
    if (!group) continue;
    const policy = api.call('certificates.setConfirmationPolicy', { certificateId: c.id, policy: 'by_name' }, { token });
    if (!policy.ok) fail(`setConfirmationPolicy: ${policy.error.message}`);
    const c1 = process.cpuUsage();
    const t = now();
    const applied = api.call('applications.create', { certificateNumber: c.number, childFullName: c.childName, groupId: group.id }, { token });
    const createMs = now() - t;
    const createCpuMs = cpuMs(process.cpuUsage(c1));
    // A child may be a year older on the group's start day than today: the refusal is the rule, not the bench.
    if (!applied.ok) {
      if (applied.error.code === 'refused' || applied.error.code === 'conflict') {
        if (process.env.BENCH_DEBUG) console.error(applied.error.message);
        continue;
      }
      fail(`applications.create: ${applied.error.message}`);
    }
    const c2 = process.cpuUsage();
    const t2 = now();
    const confirmed = api.call('contracts.confirm', { contractId: applied.value.id }, { token: adminToken });
    const confirmMs = now() - t2;
    const confirmCpuMs = cpuMs(process.cpuUsage(c2));
    if (!confirmed.ok) {
      if (confirmed.error.code === 'refused') {
        if (process.env.BENCH_DEBUG) console.error(confirmed.error.message);
        continue;
      }
      fail(`contracts.confirm: ${confirmed.error.message}`);
    }
    create.push(createMs);
    confirm.push(confirmMs);
    createCpu.push(createCpuMs);
    confirmCpu.push(confirmCpuMs);
    if (confirmed.value.funding === 'certificate') certificateFunded += 1;
    else budgetFunded += 1;
  }
  return { create: summarize(create), confirm: summarize(confirm), createCpu: summarize(createCpu), confirmCpu: summarize(confirmCpu), certificateFunded, budgetFunded };
}

export interface CloseFigures {
  municipalities: Array<{ name: string; certificates: number; seconds: number; report: MonthlyCloseReport; progressUpdates: number }>;
  totalSeconds: number;
  previewMs: number;
  maxStallMs: number;
  /** The longest stalls, named by the requests in flight and the collections inside them. */
  stalls: string[];
  p99StallMs: number;
  requestsDuring: Summary;
  writesDuring: Summary;
}

/** Starts a close (or its preview) as the screen does and polls `jobs.get` until it ends. */
async function closeJob(server: RunningServer, input: { municipalityId: string; month: string; preview: boolean }, what: string): Promise<{ job: JobView; updates: number }> {
  const start = await server.post('months.closeStart', input);
  const started = start.json as { ok: boolean; value: { jobId: string } };
  if (!started.ok) fail(`months.closeStart ${what}: ${JSON.stringify(start.json)}`);
  let job: JobView;
  let updates = 0;
  let lastDone = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const polled = (await server.post('jobs.get', { jobId: started.value.jobId })).json as { ok: boolean; value: JobView };
    if (!polled.ok) fail(`jobs.get: ${JSON.stringify(polled)}`);
    job = polled.value;
    if (job.done !== lastDone) updates += 1;
    lastDone = job.done;
    if (job.status !== 'running') break;
  }
  if (job.status !== 'done' || !job.report) fail(`${what} failed: ${job.error}`);
  return { job, updates };
}

/**
 * Previews, then closes the month in every municipality through the server host, one background job after
 * another, polling `jobs.get` as the screen would, while another desk keeps searching the navigator and writing
 * (a confirmation policy) over HTTP. The host's event loop is watched by the probe from the preview on.
 */
export async function benchMonthlyClose(server: RunningServer, municipalities: Array<{ id: string; name: string; certificates: number }>, month: string, certificateIds: string[]): Promise<CloseFigures> {
  await server.probe('reset');
  const during: number[] = [];
  const writes: number[] = [];
  let closing = true;
  const desk = (async () => {
    const queries = programKeystrokes();
    let i = 0;
    while (closing) {
      const t = now();
      const r = await server.post('programs.search', { query: queries[i % queries.length] });
      during.push(now() - t);
      if (!(r.json as { ok: boolean }).ok) fail(`programs.search during the close: ${JSON.stringify(r.json)}`);
      if (i % 10 === 0) {
        const t2 = now();
        const w = await server.post('certificates.setConfirmationPolicy', { certificateId: certificateIds[i % certificateIds.length], policy: 'by_name' });
        writes.push(now() - t2);
        if (!(w.json as { ok: boolean }).ok) fail(`a write during the close: ${JSON.stringify(w.json)}`);
      }
      i += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const closeStartedAt = performance.timeOrigin + performance.now();
  const previewStarted = now();
  await closeJob(server, { municipalityId: municipalities[0]!.id, month, preview: true }, `preview of ${municipalities[0]!.name}`);
  const previewMs = now() - previewStarted;
  const started = now();
  const results: CloseFigures['municipalities'] = [];
  for (const m of municipalities) {
    const t = now();
    const { job, updates } = await closeJob(server, { municipalityId: m.id, month, preview: false }, `close of ${m.name}`);
    results.push({ name: m.name, certificates: m.certificates, seconds: (now() - t) / 1000, report: job.report!, progressUpdates: updates });
  }
  const totalSeconds = (now() - started) / 1000;
  closing = false;
  await desk;
  const probe = await server.probe('report');
  return { municipalities: results, totalSeconds, previewMs, maxStallMs: probe.maxDelayMs, p99StallMs: probe.p99DelayMs,
    stalls: probe.stalls.map((x) => `${x.ms.toFixed(0)} ms at +${((x.at - closeStartedAt) / 1000).toFixed(1)} s: ${x.requests.join(', ') || 'no request'}${x.gcMs ? `; GC ${x.gcMs.toFixed(0)} ms` : ''}${x.ranMs !== undefined ? `; ran ${x.ranMs.toFixed(0)} ms, waited for a CPU ${x.queuedMs!.toFixed(0)} ms` : ''}`), requestsDuring: summarize(during), writesDuring: summarize(writes) };
}
