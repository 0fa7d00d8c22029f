/**
 * The operation contract: every operation's name, input schema (zod) and output type.
 * The core's operation table implements exactly these; the renderer calls them by name.
 * Russian messages in the schemas are what the operator sees when a form is wrong.
 */
import { z } from 'zod';
import {
  CERTIFICATE_TYPES,
  GENDERS,
  CONFIRMATION_POLICIES,
  DIRECTIONS,
  PROGRAM_REGISTRIES,
  RELATIONS,
  ROLES,
  SCAN_MIME_TYPES,
  THEMES,
  type ConfirmationPolicy,
  type Direction,
  type ProgramRegistry,
  type DocumentKind,
  type BudgetRegistry,
  type CertificateStatus,
  type CertificateType,
  type Relation,
  type Role,
  type Theme,
} from './enums';
import { CERTIFICATE_NUMBER_PATTERN, NAME_PART_PATTERN, isValidIsoDate } from './rules';
import { EVENT_KINDS, localDateTime, type EventApplicationStatus, type EventKind } from './events';

const trimmed = (max: number, label: string) =>
  z
    .string({ error: `${label}: укажите значение` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов`);

const namePart = (label: string) =>
  trimmed(60, label)
    .min(1, `${label}: обязательно для заполнения`)
    .regex(NAME_PART_PATTERN, `${label}: только русские буквы, дефис или пробел между частями`);

const optionalNamePart = (label: string) =>
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

const personName = {
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

// ---------- outputs ----------

export interface OperatorView {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  organizationId: string | null;
  organizationName: string | null;
  theme: Theme;
}

export interface SessionView {
  token: string;
  operator: OperatorView;
  office: { id: string; name: string };
  /** Operations this operator's role may call: the screens offer only what the core would accept. */
  allowedOperations: string[];
  /** The desk's clock when the session was read (ISO-8601): the screens' «today» follows the core's, not the PC's. */
  deskNow: string;
}

export interface CategoryView {
  id: string;
  name: string;
  year: number;
  annualNominalKopecks: number;
  budgetCounts: Record<BudgetRegistry, number>;
}

export interface MunicipalityView {
  id: string;
  name: string;
  regionCode: string;
  municipalityCode: string;
  childAgeMin: number;
  childAgeMax: number;
  categories: CategoryView[];
}

export interface DuplicateCandidate {
  childId: string;
  fullName: string;
  birthDate: string;
  identityDocument: string;
  certificateNumber: string | null;
  reason: 'name_and_birth_date' | 'identity_document';
}

export interface CertificateSearchRow {
  certificateId: string;
  number: string;
  childName: string;
  birthDate: string;
  status: CertificateStatus;
  representativeName: string | null;
}

export interface CertificateCard {
  id: string;
  number: string;
  type: CertificateType;
  status: CertificateStatus;
  issuedAt: string;
  child: { id: string; fullName: string; birthDate: string; gender: string; identityDocument: string; snils: string | null };
  representative: {
    id: string;
    fullName: string;
    relation: Relation;
    phone: string | null;
    email: string | null;
    address: string | null;
    classAddress: string | null;
    identityDocument: string;
  } | null;
  municipality: { id: string; name: string };
  category: { id: string; name: string; year: number };
  /** Null when the municipality's limit is reached: the card shows `limitMessage` instead. */
  money: { nominalKopecks: number; balanceKopecks: number; reserveKopecks: number; spentKopecks: number } | null;
  limitMessage: string | null;
  budgetCounts: Record<BudgetRegistry, number>;
  notifications: Array<{ id: string; at: string; text: string }>;
  /** Why the certificate is suspended or annulled. */
  statusReason: string | null;
  checklist: ChecklistView;
  consents: ConsentView[];
  /** True when a signed, not withdrawn consent exists. */
  hasValidConsent: boolean;
  /** What activation still lacks (empty when it can be activated or is not in «не активирован»). */
  activationMissing: string[];
  confirmation: { policy: ConfirmationPolicy; codePhraseSet: boolean; codePhraseChangedAt: string | null; lockedUntil: string | null };
  cabinet: { login: string; passwordSetAt: string | null };
  /** Other children of the same representative (the seed's «объединение кабинетов»). */
  family: Array<{ certificateId: string; number: string; childName: string; status: CertificateStatus }>;
  history: Array<{ at: string; kind: string; text: string; operatorName: string | null }>;
  documents: IssuedDocumentView[];
}

export interface ChecklistView {
  childIdentity: boolean;
  representativeIdentity: boolean;
  representationProof: boolean;
  /** Proof of representation is needed only when the representative is not a parent. */
  representationProofRequired: boolean;
  recordedAt: string | null;
}

export interface ConsentView {
  id: string;
  formVersion: string;
  signedOn: string;
  signedBy: string;
  recordedAt: string;
  withdrawnOn: string | null;
  scan: { fileName: string; mime: string; size: number; sha256: string } | null;
}

export interface IssuedDocumentView {
  id: string;
  kind: DocumentKind;
  registrationNumber: string;
  issuedAt: string;
  issuedByName: string;
  valid: boolean;
  supersededReason: string | null;
}

export interface PrintedDocument {
  document: IssuedDocumentView;
  /** The PDF, base64: the window previews and prints it, the browser opens or downloads it. */
  pdfBase64: string;
  fileName: string;
}

export interface DocumentVerification {
  found: boolean;
  valid: boolean;
  message: string;
  kind: DocumentKind | null;
  registrationNumber: string | null;
  issuedAt: string | null;
  issuedByName: string | null;
  officeName: string | null;
  certificateNumber: string | null;
  /** «Фамилия И. О.» of the child: enough to match the paper, no more. */
  childName: string | null;
}

export const CONTRACT_STATUSES = ['pending', 'confirmed', 'active', 'completed', 'terminated', 'rejected', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export interface ContractView {
  id: string;
  number: string;
  status: ContractStatus;
  certificateId: string;
  certificateNumber: string;
  childName: string;
  organizationId: string;
  organizationName: string;
  programId: string;
  programName: string;
  groupId: string;
  groupName: string;
  funding: 'certificate' | 'budget' | null;
  budgetRegistry: BudgetRegistry | null;
  startDate: string;
  endDate: string;
  priceKopecks: number;
  certificateKopecks: number;
  parentKopecks: number;
  monthlyPayments: Array<{ month: string; kopecks: number }>;
  createdAt: string;
  reason: string | null;
  terminationDate: string | null;
  /** For a prolongation: the contract it continues and the last day the representative may refuse it. */
  prolongedFromNumber: string | null;
  prolongationDeadline: string | null;
  /** A pending prolongation: whole days left for the representative to refuse it (0: today is the last day). */
  prolongationDaysLeft: number | null;
  /** The representative's rating of the program for this contract, if given. */
  rating: RatingScores | null;
  /** The last day the rating may be given or changed, while that window is open today; otherwise null. */
  ratingOpenUntil: string | null;
}

/** The seed's four rating parameters, each 0–100 %. */
export interface RatingScores {
  results: number;
  staff: number;
  equipment: number;
  satisfaction: number;
}

export interface GroupView {
  id: string;
  name: string;
  programId: string;
  programName: string;
  organizationId: string;
  organizationName: string;
  moduleName: string;
  modulePriceKopecks: number;
  startDate: string;
  endDate: string;
  capacity: number;
  placesTaken: number;
  address: string;
  teacher: string | null;
  ageMin: number;
  ageMax: number;
  enrollmentOpen: boolean;
  registries: string[];
  timetable: Array<{ weekday: number; start: string; end: string }>;
}

export interface ProgramCard {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  organizationFullName: string;
  organizationAddress: string | null;
  organizationPhone: string | null;
  organizationEmail: string | null;
  municipalityName: string;
  direction: Direction;
  ageMin: number;
  ageMax: number;
  registries: ProgramRegistry[];
  activityTypes: string[];
  /** The seed's «Интересы»: what children who take the program are into. */
  interests: string[];
  goals: string;
  annotation: string;
  addresses: string[];
  enrollmentOpen: boolean;
  modules: Array<{ id: string; ordinal: number; name: string; hours: number; priceKopecks: number }>;
  placesLeft: number;
  nearestStart: string | null;
  /** Why the chosen certificate cannot enroll now (empty when it can, or when no certificate was chosen). */
  excludedBecause: string[];
}

export interface ScheduleEntry {
  weekday: number;
  start: string;
  end: string;
  programName: string;
  groupName: string;
  organizationName: string;
  address: string;
  teacher: string | null;
}

export interface ProgramRating {
  programId: string;
  count: number;
  /** Averages, 0–100 %, one decimal; null when nobody has rated the program yet. */
  results: number | null;
  staff: number | null;
  equipment: number | null;
  satisfaction: number | null;
  overall: number | null;
}

export interface MonthlyCloseReport {
  municipalityId: string;
  month: string;
  /** True when the month had been closed before: nothing was changed now. */
  alreadyClosed: boolean;
  preview: boolean;
  activated: number;
  charged: { contracts: number; kopecks: number };
  completed: number;
  rejectedStale: number;
  shrunk: { certificates: number; kopecks: number };
}

export interface ConfirmationDecision {
  allowed: boolean;
  message: string;
}

export interface OperatorAccountView extends OperatorView {
  active: boolean;
  lockedUntil: string | null;
}

export interface OrganizationRef {
  id: string;
  shortName: string;
  municipalityName: string;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  operatorLogin: string | null;
  operation: string;
  recordType: string | null;
  recordId: string | null;
  outcome: 'ok' | 'refused';
  summary: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
}

// ---------- organization's own editing screens ----------

/** The organization card as its staff keep it, with the list of its programs. */
export interface OrganizationCardView {
  id: string;
  name: string;
  shortName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  municipalityName: string;
  programs: Array<{ id: string; name: string; direction: Direction; ageMin: number; ageMax: number; enrollmentOpen: boolean; modules: number; groups: number }>;
}

/** A group as the organization edits it: the ids and the plain fields groups.save takes back. */
export interface EditableGroup {
  id: string;
  moduleId: string;
  moduleName: string;
  name: string;
  startDate: string;
  endDate: string;
  capacity: number;
  placesTaken: number;
  address: string;
  teacher: string | null;
  timetable: Array<{ weekday: number; start: string; end: string }>;
  hoursPerWeek: number;
}

export interface EditableProgram {
  program: ProgramCard;
  groups: EditableGroup[];
}

const newPassword = z
  .string({ error: 'Пароль: укажите значение' })
  .min(10, 'Пароль не короче 10 символов')
  .max(256, 'Пароль не длиннее 256 символов')
  .refine((v) => /\p{L}/u.test(v) && /\d/.test(v), 'Пароль должен содержать буквы и цифры');

const operatorLogin = z
  .string({ error: 'Логин: укажите значение' })
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,64}$/, 'Логин: от 3 до 64 латинских букв, цифр, точек, дефисов или подчёркиваний');

const operatorFullName = trimmed(120, 'ФИО сотрудника')
  .min(3, 'ФИО сотрудника: обязательно для заполнения')
  .regex(/^[А-ЯЁа-яё]+(?:[- ][А-ЯЁа-яё]+)*$/u, 'ФИО сотрудника: только русские буквы, пробелы и дефисы');

const certificateRef = z.object({ certificateId: id });
const reason = (label: string) => trimmed(500, label).min(5, `${label}: опишите причину (не короче 5 символов)`);

/** Code phrases are said aloud and typed by an operator: compared folded, so the minimum counts letters that matter. */
export const CODE_PHRASE_MIN_LENGTH = 8;
const codePhrase = z
  .string({ error: 'Кодовая фраза: укажите значение' })
  .max(100, 'Кодовая фраза не длиннее 100 символов')
  .refine((v) => v.replace(/\s+/g, ' ').trim().length >= CODE_PHRASE_MIN_LENGTH, `Кодовая фраза не короче ${CODE_PHRASE_MIN_LENGTH} символов`);

// ---------- the contract ----------

export const operations = {
  'auth.login': {
    input: z.object({
      login: z.string().trim().min(1, 'Укажите логин').max(64, 'Логин не длиннее 64 символов'),
      password: z.string().min(1, 'Укажите пароль').max(256, 'Пароль не длиннее 256 символов'),
    }),
    output: {} as SessionView,
  },
  'auth.logout': { input: z.object({}), output: {} as { loggedOut: true } },
  'auth.me': { input: z.object({}), output: {} as SessionView },
  'settings.setTheme': {
    input: z.object({ theme: z.enum(THEMES, { error: 'Тема: светлая или тёмная' }) }),
    output: {} as { theme: Theme },
  },
  'municipalities.list': { input: z.object({}), output: {} as MunicipalityView[] },
  'children.findDuplicates': {
    input: z.object({
      lastName: z.string().trim().max(60),
      firstName: z.string().trim().max(60),
      middleName: z.string().trim().max(60).optional().nullable(),
      birthDate: isoDate('Дата рождения'),
      identityDocument: z.string().trim().max(40).optional().nullable(),
    }),
    output: {} as DuplicateCandidate[],
  },
  'certificates.issue': {
    input: z.object({
      child: childInput,
      representative: representativeInput,
      municipalityId: z.string({ error: 'Муниципалитет: выберите значение' }).uuid('Муниципалитет: выберите значение из списка'),
      categoryId: z.string({ error: 'Категория: выберите значение' }).uuid('Категория: выберите значение из списка'),
      type: z.enum(CERTIFICATE_TYPES, { error: 'Тип сертификата: выберите значение' }),
      /** Set after the operator has seen the suspected duplicates and confirmed this is another child. */
      confirmNotDuplicate: z.boolean().default(false),
    }),
    output: {} as { certificateId: string; number: string; childId: string },
  },
  'certificates.search': {
    input: z.object({
      query: z.string().max(100, 'Запрос не длиннее 100 символов'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: {} as { rows: CertificateSearchRow[]; tookMs: number },
  },
  'certificates.get': {
    input: z.union([z.object({ id }), z.object({ number: certificateNumber })]),
    output: {} as CertificateCard,
  },
  'auth.changePassword': {
    input: z.object({ currentPassword: z.string().min(1, 'Укажите текущий пароль').max(256), newPassword }),
    output: {} as { changed: true },
  },
  'operators.list': { input: z.object({}), output: {} as OperatorAccountView[] },
  'operators.create': {
    input: z.object({
      login: operatorLogin,
      fullName: operatorFullName,
      role: z.enum(ROLES, { error: 'Роль: выберите значение' }),
      organizationId: id.nullable().optional().transform((v) => v ?? null),
      password: newPassword,
    }),
    output: {} as OperatorAccountView,
  },
  'operators.update': {
    input: z.object({
      id,
      fullName: operatorFullName.optional(),
      role: z.enum(ROLES, { error: 'Роль: выберите значение' }).optional(),
      organizationId: id.nullable().optional(),
      active: z.boolean().optional(),
    }),
    output: {} as OperatorAccountView,
  },
  'operators.resetPassword': {
    input: z.object({ id, password: newPassword }),
    output: {} as { reset: true },
  },
  'organizations.list': { input: z.object({}), output: {} as OrganizationRef[] },
  'certificates.setChecklist': {
    input: certificateRef.extend({
      childIdentity: z.boolean({ error: 'Отметьте документ ребёнка' }),
      representativeIdentity: z.boolean({ error: 'Отметьте документ представителя' }),
      representationProof: z.boolean({ error: 'Отметьте документ, подтверждающий полномочия' }),
    }),
    output: {} as ChecklistView,
  },
  'certificates.activate': { input: certificateRef, output: {} as { status: CertificateStatus } },
  'certificates.suspend': { input: certificateRef.extend({ reason: reason('Причина приостановления') }), output: {} as { status: CertificateStatus } },
  'certificates.resume': { input: certificateRef, output: {} as { status: CertificateStatus } },
  'certificates.annul': {
    input: certificateRef.extend({ reason: reason('Причина аннулирования'), confirm: z.literal(true, { error: 'Подтвердите аннулирование: это действие необратимо' }) }),
    output: {} as { status: CertificateStatus },
  },
  'certificates.setConfirmationPolicy': {
    input: certificateRef
      .extend({
        policy: z.enum(CONFIRMATION_POLICIES, { error: 'Тип подтверждения: выберите значение' }),
        codePhrase: codePhrase.optional(),
        codePhraseRepeat: z.string().max(100).optional(),
      })
      .refine((v) => v.codePhrase === undefined || v.codePhrase === v.codePhraseRepeat, {
        message: 'Кодовая фраза и её повтор не совпадают',
        path: ['codePhraseRepeat'],
      }),
    output: {} as { policy: ConfirmationPolicy; codePhraseChangedAt: string | null },
  },
  'certificates.checkConfirmation': {
    input: z.object({
      certificateNumber,
      childFullName: z.string().max(200).optional(),
      codePhrase: z.string().max(100).optional(),
    }),
    output: {} as ConfirmationDecision,
  },
  'consents.sign': {
    input: certificateRef.extend({
      signedOn: isoDate('Дата подписания'),
      signedBy: trimmed(200, 'Кто подписал').min(3, 'Кто подписал: укажите ФИО подписавшего'),
      formVersion: trimmed(20, 'Версия формы').min(1, 'Версия формы: укажите значение'),
    }),
    output: {} as ConsentView,
  },
  'consents.attachScan': {
    input: z.object({
      consentId: id,
      fileName: trimmed(200, 'Имя файла').min(1, 'Имя файла: укажите значение'),
      mime: z.enum(SCAN_MIME_TYPES, { error: 'Скан: допускаются только PDF, PNG или JPEG' }),
      dataBase64: z.string().min(1, 'Скан: файл пуст').max(15_000_000, 'Скан: файл больше 10 МБ'),
    }),
    output: {} as ConsentView,
  },
  'consents.withdraw': {
    input: z.object({ consentId: id, withdrawnOn: isoDate('Дата отзыва') }),
    output: {} as ConsentView,
  },
  'representatives.update': {
    input: z.object({
      representativeId: id,
      phone: representativeInput.shape.phone,
      email: representativeInput.shape.email,
      address: representativeInput.shape.address,
      classAddress: trimmed(300, 'Удобный адрес для посещения занятий').optional().transform((v) => (v ? v : null)),
    }),
    output: {} as { representativeId: string },
  },
  'cabinet.verify': {
    input: z.object({ login: certificateNumber, password: z.string().min(1, 'Укажите пароль кабинета').max(100) }),
    output: {} as { certificateId: string; number: string; childName: string },
  },
  'family.link': {
    input: certificateRef.extend({ login: certificateNumber, password: z.string().min(1, 'Укажите пароль кабинета').max(100) }),
    output: {} as { linkedCertificateId: string },
  },
  'documents.printExtract': { input: certificateRef, output: {} as PrintedDocument },
  'documents.printAttendance': { input: certificateRef, output: {} as PrintedDocument },
  'documents.printConsentForm': { input: certificateRef, output: {} as PrintedDocument },
  'documents.verify': {
    input: z.object({ code: z.string().trim().min(3, 'Введите номер документа или содержимое QR-кода').max(300, 'Слишком длинный код') }),
    output: {} as DocumentVerification,
  },
  'applications.create': {
    input: z.object({
      certificateNumber,
      groupId: z.string({ error: 'Группа: выберите значение' }).uuid('Группа: выберите группу из списка'),
      startDate: isoDate('Дата начала обучения').optional(),
      /** «Подтверждение по ФИО». */
      childFullName: z.string().max(200).optional(),
      /** «Подтверждение по кодовой фразе». */
      codePhrase: z.string().max(100).optional(),
      /** «Запись запрещена»: only at the registry desk, with the cabinet password the parent presents. */
      cabinetPassword: z.string().max(100).optional(),
    }),
    output: {} as ContractView,
  },
  'groups.list': {
    input: z.object({ organizationId: id.optional(), programId: id.optional(), query: z.string().max(100).optional() }),
    output: {} as GroupView[],
  },
  'months.close': {
    input: z.object({
      municipalityId: z.string({ error: 'Муниципалитет: выберите значение' }).uuid('Муниципалитет: выберите значение из списка'),
      month: z.string({ error: 'Месяц: укажите значение' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ'),
      preview: z.boolean().default(false),
    }),
    output: {} as MonthlyCloseReport,
  },
  'contracts.prolong': {
    input: z.object({
      contractIds: z.array(id).min(1, 'Выберите договоры для пролонгации').max(500, 'Не больше 500 договоров за раз'),
      toGroupId: z.string({ error: 'Группа следующего года: выберите значение' }).uuid('Группа следующего года: выберите группу из списка'),
    }),
    output: {} as { prolonged: ContractView[]; refused: Array<{ contractId: string; message: string }> },
  },
  'contracts.acceptProlongations': { input: z.object({}), output: {} as { accepted: number; rejected: number } },
  'programs.search': {
    input: z.object({
      query: z.string().max(100, 'Запрос не длиннее 100 символов').optional(),
      direction: z.enum(DIRECTIONS, { error: 'Направленность: выберите значение' }).optional(),
      registry: z.enum(PROGRAM_REGISTRIES, { error: 'Реестр: выберите значение' }).optional(),
      age: z.number().int().min(0).max(25, 'Возраст: от 0 до 25 лет').optional(),
      municipalityId: id.optional(),
      startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц начала в формате ГГГГ-ММ').optional(),
      address: z.string().max(200).optional(),
      /** With a certificate, each program says why that certificate cannot enroll now. */
      certificateNumber: certificateNumber.optional(),
      /** «Исключить программы, на которые не получится записаться по моему сертификату». */
      onlyAvailable: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: {} as ProgramCard[],
  },
  'programs.save': {
    input: z
      .object({
        id: id.optional(),
        organizationId: id,
        name: trimmed(300, 'Название программы').min(3, 'Название программы: не короче 3 символов'),
        direction: z.enum(DIRECTIONS, { error: 'Направленность: выберите значение' }),
        ageMin: z.number({ error: 'Возраст от: число' }).int().min(0, 'Возраст от: не меньше 0').max(25, 'Возраст от: не больше 25'),
        ageMax: z.number({ error: 'Возраст до: число' }).int().min(0, 'Возраст до: не меньше 0').max(25, 'Возраст до: не больше 25'),
        registries: z.array(z.enum(PROGRAM_REGISTRIES, { error: 'Реестр: выберите из списка' })).min(1, 'Выберите хотя бы один реестр').max(5),
        activityTypes: z.array(trimmed(100, 'Вид деятельности').min(1)).max(20).default([]),
        interests: z.array(trimmed(100, 'Интерес').min(1, 'Интерес: укажите значение')).max(20, 'Не больше 20 интересов').default([]),
        goals: trimmed(5000, 'Цели и задачи').default(''),
        annotation: trimmed(5000, 'Аннотация').default(''),
        addresses: z.array(trimmed(300, 'Адрес').min(5, 'Адрес: не короче 5 символов')).max(20).default([]),
        enrollmentOpen: z.boolean().default(true),
      })
      .refine((v) => v.ageMin <= v.ageMax, { message: 'Возраст «от» не может быть больше возраста «до»', path: ['ageMax'] }),
    output: {} as ProgramCard,
  },
  'modules.save': {
    input: z.object({
      id: id.optional(),
      programId: id,
      name: trimmed(300, 'Название модуля').min(2, 'Название модуля: не короче 2 символов'),
      hours: z.number({ error: 'Часы: число' }).int('Часы: целое число').min(1, 'Часы: не меньше 1').max(2000, 'Часы: не больше 2000'),
      priceKopecks: z.number({ error: 'Стоимость: число' }).int('Стоимость: в копейках, целое').min(0, 'Стоимость не может быть отрицательной').max(100_000_000, 'Стоимость не больше 1 000 000 ₽'),
    }),
    output: {} as { id: string },
  },
  'groups.save': {
    input: z
      .object({
        id: id.optional(),
        programId: id,
        moduleId: id,
        name: trimmed(100, 'Название группы').min(1, 'Название группы: укажите значение'),
        startDate: isoDate('Начало занятий'),
        endDate: isoDate('Окончание занятий'),
        capacity: z.number({ error: 'Мест: число' }).int().min(1, 'Мест: не меньше 1').max(500, 'Мест: не больше 500'),
        address: trimmed(300, 'Адрес занятий').min(5, 'Адрес занятий: не короче 5 символов'),
        teacher: trimmed(200, 'Педагог').optional().transform((v) => (v ? v : null)),
        timetable: z
          .array(
            z
              .object({
                weekday: z.number().int().min(1, 'День недели: 1–7').max(7, 'День недели: 1–7'),
                start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ'),
                end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ'),
              })
              .refine((t) => t.start < t.end, { message: 'Занятие должно заканчиваться позже, чем начинается' }),
          )
          .max(21)
          .default([]),
        hoursPerWeek: z.number().int().min(0).max(60).default(0),
      })
      .refine((v) => v.startDate <= v.endDate, { message: 'Окончание занятий не может быть раньше начала', path: ['endDate'] }),
    output: {} as GroupView,
  },
  'organizations.update': {
    input: z.object({
      id,
      name: trimmed(500, 'Полное название').min(3, 'Полное название: не короче 3 символов'),
      shortName: trimmed(200, 'Краткое название').min(2, 'Краткое название: не короче 2 символов'),
      address: trimmed(300, 'Адрес').optional().transform((v) => (v ? v : null)),
      phone: representativeInput.shape.phone,
      email: representativeInput.shape.email,
    }),
    output: {} as OrganizationRef,
  },
  'programs.get': { input: z.object({ programId: id, certificateNumber: certificateNumber.optional() }), output: {} as ProgramCard },
  /** By the certificate's id or its number, as the operator types it. */
  'schedule.child': { input: z.union([z.object({ certificateId: id }), z.object({ certificateNumber })]), output: {} as ScheduleEntry[] },
  'schedule.group': { input: z.object({ groupId: id }), output: {} as ScheduleEntry[] },
  'ratings.set': {
    input: z.object({ contractId: id, results: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %'), staff: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %'), equipment: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %'), satisfaction: z.number({ error: 'Оценка: число от 0 до 100' }).int('Оценка: целое число процентов').min(0, 'Оценка не меньше 0 %').max(100, 'Оценка не больше 100 %') }),
    output: {} as ProgramRating,
  },
  'programs.rating': { input: z.object({ programId: id }), output: {} as ProgramRating },
  'contracts.confirm': { input: z.object({ contractId: id }), output: {} as ContractView },
  'contracts.reject': { input: z.object({ contractId: id, reason: reason('Причина отклонения') }), output: {} as ContractView },
  'contracts.cancel': { input: z.object({ contractId: id, reason: reason('Причина отмены') }), output: {} as ContractView },
  'contracts.terminate': {
    input: z.object({ contractId: id, terminationDate: isoDate('Дата расторжения'), reason: reason('Причина расторжения') }),
    output: {} as ContractView,
  },
  'contracts.list': {
    input: z.object({
      tab: z.enum(['pending', 'confirmed', 'active', 'archive'], { error: 'Раздел: ожидающие, подтверждённые, действующие или архив' }).optional(),
      certificateId: id.optional(),
      certificateNumber: certificateNumber.optional(),
      organizationId: id.optional(),
      groupId: id.optional(),
      /** The next page: the contracts after this one (the last shown), in the list's order, newest first. */
      olderThan: z.object({ createdAt: z.string().max(40), number: z.string().max(40) }).optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: {} as ContractView[],
  },
  'audit.list': {
    input: z.object({
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      operation: z.string().max(64).optional(),
    }),
    output: {} as { entries: AuditEntryView[]; total: number },
  },
  'audit.verify': { input: z.object({}), output: {} as AuditVerification },
  // Organization's own editing screens: what the organization card and the program editor read.
  'organizations.get': { input: z.object({ organizationId: id }), output: {} as OrganizationCardView },
  'programs.getForEditing': { input: z.object({ programId: id }), output: {} as EditableProgram },
  // Printed enrollment application («Заявление на зачисление») for one application or contract.
  'documents.printApplication': { input: z.object({ contractId: id }), output: {} as PrintedDocument },
  // Monthly close at registry scale: started as a background job (a worker thread), polled for progress. The
  // preview too: counting what the close would do reads the whole municipality for seconds.
  'months.closeStart': {
    input: z.object({
      municipalityId: z.string({ error: 'Муниципалитет: выберите значение' }).uuid('Муниципалитет: выберите значение из списка'),
      month: z.string({ error: 'Месяц: укажите значение' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ'),
      preview: z.boolean().default(false),
    }),
    output: {} as { jobId: string },
  },
  'jobs.get': {
    input: z.object({ jobId: z.string({ error: 'Задание: укажите идентификатор' }).uuid('Неверный идентификатор задания') }),
    output: {} as JobView,
  },
  // Removing what an organization added by mistake: only what no application or contract refers to.
  'programs.remove': { input: z.object({ programId: id }), output: {} as { id: string } },
  'modules.remove': { input: z.object({ moduleId: id }), output: {} as { id: string } },
  'groups.remove': { input: z.object({ groupId: id }), output: {} as { id: string } },
  // Events («Мероприятия»): organizations publish them, the navigator finds them, children apply to take part.
  'events.save': {
    input: z
      .object({
        id: id.optional(),
        organizationId: z.string({ error: 'Организация: выберите значение' }).uuid('Организация: выберите значение из списка'),
        name: trimmed(300, 'Название мероприятия').min(3, 'Название мероприятия: не короче 3 символов'),
        kind: z.enum(EVENT_KINDS, { error: 'Вид мероприятия: выберите значение' }),
        startsAt: localDateTime('Начало'),
        endsAt: localDateTime('Окончание'),
        address: trimmed(300, 'Место проведения').min(5, 'Место проведения: не короче 5 символов'),
        ageMin: z.number({ error: 'Возраст от: число' }).int('Возраст от: целое число').min(0, 'Возраст от: не меньше 0').max(25, 'Возраст от: не больше 25'),
        ageMax: z.number({ error: 'Возраст до: число' }).int('Возраст до: целое число').min(0, 'Возраст до: не меньше 0').max(25, 'Возраст до: не больше 25'),
        /** null: as many children as come. */
        places: z.number({ error: 'Мест: число' }).int('Мест: целое число').min(1, 'Мест: не меньше 1').max(10_000, 'Мест: не больше 10 000').nullable().default(null),
        description: trimmed(5000, 'Описание').default(''),
        applicationsOpen: z.boolean().default(true),
      })
      .refine((v) => v.ageMin <= v.ageMax, { message: 'Возраст «от» не может быть больше возраста «до»', path: ['ageMax'] })
      .refine((v) => v.endsAt >= v.startsAt, { message: 'Окончание не может быть раньше начала', path: ['endsAt'] }),
    output: {} as EventView,
  },
  'events.remove': { input: z.object({ eventId: id }), output: {} as { id: string } },
  'events.list': {
    input: z.object({
      organizationId: id.optional(),
      when: z.enum(['upcoming', 'past'], { error: 'Показать: предстоящие или прошедшие' }).default('upcoming'),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: {} as EventView[],
  },
  'events.get': { input: z.object({ eventId: id }), output: {} as EventPage },
  /** The navigator's events section: upcoming events by their name or their organization's, as you type. */
  'events.search': {
    input: z.object({ query: z.string().max(100, 'Запрос не длиннее 100 символов'), limit: z.number().int().min(1).max(20).default(6) }),
    output: {} as EventView[],
  },
  'events.apply': {
    input: z.object({
      eventId: id,
      certificateNumber,
      /** As for a program application: «Подтверждение по ФИО», by code phrase, or the cabinet password at the desk. */
      childFullName: z.string().max(200).optional(),
      codePhrase: z.string().max(100).optional(),
      cabinetPassword: z.string().max(100).optional(),
    }),
    output: {} as EventApplicationView,
  },
  'events.cancelApplication': {
    input: z.object({ applicationId: id, reason: trimmed(500, 'Причина отмены').optional().transform((v) => (v ? v : null)) }),
    output: {} as EventApplicationView,
  },
  'events.childApplications': { input: certificateRef, output: {} as ChildEventApplication[] },
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OperationParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = Operations[N]['output'];
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

/** A background job of this process (the monthly close), as `jobs.get` answers while it runs and after. */
export interface JobView {
  id: string;
  kind: 'months.close';
  status: 'running' | 'done' | 'failed';
  /** Units done of `total` (certificates of the municipality for the monthly close). */
  done: number;
  total: number;
  /** What the job is doing now, in Russian, for the progress line. */
  phase: string;
  report: MonthlyCloseReport | null;
  /** Why the job failed, in Russian; null unless status is 'failed'. */
  error: string | null;
}

// ---------- Events («Мероприятия») ----------

/** An event as lists, the navigator and its page show it. */
export interface EventView {
  id: string;
  organizationId: string;
  organizationName: string;
  municipalityName: string;
  name: string;
  kind: EventKind;
  /** Local wall-clock times where it happens, 'YYYY-MM-DDTHH:MM'. */
  startsAt: string;
  endsAt: string;
  address: string;
  ageMin: number;
  ageMax: number;
  /** null: no limit. */
  places: number | null;
  placesTaken: number;
  placesLeft: number | null;
  description: string;
  applicationsOpen: boolean;
  /** Why no application is taken now (closed, started, passed, no places); null when one is. */
  notAcceptingBecause: string | null;
  passed: boolean;
}

export interface EventApplicationView {
  id: string;
  eventId: string;
  eventName: string;
  certificateId: string;
  certificateNumber: string;
  childName: string;
  /** Full years on the day the event starts. */
  ageOnEventDay: number;
  status: EventApplicationStatus;
  createdAt: string;
  createdByName: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** The event page: the applications only for its organization and the registry staff (null for anyone else). */
export interface EventPage extends EventView {
  organizationFullName: string;
  organizationPhone: string | null;
  applications: EventApplicationView[] | null;
}

/** One of a child's event applications, for the certificate card. */
export interface ChildEventApplication {
  id: string;
  eventId: string;
  eventName: string;
  organizationName: string;
  startsAt: string;
  endsAt: string;
  status: EventApplicationStatus;
  createdAt: string;
  cancelReason: string | null;
}
