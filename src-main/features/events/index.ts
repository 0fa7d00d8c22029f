export { eventOperations } from './operations';
