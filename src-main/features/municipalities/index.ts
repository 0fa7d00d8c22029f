export { municipalityOperations } from './operations';
export {
  budgetCountsOf,
  categoryById,
  municipalityByCode,
  municipalityById,
  municipalLimitReached,
  requireOwnedHere,
  yearIsDraft,
  type CategoryRow,
  type MunicipalityRow,
} from './queries';
