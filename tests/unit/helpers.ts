import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { createApi, type Api } from '../../src-main/api/table';
import { fixedClock, type FixedClock } from '../../src-main/clock';
import { openCore, type Core } from '../../src-main/core';
import { loadDemo } from '../../src-main/demo/demo';
import { ensureOfficeKeys, keyFileStore } from '../../src-main/features/offices';
import { createDeskServer } from '../../src-main/hosts/server/server';
import type { OperationInput } from '../../shared/operations';
import type { Result } from '../../shared/result';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-test-'));
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true });
    // The default key file of a data folder lies beside it (`<data-dir>.keys`), never inside.
    rmSync(`${dir}.keys`, { recursive: true, force: true });
  });
  return dir;
}

/**
 * The desk behind the real server host on a free local port, serving a stub renderer page; closed after the test.
 * `post` calls an operation as the renderer does (JSON, the desk's header) and gives the raw response.
 */
export async function startServerHost(desk: TestDesk, indexHtml = '<!doctype html>') {
  const rendererDir = tempDir();
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), indexHtml);
  const server = createDeskServer({ api: desk.api, rendererDir, port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Certdesk-Client': '1', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { base, post };
}

/** An API answer as the server host sends it. */
export interface ServerAnswer {
  ok: boolean;
  value: unknown;
  error: { code: string; message: string };
}

/** The server host with one signed-in operator: `call` carries that operator's session cookie. */
export async function serverSession(desk: TestDesk, login: string, password: string) {
  const { post } = await startServerHost(desk);
  const signIn = await post('auth.login', { login, password });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  return { call: async (op: string, body: unknown) => (await (await post(op, body, { Cookie: cookie })).json()) as ServerAnswer };
}

/** 23 November 2026, 13:00 in Murmansk (Europe/Moscow). */
export const TEST_NOW = '2026-11-23T10:00:00.000Z';

export interface TestDesk {
  core: Core;
  api: Api;
  clock: FixedClock;
  file: string;
  dir: string;
  /** The office's key file (in a temp folder of its own, outside `dir`); null for a desk opened without keys. */
  keyFile: string | null;
  /** Logs in and returns the session token. */
  login(login?: string, password?: string): string;
}

/**
 * A real registry file in a temp dir with the demo data (few generated children), a fixed clock, and the office's
 * keys in a key file of its own (`keys: false`: opened without a key store, as a benchmark's file is).
 */
export function makeDesk(options: { children?: number; demo?: boolean; keys?: boolean } = {}): TestDesk {
  const dir = tempDir();
  const file = join(dir, 'registry.db');
  const clock = fixedClock(TEST_NOW);
  const keyFile = options.keys === false ? null : join(tempDir(), 'office-keys');
  const core = openCore(file, { clock, keyStore: keyFile ? keyFileStore(keyFile) : null });
  if (options.demo ?? true) loadDemo(core, { children: options.children ?? 40 });
  if (keyFile) ensureOfficeKeys(core);
  const api = createApi(core, () => {});
  cleanups.unshift(() => core.close());
  return {
    core,
    api,
    clock,
    file,
    dir,
    keyFile,
    login(login = 'operator', password = `${login}-demo-2026`) {
      const r = api.call('auth.login', { login, password });
      if (!r.ok) throw new Error(`login failed: ${r.error.message}`);
      return r.value.token;
    },
  };
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function errorOf<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal, got ok');
  return r.error;
}

export function municipality(desk: TestDesk) {
  return desk.core.db
    .prepare("SELECT m.id AS municipalityId, c.id AS categoryId FROM municipalities m JOIN categories c ON c.municipality_id = m.id WHERE m.municipality_code = '01' AND c.name = 'город'")
    .get() as { municipalityId: string; categoryId: string };
}

type IssueInput = OperationInput<'certificates.issue'>;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Builder: a valid issue request for a new child; override any part. */
export function makeIssueInput(desk: TestDesk, overrides: DeepPartial<IssueInput> = {}): IssueInput {
  const m = municipality(desk);
  return {
    municipalityId: overrides.municipalityId ?? m.municipalityId,
    categoryId: overrides.categoryId ?? m.categoryId,
    type: overrides.type ?? 'financing',
    confirmNotDuplicate: overrides.confirmNotDuplicate ?? false,
    child: {
      lastName: 'Ёлкина',
      firstName: 'Алёна',
      middleName: 'Петровна',
      birthDate: '2016-05-14',
      gender: 'female',
      identityDocument: 'II-АБ 654321',
      ...overrides.child,
    },
    representative: {
      lastName: 'Ёлкина',
      firstName: 'Мария',
      middleName: 'Ивановна',
      relation: 'mother',
      identityDocument: '4711 222333',
      phone: '+7 921 555-66-77',
      email: 'elkina@example.ru',
      address: 'г. Мурманск, ул. Северная, д. 3',
      ...overrides.representative,
    },
  };
}

/** The first group of a demo program, its program and the organization that runs it. */
export function groupOf(desk: TestDesk, programName: string): { id: string; organizationId: string; programId: string } {
  return desk.core.db
    .prepare(`SELECT g.id, p.organization_id AS organizationId, p.id AS programId FROM program_groups g JOIN programs p ON p.id = g.program_id
               WHERE p.name = ? ORDER BY g.name LIMIT 1`)
    .get(programName) as { id: string; organizationId: string; programId: string };
}

/** A logged-in staff member of the organization that runs `programName`. */
export function staffOf(desk: TestDesk, programName: string, login: string): string {
  const admin = desk.login('admin');
  const { organizationId } = groupOf(desk, programName);
  unwrap(desk.api.call('operators.create', { login, fullName: 'Сотрудник Организации', role: 'org_staff', organizationId, password: 'staff-pass-2026' }, { token: admin }));
  return desk.login(login, 'staff-pass-2026');
}

/** Counts of the rows an operation may touch: a refused operation must leave all of them as they were. */
export function registrySnapshot(desk: TestDesk): Record<string, number> {
  const tables = ['children', 'representatives', 'child_representatives', 'certificates', 'ledger_entries', 'notifications'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (desk.core.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  out.search = (desk.core.db.prepare('SELECT count(*) AS n FROM certificate_search').get() as { n: number }).n;
  return out;
}

/**
 * The PDF batch worker bundled exactly as the build does, inside the repository so that the bundle finds
 * pdfkit, qrcode and the fonts in node_modules. Removed after the test file.
 */
export function bundlePdfWorker(): Promise<URL> {
  return bundleWorker('src-main/pdf/batch-worker.ts', 'pdf-worker');
}

/** Bundles a worker-thread entry as scripts/build-main.mjs does, into a temp folder removed after the file's tests. */
export async function bundleWorker(entry: string, name: string): Promise<URL> {
  const { build } = await import('esbuild');
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `certdesk-${name}-`));
  cleanupAfterFile.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const outfile = join(dir, `${name}.js`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
  return pathToFileURL(outfile);
}

const cleanupAfterFile: Array<() => void> = [];
afterAll(() => {
  while (cleanupAfterFile.length) cleanupAfterFile.pop()!();
});

/** Captures what the CLI writes to stdout and stderr during each test of the calling file. */
export function captureStdio(): { out(): string; err(): string } {
  let stdout = '';
  let stderr = '';
  beforeEach(() => {
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return { out: () => stdout, err: () => stderr };
}

/**
 * A printed document's text as poppler reads it (pdftotext -layout), after qpdf has checked the file.
 * PDF_KEEP=/some/dir keeps the file there as `<keepAs>.pdf` to look at it (pdftoppm -png -r 60 …).
 */
export function pdfText(base64: string, keepAs = 'doc'): string {
  const dir = process.env.PDF_KEEP ? (mkdirSync(process.env.PDF_KEEP, { recursive: true }), process.env.PDF_KEEP) : tempDir();
  const file = join(dir, `${keepAs}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
