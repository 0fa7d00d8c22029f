export { familyOperations } from './operations';
