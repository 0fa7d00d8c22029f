export { childOperations } from './operations';
export { childNameNorm, findDuplicateChildren, normalizeDocument } from './duplicates';
