import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createApi, type Api } from './api/table';
import { clockFromEnvironment, type Clock } from './clock';
import { openCore, type Core, type OfficeKeyStore } from './core';
import { DomainError } from './errors';
import { loadDemo } from './demo/demo';
import { acceptProlongationsAudited, prolongationsDue } from './features/contracts';
import { defaultKeyFile, ensureOfficeKeys, keyFileStore, refuseKeyFileInsideDataDir, refuseKeyFileOthersCanRead } from './features/offices';
import { warmUpNavigator } from './features/programs';
import { warmUpDocuments } from './pdf';

/** The registry's SQLite file in a data directory (the name users see in their backups stays «registry.db»). */
export const DATABASE_FILE = 'registry.db';

/** Where the desktop window keeps its registry; the server and CLI use the same place unless told otherwise. */
export function defaultDataDir(): string {
  if (process.env.CERTDESK_DATA_DIR) return process.env.CERTDESK_DATA_DIR;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'certdesk');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'certdesk');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'certdesk');
}

export { defaultKeyFile, keyFileStore, refuseKeyFileInsideDataDir, refuseKeyFileOthersCanRead, type OfficeKeyStore };

/** Why the registry did not open, in Russian, for the host to say in one line (a refusal says it itself). */
export function whyDeskDidNotOpen(error: unknown): string {
  return error instanceof DomainError ? error.message : `Не удалось открыть реестр: ${(error as Error)?.message ?? String(error)}`;
}

export interface Desk {
  core: Core;
  api: Api;
  createdWithDemo: boolean;
}

/**
 * Opens the registry in a data directory. A directory without a registry gets one, with the demo data
 * when asked (first start of the desk); an existing registry is opened as it is, never overwritten. The office's keys
 * come from its key store (by default the key file beside the data folder, `<data-dir>.keys/office-keys`): made on
 * the first open, refused with a Russian message when others can read them or they belong to another registry.
 */
export function openDesk(dataDir: string, options: { demo: boolean; clock?: Clock; log?: (m: string) => void; keyStore?: OfficeKeyStore }): Desk {
  const keyStore = options.keyStore ?? keyFileStore(defaultKeyFile(dataDir));
  // The key store is checked before anything is created: a key file others can read stops the desk at once.
  keyStore.load();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATABASE_FILE);
  const isNew = !existsSync(file);
  const clock = options.clock ?? clockFromEnvironment();
  const core = openCore(file, { create: true, keyStore, ...(clock ? { clock } : {}) });
  let createdWithDemo = false;
  try {
    if (isNew && options.demo) {
      loadDemo(core);
      createdWithDemo = true;
    }
    ensureOfficeKeys(core);
  } catch (error) {
    core.close();
    throw error;
  }
  return { core, api: createApi(core, options.log), createdWithDemo };
}

const HOUR_MS = 3_600_000;

/**
 * What the desk does by itself while it runs: prolongations the representative did not refuse within 7 days take
 * effect (at start, then hourly). A job runs only when something is due, so an idle desk writes no audit entries.
 * At start the navigator's pages are read on a worker thread, so the first searches do not wait for the disk.
 */
export function startDeskJobs(desk: Desk, log: (m: string) => void = () => {}): { stop: () => void; runNow: () => Promise<void> } {
  void warmUpNavigator(desk.core, log).then((ms) => ms !== null && log(`Навигатор: данные прочитаны за ${(ms / 1000).toFixed(1)} с`));
  let running: Promise<void> | null = null;
  const tick = async () => {
    if (!prolongationsDue(desk.core.db, desk.core.clock.today())) return;
    try {
      const r = await desk.api.runSystemJob('contracts.acceptProlongations', async (ctx) => acceptProlongationsAudited(ctx));
      log(`Пролонгации: принято ${r.accepted}, не вступило в силу ${r.rejected}`);
    } catch (e) {
      log(`Пролонгации не обработаны: ${(e as Error).message}`);
    }
  };
  // One run at a time: an hourly tick never overlaps a run still in progress.
  const runNow = () => (running ??= tick().finally(() => (running = null)));
  void runNow();
  const timer = setInterval(() => void runNow(), HOUR_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow };
}

/**
 * The first document of a process loads pdfkit and parses its fonts: about 0.4 s of the thread that also serves
 * every desk. That is done ahead, once no request has come for `quietMs` (checked every second from `firstAfterMs`
 * after start): never in front of an operator waiting for a search or a printout, and never while a screen polls
 * a monthly close. `lastRequestAt` is the host's clock of its last request (ms, Date.now()).
 */
export function warmUpDocumentsWhenIdle(
  lastRequestAt: () => number,
  o: { firstAfterMs?: number; quietMs?: number; warmUp?: () => void } = {},
): { cancel(): void } {
  const quietMs = o.quietMs ?? 3_000;
  let timer: NodeJS.Timeout | null = null;
  const check = () => {
    if (Date.now() - lastRequestAt() >= quietMs) {
      timer = null;
      (o.warmUp ?? warmUpDocuments)();
      return;
    }
    timer = setTimeout(check, 1_000).unref();
  };
  timer = setTimeout(check, o.firstAfterMs ?? 10_000).unref();
  return {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
