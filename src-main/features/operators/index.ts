export { createOperatorAccount, operatorOperations } from './operations';
