/**
 * The office's own jobs, as the command line runs them: each goes through the operation table's wrapper
 * (`callAsSystem`, `runSystemJob`) or the feature functions the operations call, so the rules and the audit are the
 * same whichever door is used. Only in-process callers reach this module; no host exposes it to a page.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OFFICE_CARD_MAX_CHARS, operations } from '../../shared/operations';
import type {
  AuditVerification, DocumentVerification, MonthlyCloseReport, OfficeCardFile, OwnOfficeView, PrintedDocument, TrustedOfficeView,
} from '../../shared/operations';
import type { OfficeRole } from '../../shared/enums';
import type { Clock } from '../clock';
import { openCore, type Core, type OfficeKeyStore } from '../core';
import { loadDemo } from '../demo/demo';
import { generateBigRegistry } from '../demo/big';
import { setMeta } from '../database/db';
import { DomainError } from '../errors';
import { findCertificateId } from '../features/certificates';
import { findContractId } from '../features/contracts';
import { printExtractBatch } from '../features/documents';
import { CLOSE_CHUNK_CERTIFICATES, closeInThisThread, closeMonth, requireCloseHere } from '../features/months';
import { municipalityByCode } from '../features/municipalities';
import { defaultKeyFile, ensureOfficeKeys, identifyOffice, keyFileStore, refuseKeyFileInsideDataDir } from '../features/offices';
import { createOperatorAccount } from '../features/operators';
import { createApi, operationTable, SYSTEM_ACTOR, type Api } from './table';

export { generateBigRegistry };

/** A registry opened for one command: its core and the operation table over it. */
export interface SystemDesk {
  core: Core;
  api: Api;
  close(): void;
}

/**
 * The key file of the registry `file`: `keyFile` when given, else the default beside its data folder; refused when it
 * lies inside the data folder.
 */
export function keyFileFor(file: string, keyFile?: string): string {
  const path = keyFile ?? defaultKeyFile(dirname(file));
  refuseKeyFileInsideDataDir(path, dirname(file));
  return path;
}

/**
 * Opens an existing registry (never creates one: a mistyped path is an error, not a new empty registry). With a key
 * store the office's keys are loaded (made, for a registry that had none yet), as the office's own jobs need them.
 */
export function openSystemDesk(file: string, options: { clock?: Clock; keyStore?: OfficeKeyStore } = {}): SystemDesk {
  options.keyStore?.load();
  const core = openCore(file, { create: false, ...(options.clock ? { clock: options.clock } : {}), ...(options.keyStore ? { keyStore: options.keyStore } : {}) });
  try {
    if (options.keyStore) ensureOfficeKeys(core);
  } catch (error) {
    core.close();
    throw error;
  }
  return { core, api: createApi(core), close: () => core.close() };
}

/** Removes what a failed creation left, so that the next attempt starts clean instead of refusing an «existing» registry. */
function removeRegistryFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * A new registry's file and its key file. The key file must not exist yet (it would be another registry's keys), and
 * both are removed again when the creation fails, so the next attempt starts clean.
 */
