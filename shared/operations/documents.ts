import { z } from 'zod';
import type { DocumentKind } from '../enums';
import { certificateRef, id } from './fields';

export interface IssuedDocumentView {
  id: string;
  kind: DocumentKind;
  registrationNumber: string;
  issuedAt: string;
  issuedByName: string;
  valid: boolean;
  supersededReason: string | null;
}

export interface PrintedDocument {
  document: IssuedDocumentView;
  /** The PDF, base64: the window previews and prints it, the browser opens or downloads it. */
  pdfBase64: string;
  fileName: string;
}

export interface DocumentVerification {
  found: boolean;
  valid: boolean;
  message: string;
  kind: DocumentKind | null;
  registrationNumber: string | null;
  issuedAt: string | null;
  issuedByName: string | null;
  officeName: string | null;
  certificateNumber: string | null;
  /** «Фамилия И. О.» of the child: enough to match the paper, no more. */
  childName: string | null;
}

export const documentsContract = {
  'documents.printExtract': { input: certificateRef, output: {} as PrintedDocument },
  'documents.printAttendance': { input: certificateRef, output: {} as PrintedDocument },
  'documents.printConsentForm': { input: certificateRef, output: {} as PrintedDocument },
  'documents.verify': {
    input: z.object({ code: z.string().trim().min(3, 'Введите номер документа или содержимое QR-кода').max(300, 'Слишком длинный код') }),
    output: {} as DocumentVerification,
  },
  // Printed enrollment application («Заявление на зачисление») for one application or contract.
  'documents.printApplication': { input: z.object({ contractId: id }), output: {} as PrintedDocument },
} as const;
