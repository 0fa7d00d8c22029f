/**
 * The Electron host: one window, one IPC channel onto the operation table, secure defaults everywhere.
 * Electron's own modules are imported only here; the core never sees them.
 */
import { app, BrowserWindow, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir, openDesk, startDeskJobs, warmUpDocumentsWhenIdle, whyDeskDidNotOpen, type Desk } from '../../desk';
import { safeStorageKeyStore } from './office-key-store';
import { createWindowCalls } from './window-calls';

export const CHANNEL = 'certdesk:call';

let desk: Desk | null = null;
let mainWindow: BrowserWindow | null = null;
let windowCalls: ReturnType<typeof createWindowCalls> | null = null;
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
/** Linux takes the window icon from here (Windows from the .exe, macOS from the bundle): see electron-builder.yml. */
const linuxWindowIcon = join(__dirname, '..', '..', 'resources', 'icons', '512x512.png');

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!mainWindow && event.sender === mainWindow.webContents && !!frame && frame === mainWindow.webContents.mainFrame && frame.url.startsWith(rendererUrl.split('#')[0]!);
}

/** When the window last called the core (the documents' warm-up waits for a quiet moment). */
let lastCallAt = Date.now();

async function handleCall(event: IpcMainInvokeEvent, operation: unknown, input: unknown): Promise<unknown> {
  lastCallAt = Date.now();
  if (!isTrustedSender(event)) {
    return { ok: false, error: { code: 'forbidden', message: 'Запрос отклонён: он пришёл не из окна АРМ.' } };
  }
  if (typeof operation !== 'string' || !windowCalls) {
    return { ok: false, error: { code: 'invalid_input', message: 'Неизвестная операция.' } };
  }
  return windowCalls.call(operation, input);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: 'АРМ Сертификат',
    icon: process.platform === 'linux' ? linuxWindowIcon : undefined,
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Chromium's PDF viewer, for the document preview before printing.
      plugins: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(rendererUrl)) e.preventDefault();
  });
  mainWindow.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void mainWindow.loadFile(rendererIndex);
}

app.setName('certdesk');
app.setPath('userData', defaultDataDir());
app.enableSandbox();

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:",
        ],
      },
    });
  });
  try {
    desk = openDesk(app.getPath('userData'), { demo: true, keyStore: safeStorageKeyStore(app.getPath('userData')) });
    windowCalls = createWindowCalls(desk.api);
  } catch (e) {
    const message = whyDeskDidNotOpen(e);
    void import('electron').then(({ dialog }) => {
      dialog.showErrorBox('АРМ Сертификат', message);
      app.exit(1);
    });
    return;
  }
  ipcMain.handle(CHANNEL, (event, operation: unknown, input: unknown) => handleCall(event, operation, input));
  startDeskJobs(desk, (m) => console.warn(m));
  createWindow();
  warmUpDocumentsWhenIdle(() => lastCallAt);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  desk?.core.close();
  app.quit();
});

// Links to outside documents open in the system browser, never inside the desk window.
export function openExternal(url: string): void {
  if (/^https:\/\//.test(url)) void shell.openExternal(url);
}
