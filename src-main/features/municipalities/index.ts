export { municipalityOperations } from './operations';
export { budgetCountsOf, categoryById, municipalityById, municipalLimitReached, type CategoryRow, type MunicipalityRow } from './queries';
