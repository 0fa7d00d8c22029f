import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/table';
import { fixedClock } from '../../src-main/clock';
import { openCore } from '../../src-main/core';
import { generateBigRegistry } from '../../src-main/demo/big';
import { TEST_NOW, tempDir, unwrap } from './helpers';

describe('big registry generator with programs and contracts', () => {
  it('builds a consistent registry: money whole, groups within capacity, statuses as work leaves them; the desk works on it', () => {
    const file = join(tempDir(), 'registry.db');
    const clock = fixedClock(TEST_NOW);
    const built = generateBigRegistry(file, { children: 6000, programs: 400, contracts: 3000, seed: 7, clock });
    expect(built).toMatchObject({ children: 6001, programs: 400, contracts: 3000 });
    const core = openCore(file, { clock, create: false });
    try {
      const db = core.db;
      const statuses = Object.fromEntries((db.prepare('SELECT status, count(*) AS n FROM contracts GROUP BY status').all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]));
      for (const s of ['active', 'confirmed', 'pending', 'completed', 'terminated', 'rejected', 'cancelled']) expect(statuses[s], s).toBeGreaterThan(0);
      expect(statuses.active).toBeGreaterThan(statuses.pending!);
      // The ledger's own rules, checked as its triggers would: no negative balance or reserve per certificate and year.
      expect(db.prepare(`SELECT count(*) AS n FROM (SELECT sum(d_nominal - d_reserve - d_spent) AS b, sum(d_reserve) AS r FROM ledger_entries GROUP BY certificate_id, year) WHERE b < 0 OR r < 0`).get()).toEqual({ n: 0 });
      // A certificate-funded contract's entries: what is booked and not charged is what it still holds.
      expect(db.prepare(`SELECT count(*) AS n FROM contracts k WHERE k.funding = 'certificate' AND k.status IN ('active', 'confirmed')
                           AND k.certificate_kopecks <> (SELECT coalesce(sum(d_reserve + d_spent), 0) FROM ledger_entries WHERE contract_id = k.id)`).get()).toEqual({ n: 0 });
      expect(db.prepare(`SELECT count(*) AS n FROM contracts k WHERE k.status IN ('completed', 'terminated') AND (SELECT coalesce(sum(d_reserve), 0) FROM ledger_entries WHERE contract_id = k.id) <> 0`).get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM contract_charges ch JOIN ledger_entries l ON l.id = ch.ledger_entry_id WHERE l.d_spent <> ch.kopecks').get()).toEqual({ n: 0 });
      const committed = db.prepare('SELECT sum(committed_kopecks) AS v FROM municipal_money').get() as { v: number };
      expect(committed).toEqual(db.prepare('SELECT sum(d_reserve + d_spent) AS v FROM ledger_entries').get());
      expect(db.prepare(`SELECT count(*) AS n FROM program_groups g WHERE g.capacity < (SELECT count(*) FROM contracts k WHERE k.group_id = g.id AND k.status IN ('pending', 'confirmed', 'active'))`).get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM program_search').get()).toEqual(db.prepare('SELECT count(*) AS n FROM programs').get());
      expect(db.pragma('foreign_key_check')).toEqual([]);

      const api = createApi(core, () => {});
      const token = unwrap(api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' })).token;
      const football = unwrap(api.call('programs.search', { query: 'фут', limit: 20 }, { token }));
      expect(football.length).toBeGreaterThan(0);
      expect(football.every((p) => p.name.startsWith('Футбол'))).toBe(true);
      expect(football.map((p) => p.name)).toEqual([...football.map((p) => p.name)].sort((a, b) => a.localeCompare(b, 'ru')));
      const murmansk = (db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
      // November is closed once it is over.
      clock.set('2026-12-01T09:00:00.000Z');
      const closer = unwrap(api.call('auth.login', { login: 'operator', password: 'operator-demo-2026' })).token;
      const preview = unwrap(api.call('months.close', { municipalityId: murmansk, month: '2026-11', preview: true }, { token: closer }));
      const report = unwrap(api.call('months.close', { municipalityId: murmansk, month: '2026-11' }, { token: closer }));
      expect(report.charged.contracts).toBeGreaterThan(0);
      expect({ ...preview, preview: false }).toEqual(report);
      expect(unwrap(api.call('months.close', { municipalityId: murmansk, month: '2026-10' }, { token: closer })).alreadyClosed).toBe(true);
    } finally {
      core.close();
    }
  });

  it('«Договоры» pages newest first: the pages join into the whole tab, no contract twice, with or without a filter', () => {
    const file = join(tempDir(), 'registry.db');
    const clock = fixedClock(TEST_NOW);
    generateBigRegistry(file, { children: 3000, programs: 150, contracts: 1500, seed: 11, clock });
    const core = openCore(file, { clock, create: false });
    try {
      const api = createApi(core, () => {});
      const token = unwrap(api.call('auth.login', { login: 'admin', password: 'admin-demo-2026' })).token;
      const today = clock.today();
      type Row = { id: string; status: string; start_date: string; organization_id: string };
      const all = core.db.prepare('SELECT id, status, start_date, organization_id FROM contracts WHERE deleted = 0 ORDER BY created_at DESC, number DESC').all() as Row[];
      const inTab: Record<string, (k: Row) => boolean> = {
        pending: (k) => k.status === 'pending',
        confirmed: (k) => k.status === 'confirmed' && k.start_date > today,
        active: (k) => k.status === 'active' || (k.status === 'confirmed' && k.start_date <= today),
        archive: (k) => ['completed', 'terminated', 'rejected', 'cancelled'].includes(k.status),
      };
      const busiest = (core.db.prepare('SELECT organization_id AS o FROM contracts GROUP BY organization_id ORDER BY count(*) DESC LIMIT 1').get() as { o: string }).o;
      for (const organizationId of [undefined, busiest]) {
        for (const tab of ['pending', 'confirmed', 'active', 'archive'] as const) {
          const paged: string[] = [];
          let olderThan: { createdAt: string; number: string } | undefined;
          for (let pages = 1; ; pages += 1) {
            expect(pages, 'a page that does not move on').toBeLessThan(50);
            const page = unwrap(api.call('contracts.list', { tab, limit: 97, ...(organizationId ? { organizationId } : {}), ...(olderThan ? { olderThan } : {}) }, { token }));
            paged.push(...page.map((k) => k.id));
            if (page.length < 97) break;
            olderThan = { createdAt: page.at(-1)!.createdAt, number: page.at(-1)!.number };
          }
          const expected = all.filter((k) => inTab[tab]!(k) && (!organizationId || k.organization_id === organizationId)).map((k) => k.id);
          expect(expected.length, `${tab} ${organizationId ?? 'all'}`).toBeGreaterThan(0);
          expect(paged, `${tab} ${organizationId ?? 'all'}`).toEqual(expected);
        }
      }
    } finally {
      core.close();
    }
  });
});
