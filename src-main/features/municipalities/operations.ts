import { ALL_ROLES, type FeatureOperations } from '../../api/operation';
import { listMunicipalities } from './queries';

export const municipalityOperations: FeatureOperations<'municipalities.list'> = {
  'municipalities.list': {
    roles: ALL_ROLES,
    writes: false,
    handler: (_input, ctx) => listMunicipalities(ctx.core.db, Number(ctx.today.slice(0, 4))),
  },
};
