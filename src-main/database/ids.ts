import { randomFillSync } from 'node:crypto';

/**
 * Random bytes for ids, drawn from a pool refilled 4 KiB at a time: one call into the CSPRNG per ten bytes cost
 * more than the ledger row the id names (the monthly close writes a million of them).
 */
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

function pooledRandomBytes(n: number): Uint8Array {
  if (poolUsed + n > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  poolUsed += n;
  return pool.subarray(poolUsed - n, poolUsed);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7: time-ordered, so a million inserts append to the end of the primary-key index instead of
 * scattering across it. `random` is injectable for the seeded demo generator.
 */
export function uuidv7(ms: number, random: (n: number) => Uint8Array = pooledRandomBytes): string {
  const bytes = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(random(10), 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = '';
  for (const b of bytes) hex += HEX[b];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
