/**
 * The office's own jobs, as the command line runs them: each goes through the operation table's wrapper
 * (`callAsSystem`, `runSystemJob`) or the feature functions the operations call, so the rules and the audit are the
 * same whichever door is used. Only in-process callers reach this module; no host exposes it to a page.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { operations } from '../../shared/operations';
import type { AuditVerification, DocumentVerification, MonthlyCloseReport, PrintedDocument } from '../../shared/operations';
import type { Clock } from '../clock';
import { openCore, type Core } from '../core';
import { loadDemo } from '../demo/demo';
import { generateBigRegistry } from '../demo/big';
import { setMeta } from '../database/db';
import { DomainError } from '../errors';
import { findCertificateId } from '../features/certificates';
import { findContractId } from '../features/contracts';
import { printExtractBatch } from '../features/documents';
import { CLOSE_CHUNK_CERTIFICATES, closeInThisThread, closeMonth, requireCloseHere } from '../features/months';
import { municipalityByCode } from '../features/municipalities';
import { createOperatorAccount } from '../features/operators';
import { nameTheOffice } from '../features/settings';
import { createApi, operationTable, SYSTEM_ACTOR, type Api } from './table';

export { generateBigRegistry };

/** A registry opened for one command: its core and the operation table over it. */
export interface SystemDesk {
  core: Core;
  api: Api;
  close(): void;
}

/** Opens an existing registry (never creates one: a mistyped path is an error, not a new empty registry). */
export function openSystemDesk(file: string, options: { clock?: Clock } = {}): SystemDesk {
  const core = openCore(file, { create: false, ...(options.clock ? { clock: options.clock } : {}) });
  return { core, api: createApi(core), close: () => core.close() };
}

/** Removes what a failed creation left, so that the next attempt starts clean instead of refusing an «existing» registry. */
function removeRegistryFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

function createNew(file: string, refusal: string): Core {
  if (existsSync(file)) throw new DomainError('conflict', refusal);
  mkdirSync(dirname(file), { recursive: true });
  return openCore(file, { create: true });
}

/**
 * A new empty registry with its first administrator. The account is checked by `operators.create`'s own schema
 * before anything is written and created by the same feature function; a failure leaves no file behind.
 */
export async function createRegistry(file: string, o: { adminLogin: string; adminPassword: string; officeName?: string | undefined }): Promise<void> {
  const parsed = operations['operators.create'].input.safeParse({ login: o.adminLogin, fullName: 'Администратор', role: 'admin', password: o.adminPassword });
  if (!parsed.success) throw new DomainError('invalid_input', parsed.error.issues[0]?.message ?? 'Учётная запись администратора указана неверно.');
  const core = createNew(file, `Реестр уже существует: ${file}. Существующий реестр не перезаписывается.`);
  try {
    await createApi(core).runSystemJob('registry.create', async (ctx) => {
      nameTheOffice(ctx, o.officeName ?? 'Рабочее место');
      const admin = createOperatorAccount(parsed.data, ctx);
      ctx.audit('operator', admin.id, `Создан реестр, администратор ${admin.login}`);
    });
    core.close();
  } catch (error) {
    core.close();
    removeRegistryFiles(file);
    throw error;
  }
}

/** A new registry with the demo data (a failure leaves no file behind). */
export function createDemoRegistry(file: string, o: { children: number; seed: number; onProgress?: (done: number, total: number) => void }): void {
  const core = createNew(file, `Реестр уже существует: ${file}. Демонстрационные данные загружаются только в новый реестр.`);
  try {
    loadDemo(core, { children: o.children, seed: o.seed, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
    core.close();
  } catch (error) {
    core.close();
    removeRegistryFiles(file);
    throw error;
  }
}

/** A read operation as the office's script («cli»): the same wrapper, validation and Russian refusals as a desk's call. */
function read<N extends 'audit.verify' | 'documents.verify'>(desk: SystemDesk, name: N, input: unknown) {
  const r = desk.api.callAsSystem(name, input);
  if (!r.ok) throw new DomainError(r.error.code, r.error.message);
  return r.value;
}

export function verifyAuditOf(desk: SystemDesk): AuditVerification {
  return read(desk, 'audit.verify', {});
}

export function verifyDocumentCode(desk: SystemDesk, code: string): DocumentVerification {
  return read(desk, 'documents.verify', { code });
}

export type PrintRequest =
  | { kind: 'extract' | 'attendance' | 'consent'; certificateNumber: string }
  | { kind: 'application'; contract: string };

const PRINT_OPERATIONS = {
  extract: 'documents.printExtract',
  attendance: 'documents.printAttendance',
  consent: 'documents.printConsentForm',
  application: 'documents.printApplication',
} as const;

/**
 * One printed document, written to a file inside the operation's transaction: a document the file did not receive
 * is not registered (an extract's new cabinet password is not stored either).
 */
export async function printDocument(desk: SystemDesk, request: PrintRequest, outFile: string): Promise<PrintedDocument> {
  const name = PRINT_OPERATIONS[request.kind];
  const { db } = desk.core;
  return desk.api.runSystemJob(name, async (ctx) => {
    const printed =
      request.kind === 'application'
        ? operationTable['documents.printApplication'].handler({ contractId: findContractId(db, request.contract) }, ctx)
        : operationTable[PRINT_OPERATIONS[request.kind]].handler({ certificateId: findCertificateId(db, { number: request.certificateNumber }) }, ctx);
    writeFileSync(outFile, Buffer.from(printed.pdfBase64, 'base64'));
    return printed;
  });
}

/** «Все выписки, выданные в день» in one PDF (see `printExtractBatch`). */
export function printExtractsOfDay(desk: SystemDesk, o: { municipality: string; issuedOn?: string | undefined; outFile: string; onProgress?: (done: number, total: number) => void }) {
  return printExtractBatch(desk.api.runSystemJob, desk.core.db, {
    municipalityPrefix: o.municipality,
    issuedOn: o.issuedOn ?? desk.core.clock.today(),
    outFile: o.outFile,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
}

/**
 * The close of a municipality's month from the command line: the background job's steps, chunk by chunk, each its
 * own transaction, audited as «cli»; the preview changes nothing.
 */
export async function closeMonthOf(
  desk: SystemDesk,
  o: { municipality: string; month: string; preview: boolean; onProgress?: (done: number, total: number) => void },
): Promise<{ municipalityName: string; report: MonthlyCloseReport }> {
  const { core, api } = desk;
  const m = municipalityByCode(core.db, o.municipality);
  if (!m) throw new DomainError('not_found', `Муниципалитет ${o.municipality} не найден в реестре.`);
  if (o.preview) {
    const report = await api.runSystemJob('months.close', async (ctx) => closeMonth(ctx, { municipalityId: m.id, month: o.month, preview: true }));
    return { municipalityName: m.name, report };
  }
  requireCloseHere(core, m);
  const stamp = core.hlc.next();
  setMeta(core.db, 'hlc', stamp);
  const report = await closeInThisThread(core, {
    file: core.file, municipalityId: m.id, month: o.month, stamp, nowIso: core.clock.now().toISOString(), timeZone: core.clock.timeZone,
    actor: SYSTEM_ACTOR, chunk: CLOSE_CHUNK_CERTIFICATES,
  }, (p) => o.onProgress?.(p.done, p.total));
  return { municipalityName: m.name, report };
}
