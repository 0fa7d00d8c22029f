import { z } from 'zod';
import type { BudgetRegistry } from '../enums';

export interface CategoryView {
  id: string;
  name: string;
  year: number;
  annualNominalKopecks: number;
  budgetCounts: Record<BudgetRegistry, number>;
}

export interface MunicipalityView {
  id: string;
  name: string;
  regionCode: string;
  municipalityCode: string;
  childAgeMin: number;
  childAgeMax: number;
  categories: CategoryView[];
}

export const municipalitiesContract = {
  'municipalities.list': { input: z.object({}), output: {} as MunicipalityView[] },
} as const;
