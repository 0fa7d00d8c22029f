export { representativeOperations } from './operations';
