import type { CertificateDecisions } from '../certificate-rules';
import { z } from 'zod';
import { type BudgetRegistry, CERTIFICATE_TYPES, type CertificateStatus, type CertificateType, CONFIRMATION_POLICIES, type ConfirmationPolicy, type Relation } from '../enums';
import type { ConsentView } from './consents';
import type { IssuedDocumentView } from './documents';
import { certificateNumber, certificateRef, childInput, codePhrase, id, reason, representativeInput } from './fields';

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
  /** `regulations`: the municipality's «Положение», shown by the «?» beside the budget counts. */
  municipality: { id: string; name: string; regulations: string };
  category: { id: string; name: string; year: number };
  /** Null when the municipality's limit is reached: the card shows `limitMessage` instead. */
  money: { nominalKopecks: number; balanceKopecks: number; reserveKopecks: number; spentKopecks: number } | null;
  limitMessage: string | null;
  /** Budget places left this year, per budget registry («1 3 1»). */
  budgetCounts: Record<BudgetRegistry, number>;
  /** Budget places used this year («использовано в этом году»): not given back when a started contract ends. */
  budgetCountsUsed: Record<BudgetRegistry, number>;
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
  /** What may be done with the certificate in its status (the core's decisions, see certificate-rules.ts). */
  decisions: CertificateDecisions;
}

export interface ChecklistView {
  childIdentity: boolean;
  representativeIdentity: boolean;
  representationProof: boolean;
  /** Proof of representation is needed only when the representative is not a parent. */
  representationProofRequired: boolean;
  recordedAt: string | null;
}

export interface ConfirmationDecision {
  allowed: boolean;
  message: string;
}

export const certificatesContract = {
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
} as const;
