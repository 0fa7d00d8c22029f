/**
 * The office's public card: code, name, role, public keys and their fingerprint, signed by the office's own signing
 * key. The fingerprint (read out over the phone) vouches for the keys; the signature by those keys vouches for the
 * rest of the card, so a card altered after export is refused even where its keys were left alone.
 */
import { OFFICE_ROLE_LABELS, type OfficeRole } from '../../../shared/enums';
import { groupFingerprint } from '../../../shared/fingerprint';
import {
  OFFICE_CARD_FORMAT, OFFICE_CARD_MAX_CHARS, OFFICE_CARD_VERSION, officeCardSchema, type OfficeCard, type OfficeCardFile, type OwnOfficeView,
} from '../../../shared/operations';
import type { Core } from '../../core';
import { DomainError } from '../../errors';
import { officeKeysOf, officePublicKeys } from './keys';
import { SUITES, type CryptoSuite } from './suite';

/** JSON with keys sorted at every level: the bytes a card's signature covers. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const signedBytes = (card: Omit<OfficeCard, 'signature'>) => Buffer.from(`${OFFICE_CARD_FORMAT}\n${canonicalJson(card)}`, 'utf8');

interface OwnRow {
  code: string;
  name: string;
  role: OfficeRole | null;
  organization_id: string | null;
  organization_name: string | null;
}

function ownRow(core: Core): OwnRow {
  const row = core.db
    .prepare(
      `SELECT f.code, f.name, f.role, f.organization_id, o.short_name AS organization_name
         FROM offices f LEFT JOIN organizations o ON o.id = f.organization_id WHERE f.id = ?`,
    )
    .get(core.officeId) as OwnRow | undefined;
  if (!row) throw new DomainError('refused', 'Офис ещё не записан в реестре: АРМ открыт без хранилища ключей. Запустите АРМ обычным способом.');
  return row;
}

export function ownOffice(core: Core): OwnOfficeView {
  const row = ownRow(core);
  const keys = officePublicKeys(core);
  return {
    officeId: core.officeId,
    code: row.code,
    name: row.name,
    role: row.role ?? 'registry_office',
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    fingerprint: keys ? groupFingerprint(keys.fingerprint) : null,
    suite: keys?.suite.id ?? null,
  };
}

/** The office's card, signed now, as the file the administrator saves and hands to the other office. */
export function makeCard(core: Core, issuedAt: string): OfficeCardFile {
  const own = ownOffice(core);
  const keys = officeKeysOf(core);
  const body: Omit<OfficeCard, 'signature'> = {
    format: OFFICE_CARD_FORMAT,
    version: OFFICE_CARD_VERSION,
    suite: keys.suite.id,
    officeId: own.officeId,
    code: own.code,
    name: own.name,
    role: own.role,
    organizationId: own.organizationId,
    organizationName: own.organizationName,
    publicKeys: { ...keys.publicKeys },
    fingerprint: groupFingerprint(keys.fingerprint),
    issuedAt,
  };
  const card: OfficeCard = { ...body, signature: keys.suite.sign(keys.privateKeys, signedBytes(body)) };
  const json = `${JSON.stringify(card, null, 2)}\n`;
  if (json.length > OFFICE_CARD_MAX_CHARS) throw new DomainError('refused', 'Карточка офиса получилась слишком большой: сократите название офиса.');
  return { fileName: `office-card-${own.code}.json`, json, fingerprint: body.fingerprint, card };
}

/** A card whose file has been read and whose keys, fingerprint and signature hold. */
export interface CheckedCard {
  card: OfficeCard;
  suite: CryptoSuite;
  /** The full SHA-256 (64 hex digits) of the card's keys. */
  fingerprintHex: string;
}

const bad = (why: string) => new DomainError('invalid_input', `Карточка офиса не принята: ${why}`, { fields: { cardText: why } });

/**
 * Reads a card file's text and checks it: JSON, the card's mark and version, every field (zod), a known suite, keys of
 * that suite, the fingerprint written in it against its keys, and its signature. Each refusal says what is wrong.
 */
export function checkCard(text: string): CheckedCard {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw bad('файл не является карточкой офиса (это не JSON). Выберите файл, сохранённый кнопкой «Сохранить карточку офиса».');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== OFFICE_CARD_FORMAT) {
    throw bad('файл не является карточкой офиса АРМ Сертификат. Выберите файл, сохранённый кнопкой «Сохранить карточку офиса».');
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== OFFICE_CARD_VERSION) {
    throw bad(`карточка версии ${String(version).slice(0, 20)}, а эта версия АРМ читает карточки версии ${OFFICE_CARD_VERSION}. Обновите АРМ или попросите карточку, выгруженную той же версией.`);
  }
  const parsed = officeCardSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (поле ${issue.path.map(String).join('.')})` : '';
    throw bad(`${issue?.message ?? 'поля заполнены неверно'}${where}.`);
  }
  const card = parsed.data;
  const suite = SUITES.get(card.suite);
  if (!suite) throw bad(`набор алгоритмов «${card.suite}» не поддерживается этой версией АРМ.`);
  try {
    suite.checkPublicKeys(card.publicKeys);
  } catch {
    throw bad('открытые ключи в карточке повреждены.');
  }
  const fingerprintHex = suite.fingerprint(card.publicKeys);
  if (groupFingerprint(fingerprintHex) !== card.fingerprint) throw bad('отпечаток, записанный в карточке, не совпадает с её ключами: файл изменён после выгрузки.');
  const { signature, ...body } = card;
  if (!suite.verify(card.publicKeys, signedBytes(body), signature)) throw bad('подпись карточки неверна: файл изменён после выгрузки.');
  return { card, suite, fingerprintHex };
}

export const roleLabel = (role: OfficeRole) => OFFICE_ROLE_LABELS[role];
