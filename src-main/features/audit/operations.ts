import type { FeatureOperations } from '../../api/operation';
import { listAudit, verifyAudit } from './log';

export const auditOperations: FeatureOperations<'audit.list' | 'audit.verify'> = {
  'audit.list': {
    roles: ['admin'],
    writes: false,
    handler: (input, { core }) => listAudit(core.db, input),
  },
  'audit.verify': {
    roles: ['admin'],
    writes: false,
    handler: (_input, { core }) => verifyAudit(core.db),
  },
};
