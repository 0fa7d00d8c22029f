import type { ContractDecisions } from '../contract-rules';
import { z } from 'zod';
import type { BudgetRegistry, ContractStatus } from '../enums';
import { certificateNumber, id, isoDate, reason } from './fields';
import type { RatingScores } from './ratings';

/** A contract as lists show it, with what may be done with it today (the core's decisions, see contract-rules.ts). */
export interface ContractView extends ContractDecisions {
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
  /** The termination date: of a terminated contract, or of one still in force that awaits its month's close. */
  terminationDate: string | null;
  /** «Ожидает расторжения»: in force, listed under «Действующие», until the close of the termination date's month. */
  awaitingTermination: boolean;
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

export const contractsContract = {
  'contracts.prolong': {
    input: z.object({
      contractIds: z.array(id).min(1, 'Выберите договоры для пролонгации').max(500, 'Не больше 500 договоров за раз'),
      toGroupId: z.string({ error: 'Группа следующего года: выберите значение' }).uuid('Группа следующего года: выберите группу из списка'),
    }),
    output: {} as { prolonged: ContractView[]; refused: Array<{ contractId: string; message: string }> },
  },
  'contracts.acceptProlongations': { input: z.object({}), output: {} as { accepted: number; rejected: number } },
  'contracts.confirm': { input: z.object({ contractId: id }), output: {} as ContractView },
  'contracts.reject': { input: z.object({ contractId: id, reason: reason('Причина отклонения') }), output: {} as ContractView },
  'contracts.cancel': { input: z.object({ contractId: id, reason: reason('Причина отмены') }), output: {} as ContractView },
  'contracts.terminate': {
    input: z.object({ contractId: id, terminationDate: isoDate('Дата расторжения'), reason: reason('Причина расторжения') }),
    output: {} as ContractView,
  },
  'contracts.withdrawTermination': {
    input: z.object({ contractId: id, reason: reason('Причина отзыва расторжения') }),
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
} as const;
