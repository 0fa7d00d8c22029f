import type { FeatureOperations } from '../../api/operation';
import { closeJobOperations } from './close-job';
import { monthlyCloseOperations } from './monthly-close';

export const monthOperations: FeatureOperations<'months.close' | 'months.closeStart'> = { ...monthlyCloseOperations, ...closeJobOperations };
export { closeInThisThread } from './close-job';
export { CLOSE_CHUNK_CERTIFICATES, closeMonth, requireCloseHere } from './monthly-close';
