import { formatLocalDateTimeRu } from '../../../shared/events';
import { EVENT_KIND_LABELS } from '../../../shared/enums';
import type { EventPage } from '../../../shared/operations';
import { ageOn } from '../../../shared/rules';
import { ALL_ROLES, REGISTRY_STAFF, type FeatureOperations, type OperationContext } from '../../api/operation';
import { DomainError } from '../../errors';
import { requireOwnOrganization } from '../../common/ownership';
import { admitApplicant } from '../applications';
import { certificateRow, certificateRowByNumber, childBirthDate } from '../certificates';
import { programMatchQuery } from '../programs';
import {
  applicationView,
  childApplications,
  eventApplications,
  eventRow,
  nowWhere,
  notAcceptingBecause,
  selectEvents,
  submittedCount,
  toEventView,
  type EventRow,
} from './queries';

const ORG_AND_ADMIN = ['admin', 'org_staff'] as const;

const FOREIGN_EVENT = 'Это мероприятие другой организации: изменять его может только сама организация или администратор.';
const FOREIGN_APPLICATION = 'Это мероприятие другой организации: заявки на него принимает и отменяет сама организация или оператор реестра.';

/** «Now» for lists across municipalities: the office's zone (an office serves one region). */
function officeNow(ctx: OperationContext): string {
  return nowWhere(ctx, ctx.core.clock.timeZone);
}

/** Organization staff see the applications of their own events only; the registry staff see every event's. */
function seesApplications(ctx: OperationContext, organizationId: string): boolean {
  const a = ctx.actor!;
  return a.role !== 'org_staff' || a.organizationId === organizationId;
}

/** The event's page, with what the operator who asks may do on it (organization staff: their own organization's only). */
function page(ctx: OperationContext, e: EventRow): EventPage {
  const view = toEventView(e, nowWhere(ctx, e.time_zone));
  const actor = ctx.actor!;
  const own = actor.role !== 'org_staff' || actor.organizationId === e.organization_id;
  const applications = seesApplications(ctx, e.organization_id) ? eventApplications(ctx.core.db, e.id) : null;
  return {
    ...view,
    organizationFullName: e.org_full_name,
    organizationPhone: e.org_phone,
    applications: applications?.map((a) => ({ ...a, cancellable: own && a.status === 'submitted' && !view.passed })) ?? null,
    editable: own && actor.role !== 'registry_operator',
    acceptsApplicationsHere: own && view.notAcceptingBecause === null,
  };
}

interface ApplicationEventRow {
  id: string;
  status: string;
  certificate_number: string;
  event_id: string;
}

export const eventOperations: FeatureOperations<
  'events.save' | 'events.remove' | 'events.list' | 'events.get' | 'events.search' | 'events.apply' | 'events.cancelApplication' | 'events.childApplications'
