/** Worker-thread entry of the navigator's warm-up (bundled as out/main/navigator-warm-up.js): see warm-up.ts. */
import { workerData } from 'node:worker_threads';
import { openDatabase } from '../../database/db';
import { runAsBackgroundThread } from '../../background-thread';
import { readNavigatorPages } from './warm-up';

runAsBackgroundThread();
const db = openDatabase((workerData as { file: string }).file, { readonly: true });
try {
  readNavigatorPages(db);
} finally {
  db.close();
}
