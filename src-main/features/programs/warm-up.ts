/**
 * The navigator's pages read once at start, on a worker thread with its own read-only connection: on a registry
 * the OS has not cached yet (after a reboot, 4.4 GB at registry scale), a parent's first keystrokes otherwise wait
 * for the disk — 150–660 ms each for the first searches, where a warm search takes 4–10 ms. The registry is mapped
 * (mmap), so the pages this thread reads are the ones the desk's connection then finds in memory.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Core } from '../../core';
import { moduleBaseUrl } from '../../common/module-url';
import type { Db } from '../../database/db';

export const NAVIGATOR_WARM_UP_FILE = 'navigator-warm-up.js';

/**
 * What `programs.search` and its cards read, whole: programs with their name and direction indexes and the name
 * search, organizations, modules, and the group and contract indexes places are counted from (≈ 125 MB for 50,000
 * programs and 500,000 contracts). Each is read through the b-tree the search uses, so no other table's pages are.
 */
const NAVIGATOR_READS = [
  'SELECT count(*) FROM programs NOT INDEXED WHERE length(annotation) >= 0',
  "SELECT count(*) FROM programs INDEXED BY programs_name WHERE name >= ''",
  "SELECT count(*) FROM programs INDEXED BY programs_direction WHERE direction >= ''",
  "SELECT count(*) FROM programs INDEXED BY sqlite_autoindex_programs_1 WHERE id >= ''",
  'SELECT sum(length(block)) FROM program_search_data',
  'SELECT count(*) FROM organizations NOT INDEXED WHERE length(name) >= 0',
  "SELECT count(*) FROM organizations INDEXED BY sqlite_autoindex_organizations_1 WHERE id >= ''",
  'SELECT count(*) FROM program_modules NOT INDEXED WHERE length(name) >= 0',
  "SELECT count(*) FROM program_modules INDEXED BY sqlite_autoindex_program_modules_2 WHERE program_id >= ''",
  "SELECT count(*) FROM program_groups INDEXED BY program_groups_program WHERE program_id >= ''",
  "SELECT count(*) FROM contracts INDEXED BY contracts_group WHERE group_id >= ''",
];

/** Reads the navigator's pages on this connection (the worker's). */
export function readNavigatorPages(db: Db): void {
  for (const sql of NAVIGATOR_READS) db.prepare(sql).get();
}

/**
 * Starts the read on a worker thread and resolves when it is done (with how long it took), or at once with null
 * where the bundled worker is not there (tests running from source; `url` names one they bundled). A failure only
 * costs the speed-up: it is logged.
 */
export function warmUpNavigator(core: Core, log: (m: string) => void = () => {}, url = new URL(`./${NAVIGATOR_WARM_UP_FILE}`, moduleBaseUrl())): Promise<number | null> {
  if (!existsSync(fileURLToPath(url))) return Promise.resolve(null);
  const started = performance.now();
  return new Promise((resolve) => {
    const worker = new Worker(url, { workerData: { file: core.file } });
    worker.on('error', (e) => log(`Навигатор: предварительное чтение не удалось: ${e.message}`));
    worker.on('exit', () => resolve(performance.now() - started));
  });
}
