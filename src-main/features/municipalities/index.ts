export { municipalityOperations } from './operations';
export { budgetCountsOf, categoryById, municipalityByCode, municipalityById, municipalLimitReached, type CategoryRow, type MunicipalityRow } from './queries';
