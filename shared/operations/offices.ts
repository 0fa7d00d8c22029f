import { z } from 'zod';
import { OFFICE_ROLES, type OfficeRole } from '../enums';
import { id } from './fields';

/** What the card file says it is: a file of any other kind is refused by this mark before anything else is read. */
export const OFFICE_CARD_FORMAT = 'certdesk-office-card';
/** The card version this build reads and writes. */
export const OFFICE_CARD_VERSION = 1;
/** The longest card file accepted, in characters: a card is under 2 KiB, so anything near this is not a card. */
export const OFFICE_CARD_MAX_CHARS = 16_384;

/** An office's code as it stands in its numbers («9901-01»): letters, digits and dashes. */
export const officeCodeField = z
  .string({ error: 'Код офиса: укажите код' })
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z-]{1,15}$/, 'Код офиса: от 2 до 16 латинских букв, цифр или дефисов, например 9901-01');

const base64url = (label: string) =>
  z.string({ error: `${label}: нет значения` }).regex(/^[A-Za-z0-9_-]{16,2048}$/, `${label}: ожидается ключ в кодировке base64url`);

/** The public card of an office, as the JSON file carries it (checked field by field; no other field is accepted). */
export const officeCardSchema = z.strictObject(
  {
    format: z.literal(OFFICE_CARD_FORMAT, { error: 'Это не карточка офиса АРМ Сертификат' }),
    version: z.literal(OFFICE_CARD_VERSION, { error: `Версия карточки: эта версия АРМ читает карточки версии ${OFFICE_CARD_VERSION}` }),
    suite: z.string({ error: 'Набор алгоритмов: нет значения' }).min(1).max(100, 'Набор алгоритмов: слишком длинное значение'),
    officeId: z.string({ error: 'Идентификатор офиса: нет значения' }).uuid('Идентификатор офиса: неверное значение'),
    code: officeCodeField,
    name: z.string({ error: 'Название офиса: нет значения' }).trim().min(1, 'Название офиса: пустое значение').max(300, 'Название офиса: не длиннее 300 символов'),
    role: z.enum(OFFICE_ROLES, { error: 'Роль офиса: неизвестное значение' }),
    organizationId: z.string().uuid('Организация: неверный идентификатор').nullable(),
    organizationName: z.string().max(300, 'Организация: не длиннее 300 символов').nullable(),
    publicKeys: z.strictObject(
      { sign: base64url('Ключ подписи'), box: base64url('Ключ шифрования') },
      { error: 'Открытые ключи: ожидаются ключ подписи (sign) и ключ шифрования (box)' },
    ),
    fingerprint: z.string({ error: 'Отпечаток: нет значения' }).regex(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/, 'Отпечаток: 8 групп по 4 знака'),
    issuedAt: z.string({ error: 'Дата карточки: нет значения' }).max(40, 'Дата карточки: неверное значение'),
    signature: base64url('Подпись карточки'),
  },
  { error: 'Карточка офиса: поле неизвестно этой версии АРМ или заполнено неверно' },
);
export type OfficeCard = z.infer<typeof officeCardSchema>;

/** The text of a card file as the administrator chose it: refused plainly when it cannot be a card at all. */
const cardText = z
  .string({ error: 'Выберите файл карточки офиса' })
  .min(1, 'Файл карточки пуст')
  .max(
    OFFICE_CARD_MAX_CHARS,
    `Файл слишком большой для карточки офиса (больше ${OFFICE_CARD_MAX_CHARS / 1024} КБ): выберите файл, сохранённый кнопкой «Сохранить карточку офиса» или командой office-card.`,
  );

const officeRole = z.enum(OFFICE_ROLES, { error: 'Роль офиса: выберите значение' });

/** This office as its administrator sees it. */
export interface OwnOfficeView {
  officeId: string;
  code: string;
  name: string;
  role: OfficeRole;
  organizationId: string | null;
  organizationName: string | null;
  /** The spoken fingerprint of the office's public keys; null until the keys exist (a desk opened without its key store). */
  fingerprint: string | null;
  suite: string | null;
}

/** A card file ready to save: its name, its text, and the fingerprint to read out to the other office. */
export interface OfficeCardFile {
  fileName: string;
  json: string;
  fingerprint: string;
  card: OfficeCard;
}

/** What a card file says, once it is checked: shown to the administrator before the fingerprint is confirmed. */
export interface OfficeCardPreview {
  officeId: string;
  code: string;
  name: string;
  role: OfficeRole;
  organizationName: string | null;
  fingerprint: string;
  issuedAt: string;
}

/** One entry of the trust list: who trusted which keys, when; revoked entries stay listed. */
export interface TrustedOfficeView {
  id: string;
  officeId: string;
  code: string;
  name: string;
  role: OfficeRole;
  organizationName: string | null;
  fingerprint: string;
  trustedAt: string;
  trustedBy: string;
  revoked: boolean;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export const officesContract = {
  'offices.own': { input: z.object({}), output: {} as OwnOfficeView },
  'offices.card': { input: z.object({}), output: {} as OfficeCardFile },
  'offices.readCard': { input: z.object({ cardText }), output: {} as OfficeCardPreview },
  'offices.trust': {
    input: z.object({
      cardText,
      fingerprint: z
        .string({ error: 'Отпечаток: введите отпечаток, продиктованный другим офисом' })
        .trim()
        .min(1, 'Отпечаток: введите отпечаток, продиктованный другим офисом')
        .max(200, 'Отпечаток: 8 групп по 4 знака'),
    }),
    output: {} as TrustedOfficeView,
  },
  'offices.trusted': { input: z.object({}), output: {} as TrustedOfficeView[] },
  'offices.revoke': {
    input: z.object({
      officeCode: officeCodeField,
      reason: z.string({ error: 'Причина отзыва: укажите причину' }).trim().min(3, 'Причина отзыва: укажите причину').max(500, 'Причина отзыва: не длиннее 500 символов'),
    }),
    output: {} as TrustedOfficeView,
  },
  'offices.setRole': {
    input: z
      .object({ role: officeRole, organizationId: id.nullable().optional().transform((v) => v ?? null) })
      .refine((v) => (v.role === 'organization_desk') === (v.organizationId !== null), {
        message: 'Организация: выберите организацию для рабочего места организации (и только для него)',
        path: ['organizationId'],
      }),
    output: {} as OwnOfficeView,
  },
} as const;
