import { z } from 'zod';
import { SCAN_MIME_TYPES } from '../enums';
import { certificateRef, id, isoDate, trimmed } from './fields';

export interface ConsentView {
  id: string;
  formVersion: string;
  signedOn: string;
  signedBy: string;
  recordedAt: string;
  withdrawnOn: string | null;
  scan: { fileName: string; mime: string; size: number; sha256: string } | null;
}

export const consentsContract = {
  'consents.sign': {
    input: certificateRef.extend({
      signedOn: isoDate('Дата подписания'),
      signedBy: trimmed(200, 'Кто подписал').min(3, 'Кто подписал: укажите ФИО подписавшего'),
      formVersion: trimmed(20, 'Версия формы').min(1, 'Версия формы: укажите значение'),
    }),
    output: {} as ConsentView,
  },
  'consents.attachScan': {
    input: z.object({
      consentId: id,
      fileName: trimmed(200, 'Имя файла').min(1, 'Имя файла: укажите значение'),
      mime: z.enum(SCAN_MIME_TYPES, { error: 'Скан: допускаются только PDF, PNG или JPEG' }),
      dataBase64: z.string().min(1, 'Скан: файл пуст').max(15_000_000, 'Скан: файл больше 10 МБ'),
    }),
    output: {} as ConsentView,
  },
  'consents.withdraw': {
    input: z.object({ consentId: id, withdrawnOn: isoDate('Дата отзыва') }),
    output: {} as ConsentView,
  },
} as const;