function createNew(file: string, keyFile: string, refusal: string): { core: Core; undo(): void } {
  if (existsSync(file)) throw new DomainError('conflict', refusal);
  if (existsSync(keyFile)) {
    throw new DomainError('conflict', `Файл ключей офиса ${keyFile} уже есть: это ключи другого реестра, они не перезаписываются. Укажите для нового реестра другой файл (--key-file).`);
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const core = openCore(file, { create: true, keyStore: keyFileStore(keyFile) });
  return {
    core,
    undo() {
      core.close();
      removeRegistryFiles(file);
      rmSync(keyFile, { force: true });
    },
  };
}

/**
 * A new empty registry with its first administrator and the office's keys. The account is checked by
 * `operators.create`'s own schema before anything is written and created by the same feature function; a failure
 * leaves no file behind.
 */
export async function createRegistry(
  file: string,
  o: { adminLogin: string; adminPassword: string; officeName?: string | undefined; officeCode?: string | undefined; keyFile?: string | undefined },
): Promise<void> {
  const parsed = operations['operators.create'].input.safeParse({ login: o.adminLogin, fullName: 'Администратор', role: 'admin', password: o.adminPassword });
  if (!parsed.success) throw new DomainError('invalid_input', parsed.error.issues[0]?.message ?? 'Учётная запись администратора указана неверно.');
  const code = o.officeCode === undefined ? undefined : operations['offices.revoke'].input.shape.officeCode.safeParse(o.officeCode);
  if (code && !code.success) throw new DomainError('invalid_input', code.error.issues[0]?.message ?? 'Код офиса указан неверно.');
  const { core, undo } = createNew(file, keyFileFor(file, o.keyFile), `Реестр уже существует: ${file}. Существующий реестр не перезаписывается.`);
  try {
    ensureOfficeKeys(core);
    await createApi(core).runSystemJob('registry.create', async (ctx) => {
      identifyOffice(ctx, { code: code?.data, name: o.officeName ?? 'Рабочее место' });
      const admin = createOperatorAccount(parsed.data, ctx);
      ctx.audit('operator', admin.id, `Создан реестр, администратор ${admin.login}`);
    });
    core.close();
  } catch (error) {
    undo();
    throw error;
  }
}

/** A new registry with the demo data and the office's keys (a failure leaves no file behind). */
export function createDemoRegistry(file: string, o: { children: number; seed: number; keyFile?: string | undefined; onProgress?: (done: number, total: number) => void }): void {
  const { core, undo } = createNew(file, keyFileFor(file, o.keyFile), `Реестр уже существует: ${file}. Демонстрационные данные загружаются только в новый реестр.`);
  try {
    loadDemo(core, { children: o.children, seed: o.seed, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
    ensureOfficeKeys(core);
    core.close();
  } catch (error) {
    undo();
    throw error;
  }
}

/** An operation as the office's script («cli»): the same wrapper, validation and Russian refusals as a desk's call. */
function read<N extends 'audit.verify' | 'documents.verify' | 'offices.own' | 'offices.card' | 'offices.trust' | 'offices.trusted' | 'offices.revoke' | 'offices.setRole'>(
  desk: SystemDesk,
  name: N,
  input: unknown,
) {
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

/** The office's public card, written to `outFile` (audited as «cli»: who exported the card, and when). */
export function writeOfficeCard(desk: SystemDesk, outFile: string): OfficeCardFile {
  const card = read(desk, 'offices.card', {});
  writeFileSync(outFile, card.json);
  return card;
}

/**
 * Reads a card file for `offices.trust`: the size is checked before the file is read, so a huge file is refused
 * plainly instead of filling memory.
 */
function readCardFile(cardFile: string): string {
  let size: number;
  try {
    size = statSync(cardFile).size;
  } catch {
    throw new DomainError('not_found', `Файл карточки ${cardFile} не найден.`);
  }
  if (size > OFFICE_CARD_MAX_CHARS * 4) {
    throw new DomainError('invalid_input', `Файл ${cardFile} слишком большой для карточки офиса (${Math.ceil(size / 1024)} КБ): карточка занимает меньше 2 КБ.`);
  }
  return readFileSync(cardFile, 'utf8');
}

/** Another office's card into the trust list, once the fingerprint typed by the administrator matches it. */
export function trustOfficeCard(desk: SystemDesk, cardFile: string, fingerprint: string): TrustedOfficeView {
  return read(desk, 'offices.trust', { cardText: readCardFile(cardFile), fingerprint });
}

export function revokeOffice(desk: SystemDesk, officeCode: string, reason: string): TrustedOfficeView {
  return read(desk, 'offices.revoke', { officeCode, reason });
}

export function trustedOffices(desk: SystemDesk): TrustedOfficeView[] {
  return read(desk, 'offices.trusted', {});
}

export function ownOfficeOf(desk: SystemDesk): OwnOfficeView {
  return read(desk, 'offices.own', {});
}

export function setOfficeRole(desk: SystemDesk, role: OfficeRole, organizationId: string | null): OwnOfficeView {
  return read(desk, 'offices.setRole', { role, organizationId });
}
