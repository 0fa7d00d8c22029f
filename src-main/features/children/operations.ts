import { REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import { findDuplicateChildren } from './duplicates';

export const childOperations: FeatureOperations<'children.findDuplicates'> = {
  'children.findDuplicates': {
    roles: REGISTRY_STAFF,
    writes: false,
    handler: (input, { core }) => findDuplicateChildren(core.db, input),
  },
};
