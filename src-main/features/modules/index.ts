export { moduleOperations } from './operations';
