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

/**
 * A call that runs in a host serving desks from one thread stops at its first secret not yet derived: the host
 * derives it on libuv's pool (`SecretDerivations`) and runs the call again from the start, its transaction rolled
 * back meanwhile. An operator's password or a code phrase costs 150-400 ms of scrypt here; computed in the
 * thread, every login stopped every desk for that long.
 */
export class SecretsNeeded extends Error {
  constructor() {
    super('secrets to derive before the call can run');
  }
}

interface Derivation {
  secret: string;
  /** The stored hash to check the secret against; null: a new hash of the secret is wanted. */
  stored: string | null;
  kind: SecretKind;
  result: string | boolean | undefined;
  /** A new hash already handed out in this run of the call (a call may hash the same secret twice). */
  used: boolean;
}

/** Runs of one call with secrets derived ahead; the calls that exist need at most three (a check and a new hash). */
const MAX_RUNS = 4;

/** The derivations of the call running now in a host; null: secrets are derived in place (CLI, tests, jobs). */
let ahead: Derivation[] | null = null;

/** What one call of a host needs derived: collected run by run, derived off the thread between runs. */
export class SecretDerivations {
  private readonly list: Derivation[] = [];
  private runs = 0;

  /**
   * Runs the call with what is derived so far; a secret that is not throws SecretsNeeded. After a few runs (a call
   * that asks for a new secret each time) the secrets are derived in place, so the call always ends.
   */
  run<T>(call: () => T): T {
    this.runs += 1;
    if (this.runs > MAX_RUNS) return call();
    ahead = this.list;
    try {
      return call();
    } finally {
      ahead = null;
      for (const d of this.list) d.used = false;
    }
  }

  /** Derives what the last run asked for, on libuv's thread pool. */
  async derivePending(): Promise<void> {
    await Promise.all(
      this.list
        .filter((d) => d.result === undefined)
        .map(async (d) => {
          d.result = d.stored === null ? await hashSecretAsync(d.secret, d.kind) : await verifySecretAsync(d.secret, d.stored);
        }),
    );
  }
}

function derivedAhead(list: Derivation[], secret: string, stored: string | null, kind: SecretKind): string | boolean {
  const found = list.find((d) => d.secret === secret && d.stored === stored && d.kind === kind && d.result !== undefined && !(stored === null && d.used));
  if (found) {
    found.used = true;
    return found.result!;
  }
  list.push({ secret, stored, kind, result: undefined, used: false });
  throw new SecretsNeeded();
}

function costOf(kind: SecretKind): number {
  return kind === 'human' ? N : N_RANDOM_TOKEN;
}

function hashNow(secret: string, kind: SecretKind): string {
  const n = costOf(kind);
  const salt = randomBytes(16);
  return format(n, salt, scryptSync(secret.normalize('NFC'), salt, KEYLEN, { N: n, r: R, p: P, maxmem: MAXMEM }));
}

// Only the slow, human secrets are derived ahead. A machine-generated one is cheap and is drawn anew by each run
// of the call, so a hash derived for one run would never match the next.
export function hashSecret(secret: string, kind: SecretKind = 'human'): string {
  if (ahead && kind === 'human') return derivedAhead(ahead, secret, null, kind) as string;
  return hashNow(secret, kind);
}

/** The same hash computed on libuv's thread pool, so many can run at once (batch printing). */
export function hashSecretAsync(secret: string, kind: SecretKind = 'human'): Promise<string> {
  const n = costOf(kind);
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEYLEN, { N: n, r: R, p: P, maxmem: MAXMEM }, (err, hash) => (err ? reject(err) : resolve(format(n, salt, hash))));
  });
}

interface StoredHash {
  salt: Buffer;
  expected: Buffer;
  options: { N: number; r: number; p: number; maxmem: number };
}

function parseStored(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  return { salt: Buffer.from(saltB64, 'base64url'), expected: Buffer.from(hashB64, 'base64url'), options: { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM } };
}

const sameKey = (actual: Buffer, expected: Buffer) => actual.length === expected.length && timingSafeEqual(actual, expected);

function verifyNow(secret: string, stored: string): boolean {
  const h = parseStored(stored);
  if (!h) return false;
  return sameKey(scryptSync(secret.normalize('NFC'), h.salt, h.expected.length, h.options), h.expected);
}

function verifySecretAsync(secret: string, stored: string): Promise<boolean> {
  const h = parseStored(stored);
  if (!h) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), h.salt, h.expected.length, h.options, (err, key) => (err ? reject(err) : resolve(sameKey(key, h.expected))));
  });
}

export function verifySecret(secret: string, stored: string): boolean {
  if (ahead && (parseStored(stored)?.options.N ?? 0) >= N) return derivedAhead(ahead, secret, stored, 'human') as boolean;
  return verifyNow(secret, stored);
}

/** Spends the same time as a real check, so an unknown login cannot be told from a wrong password by timing. */
let dummy: string | null = null;
export function spendVerificationTime(secret: string): void {
  // Not a secret: the hash of a fixed text, made once, wherever the check then runs.
  dummy ??= hashNow('certdesk-timing-equalizer', 'human');
  verifySecret(secret, dummy);
}
