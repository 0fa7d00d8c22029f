import { ALL_ROLES, REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import { municipalityParameters, publishYear, saveYear, updateMunicipality } from './parameters';
import { listMunicipalities } from './queries';

const ADMIN = ['admin'] as const;

export const municipalityOperations: FeatureOperations<
  'municipalities.list' | 'municipalities.get' | 'municipalities.saveYear' | 'municipalities.publishYear' | 'municipalities.update'
> = {
  'municipalities.list': {
    roles: ALL_ROLES,
    writes: false,
    handler: (_input, ctx) => listMunicipalities(ctx.core.db, Number(ctx.today.slice(0, 4)), ctx.core.officeId),
  },
  'municipalities.get': {
    roles: REGISTRY_STAFF,
    writes: false,
    handler: (input, ctx) => municipalityParameters(ctx, input.municipalityId, input.year),
  },
  'municipalities.saveYear': { roles: ADMIN, writes: true, handler: (input, ctx) => saveYear(ctx, input) },
  'municipalities.publishYear': { roles: ADMIN, writes: true, handler: (input, ctx) => publishYear(ctx, input) },
  'municipalities.update': { roles: ADMIN, writes: true, handler: (input, ctx) => updateMunicipality(ctx, input) },
};
