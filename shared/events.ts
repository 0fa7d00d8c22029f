/**
 * Events («Мероприятия») that organizations publish and children apply to: the kinds and the pure rules both
 * processes need. No Node, Electron or DOM imports here.
 */
import { z } from 'zod';

/**
 * An event's start and end are wall-clock times where it happens ('YYYY-MM-DDTHH:MM', the municipality's zone),
 * not instants: «17 декабря в 12:00» stays 12:00 whichever office's PC reads it.
 */
export const LOCAL_DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;

export function isValidLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[1];
}

/** '2026-12-17T12:00' → «17.12.2026 12:00». */
export function formatLocalDateTimeRu(value: string): string {
  const [date = '', time = ''] = value.split('T');
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y} ${time}`;
}

/** When an event runs, as people say it: «17.12.2026 12:00–16:00», or both ends in full across days. */
export function formatEventPeriodRu(startsAt: string, endsAt: string): string {
  if (startsAt.slice(0, 10) === endsAt.slice(0, 10)) return `${formatLocalDateTimeRu(startsAt)}–${endsAt.slice(11)}`;
  return `${formatLocalDateTimeRu(startsAt)} – ${formatLocalDateTimeRu(endsAt)}`;
}

/** A local date and time as the contract takes it; the message names the field. */
export const localDateTime = (label: string) =>
  z
    .string({ error: `${label}: укажите дату и время` })
    .refine(isValidLocalDateTime, `${label}: дата ДД.ММ.ГГГГ и время ЧЧ:ММ`);
