export { cabinetOperations } from './operations';
export { newCabinetPasswords, reissueCabinetPassword, verifyCabinetCredentials } from './credentials';
