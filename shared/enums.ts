/** Domain vocabularies with their Russian labels, as the seed names them. */

export const ROLES = ['admin', 'registry_operator', 'org_staff'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  registry_operator: 'Оператор реестра сертификатов',
  org_staff: 'Сотрудник организации',
};

export const CERTIFICATE_TYPES = ['financing', 'accounting'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const CERTIFICATE_TYPE_LABELS: Record<CertificateType, string> = {
  financing: 'Сертификат финансирования',
  accounting: 'Сертификат учёта',
};

export const CERTIFICATE_STATUSES = ['issued', 'active', 'suspended', 'annulled'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  issued: 'Сертификат не активирован',
  active: 'Сертификат активирован',
  suspended: 'Сертификат приостановлен',
  annulled: 'Сертификат аннулирован',
};

/** Registries a program can belong to. The three budget registries carry per-certificate counts. */
export const PROGRAM_REGISTRIES = ['certified', 'significant', 'paid', 'general', 'preprofessional'] as const;
export type ProgramRegistry = (typeof PROGRAM_REGISTRIES)[number];
export const PROGRAM_REGISTRY_LABELS: Record<ProgramRegistry, string> = {
  certified: 'Сертифицированные программы',
  significant: 'Значимые программы',
  paid: 'Платные программы',
  general: 'Общеразвивающие программы',
  preprofessional: 'Предпрофессиональные программы',
};
/**
 * A program's standing in a registry (issue 12, point 11): the organization requests, the registry staff grant or
 * refuse, and may revoke a grant. Only a granted registry counts for money, budget places and the navigator.
 */
export const REGISTRY_STATES = ['requested', 'granted', 'refused', 'revoked'] as const;
export type RegistryState = (typeof REGISTRY_STATES)[number];
export const REGISTRY_STATE_LABELS: Record<RegistryState, string> = {
  requested: 'Запрошено включение',
  granted: 'Включена в реестр',
  refused: 'Отказано',
  revoked: 'Исключена из реестра',
};
/** Order in which the cabinet shows the budget counts («1 3 1»). */
export const BUDGET_REGISTRIES = ['significant', 'general', 'preprofessional'] as const;
export type BudgetRegistry = (typeof BUDGET_REGISTRIES)[number];

export const DIRECTIONS = ['technical', 'science', 'sport', 'art', 'tourism', 'social'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = {
  technical: 'Техническая',
  science: 'Естественнонаучная',
  sport: 'Физкультурно-спортивная',
  art: 'Художественная',
  tourism: 'Туристско-краеведческая',
  social: 'Социально-гуманитарная',
};

export const RELATIONS = ['mother', 'father', 'guardian', 'trustee', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = {
  mother: 'Мать',
  father: 'Отец',
  guardian: 'Опекун',
  trustee: 'Попечитель',
  other: 'Иной законный представитель',
};
/** Parents need no separate document proving representation. */
export const PARENT_RELATIONS: readonly Relation[] = ['mother', 'father'];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = {
  male: 'Мужской',
  female: 'Женский',
};

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Тип подтверждения присутствия при подаче заявки по инициативе организации. */
export const CONFIRMATION_POLICIES = ['forbidden', 'by_name', 'by_phrase'] as const;
export type ConfirmationPolicy = (typeof CONFIRMATION_POLICIES)[number];
export const CONFIRMATION_POLICY_LABELS: Record<ConfirmationPolicy, string> = {
  forbidden: 'Запись запрещена',
  by_name: 'Подтверждение по ФИО',
  by_phrase: 'Подтверждение по кодовой фразе',
};
/** The seed's explanations, shown beside the choice. */
export const CONFIRMATION_POLICY_HINTS: Record<ConfirmationPolicy, string> = {
  forbidden:
    'Организации не смогут создавать заявки по сертификату. Записаться можно только лично: в личном кабинете или у оператора реестра после проверки логина и пароля кабинета.',
  by_name:
    'Для создания заявки организации достаточно знать номер сертификата и ФИО ребёнка. Из-за случаев неправомерной записи этот способ не рекомендуется.',
  by_phrase:
    'Заявку организация создаст только в присутствии представителя, назвавшего кодовую фразу. Рекомендуемый способ; фразу стоит периодически менять.',
};

export const DOCUMENT_KINDS = ['extract', 'attendance', 'consent', 'application'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  extract: 'Выписка сертификата',
  attendance: 'Справка о посещении кружков',
  consent: 'Согласие на обработку персональных данных',
  application: 'Заявление на зачисление',
};

/** How an application was confirmed when it was made (contracts.confirmation_method), as the application form says it. */
export const CONFIRMATION_METHODS = ['by_name', 'by_phrase', 'cabinet_password', 'prolongation'] as const;
export type ConfirmationMethod = (typeof CONFIRMATION_METHODS)[number];
export const CONFIRMATION_METHOD_LABELS: Record<ConfirmationMethod, string> = {
  by_name: 'заявку подала организация, подтверждение по Ф. И. О. ребёнка',
  by_phrase: 'заявку подала организация, подтверждение по кодовой фразе представителя',
  cabinet_password: 'заявку подал представитель лично, по логину и паролю личного кабинета',
  prolongation: 'пролонгация прежнего договора: представитель не отказался в течение 7 дней',
};

/** The version of the consent form the desk prints now; a signed consent records the version it was signed on. */
export const CONSENT_FORM_VERSION = '2026-1';
/** The consent form versions the office prints: a consent is recorded only on one of them. */
export const PRINTED_CONSENT_FORM_VERSIONS: readonly string[] = [CONSENT_FORM_VERSION];

export const SCAN_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type ScanMime = (typeof SCAN_MIME_TYPES)[number];
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

export const CONTRACT_STATUSES = ['pending', 'confirmed', 'active', 'completed', 'terminated', 'rejected', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
/** An application's or contract's status, as its row and the new-application dialog say it. */
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  pending: 'Ожидает подтверждения',
  confirmed: 'Подтверждена',
  active: 'Действующий',
  completed: 'Завершён',
  terminated: 'Расторгнут',
  rejected: 'Отклонена',
  cancelled: 'Отменена',
};

/** A contract's status as the «Заявление на зачисление» states it, in a sentence. */
export const CONTRACT_STATUS_PRINTED_LABELS: Record<ContractStatus, string> = {
  pending: 'заявка ожидает подтверждения организацией',
  confirmed: 'заявка подтверждена, обучение ещё не началось',
  active: 'договор действует',
  completed: 'договор завершён',
  terminated: 'договор расторгнут',
  rejected: 'заявка отклонена организацией',
  cancelled: 'заявка отменена',
};

export const AUDIT_OUTCOMES = ['ok', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
/** How an operation ended, as the audit log shows it. */
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  ok: 'выполнено',
  refused: 'отказано',
};

/** Events («Мероприятия»): their kinds and the statuses of applications to them. */
export const EVENT_KINDS = ['competition', 'festival', 'concert', 'exhibition', 'masterclass', 'excursion', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  competition: 'Соревнование, конкурс',
  festival: 'Фестиваль',
  concert: 'Концерт, спектакль',
  exhibition: 'Выставка',
  masterclass: 'Мастер-класс',
  excursion: 'Экскурсия, поход',
  other: 'Другое',
};

export const EVENT_APPLICATION_STATUSES = ['submitted', 'cancelled'] as const;
export type EventApplicationStatus = (typeof EVENT_APPLICATION_STATUSES)[number];

export const EVENT_APPLICATION_STATUS_LABELS: Record<EventApplicationStatus, string> = {
  submitted: 'Подана',
  cancelled: 'Отменена',
};

/** A municipality's financial year: prepared as a draft, then published; the core uses published years only. */
export const MUNICIPAL_YEAR_STATUSES = ['draft', 'published'] as const;
export type MunicipalYearStatus = (typeof MUNICIPAL_YEAR_STATUSES)[number];
export const MUNICIPAL_YEAR_STATUS_LABELS: Record<MunicipalYearStatus, string> = {
  draft: 'Черновик',
  published: 'Опубликован',
};

/** How a municipality sets its categories' nominals: in rubles, or in hours per week at the normative price of an hour. */
export const NOMINAL_UNITS = ['rubles', 'hours'] as const;
export type NominalUnit = (typeof NOMINAL_UNITS)[number];
export const NOMINAL_UNIT_LABELS: Record<NominalUnit, string> = {
  rubles: 'В рублях',
  hours: 'В часах в неделю',
};

/**
 * What an office is in its region's exchange (issue 11): the regional operator's registry is the hub; a registry office
 * keeps its municipality's registry; an organization's desk works for one organization and receives only its scope.
 */
export const OFFICE_ROLES = ['regional_operator', 'registry_office', 'organization_desk'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];
export const OFFICE_ROLE_LABELS: Record<OfficeRole, string> = {
  regional_operator: 'Региональный оператор',
  registry_office: 'Отдел реестра сертификатов',
  organization_desk: 'Рабочее место организации',
};
