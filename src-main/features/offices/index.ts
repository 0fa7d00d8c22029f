export { officeOperations } from './operations';
export { ensureOfficeKeys, officeKeysOf, officePublicKeys, type LoadedOfficeKeys } from './keys';
export { defaultKeyFile, keyFileStore, refuseKeyFileInsideDataDir, refuseKeyFileOthersCanRead } from './key-file';
export { checkCard, makeCard, ownOffice } from './card';
export { DEFAULT_SUITE, NODE_SUITE, SUITES, type CryptoSuite, type OfficePrivateKeys, type OfficePublicKeys, type WrappedKey } from './suite';
export { identifyOffice } from './identity';
