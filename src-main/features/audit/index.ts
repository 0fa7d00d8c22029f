export { appendAudit, verifyAudit } from './log';
export { auditOperations } from './operations';
