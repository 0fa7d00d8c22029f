import type { FeatureOperations } from '../../api/operation';
import { confirmationOperations } from './confirmation-policy';
import { certificateOperations as registryDeskOperations } from './operations';
import { statusOperations } from './status';

export const certificateOperations: FeatureOperations<
  | keyof typeof registryDeskOperations | keyof typeof statusOperations | keyof typeof confirmationOperations
> = { ...registryDeskOperations, ...statusOperations, ...confirmationOperations };

export { certificateCard, certificateMoney, findCertificateId, LIMIT_REACHED_MESSAGE, type CertificateMoney } from './card';
export { checkOrganizationConfirmation, normalizeCodePhrase } from './confirmation-policy';
export { CONFIRMATION_MAX_FAILURES, isLocked, recordSuccessfulAttempt, wrongAnswer } from './lockout';
export {
  certificateRow, certificateRowByNumber, childBirthDate, primaryRepresentative, recordCertificateEvent, type CertificateRow,
} from './records';
export { indexCertificateForSearch } from './search';
