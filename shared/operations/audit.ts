import type { AuditOutcome } from '../enums';
import { z } from 'zod';

export interface AuditEntryView {
  seq: number;
  at: string;
  operatorLogin: string | null;
  operation: string;
  recordType: string | null;
  recordId: string | null;
  outcome: AuditOutcome;
  summary: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
}

export const auditContract = {
  'audit.list': {
    input: z.object({
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      operation: z.string().max(64).optional(),
    }),
    output: {} as { entries: AuditEntryView[]; total: number },
  },
  'audit.verify': { input: z.object({}), output: {} as AuditVerification },
} as const;
