/**
 * The office's own keys: made when the registry is created (or first opened with its key store after migration 013),
 * the private half in the key store only, the public half in the office's row of the directory (`offices`).
 * Private material is read here and by nothing else; no operation answers with it, no audit entry names it.
 */
import type { Core } from '../../core';
import { getMeta, setMeta } from '../../database/db';
import { DomainError } from '../../errors';
import { officeCode, officeName } from '../../common/office';
import { appendAudit } from '../audit';
import { groupFingerprint } from '../../../shared/fingerprint';
import { DEFAULT_SUITE, SUITES, type CryptoSuite, type OfficePrivateKeys, type OfficePublicKeys } from './suite';

const MATERIAL_FORMAT = 'certdesk-office-keys';

/** What the key store keeps (as JSON text): whose keys, of which suite. */
interface KeyMaterial {
  format: typeof MATERIAL_FORMAT;
  version: 1;
  officeId: string;
  suite: string;
  privateKeys: OfficePrivateKeys;
}

/** The office's keys as loaded for this core: the suite, both halves, the fingerprint. */
export interface LoadedOfficeKeys {
  suite: CryptoSuite;
  privateKeys: OfficePrivateKeys;
  publicKeys: OfficePublicKeys;
  fingerprint: string;
}

const loaded = new WeakMap<Core, LoadedOfficeKeys>();

function parseMaterial(text: string, where: string): KeyMaterial {
  const broken = () => new DomainError('refused', `Файл ключей офиса ${where} повреждён или не является файлом ключей АРМ. АРМ не запущен.`);
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw broken();
  }
  const v = m as Partial<KeyMaterial> | null;
  if (!v || v.format !== MATERIAL_FORMAT || v.version !== 1 || typeof v.officeId !== 'string' || typeof v.suite !== 'string') throw broken();
  if (!v.privateKeys || typeof v.privateKeys.sign !== 'string' || typeof v.privateKeys.box !== 'string') throw broken();
  return v as KeyMaterial;
}

interface OfficeRow {
  code: string;
  name: string;
  key_suite: string | null;
  sign_public_key: string | null;
  box_public_key: string | null;
}

const officeRow = (core: Core) =>
  core.db.prepare('SELECT code, name, key_suite, sign_public_key, box_public_key FROM offices WHERE id = ?').get(core.officeId) as OfficeRow | undefined;

/** Writes the office's row of the directory with its public keys (inserting it for a registry that had none). */
function recordPublicKeys(core: Core, suite: CryptoSuite, publicKeys: OfficePublicKeys, created: boolean): void {
  const { db } = core;
  const stamp = core.hlc.next();
  db.transaction(() => {
    const fingerprint = groupFingerprint(suite.fingerprint(publicKeys));
    if (officeRow(core)) {
      db.prepare('UPDATE offices SET key_suite = ?, sign_public_key = ?, box_public_key = ?, role = coalesce(role, \'registry_office\'), modified_at = ? WHERE id = ?')
        .run(suite.id, publicKeys.sign, publicKeys.box, stamp, core.officeId);
    } else {
      db.prepare(
        `INSERT INTO offices(id, modified_at, origin_office, code, name, role, key_suite, sign_public_key, box_public_key)
         VALUES (?, ?, ?, ?, ?, 'registry_office', ?, ?, ?)`,
      ).run(core.officeId, stamp, core.officeId, officeCode(db, core.officeId), officeName(db), suite.id, publicKeys.sign, publicKeys.box);
    }
    appendAudit(db, {
      at: core.clock.now().toISOString(), operatorId: null, operatorLogin: 'certdesk', operation: 'offices.keys', recordType: 'office', recordId: core.officeId,
      outcome: 'ok', summary: `${created ? 'Созданы ключи офиса' : 'Открытые ключи офиса записаны из хранилища ключей'}, отпечаток ${fingerprint}`,
    });
    setMeta(db, 'hlc', stamp);
  }).immediate();
}

/**
 * Makes sure the office has its keys, and loads them for this core. A registry without keys gets new ones: the
 * private half is saved in the key store FIRST, then the public half written to the registry (a failure between the
 * two is mended at the next open from the store). Refuses to go on, with a Russian message, when the store holds
 * another office's keys, keys that do not match the registry's, or none at all while the registry already has keys:
 * new keys then would silently break every other office's trust in this one.
 */
