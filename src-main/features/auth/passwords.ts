import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Secrets (operator passwords, code phrases, cabinet passwords) are stored only as scrypt hashes:
 * slow and salted, so a stolen registry file does not give them away.
 * Format: scrypt$N$r$p$salt$hash (base64url).
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

export function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifySecret(secret: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64url');
  const actual = scryptSync(secret.normalize('NFC'), Buffer.from(saltB64, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Spends the same time as a real check, so an unknown login cannot be told from a wrong password by timing. */
let dummy: string | null = null;
export function spendVerificationTime(secret: string): void {
  dummy ??= hashSecret('certdesk-timing-equalizer');
  verifySecret(secret, dummy);
}
