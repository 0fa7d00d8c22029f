import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createApi, type Api } from './api/table';
import type { Clock } from './clock';
import { openCore, type Core } from './core';
import { loadDemo } from './demo/demo';

export const REGISTRY_FILE = 'registry.db';

/** Where the desktop window keeps its registry; the server and CLI use the same place unless told otherwise. */
export function defaultDataDir(): string {
  if (process.env.CERTDESK_DATA_DIR) return process.env.CERTDESK_DATA_DIR;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'certdesk');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'certdesk');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'certdesk');
}

export interface Desk {
  core: Core;
  api: Api;
  createdWithDemo: boolean;
}

/**
 * Opens the registry in a data directory. A directory without a registry gets one, with the demo data
 * when asked (first start of the desk); an existing registry is opened as it is, never overwritten.
 */
export function openDesk(dataDir: string, options: { demo: boolean; clock?: Clock; log?: (m: string) => void }): Desk {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, REGISTRY_FILE);
  const isNew = !existsSync(file);
  const core = openCore(file, { create: true, ...(options.clock ? { clock: options.clock } : {}) });
  let createdWithDemo = false;
  if (isNew && options.demo) {
    loadDemo(core);
    createdWithDemo = true;
  }
  return { core, api: createApi(core, options.log), createdWithDemo };
}
