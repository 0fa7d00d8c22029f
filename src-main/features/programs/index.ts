export { programOperations } from './operations';
export { contractsReferring, FOREIGN_PROGRAM, markRemoved, ORG_AND_ADMIN, ownPart, programOrganization } from './editing';
export { programMatchQuery } from './search';
export { warmUpNavigator } from './warm-up';
