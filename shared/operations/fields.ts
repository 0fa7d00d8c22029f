/** The fields several namespaces' inputs share: Russian messages are what the operator sees when a form is wrong. */
import { z } from 'zod';
import { GENDERS, RELATIONS } from '../enums';
import { CERTIFICATE_NUMBER_PATTERN, isValidIsoDate, NAME_PART_PATTERN } from '../rules';

export const trimmed = (max: number, label: string) =>
  z
    .string({ error: `${label}: укажите значение` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов`);

export const namePart = (label: string) =>
  trimmed(60, label)
    .min(1, `${label}: обязательно для заполнения`)
    .regex(NAME_PART_PATTERN, `${label}: только русские буквы, дефис или пробел между частями`);

export const optionalNamePart = (label: string) =>
  z
    .string()
    .trim()
    .max(60, `${label}: не длиннее 60 символов`)
    .refine((v) => v === '' || NAME_PART_PATTERN.test(v), `${label}: только русские буквы, дефис или пробел между частями`)
    .optional()
    .transform((v) => (v ? v : null));

export const isoDate = (label: string) =>
  z.string({ error: `${label}: укажите дату` }).refine(isValidIsoDate, `${label}: дата в формате ГГГГ-ММ-ДД`);

export const certificateNumber = z
  .string({ error: 'Номер сертификата: укажите номер' })
  .trim()
  .regex(CERTIFICATE_NUMBER_PATTERN, 'Номер сертификата состоит из 10 цифр: код региона (2), муниципалитета (2) и порядковый номер (6)');

export const id = z.string().uuid('Неверный идентификатор записи');

export const personName = {
  lastName: namePart('Фамилия'),
  firstName: namePart('Имя'),
  middleName: optionalNamePart('Отчество'),
};

export const childInput = z.object({
  ...personName,
  birthDate: isoDate('Дата рождения'),
  gender: z.enum(GENDERS, { error: 'Пол: выберите значение' }),
  /** Свидетельство о рождении или паспорт: серия и номер как в документе. */
  identityDocument: trimmed(40, 'Документ ребёнка')
    .min(4, 'Документ ребёнка: укажите серию и номер')
    .regex(/^[0-9A-Za-zА-ЯЁа-яё\s№-]+$/u, 'Документ ребёнка: только буквы, цифры, пробел, дефис и №'),
  snils: z
    .string()
    .trim()
    .regex(/^(\d{3}-\d{3}-\d{3} \d{2})?$/, 'СНИЛС в формате 123-456-789 01')
    .optional()
    .transform((v) => (v ? v : null)),
});

export type ChildInput = z.input<typeof childInput>;

export const representativeInput = z.object({
  ...personName,
  relation: z.enum(RELATIONS, { error: 'Кем приходится ребёнку: выберите значение' }),
  identityDocument: trimmed(60, 'Документ представителя').min(4, 'Документ представителя: укажите серию и номер'),
  phone: z
    .string()
    .trim()
    .regex(/^(\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}$/, 'Телефон в формате +7 999 123-45-67')
    .optional()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  email: z
    .string()
    .trim()
    .email('Электронная почта указана неверно')
    .optional()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  address: trimmed(300, 'Адрес').optional().transform((v) => (v ? v : null)),
});

export type RepresentativeInput = z.input<typeof representativeInput>;

export const newPassword = z
  .string({ error: 'Пароль: укажите значение' })
  .min(10, 'Пароль не короче 10 символов')
  .max(256, 'Пароль не длиннее 256 символов')
  .refine((v) => /\p{L}/u.test(v) && /\d/.test(v), 'Пароль должен содержать буквы и цифры');

export const operatorLogin = z
  .string({ error: 'Логин: укажите значение' })
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,64}$/, 'Логин: от 3 до 64 латинских букв, цифр, точек, дефисов или подчёркиваний');

export const operatorFullName = trimmed(120, 'ФИО сотрудника')
  .min(3, 'ФИО сотрудника: обязательно для заполнения')
  .regex(/^[А-ЯЁа-яё]+(?:[- ][А-ЯЁа-яё]+)*$/u, 'ФИО сотрудника: только русские буквы, пробелы и дефисы');

export const certificateRef = z.object({ certificateId: id });

export const reason = (label: string) => trimmed(500, label).min(5, `${label}: опишите причину (не короче 5 символов)`);

/** Code phrases are said aloud and typed by an operator: compared folded, so the minimum counts letters that matter. */
export const CODE_PHRASE_MIN_LENGTH = 8;

export const codePhrase = z
  .string({ error: 'Кодовая фраза: укажите значение' })
  .max(100, 'Кодовая фраза не длиннее 100 символов')
  .refine((v) => v.replace(/\s+/g, ' ').trim().length >= CODE_PHRASE_MIN_LENGTH, `Кодовая фраза не короче ${CODE_PHRASE_MIN_LENGTH} символов`);
