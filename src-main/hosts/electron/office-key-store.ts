/**
 * The desktop window's office key store: the same material as the server's key file, wrapped by Electron's
 * `safeStorage` (DPAPI on Windows, the Keychain on macOS, the desktop's secret service on Linux) and kept in a `keys`
 * folder beside the data folder, never inside it (docs/decisions/0001, «Keys»). Type-checked only here: Electron does
 * not run on this machine.
 *
 * On Linux the `basic_text` backend is refused: it "encrypts" with a key written in Chromium's source. The passphrase
 * slot the decision names for that case is issue 15's keyring; until then such a desk runs as the server host.
 *
 * The synchronous safeStorage calls (deprecated in favour of the async ones) keep the store's interface synchronous:
 * the key is read once at start, before the window opens, and written once when the office gets its keys.
 */
import { safeStorage } from 'electron';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { refuseKeyFileInsideDataDir, refuseKeyFileOthersCanRead, type OfficeKeyStore } from '../../desk';

/** `<data-dir>.keys/office-keys.sealed`: beside the data folder, in an owner-only folder. */
export function sealedKeyFile(dataDir: string): string {
  return join(`${dataDir.replace(/[\\/]+$/, '')}.keys`, 'office-keys.sealed');
}

function refuseUnsafeBackend(): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error('Хранилище ключей операционной системы недоступно: ключи офиса негде сохранить защищённо. Запустите АРМ как сервер с файлом ключей (--key-file).');
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new Error(
      'В этом окружении нет хранилища паролей (GNOME Keyring, KWallet): ключи офиса не были бы защищены. Запустите АРМ как сервер с файлом ключей (--key-file).',
    );
  }
}

export function safeStorageKeyStore(dataDir: string, file: string = sealedKeyFile(dataDir)): OfficeKeyStore {
  refuseKeyFileInsideDataDir(file, dataDir);
  return {
    where: file,
    load() {
      if (!existsSync(file)) return null;
      refuseKeyFileOthersCanRead(file);
      refuseUnsafeBackend();
      return safeStorage.decryptString(readFileSync(file));
    },
    save(material) {
      if (existsSync(file)) throw new Error(`Файл ключей офиса ${file} уже есть: существующие ключи не перезаписываются.`);
      refuseUnsafeBackend();
      const sealed = safeStorage.encryptString(material);
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, sealed);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    },
  };
}
