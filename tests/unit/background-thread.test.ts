import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from '../../src-main/background-thread';
import { bundleWorker } from './helpers';

const niceOfThisThread = (): number => {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

async function runWorker(url: URL, env: Record<string, string>): Promise<{ before: number; lowered: boolean; after: number }> {
  const worker = new Worker(url, { env: { ...process.env, ...env } });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe.runIf(process.platform === 'linux')('background threads', () => {
  it('lower their own priority only: the thread that serves the desks keeps its own', async () => {
    const url = await bundleWorker('tests/unit/fixtures/background-thread-worker.ts', 'background-thread');
    const ours = niceOfThisThread();
    const r = await runWorker(url, {});
    expect(r.lowered).toBe(true);
    expect(r.after).toBe(BACKGROUND_NICE);
    expect(niceOfThisThread()).toBe(ours);
    const off = await runWorker(url, { CERTDESK_BACKGROUND_NICE: '0' });
    expect(off).toMatchObject({ lowered: false, after: off.before });
    const nineteen = await runWorker(url, { CERTDESK_BACKGROUND_NICE: '19' });
    expect(nineteen.after).toBe(19);
  });
});
