export { printExtractBatch } from './batch';
export { documentOperations } from './operations';
export { documentsOf, verifyDocument } from './registration';
