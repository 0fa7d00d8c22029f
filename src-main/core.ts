import { randomBytes } from 'node:crypto';
import type { Role } from '../shared/enums';
import { systemClock, type Clock } from './clock';
import { getMeta, openDatabase, setMeta, type Db } from './database/db';
import { HybridClock } from './database/hlc';
import { uuidv7 } from './database/ids';

export interface Actor {
  operatorId: string;
  login: string;
  fullName: string;
  role: Role;
  organizationId: string | null;
}

interface Session {
  operatorId: string;
  lastSeenMs: number;
}

/** A desk left alone for this long has to log in again. */
export const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;

/** Live sessions of this process. Not stored: a restart asks everyone to log in again. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  constructor(private readonly clock: Clock) {}

  open(operatorId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { operatorId, lastSeenMs: this.clock.now().getTime() });
    return token;
  }

  /** The operator behind a token, refreshing its idle timer; null when unknown or expired. */
  touch(token: string | null | undefined): string | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const now = this.clock.now().getTime();
    if (now - s.lastSeenMs > SESSION_IDLE_MS) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeenMs = now;
    return s.operatorId;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  closeAllFor(operatorId: string): void {
    for (const [t, s] of this.sessions) if (s.operatorId === operatorId) this.sessions.delete(t);
  }
}

/**
 * Where the office keeps its private key material (features/offices writes and reads it): a text the store keeps
 * away from the registry and its backups. The server and the CLI keep it in an owner-only key file outside the data
 * folder; the desktop window wraps it with Electron's safeStorage (hosts/electron). A store refuses, with a Russian
 * message, to hand out material that others could read.
 */
export interface OfficeKeyStore {
  /** Where the material lies, for messages (a path; never the material). */
  readonly where: string;
  /** The stored material, or null when there is none yet. */
  load(): string | null;
  /** Stores the material, replacing nothing: a store that already holds material refuses. */
  save(material: string): void;
}

/** Everything an operation needs: the registry, the clock and who this office is. */
export interface Core {
  db: Db;
  file: string;
  clock: Clock;
  hlc: HybridClock;
  officeId: string;
  sessions: SessionStore;
  /** The office's key store; null for a registry opened without one (a benchmark's file, a test of something else). */
  keyStore: OfficeKeyStore | null;
  newId(): string;
  close(): void;
}

export interface CoreOptions {
  clock?: Clock;
  create?: boolean;
  keyStore?: OfficeKeyStore | null;
}

/** Opens (or creates) a registry and makes sure it knows which office it is. */
export function openCore(file: string, options: CoreOptions = {}): Core {
  const clock = options.clock ?? systemClock();
  const db = openDatabase(file, { create: options.create ?? true });
  let officeId = getMeta(db, 'office_id');
  if (!officeId) {
    officeId = uuidv7(clock.now().getTime());
    setMeta(db, 'office_id', officeId);
    setMeta(db, 'created_at', clock.now().toISOString());
  }
  const hlc = new HybridClock(officeId, () => clock.now().getTime());
  hlc.observe(getMeta(db, 'hlc'));
  return {
    db,
    file,
    clock,
    hlc,
    officeId,
    sessions: new SessionStore(clock),
    keyStore: options.keyStore ?? null,
    newId: () => uuidv7(clock.now().getTime()),
    close: () => db.close(),
  };
}
