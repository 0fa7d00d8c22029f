export { settingsOperations } from './operations';
