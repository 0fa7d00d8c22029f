import { describe, expect, it } from 'vitest';
import { warmUpDocumentsWhenIdle } from '../../src-main/desk';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the documents are warmed up when the desk is idle', () => {
  it('waits while requests keep coming, then warms up once after a quiet spell', async () => {
    let lastRequestAt = Date.now();
    const busy = setInterval(() => (lastRequestAt = Date.now()), 50);
    const warmedAt: number[] = [];
    const started = Date.now();
    warmUpDocumentsWhenIdle(() => lastRequestAt, { firstAfterMs: 100, quietMs: 1_000, warmUp: () => warmedAt.push(Date.now()) });
    await sleep(1_600);
    // A desk asking every 50 ms: never warmed up in front of it.
    expect(warmedAt).toEqual([]);
    clearInterval(busy);
    const lastRequest = lastRequestAt;
    await sleep(3_500);
    expect(warmedAt).toHaveLength(1);
    expect(warmedAt[0]! - lastRequest).toBeGreaterThanOrEqual(1_000);
    expect(warmedAt[0]! - started).toBeGreaterThan(1_600);
  });

  it('can be called off before it runs', async () => {
    const warmedAt: number[] = [];
    warmUpDocumentsWhenIdle(() => 0, { firstAfterMs: 100, warmUp: () => warmedAt.push(Date.now()) }).cancel();
    await sleep(300);
    expect(warmedAt).toEqual([]);
  });
});
