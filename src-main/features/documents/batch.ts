import { writeFileSync } from 'node:fs';
import type { SystemJobRunner } from '../../api/operation';
import type { Db } from '../../database/db';
import { DomainError } from '../../errors';
import { renderBatchInWorker } from '../../pdf/batch';
import type { ExtractData } from '../../pdf/documents';
import { newCabinetPasswords, reissueCabinetPassword } from '../cabinet';
import { certificateRow } from '../certificates';
import { extractData } from './operations';
import { registerDocument } from './registration';

export interface ExtractBatchOptions {
  /** Region and municipality code, 4 digits: the start of the certificate numbers («9901»). */
  municipalityPrefix: string;
  /** Certificates issued on this day. */
  issuedOn: string;
  outFile: string;
  onProgress?: (done: number, total: number) => void;
  workerUrl?: URL | string;
}

/**
 * «Все выписки, выданные сегодня в муниципалитете» in one PDF: each certificate gets a fresh cabinet password
 * (hashed in parallel before the transaction), a registered extract, and a page in the batch rendered by a
 * worker. The registry changes only if the PDF was written.
 */
export async function printExtractBatch(runSystemJob: SystemJobRunner, db: Db, o: ExtractBatchOptions): Promise<{ count: number; registrationNumbers: string[] }> {
  if (!/^\d{4}$/.test(o.municipalityPrefix)) throw new DomainError('invalid_input', 'Муниципалитет: 4 цифры — код региона и код муниципалитета, например 9901.');
  const ids = db
    .prepare(`SELECT id FROM certificates WHERE number >= ? AND number <= ? AND issued_on = ? AND status <> 'annulled' AND deleted = 0 ORDER BY number`)
    .all(`${o.municipalityPrefix}000000`, `${o.municipalityPrefix}999999`, o.issuedOn) as Array<{ id: string }>;
  if (ids.length === 0) {
    throw new DomainError('not_found', `Нет сертификатов муниципалитета ${o.municipalityPrefix}, выданных ${o.issuedOn}: печатать нечего.`);
  }
  const passwords = await newCabinetPasswords(ids.length);
  return runSystemJob('documents.printExtractBatch', async (ctx) => {
    const items: ExtractData[] = [];
    const registrationNumbers: string[] = [];
    ids.forEach(({ id }, i) => {
      const c = certificateRow(ctx.core.db, id);
      const prepared = passwords[i]!;
      reissueCabinetPassword(ctx, c, prepared);
      const registered = registerDocument(ctx, 'extract', c.id);
      registrationNumbers.push(registered.registrationNumber);
      items.push(extractData(ctx, c, prepared.password, registered));
    });
    const pdf = await renderBatchInWorker('extract', items, {
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      ...(o.workerUrl ? { workerUrl: o.workerUrl } : {}),
    });
    writeFileSync(o.outFile, pdf);
    ctx.audit('document', null, `Пакет выписок: ${ids.length} шт., муниципалитет ${o.municipalityPrefix}, выданы ${o.issuedOn}; №№ ${registrationNumbers[0]} … ${registrationNumbers.at(-1)}`);
    return { count: ids.length, registrationNumbers };
  });
}
