export { nameTheOffice, settingsOperations } from './operations';
