/** The trust list: the offices whose cards this office's administrator imported after comparing the fingerprint. */
import { groupFingerprint } from '../../../shared/fingerprint';
import { formatDateRu } from '../../../shared/rules';
import type { OfficeCardPreview, TrustedOfficeView } from '../../../shared/operations';
import type { OfficeRole } from '../../../shared/enums';
import type { Core } from '../../core';
import { DomainError } from '../../errors';
import type { CheckedCard } from './card';
import { officePublicKeys } from './keys';

interface TrustRow {
  id: string;
  office_id: string;
  code: string;
  name: string;
  role: OfficeRole;
  organization_name: string | null;
  fingerprint: string;
  trusted_at: string;
  trusted_by_name: string;
  revoked_at: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}

const toView = (r: TrustRow): TrustedOfficeView => ({
  id: r.id,
  officeId: r.office_id,
  code: r.code,
  name: r.name,
  role: r.role,
  organizationName: r.organization_name,
  fingerprint: groupFingerprint(r.fingerprint),
  trustedAt: r.trusted_at,
  trustedBy: r.trusted_by_name,
  revoked: r.revoked_at !== null,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by_name,
  revokeReason: r.revoke_reason,
});

const COLUMNS = 'entry_id AS id, office_id, code, name, role, organization_name, fingerprint, trusted_at, trusted_by_name, revoked_at, revoked_by_name, revoke_reason';

/** Live entries first (by code), then the revoked ones, latest revocation first. */
export function trustList(core: Core): TrustedOfficeView[] {
  return (core.db.prepare(`SELECT ${COLUMNS} FROM office_trust ORDER BY revoked_at IS NOT NULL, revoked_at DESC, code`).all() as TrustRow[]).map(toView);
}

export function trustEntry(core: Core, id: string): TrustedOfficeView {
  return toView(core.db.prepare(`SELECT ${COLUMNS} FROM office_trust WHERE entry_id = ?`).get(id) as TrustRow);
}

/** The live (not revoked) entry of an office, by its code. */
export function liveEntryByCode(core: Core, code: string): TrustedOfficeView | null {
  const row = core.db.prepare(`SELECT ${COLUMNS} FROM office_trust WHERE code = ? AND revoked_at IS NULL`).get(code) as TrustRow | undefined;
  return row ? toView(row) : null;
}

/**
 * Refuses a card this office must not trust: its own (by id, keys or code), keys revoked before, or an office
 * already trusted (the same keys, or another card of it while the first is live).
 */
export function refuseUntrustable(core: Core, checked: CheckedCard): void {
  const { card, fingerprintHex } = checked;
  const own = officePublicKeys(core);
  const ownCode = (core.db.prepare('SELECT code FROM offices WHERE id = ?').get(core.officeId) as { code: string } | undefined)?.code;
  if (card.officeId === core.officeId || (own && own.fingerprint === fingerprintHex)) {
    throw new DomainError('conflict', 'Это карточка нашего собственного офиса: её передают другим офисам, а в список доверенных добавляют карточки других офисов.');
  }
  if (card.code === ownCode) {
    throw new DomainError('conflict', `Код ${card.code} — код нашего офиса: у двух офисов региона не может быть одного кода (он стоит в номерах документов и договоров).`);
  }
  const same = core.db.prepare(`SELECT ${COLUMNS} FROM office_trust WHERE fingerprint = ?`).get(fingerprintHex) as TrustRow | undefined;
  if (same?.revoked_at) {
    throw new DomainError(
      'conflict',
      `Ключи офиса ${same.code} с этим отпечатком были отозваны (${formatDateRu(same.revoked_at.slice(0, 10))}, причина: ${same.revoke_reason}). Отозванные ключи повторно не принимаются: попросите офис выпустить новые ключи.`,
    );
  }
  if (same) throw new DomainError('conflict', `Офис ${same.code} «${same.name}» уже в списке доверенных с этим отпечатком (с ${formatDateRu(same.trusted_at.slice(0, 10))}).`);
  const live = core.db.prepare(`SELECT ${COLUMNS} FROM office_trust WHERE revoked_at IS NULL AND (code = ? OR office_id = ?)`).get(card.code, card.officeId) as TrustRow | undefined;
  if (live) {
    throw new DomainError(
      'conflict',
      `Офис ${live.code} «${live.name}» уже в списке доверенных с другим отпечатком (${groupFingerprint(live.fingerprint)}). Чтобы принять новую карточку, сначала отзовите прежнюю.`,
    );
  }
}

export function preview(checked: CheckedCard): OfficeCardPreview {
  const { card } = checked;
  return {
    officeId: card.officeId,
    code: card.code,
    name: card.name,
    role: card.role,
    organizationName: card.organizationName,
    fingerprint: card.fingerprint,
    issuedAt: card.issuedAt,
  };
}

export function recordTrust(core: Core, checked: CheckedCard, who: { operatorId: string | null; name: string }, at: string): string {
  const { card, fingerprintHex } = checked;
  const id = core.newId();
  core.db
    .prepare(
      `INSERT INTO office_trust(entry_id, office_id, code, name, role, organization_id, organization_name, suite, sign_public_key, box_public_key,
                                fingerprint, card, trusted_at, trusted_by, trusted_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, card.officeId, card.code, card.name, card.role, card.organizationId, card.organizationName, card.suite, card.publicKeys.sign, card.publicKeys.box,
      fingerprintHex, JSON.stringify(card), at, who.operatorId, who.name);
  return id;
}

export function recordRevocation(core: Core, id: string, who: { operatorId: string | null; name: string }, at: string, reason: string): void {
  core.db.prepare('UPDATE office_trust SET revoked_at = ?, revoked_by = ?, revoked_by_name = ?, revoke_reason = ? WHERE entry_id = ?').run(at, who.operatorId, who.name, reason, id);
}
