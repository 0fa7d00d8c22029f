export { operatorOperations } from './operations';
