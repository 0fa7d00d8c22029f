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

export function dateInZone(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
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
