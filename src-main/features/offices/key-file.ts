/**
 * The server's and the CLI's office key store: one owner-only file OUTSIDE the data folder (docs/decisions/0001,
 * «Keys»), so that a copy of the data folder — a backup, a folder sent for support — never carries the private keys.
 * The desktop window keeps the same material wrapped with Electron's safeStorage instead (hosts/electron).
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import type { OfficeKeyStore } from '../../core';
import { DomainError } from '../../errors';

/** A key file is a few hundred bytes; anything much bigger is not ours. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** The default key file of a data folder: beside it, never inside it («/srv/certdesk» → «/srv/certdesk.keys/office-keys»). */
export function defaultKeyFile(dataDir: string): string {
  const dir = resolve(dataDir);
  return `${dir}.keys/office-keys`;
}

/** Refuses a key file placed inside the data folder: a copy of the folder would carry the keys with the data. */
export function refuseKeyFileInsideDataDir(keyFile: string, dataDir: string): void {
  const rel = relative(resolve(dataDir), resolve(keyFile));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new DomainError(
      'refused',
      `Файл ключей офиса ${keyFile} лежит в папке реестра ${dataDir}: копия папки (резервная копия) унесла бы ключи вместе с данными. `
        + 'Укажите файл вне папки реестра (--key-file), например рядом с ней.',
    );
  }
}

/**
 * Refuses a key file that anyone but its owner may read or change. On Windows the mode bits say nothing about who may
 * read a file (an ACL does), so the check is skipped there; checking the ACL is issue 15's («Safe at rest»).
 */
export function refuseKeyFileOthersCanRead(file: string): void {
  if (process.platform === 'win32') return;
  const st = statSync(file);
  if (!st.isFile()) throw new DomainError('refused', `Файл ключей офиса ${file} — не обычный файл. АРМ не запущен.`);
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && st.uid !== uid) {
    throw new DomainError('refused', `Файл ключей офиса ${file} принадлежит другому пользователю компьютера. АРМ не запущен: ключи офиса должен хранить тот, под чьей учётной записью работает АРМ.`);
  }
  if ((st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw new DomainError(
      'refused',
      `Файл ключей офиса ${file} доступен не только владельцу (права ${mode}): его могут прочитать другие пользователи компьютера. `
        + `АРМ не запущен. Оставьте доступ только владельцу (chmod 600 "${file}") и запустите АРМ снова.`,
    );
  }
}

/** The key file store: reads only an owner-only file, writes one (0600, in a 0700 folder) atomically, never overwrites. */
export function keyFileStore(file: string): OfficeKeyStore {
  return {
    where: file,
    load() {
      if (!existsSync(file)) return null;
      refuseKeyFileOthersCanRead(file);
      if (statSync(file).size > MAX_KEY_FILE_BYTES) throw new DomainError('refused', `Файл ${file} слишком велик для файла ключей офиса. АРМ не запущен.`);
      return readFileSync(file, 'utf8');
    },
    save(material) {
      if (existsSync(file)) throw new DomainError('conflict', `Файл ключей офиса ${file} уже есть: существующие ключи не перезаписываются.`);
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, material);
        fsyncSync(fd);
      } catch (error) {
        closeSync(fd);
        rmSync(temp, { force: true });
        throw error;
      }
      closeSync(fd);
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    },
  };
}
