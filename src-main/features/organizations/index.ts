export { organizationOperations } from './operations';
