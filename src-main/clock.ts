/**
 * The one clock every date rule reads. Tests set it; production reads the system time.
 * Calendar dates are the office's dates (its IANA time zone), timestamps are ISO-8601 UTC.
 */
export interface Clock {
  now(): Date;
  /** Today in the office's time zone, 'YYYY-MM-DD'. */
  today(): string;
  timeZone: string;
}

/** Building a formatter loads the zone's rules (≈ 0.2 ms); every operation asks for today, so one per zone is kept. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dateInZone(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock minute in a zone, 'YYYY-MM-DDTHH:MM': what an event's local start and end are compared with. */
export function minuteInZone(at: Date, timeZone: string): string {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    minuteFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

export function systemClock(timeZone = 'Europe/Moscow'): Clock {
  return { now: () => new Date(), today: () => dateInZone(new Date(), timeZone), timeZone };
}

/** A clock that stands still until moved: for tests and reproducible demos. */
export interface FixedClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function fixedClock(start: Date | string, timeZone = 'Europe/Moscow'): FixedClock {
  let current = new Date(start);
  return {
    timeZone,
    now: () => new Date(current),
    today: () => dateInZone(current, timeZone),
    set(at) {
      current = new Date(at);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** A clock that runs at real speed from a chosen instant: a desk started «on» another day for acceptance tests. */
export function shiftedClock(start: Date | string, timeZone = 'Europe/Moscow'): Clock {
  const offset = new Date(start).getTime() - Date.now();
  if (Number.isNaN(offset)) throw new Error(`Неверная дата часов: ${String(start)}`);
  const now = () => new Date(Date.now() + offset);
  return { timeZone, now, today: () => dateInZone(now(), timeZone) };
}

/**
 * Test hosts only: CERTDESK_TEST_NOW (ISO-8601) starts the desk's clock at that instant, so E2E tests can see what
 * happens after 7 days. Honoured only with NODE_ENV=test, so a production desk always runs on the system time.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock | undefined {
  const at = env.CERTDESK_TEST_NOW;
  if (!at || env.NODE_ENV !== 'test') return undefined;
  return shiftedClock(at);
}
