import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Secrets (operator passwords, code phrases, cabinet passwords) are stored only as scrypt hashes:
 * slow and salted, so a stolen registry file does not give them away.
 * Format: scrypt$N$r$p$salt$hash (base64url).
 */
const N = 1 << 15;
/**
 * A machine-generated secret with ~58 bits of entropy (the child's cabinet password) cannot be guessed from a
 * dictionary, so a lighter scrypt cost keeps batch printing of 1,000 extracts fast while staying a salted KDF.
 * Human-chosen secrets (operator passwords, code phrases) always get the full cost.
 */
const N_RANDOM_TOKEN = 1 << 12;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

export type SecretKind = 'human' | 'random-token';

function format(n: number, salt: Buffer, hash: Buffer): string {
  return `scrypt$${n}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function hashSecret(secret: string, kind: SecretKind = 'human'): string {
  const n = kind === 'human' ? N : N_RANDOM_TOKEN;
  const salt = randomBytes(16);
  return format(n, salt, scryptSync(secret.normalize('NFC'), salt, KEYLEN, { N: n, r: R, p: P, maxmem: MAXMEM }));
}

/** The same hash computed on libuv's thread pool, so many can run at once (batch printing). */
export function hashSecretAsync(secret: string, kind: SecretKind = 'human'): Promise<string> {
  const n = kind === 'human' ? N : N_RANDOM_TOKEN;
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEYLEN, { N: n, r: R, p: P, maxmem: MAXMEM }, (err, hash) => (err ? reject(err) : resolve(format(n, salt, hash))));
  });
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
