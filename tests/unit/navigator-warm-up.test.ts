import { describe, expect, it } from 'vitest';
import { warmUpNavigator } from '../../src-main/features/programs/warm-up';
import { bundleWorker, makeDesk, unwrap } from './helpers';

describe('navigator warm-up at start', () => {
  it('reads the navigator pages on a worker thread through the indexes the search uses, and the desk searches on', async () => {
    const desk = makeDesk({ children: 2 });
    const url = await bundleWorker('src-main/features/programs/warm-up-worker.ts', 'navigator-warm-up');
    const logged: string[] = [];
    const took = await warmUpNavigator(desk.core, (m) => logged.push(m), url);
    // A renamed index or table fails the worker's read, which is logged rather than thrown.
    expect(logged).toEqual([]);
    expect(took).toBeGreaterThan(0);
    const names = unwrap(desk.api.call('programs.search', { query: 'лого' }, { token: desk.login() })).map((p) => p.name);
    expect(names.sort()).toEqual(['Немецкий язык для детей школьного возраста', 'Японский язык для детей школьного возраста']);
  });

  it('without the bundled worker (running from source) reads nothing and says so', async () => {
    const desk = makeDesk({ children: 2 });
    expect(await warmUpNavigator(desk.core, () => {}, new URL('file:///nonexistent/navigator-warm-up.js'))).toBeNull();
  });
});
