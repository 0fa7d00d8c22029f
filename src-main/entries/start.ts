/**
 * `npm start`: the desktop window where Electron can run; otherwise one line saying why, and the same desk
 * served at http://127.0.0.1:PORT by the server host.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSupportedNode } from '../node-check';
import type * as ServerModuleNs from '../hosts/server/main';

type ServerModule = typeof ServerModuleNs;

requireSupportedNode();
const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

function electronBinary(): { path: string } | { why: string } {
  if (process.env.CERTDESK_NO_ELECTRON === '1') return { why: 'окно отключено (CERTDESK_NO_ELECTRON=1)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { why: 'нет графического дисплея (DISPLAY не задан)' };
  }
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { why: 'программа Electron не скачана (нет доступа к серверу загрузки)' };
  } catch {
    return { why: 'программа Electron не установлена или не скачана' };
  }
}

const electron = electronBinary();
if ('path' in electron) {
  const child = spawn(electron.path, [join(here, 'electron.cjs'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = args.includes('--port') ? [] : ['--port', process.env.CERTDESK_PORT ?? '8780'];
  process.stdout.write(`Окно АРМ не открыто: ${electron.why}. Открываю АРМ в браузере через сервер на 127.0.0.1.\n`);
  const host = (await import(new URL('./server-host.js', import.meta.url).href)) as ServerModule;
  await host.runServer([...args, ...port]);
}
