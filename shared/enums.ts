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

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
