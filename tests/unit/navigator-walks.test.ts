import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationParsedInput } from '../../shared/operations';
import type { OperationContext } from '../../src-main/api/operation';
import { fixedClock } from '../../src-main/clock';
import { openCore, type Core } from '../../src-main/core';
import { generateBigRegistry } from '../../src-main/demo/big';
import { NARROW_MATCH, programMatchQuery, searchPrograms, type ProgramWalk } from '../../src-main/features/programs/search';
import { TEST_NOW, tempDir } from './helpers';

/**
 * The navigator reads programs one of three ways (the name matches sorted, the name order, a direction's name order)
 * chosen per search; whichever it takes, a search must show the same programs in the same order. Compared on a
 * generated catalogue (names repeat across organizations, so the order between equal names is checked too).
 */
describe('navigator: every way of reading programs gives the same page', () => {
  let core: Core;
  let ctx: OperationContext;
  beforeAll(() => {
    const file = join(tempDir(), 'registry.db');
    const clock = fixedClock(TEST_NOW);
    generateBigRegistry(file, { children: 1500, programs: 3000, contracts: 2500, seed: 5, clock });
    core = openCore(file, { clock, create: false });
    ctx = {
      core, actor: null, token: null, stamp: '', nowIso: TEST_NOW, today: clock.today(), allowedOperations: () => [], audit: () => {},
    };
  }, 120_000);
  afterAll(() => core.close());

  const WALKS: ProgramWalk[] = ['matches', 'name', 'direction'];
  const search = (input: Partial<OperationParsedInput<'programs.search'>>, walk?: ProgramWalk) =>
    searchPrograms(ctx, { onlyAvailable: false, limit: 100, ...input }, walk);
  const matchCount = (query: string) =>
    (core.db.prepare('SELECT count(*) AS n FROM program_search WHERE program_search MATCH ?').get(programMatchQuery(query)) as { n: number }).n;

  it('searches below take each way by default: a typed word reads its matches, no query walks the name order', () => {
    expect(matchCount('фут')).toBeGreaterThan(0);
    expect(matchCount('фут')).toBeLessThanOrEqual(NARROW_MATCH);
  });

  it('typed queries with the advanced filters, a full page and a short one', () => {
    const murmansk = (core.db.prepare("SELECT id FROM municipalities WHERE municipality_code = '01'").get() as { id: string }).id;
    const filters: Array<Partial<OperationParsedInput<'programs.search'>>> = [
      {}, { age: 9 }, { direction: 'sport' }, { direction: 'art' }, { registry: 'certified' }, { municipalityId: murmansk },
      { startMonth: '2026-09' }, { startMonth: '2026-12' }, { age: 12, direction: 'art', municipalityId: murmansk }, { direction: 'technical', address: 'ул' },
    ];
    let shown = 0;
    for (const query of ['', 'р', 'ф', 'х', 'фут', 'робот', 'англ', 'театральная студия']) {
      for (const f of filters) {
        for (const limit of [100, 7]) {
          const input = { query, limit, ...f };
          const expected = search(input, 'matches');
          shown += expected.length;
          expect(search(input).map((p) => p.id), JSON.stringify(input)).toEqual(expected.map((p) => p.id));
          for (const walk of WALKS) expect(search(input, walk), `${walk} ${JSON.stringify(input)}`).toEqual(expected);
          const names = expected.map((p) => p.name);
          expect(names).toEqual([...names].sort());
        }
      }
    }
    // Not an empty catalogue compared with itself: most of these searches fill their pages.
    expect(shown).toBeGreaterThan(4000);
  });

  it('«only available» for certificates, with and without a typed query', () => {
    const certificates = (core.db.prepare("SELECT number FROM certificates WHERE status = 'active' AND type = 'financing' ORDER BY rowid LIMIT 5").all() as Array<{ number: string }>).map((r) => r.number);
    expect(certificates).toHaveLength(5);
    let shown = 0;
    for (const certificateNumber of certificates) {
      for (const query of ['', 'р', 'фут', 'х']) {
        for (const f of [{}, { direction: 'sport' as const }]) {
          const input = { certificateNumber, onlyAvailable: true, query, ...f };
          const expected = search(input, 'matches');
          shown += expected.length;
          expect(expected.every((p) => p.excludedBecause.length === 0)).toBe(true);
          for (const walk of [undefined, ...WALKS]) expect(search(input, walk), `${walk} ${JSON.stringify(input)}`).toEqual(expected);
        }
      }
    }
    expect(shown).toBeGreaterThan(500);
  });
});
