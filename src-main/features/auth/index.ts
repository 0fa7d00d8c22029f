export { authOperations } from './operations';
export { operatorById, operatorByLogin, toActor, toOperatorView, type OperatorRow } from './operators';
export { hashSecret, hashSecretAsync, SecretDerivations, SecretsNeeded, verifySecret } from './passwords';
