import type { ChildEventApplication, EventApplicationView, EventView } from '../../../shared/operations';
import type { EventApplicationStatus, EventKind } from '../../../shared/enums';
import { ageOn } from '../../../shared/rules';
import type { OperationContext } from '../../api/operation';
import { minuteInZone } from '../../clock';
import { DomainError } from '../../errors';
import type { Db } from '../../database/db';

export interface EventRow {
  id: string;
  organization_id: string;
  short_name: string;
  org_full_name: string;
  org_phone: string | null;
  municipality_name: string;
  time_zone: string;
  name: string;
  kind: EventKind;
  starts_at: string;
  ends_at: string;
  address: string;
  age_min: number;
  age_max: number;
  places: number | null;
  description: string;
  applications_open: number;
  places_taken: number;
}

/** Events with their organization, municipality (its zone decides «now») and the places submitted applications hold. */
export const selectEvents = `
  SELECT e.id, e.organization_id, o.short_name, o.name AS org_full_name, o.phone AS org_phone, m.name AS municipality_name, m.time_zone,
         e.name, e.kind, e.starts_at, e.ends_at, e.address, e.age_min, e.age_max, e.places, e.description, e.applications_open,
         (SELECT count(*) FROM event_applications a WHERE a.event_id = e.id AND a.status = 'submitted' AND a.deleted = 0) AS places_taken
    FROM events e
    JOIN organizations o ON o.id = e.organization_id
    JOIN municipalities m ON m.id = o.municipality_id`;

export function eventRow(db: Db, eventId: string): EventRow {
  const row = db.prepare(`${selectEvents} WHERE e.id = ? AND e.deleted = 0`).get(eventId) as EventRow | undefined;
  if (!row) throw new DomainError('not_found', 'Мероприятие не найдено: возможно, организация его удалила.');
  return row;
}

/** The wall-clock minute now where the event happens: its start and end are written in that zone. */
export function nowWhere(ctx: OperationContext, timeZone: string): string {
  return minuteInZone(new Date(ctx.nowIso), timeZone);
}

/** Why the event takes no application now, as a clause («приём заявок закрыт»); null when it takes one. */
export function notAcceptingBecause(e: EventRow, now: string): string | null {
  if (e.ends_at < now) return 'мероприятие уже прошло';
  if (e.starts_at <= now) return 'мероприятие уже началось';
  if (!e.applications_open) return 'организация закрыла приём заявок';
  if (e.places !== null && e.places_taken >= e.places) return `свободных мест нет (заняты ${e.places} из ${e.places})`;
  return null;
}

export function toEventView(e: EventRow, now: string): EventView {
  return {
    id: e.id,
    organizationId: e.organization_id,
    organizationName: e.short_name,
    municipalityName: e.municipality_name,
    name: e.name,
    kind: e.kind,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    address: e.address,
    ageMin: e.age_min,
    ageMax: e.age_max,
    places: e.places,
    placesTaken: e.places_taken,
    placesLeft: e.places === null ? null : Math.max(e.places - e.places_taken, 0),
    description: e.description,
    applicationsOpen: e.applications_open === 1,
    notAcceptingBecause: notAcceptingBecause(e, now),
    passed: e.ends_at < now,
  };
}

interface ApplicationRow {
  id: string;
  event_id: string;
  event_name: string;
  starts_at: string;
  certificate_id: string;
  number: string;
  child_name: string;
  birth_date: string;
  status: EventApplicationStatus;
  created_at: string;
  created_by_name: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

const selectApplications = `
  SELECT a.id, a.event_id, e.name AS event_name, e.starts_at, a.certificate_id, c.number,
         ch.last_name || ' ' || ch.first_name || coalesce(' ' || ch.middle_name, '') AS child_name, ch.birth_date,
         a.status, a.created_at, op.full_name AS created_by_name, a.cancelled_at, a.cancel_reason
    FROM event_applications a
    JOIN events e ON e.id = a.event_id
    JOIN certificates c ON c.id = a.certificate_id
    JOIN children ch ON ch.id = c.child_id
    LEFT JOIN operators op ON op.id = a.created_by`;

function toApplicationView(r: ApplicationRow): EventApplicationView {
  return {
    id: r.id,
    eventId: r.event_id,
    eventName: r.event_name,
    certificateId: r.certificate_id,
    certificateNumber: r.number,
    childName: r.child_name,
    ageOnEventDay: ageOn(r.birth_date, r.starts_at.slice(0, 10)),
    status: r.status,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
  };
}

export function applicationView(db: Db, applicationId: string): EventApplicationView {
  return toApplicationView(db.prepare(`${selectApplications} WHERE a.id = ?`).get(applicationId) as ApplicationRow);
}

/** An event's applications: submitted first, each group in the order they came. */
export function eventApplications(db: Db, eventId: string): EventApplicationView[] {
  const rows = db
    .prepare(`${selectApplications} WHERE a.event_id = ? AND a.deleted = 0 ORDER BY a.status = 'cancelled', a.created_at, a.id`)
    .all(eventId) as ApplicationRow[];
  return rows.map(toApplicationView);
}

/** The events a certificate's child applied to, the latest event first. */
export function childApplications(db: Db, certificateId: string): ChildEventApplication[] {
  return db
    .prepare(
      `SELECT a.id, a.event_id AS eventId, e.name AS eventName, o.short_name AS organizationName, e.starts_at AS startsAt, e.ends_at AS endsAt,
              a.status, a.created_at AS createdAt, a.cancel_reason AS cancelReason
         FROM event_applications a
         JOIN events e ON e.id = a.event_id
         JOIN organizations o ON o.id = e.organization_id
        WHERE a.certificate_id = ? AND a.deleted = 0 AND e.deleted = 0
        ORDER BY e.starts_at DESC, a.status = 'cancelled', a.created_at DESC, a.id DESC`,
    )
    .all(certificateId) as ChildEventApplication[];
}

/** Submitted applications of an event: the places they hold. */
export function submittedCount(db: Db, eventId: string): number {
  return (db.prepare("SELECT count(*) AS n FROM event_applications WHERE event_id = ? AND status = 'submitted' AND deleted = 0").get(eventId) as { n: number }).n;
}
