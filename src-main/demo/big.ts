import { existsSync } from 'node:fs';
import type { Clock } from '../clock';
import { openCore } from '../core';
import { DomainError } from '../errors';
import { generateChildren, type GenerationTarget } from './generate';
import { loadDemo } from './demo';

const EXTRA_MUNICIPALITIES = [
  ['02', 'г. Североморск'],
  ['03', 'г. Апатиты'],
  ['04', 'г. Мончегорск'],
  ['05', 'г. Кандалакша'],
] as const;

/**
 * A large synthetic registry for benchmarks: the demo registry plus `children` generated children spread
 * over several municipalities (a municipality's serial has 6 digits, so one cannot hold 1.5 million).
 */
export function generateBigRegistry(
  file: string,
  o: { children: number; seed?: number; clock?: Clock; onProgress?: (done: number, total: number) => void },
): { children: number; seconds: number } {
  if (existsSync(file)) throw new DomainError('conflict', `Файл ${file} уже существует: большой реестр создаётся только в новый файл.`);
  const started = performance.now();
  const core = openCore(file, { create: true, ...(o.clock ? { clock: o.clock } : {}) });
  try {
    const db = core.db;
    // A fresh file being filled: nothing to lose on a crash, so skip the per-commit fsync while loading.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    loadDemo(core, { children: 0, seed: o.seed ?? 1 });
    const today = core.clock.today();
    const year = Number(today.slice(0, 4));
    const stamp = core.hlc.next();
    const murmansk = db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string };
    const cats = db.prepare('SELECT id, name, annual_nominal_kopecks FROM categories WHERE municipality_id = ?').all(murmansk.id) as Array<{
      id: string; name: string; annual_nominal_kopecks: number;
    }>;
    const weightOf = (name: string) => (name === 'город' ? 80 : name === 'село' ? 15 : 5);
    const targets: GenerationTarget[] = [];
    const perMunicipality = 400_000;
    let left = o.children;
    const first = Math.min(left, perMunicipality);
    targets.push({
      municipalityId: murmansk.id, regionCode: '99', municipalityCode: '01', firstSerial: 200_001, count: first,
      categories: cats.map((c) => ({ id: c.id, annualNominalKopecks: c.annual_nominal_kopecks, weight: weightOf(c.name) })),
    });
    left -= first;
    db.transaction(() => {
      for (const [code, name] of EXTRA_MUNICIPALITIES) {
        if (left <= 0) break;
        const id = core.newId();
        db.prepare(
          `INSERT INTO municipalities(id, modified_at, origin_office, region_code, municipality_code, name, time_zone, child_age_min, child_age_max)
           VALUES (?, ?, ?, '99', ?, ?, 'Europe/Moscow', 5, 18)`,
        ).run(id, stamp, core.officeId, code, name);
        db.prepare('INSERT INTO municipal_years(id, modified_at, origin_office, municipality_id, year, money_limit_kopecks) VALUES (?, ?, ?, ?, ?, ?)')
          .run(core.newId(), stamp, core.officeId, id, year, 15_000_000_000);
        const catIds = cats.map((c) => {
          const cid = core.newId();
          db.prepare(
            `INSERT INTO categories(id, modified_at, origin_office, municipality_id, year, name, annual_nominal_kopecks, budget_significant, budget_general, budget_preprofessional)
             VALUES (?, ?, ?, ?, ?, ?, ?, 1, 3, 1)`,
          ).run(cid, stamp, core.officeId, id, year, c.name, c.annual_nominal_kopecks);
          return { id: cid, annualNominalKopecks: c.annual_nominal_kopecks, weight: weightOf(c.name) };
        });
        const count = Math.min(left, perMunicipality);
        targets.push({ municipalityId: id, regionCode: '99', municipalityCode: code, firstSerial: 1, count, categories: catIds });
        left -= count;
      }
    })();
    if (left > 0) throw new DomainError('invalid_input', `Слишком много детей для синтетического реестра: не больше ${perMunicipality * (EXTRA_MUNICIPALITIES.length + 1)}.`);
    generateChildren(db, {
      seed: o.seed ?? 1, today, officeId: core.officeId, stamp, targets,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    db.pragma('optimize');
    db.pragma('synchronous = FULL');
  } finally {
    core.close();
  }
  return { children: o.children + 1, seconds: (performance.now() - started) / 1000 };
}
