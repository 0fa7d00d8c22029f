export { consentOperations, consentsOf } from './operations';