> = {
  'events.save': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      requireOwnOrganization(ctx, input.organizationId, FOREIGN_EVENT);
      const org = db
        .prepare('SELECT m.time_zone AS zone FROM organizations o JOIN municipalities m ON m.id = o.municipality_id WHERE o.id = ? AND o.deleted = 0')
        .get(input.organizationId) as { zone: string } | undefined;
      if (!org) throw new DomainError('not_found', 'Организация не найдена.');
      const values = [input.name, input.kind, input.startsAt, input.endsAt, input.address, input.ageMin, input.ageMax, input.places, input.description, input.applicationsOpen ? 1 : 0];
      let id = input.id;
      if (id) {
        const e = eventRow(db, id);
        if (e.organization_id !== input.organizationId) throw new DomainError('conflict', 'Мероприятие нельзя перенести в другую организацию.');
        const taken = submittedCount(db, id);
        if (input.places !== null && input.places < taken) {
          throw new DomainError('conflict', `На мероприятие уже подано заявок: ${taken}. Мест не может быть меньше.`, { fields: { places: `Не меньше ${taken}` } });
        }
        db.prepare(
          `UPDATE events SET name = ?, kind = ?, starts_at = ?, ends_at = ?, address = ?, age_min = ?, age_max = ?, places = ?, description = ?,
                  applications_open = ?, modified_at = ? WHERE id = ?`,
        ).run(...values, ctx.stamp, id);
      } else {
        // An organization publishes what is ahead; one already over is not news to apply to.
        if (input.endsAt < nowWhere(ctx, org.zone)) {
          throw new DomainError('invalid_input', 'Мероприятие уже закончилось: опубликовать можно только предстоящее.', { fields: { endsAt: 'Окончание уже прошло' } });
        }
        id = ctx.core.newId();
        db.prepare(
          `INSERT INTO events(id, modified_at, origin_office, organization_id, name, kind, starts_at, ends_at, address, age_min, age_max, places, description, applications_open)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, ctx.stamp, ctx.core.officeId, input.organizationId, ...values);
      }
      ctx.audit(
        'event',
        id,
        `${input.id ? 'Изменено' : 'Опубликовано'} мероприятие «${input.name}» (${EVENT_KIND_LABELS[input.kind].toLowerCase()}), ${formatLocalDateTimeRu(input.startsAt)}, ` +
          `${input.places === null ? 'без ограничения мест' : `мест ${input.places}`}${input.applicationsOpen ? '' : ', приём заявок закрыт'}`,
      );
      return toEventView(eventRow(db, id), nowWhere(ctx, org.zone));
    },
  },
  // A removal is a deletion mark, refused while children's applications stand: the organization cancels them first
  // (each family has to learn the event is off), or closes applications and keeps the event.
  'events.remove': {
    roles: ORG_AND_ADMIN,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const e = eventRow(db, input.eventId);
      requireOwnOrganization(ctx, e.organization_id, FOREIGN_EVENT);
      const taken = submittedCount(db, e.id);
      if (taken) {
        throw new DomainError('conflict', `Мероприятие «${e.name}» удалить нельзя: на него подано заявок — ${taken}. Сначала отмените заявки (сообщив семьям) или закройте приём заявок.`);
      }
      db.prepare('UPDATE events SET deleted = 1, modified_at = ? WHERE id = ?').run(ctx.stamp, e.id);
      ctx.audit('event', e.id, `Удалено мероприятие «${e.name}»`);
      return { id: e.id };
    },
  },
  'events.list': {
    roles: ALL_ROLES,
    writes: false,
    handler(input, ctx) {
      const now = officeNow(ctx);
      const upcoming = input.when === 'upcoming';
      const where = ['e.deleted = 0', upcoming ? 'e.ends_at >= @now' : 'e.ends_at < @now'];
      if (input.organizationId) where.push('e.organization_id = @organizationId');
      const rows = ctx.core.db
        .prepare(`${selectEvents} WHERE ${where.join(' AND ')} ORDER BY e.starts_at ${upcoming ? 'ASC' : 'DESC'}, e.name, e.id LIMIT @limit`)
        .all({ now, organizationId: input.organizationId ?? null, limit: input.limit }) as EventRow[];
      return rows.map((e) => toEventView(e, nowWhere(ctx, e.time_zone)));
    },
  },
  'events.get': {
    roles: ALL_ROLES,
    writes: false,
    handler: (input, ctx) => page(ctx, eventRow(ctx.core.db, input.eventId)),
  },
  'events.search': {
    roles: ALL_ROLES,
    writes: false,
    handler(input, ctx) {
      const match = programMatchQuery(input.query);
      if (!match) return [];
      // Through the name index: the matching rowids, then only those events are read; events are few next to programs.
      const rows = ctx.core.db
        .prepare(
          `${selectEvents} WHERE e.rowid IN (SELECT rowid FROM event_search WHERE event_search MATCH @match) AND e.deleted = 0 AND e.ends_at >= @now
            ORDER BY e.starts_at, e.name, e.id LIMIT @limit`,
        )
        .all({ match, now: officeNow(ctx), limit: input.limit }) as EventRow[];
      return rows.map((e) => toEventView(e, nowWhere(ctx, e.time_zone)));
    },
  },
  /**
   * A child's application to take part, with the checks of a program application (certificate status, the
   * confirmation policy or the cabinet password at the desk), then the event's: open, not started, places left, the
   * child's age on the event day, no second application.
   */
  'events.apply': {
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const e = eventRow(db, input.eventId);
      const c = certificateRowByNumber(db, input.certificateNumber);
      if (!c) throw new DomainError('not_found', `Сертификат № ${input.certificateNumber} не найден в реестре.`, { fields: { certificateNumber: 'Сертификат не найден' } });
      ctx.audit('event_application', null, `Заявка на мероприятие «${e.name}» по сертификату ${c.number}`);
      requireOwnOrganization(ctx, e.organization_id, FOREIGN_APPLICATION);
      const method = admitApplicant(ctx, c, input);
      const closed = notAcceptingBecause(e, nowWhere(ctx, e.time_zone));
      if (closed) throw new DomainError('refused', `Заявку на мероприятие «${e.name}» подать нельзя: ${closed}.`);
      const age = ageOn(childBirthDate(ctx, c), e.starts_at.slice(0, 10));
      if (age < e.age_min || age > e.age_max) {
        throw new DomainError('refused', `Мероприятие «${e.name}» — для детей от ${e.age_min} до ${e.age_max} лет, ребёнку в день мероприятия ${age}.`);
      }
      const twin = db
        .prepare("SELECT created_at AS at FROM event_applications WHERE event_id = ? AND certificate_id = ? AND status = 'submitted' AND deleted = 0")
        .get(e.id, c.id) as { at: string } | undefined;
      if (twin) throw new DomainError('conflict', `По сертификату ${c.number} уже подана заявка на мероприятие «${e.name}».`);
      const id = ctx.core.newId();
      db.prepare(
        `INSERT INTO event_applications(id, modified_at, origin_office, event_id, certificate_id, status, created_at, created_by, confirmation_method)
         VALUES (?, ?, ?, ?, ?, 'submitted', ?, ?, ?)`,
      ).run(id, ctx.stamp, ctx.core.officeId, e.id, c.id, ctx.nowIso, ctx.actor?.operatorId ?? null, method);
      ctx.audit('event_application', id, `Заявка на мероприятие «${e.name}» (${formatLocalDateTimeRu(e.starts_at)}) подана: сертификат ${c.number}`);
      return applicationView(db, id);
    },
  },
  'events.cancelApplication': {
    roles: ALL_ROLES,
    writes: true,
    handler(input, ctx) {
      const { db } = ctx.core;
      const a = db
        .prepare('SELECT a.id, a.status, a.event_id, c.number AS certificate_number FROM event_applications a JOIN certificates c ON c.id = a.certificate_id WHERE a.id = ? AND a.deleted = 0')
        .get(input.applicationId) as ApplicationEventRow | undefined;
      if (!a) throw new DomainError('not_found', 'Заявка на мероприятие не найдена.');
      const e = eventRow(db, a.event_id);
      ctx.audit('event_application', a.id, `Отмена заявки на мероприятие «${e.name}» по сертификату ${a.certificate_number}`);
      requireOwnOrganization(ctx, e.organization_id, FOREIGN_APPLICATION);
      if (a.status !== 'submitted') throw new DomainError('conflict', 'Заявка уже отменена.');
      if (e.starts_at <= nowWhere(ctx, e.time_zone)) throw new DomainError('conflict', `Мероприятие «${e.name}» уже началось: заявку на него отменить нельзя.`);
      db.prepare("UPDATE event_applications SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancel_reason = ?, modified_at = ? WHERE id = ?")
        .run(ctx.nowIso, ctx.actor?.operatorId ?? null, input.reason, ctx.stamp, a.id);
      ctx.audit('event_application', a.id, `Заявка на мероприятие «${e.name}» по сертификату ${a.certificate_number} отменена${input.reason ? `: ${input.reason}` : ''}`);
      return applicationView(db, a.id);
    },
  },
  'events.childApplications': {
    roles: REGISTRY_STAFF,
    writes: false,
    handler: (input, ctx) => childApplications(ctx.core.db, certificateRow(ctx.core.db, input.certificateId).id),
  },
};
