import { randomBytes } from 'node:crypto';

/**
 * UUIDv7: time-ordered, so a million inserts append to the end of the primary-key index instead of
 * scattering across it. `random` is injectable for the seeded demo generator.
 */
export function uuidv7(ms: number, random: (n: number) => Uint8Array = (n) => randomBytes(n)): string {
  const bytes = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(random(10), 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
