/** The printed documents module: plain data in, PDF bytes out. See documents.ts and batch.ts. */
export {
  CONFIRMATION_TYPES,
  EMPTY_ENROLLMENTS_LINE,
  renderAttendanceReference,
  renderBatch,
  renderCertificateExtract,
  renderConsentForm,
  warmUpDocuments,
  type AttendanceEnrollment,
  type AttendanceReferenceData,
  type BatchKind,
  type ConsentFormData,
  type DocumentFrame,
  type ExtractData,
} from './documents';
export { renderApplicationForm, type ApplicationFormData, type ApplicationMonth, type ApplicationPayment } from './application';
export { defaultWorkerUrl, renderBatchInWorker, WORKER_FILE, type BatchWorkerOptions } from './batch';
export { fontLoadStats, setFontDirectory } from './fonts';