export function ensureOfficeKeys(core: Core): LoadedOfficeKeys {
  const store = core.keyStore;
  if (!store) throw new DomainError('refused', 'Ключи офиса недоступны: реестр открыт без хранилища ключей.');
  const row = officeRow(core);
  const text = store.load();
  if (text === null) {
    if (row?.sign_public_key) {
      const suite = SUITES.get(row.key_suite ?? '');
      const known = suite ? ` (отпечаток ${groupFingerprint(suite.fingerprint({ sign: row.sign_public_key, box: row.box_public_key ?? '' }))})` : '';
      throw new DomainError(
        'refused',
        `Ключи офиса не найдены: у реестра уже есть ключи${known}, а файла ключей ${store.where} нет. АРМ не запущен: новые ключи `
          + 'разорвали бы доверие других офисов к этому. Укажите файл ключей этого реестра (--key-file) или верните его на место.',
      );
    }
    const suite = DEFAULT_SUITE;
    const { publicKeys, privateKeys } = suite.generate();
    const material: KeyMaterial = { format: MATERIAL_FORMAT, version: 1, officeId: core.officeId, suite: suite.id, privateKeys };
    store.save(JSON.stringify(material));
    recordPublicKeys(core, suite, publicKeys, true);
    return remember(core, suite, privateKeys, publicKeys);
  }
  const material = parseMaterial(text, store.where);
  if (material.officeId !== core.officeId) {
    throw new DomainError(
      'refused',
      `Файл ключей ${store.where} принадлежит другому офису (реестр этого офиса — ${core.file}). АРМ не запущен. Укажите файл ключей этого реестра (--key-file).`,
    );
  }
  const suite = SUITES.get(material.suite);
  if (!suite) throw new DomainError('refused', `Ключи офиса созданы набором алгоритмов «${material.suite}», который эта версия АРМ не поддерживает.`);
  let publicKeys: OfficePublicKeys;
  try {
    publicKeys = suite.publicKeysOf(material.privateKeys);
  } catch {
    throw new DomainError('refused', `Файл ключей офиса ${store.where} повреждён: ключи не читаются. АРМ не запущен.`);
  }
  if (!row?.sign_public_key) {
    recordPublicKeys(core, suite, publicKeys, false);
  } else if (row.key_suite !== suite.id || row.sign_public_key !== publicKeys.sign || row.box_public_key !== publicKeys.box) {
    throw new DomainError('refused', `Ключи в файле ${store.where} не совпадают с ключами офиса в реестре. АРМ не запущен. Укажите файл ключей этого реестра (--key-file).`);
  }
  return remember(core, suite, material.privateKeys, publicKeys);
}

function remember(core: Core, suite: CryptoSuite, privateKeys: OfficePrivateKeys, publicKeys: OfficePublicKeys): LoadedOfficeKeys {
  const keys = { suite, privateKeys, publicKeys, fingerprint: suite.fingerprint(publicKeys) };
  loaded.set(core, keys);
  return keys;
}

/** The office's keys for an operation that signs: loaded at open; refused when the desk was opened without its key store. */
export function officeKeysOf(core: Core): LoadedOfficeKeys {
  const keys = loaded.get(core);
  if (keys) return keys;
  if (core.keyStore && getMeta(core.db, 'office_id')) return ensureOfficeKeys(core);
  throw new DomainError('refused', 'Ключи офиса недоступны: АРМ открыт без хранилища ключей. Запустите АРМ обычным способом.');
}

/** The office's public keys and fingerprint as the registry records them (no private material is read). */
export function officePublicKeys(core: Core): { suite: CryptoSuite; publicKeys: OfficePublicKeys; fingerprint: string } | null {
  const row = officeRow(core);
  const suite = row?.key_suite ? SUITES.get(row.key_suite) : undefined;
  if (!row?.sign_public_key || !row.box_public_key || !suite) return null;
  const publicKeys = { sign: row.sign_public_key, box: row.box_public_key };
  return { suite, publicKeys, fingerprint: suite.fingerprint(publicKeys) };
}
