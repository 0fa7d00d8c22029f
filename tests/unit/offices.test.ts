import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../src-main/desk';
import { keyFileStore, NODE_SUITE } from '../../src-main/features/offices';
import { runCli } from '../../src-main/hosts/cli/main';
import { groupFingerprint } from '../../shared/fingerprint';
import type { OfficeCard, TrustedOfficeView } from '../../shared/operations';
import { captureStdio, errorOf, makeDesk, registrySnapshot, staffOf, tempDir, unwrap, type TestDesk } from './helpers';

const stdio = captureStdio();
const FIXTURE = join(__dirname, 'fixtures', 'registry-v11.sqlite');
const GROUPED = /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/;

/** Another office: a registry of its own with its own keys and code, as a second desk in the region would be. */
function otherOffice(code = '9902-01', name = 'Отдел реестра сертификатов г. Апатиты'): TestDesk {
  const desk = makeDesk({ demo: false });
  desk.core.db.prepare('UPDATE offices SET code = ?, name = ? WHERE id = ?').run(code, name, desk.core.officeId);
  return desk;
}

/** The card of a desk, as its administrator's «Сохранить карточку офиса» gives it (through the CLI actor: no login needed). */
function cardOf(desk: TestDesk) {
  return unwrap(desk.api.callAsSystem('offices.card', {}));
}

/** Everything of a desk's private key material, in every encoding it could leak in. */
function privateForms(desk: TestDesk): string[] {
  const material = JSON.parse(readFileSync(desk.keyFile!, 'utf8')) as { privateKeys: { sign: string; box: string } };
  const forms: string[] = [];
  for (const pkcs8 of [material.privateKeys.sign, material.privateKeys.box]) {
    const key = createPrivateKey({ key: Buffer.from(pkcs8, 'base64url'), format: 'der', type: 'pkcs8' });
    const raw = Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
    const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = Buffer.from(pkcs8, 'base64url');
    forms.push(pkcs8, der.toString('base64'), raw.toString('base64'), raw.toString('base64url'), raw.toString('hex'), raw.toString('hex').toUpperCase(), pem.split('\n')[1]!);
  }
  return forms;
}

function rawPrivateBytes(desk: TestDesk): Buffer[] {
  const material = JSON.parse(readFileSync(desk.keyFile!, 'utf8')) as { privateKeys: { sign: string; box: string } };
  return [material.privateKeys.sign, material.privateKeys.box].map((pkcs8) => {
    const key = createPrivateKey({ key: Buffer.from(pkcs8, 'base64url'), format: 'der', type: 'pkcs8' });
    return Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
  });
}

const trustCount = (desk: TestDesk) => (desk.core.db.prepare('SELECT count(*) AS n FROM office_trust').get() as { n: number }).n;
const officeRows = (desk: TestDesk) => desk.core.db.prepare('SELECT * FROM offices ORDER BY id').all();
const unchanged = (desk: TestDesk) => ({ snapshot: registrySnapshot(desk), trust: desk.core.db.prepare('SELECT * FROM office_trust ORDER BY entry_id').all(), offices: officeRows(desk) });

describe('office keys', () => {
  it('a new registry is an office with its code, name and both key pairs; the private half is only in the owner-only key file', () => {
    const desk = makeDesk();
    const row = desk.core.db.prepare('SELECT code, name, role, key_suite, sign_public_key, box_public_key FROM offices WHERE id = ?').get(desk.core.officeId) as Record<string, string>;
    expect(row).toMatchObject({ code: '9901-01', name: 'Отдел реестра сертификатов г. Мурманска', role: 'registry_office', key_suite: NODE_SUITE.id });
    expect(Buffer.from(row.sign_public_key!, 'base64url')).toHaveLength(32);
    expect(Buffer.from(row.box_public_key!, 'base64url')).toHaveLength(32);
    expect(statSync(desk.keyFile!).mode & 0o777).toBe(0o600);
    expect(statSync(join(desk.keyFile!, '..')).mode & 0o777).toBe(0o700);
    expect(desk.keyFile!.startsWith(desk.dir)).toBe(false);
    // The registry file and its WAL hold no byte of the private keys.
    desk.core.db.pragma('wal_checkpoint(PASSIVE)');
    for (const file of [desk.file, `${desk.file}-wal`].filter(existsSync)) {
      const bytes = readFileSync(file);
      for (const raw of rawPrivateBytes(desk)) expect(bytes.includes(raw), file).toBe(false);
      for (const form of privateForms(desk)) expect(bytes.includes(Buffer.from(form)), file).toBe(false);
    }
    const made = desk.core.db.prepare("SELECT summary FROM audit_log WHERE operation = 'offices.keys'").get() as { summary: string };
    expect(made.summary).toBe(`Созданы ключи офиса, отпечаток ${unwrap(desk.api.callAsSystem('offices.own', {})).fingerprint}`);
  });

  it('the committed version-11 registry gets its office row and keys when first opened after migration 013, and keeps them', () => {
    const dataDir = tempDir();
    copyFileSync(FIXTURE, join(dataDir, 'registry.db'));
    const keyFile = join(tempDir(), 'fixture-keys');
    const desk = openDesk(dataDir, { demo: false, keyStore: keyFileStore(keyFile) });
    const own = unwrap(desk.api.callAsSystem('offices.own', {}));
    expect(own).toMatchObject({ code: '9901-01', role: 'registry_office', suite: NODE_SUITE.id });
    expect(own.fingerprint).toMatch(GROUPED);
    expect(existsSync(keyFile)).toBe(true);
    desk.core.close();
    const again = openDesk(dataDir, { demo: false, keyStore: keyFileStore(keyFile) });
    expect(unwrap(again.api.callAsSystem('offices.own', {})).fingerprint).toBe(own.fingerprint);
    again.core.close();
  });

  it('the desk refuses to start when group or others can read the key file, and starts once it is owner-only again', () => {
    const dataDir = join(tempDir(), 'data');
    openDesk(dataDir, { demo: false }).core.close();
    const keyFile = `${dataDir}.keys/office-keys`;
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      chmodSync(keyFile, mode);
      expect(() => openDesk(dataDir, { demo: false }), mode.toString(8)).toThrow(/доступен не только владельцу.*АРМ не запущен.*chmod 600/);
    }
    chmodSync(keyFile, 0o600);
    openDesk(dataDir, { demo: false }).core.close();
  });

  it('refuses a registry whose key file is missing, another office\'s key file, and a key file inside the data folder', async () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    openDesk(a, { demo: false }).core.close();
    openDesk(b, { demo: false }).core.close();
    expect(() => openDesk(a, { demo: false, keyStore: keyFileStore(join(tempDir(), 'none')) })).toThrow(/Ключи офиса не найдены: у реестра уже есть ключи \(отпечаток/);
    expect(() => openDesk(a, { demo: false, keyStore: keyFileStore(`${b}.keys/office-keys`) })).toThrow(/принадлежит другому офису/);
    const broken = join(tempDir(), 'broken-keys');
    writeFileSync(broken, 'не ключи', { mode: 0o600 });
    expect(() => openDesk(a, { demo: false, keyStore: keyFileStore(broken) })).toThrow(/повреждён или не является файлом ключей/);
    expect(await runCli(['office', '--data-dir', a, '--key-file', join(a, 'keys')])).toBe(2);
    expect(stdio.err()).toMatch(/лежит в папке реестра/);
  });
});

describe('the office card', () => {
  it('carries code, name, role, public keys and a fingerprint in 8 groups of 4, stable across cards and restarts', () => {
    const desk = makeDesk();
    const first = cardOf(desk);
    const second = cardOf(desk);
    expect(first.fingerprint).toMatch(GROUPED);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(first.fileName).toBe('office-card-9901-01.json');
    const card = JSON.parse(first.json) as OfficeCard;
    expect(card).toMatchObject({ code: '9901-01', name: 'Отдел реестра сертификатов г. Мурманска', role: 'registry_office', organizationId: null, fingerprint: first.fingerprint });
    expect(Object.keys(card).sort()).toEqual(['code', 'fingerprint', 'format', 'issuedAt', 'name', 'officeId', 'organizationId', 'organizationName', 'publicKeys', 'role', 'signature', 'suite', 'version']);
    // SHA-256 over the suite id and both public keys, the first 32 hex digits read out in groups.
    const sha = createHash('sha256').update(`${card.suite}\0`).update(Buffer.from(card.publicKeys.sign, 'base64url')).update(Buffer.from(card.publicKeys.box, 'base64url')).digest('hex');
    expect(first.fingerprint).toBe(groupFingerprint(sha));
    expect(groupFingerprint(sha).replaceAll(' ', '')).toBe(sha.slice(0, 32).toUpperCase());
    const exported = desk.core.db.prepare("SELECT operator_login, summary FROM audit_log WHERE operation = 'offices.card' ORDER BY seq DESC").get();
    expect(exported).toEqual({ operator_login: 'cli', summary: `Выгружена карточка офиса 9901-01, отпечаток ${first.fingerprint}` });
  });

  it('only the administrator exports the card, sets the role and keeps the trust list', () => {
    const desk = makeDesk();
    const operator = desk.login();
    const staff = staffOf(desk, 'Немецкий язык для детей школьного возраста', 'teacher');
    for (const token of [operator, staff]) {
      for (const op of ['offices.own', 'offices.card', 'offices.trusted'] as const) expect(errorOf(desk.api.call(op, {}, { token })).code).toBe('forbidden');
      expect(errorOf(desk.api.call('offices.setRole', { role: 'regional_operator' }, { token })).code).toBe('forbidden');
    }
    const admin = desk.login('admin');
    expect(unwrap(desk.api.call('offices.card', {}, { token: admin })).fingerprint).toMatch(GROUPED);
  });

  it('the role is set by the administrator, audited and shown on the card; an organization\'s desk names its organization', () => {
    const desk = makeDesk();
    const admin = desk.login('admin');
    const org = desk.core.db.prepare("SELECT id, short_name FROM organizations WHERE deleted = 0 ORDER BY short_name LIMIT 1").get() as { id: string; short_name: string };
    expect(errorOf(desk.api.call('offices.setRole', { role: 'organization_desk' }, { token: admin })).fields).toHaveProperty('organizationId');
    expect(errorOf(desk.api.call('offices.setRole', { role: 'regional_operator', organizationId: org.id }, { token: admin })).code).toBe('invalid_input');
    expect(errorOf(desk.api.call('offices.setRole', { role: 'organization_desk', organizationId: '0193e000-0000-7000-8000-000000000000' }, { token: admin })).message).toMatch(/Организация не найдена/);
    const set = unwrap(desk.api.call('offices.setRole', { role: 'organization_desk', organizationId: org.id }, { token: admin }));
    expect(set).toMatchObject({ role: 'organization_desk', organizationId: org.id, organizationName: org.short_name });
    const card = JSON.parse(cardOf(desk).json) as OfficeCard;
    expect(card).toMatchObject({ role: 'organization_desk', organizationId: org.id, organizationName: org.short_name });
    unwrap(desk.api.call('offices.setRole', { role: 'regional_operator' }, { token: admin }));
    const audit = (desk.core.db.prepare("SELECT summary FROM audit_log WHERE operation = 'offices.setRole' AND outcome = 'ok' ORDER BY seq").all() as Array<{ summary: string }>).map((r) => r.summary);
    expect(audit).toEqual([
      `Роль офиса 9901-01: Рабочее место организации (${org.short_name}) (была: Отдел реестра сертификатов)`,
      `Роль офиса 9901-01: Региональный оператор (была: Рабочее место организации (${org.short_name}))`,
    ]);
  });
});

describe('the trust list', () => {
  it('imports another office\'s card once the administrator confirms its fingerprint, records who and when, lists it and revokes it with a reason', () => {
    const desk = makeDesk();
    const other = otherOffice();
    const card = cardOf(other);
    const admin = desk.login('admin');
    const preview = unwrap(desk.api.call('offices.readCard', { cardText: card.json }, { token: admin }));
    expect(preview).toMatchObject({ code: '9902-01', name: 'Отдел реестра сертификатов г. Апатиты', role: 'registry_office', fingerprint: card.fingerprint });
    expect(trustCount(desk)).toBe(0);
    // Typed as heard: lower case, dashes instead of spaces.
    const typed = card.fingerprint.toLowerCase().replaceAll(' ', '-');
    const entry = unwrap(desk.api.call('offices.trust', { cardText: card.json, fingerprint: typed }, { token: admin }));
    expect(entry).toMatchObject({
      code: '9902-01', officeId: other.core.officeId, fingerprint: card.fingerprint, trustedAt: '2026-11-23T10:00:00.000Z', trustedBy: 'Админова Алла Борисовна (admin)', revoked: false,
    });
    expect(unwrap(desk.api.call('offices.trusted', {}, { token: admin }))).toEqual([entry]);
    const revoked = unwrap(desk.api.call('offices.revoke', { officeCode: '9902-01', reason: 'Ноутбук офиса утерян' }, { token: admin }));
    expect(revoked).toMatchObject({ revoked: true, revokedAt: '2026-11-23T10:00:00.000Z', revokedBy: 'Админова Алла Борисовна (admin)', revokeReason: 'Ноутбук офиса утерян' });
    expect(unwrap(desk.api.call('offices.trusted', {}, { token: admin }))).toEqual([revoked]);
    const audit = (desk.core.db.prepare("SELECT operation, operator_login AS login, summary FROM audit_log WHERE operation IN ('offices.trust', 'offices.revoke') ORDER BY seq").all());
    expect(audit).toEqual([
      { operation: 'offices.trust', login: 'admin', summary: `Офис 9902-01 «Отдел реестра сертификатов г. Апатиты» (Отдел реестра сертификатов) добавлен в доверенные, отпечаток ${card.fingerprint}` },
      { operation: 'offices.revoke', login: 'admin', summary: `Отозвано доверие офису 9902-01 «Отдел реестра сертификатов г. Апатиты», отпечаток ${card.fingerprint}. Причина: Ноутбук офиса утерян` },
    ]);
    // The record cannot be rewritten behind the operations.
    expect(() => desk.core.db.prepare('DELETE FROM office_trust').run()).toThrow(/never deleted/);
    expect(() => desk.core.db.prepare("UPDATE office_trust SET revoke_reason = 'иначе'").run()).toThrow(/only gets revoked/);
  });

  it('refuses a wrong fingerprint, our own card, a duplicate and revoked keys in Russian, leaving the registry as it was', () => {
    const desk = makeDesk();
    const other = otherOffice();
    const card = cardOf(other);
    const admin = desk.login('admin');
    const refuse = (input: { cardText: string; fingerprint: string }, message: RegExp) => {
      const before = unchanged(desk);
      const e = errorOf(desk.api.call('offices.trust', input, { token: admin }));
      expect(e.message).toMatch(message);
      expect(unchanged(desk)).toEqual(before);
      return e;
    };
    const wrong = card.fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(refuse({ cardText: card.json, fingerprint: wrong }, /Отпечаток не совпадает/).fields).toHaveProperty('fingerprint');
    refuse({ cardText: card.json, fingerprint: card.fingerprint.slice(0, 20) }, /Отпечаток не совпадает/);
    const own = cardOf(desk);
    refuse({ cardText: own.json, fingerprint: own.fingerprint }, /карточка нашего собственного офиса/);
    expect(errorOf(desk.api.call('offices.readCard', { cardText: own.json }, { token: admin })).message).toMatch(/собственного офиса/);
    const sameCode = otherOffice('9901-01', 'Самозванец');
    refuse({ cardText: cardOf(sameCode).json, fingerprint: cardOf(sameCode).fingerprint }, /Код 9901-01 — код нашего офиса/);

    unwrap(desk.api.call('offices.trust', { cardText: card.json, fingerprint: card.fingerprint }, { token: admin }));
    refuse({ cardText: card.json, fingerprint: card.fingerprint }, /уже в списке доверенных с этим отпечатком/);
    refuse({ cardText: cardOf(other).json, fingerprint: card.fingerprint }, /уже в списке доверенных с этим отпечатком/);
    // The same office with new keys (a new registry under its code): the live entry must be revoked first.
    const renewed = otherOffice('9902-01');
    const renewedCard = cardOf(renewed);
    refuse({ cardText: renewedCard.json, fingerprint: renewedCard.fingerprint }, /уже в списке доверенных с другим отпечатком.*сначала отзовите прежнюю/);
    expect(errorOf(desk.api.call('offices.revoke', { officeCode: '9999-99', reason: 'ошибка' }, { token: admin })).message).toMatch(/нет среди доверенных/);
    expect(errorOf(desk.api.call('offices.revoke', { officeCode: '9902-01', reason: '' }, { token: admin })).message).toMatch(/Причина отзыва/);
    unwrap(desk.api.call('offices.revoke', { officeCode: '9902-01', reason: 'Новые ключи офиса' }, { token: admin }));
    expect(errorOf(desk.api.call('offices.revoke', { officeCode: '9902-01', reason: 'ещё раз' }, { token: admin })).message).toMatch(/уже отозвано/);
    refuse({ cardText: card.json, fingerprint: card.fingerprint }, /были отозваны.*повторно не принимаются/);
    const renewedEntry = unwrap(desk.api.call('offices.trust', { cardText: renewedCard.json, fingerprint: renewedCard.fingerprint }, { token: admin }));
    const list = unwrap(desk.api.call('offices.trusted', {}, { token: admin }));
    expect(list.map((t: TrustedOfficeView) => [t.code, t.fingerprint, t.revoked])).toEqual([
      ['9902-01', renewedEntry.fingerprint, false],
      ['9902-01', card.fingerprint, true],
    ]);
    // Each refusal is in the audit log, as refused.
    expect((desk.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'offices.trust' AND outcome = 'refused'").get() as { n: number }).n).toBe(8);
  });

  it('refuses a bad card file clearly: not JSON, not a card, another version, wrong or extra fields, altered after export, huge', () => {
    const desk = makeDesk();
    const card = cardOf(otherOffice());
    const good = JSON.parse(card.json) as OfficeCard;
    const admin = desk.login('admin');
    const cases: Array<[string, RegExp]> = [
      ['это не карточка', /не является карточкой офиса \(это не JSON\)/],
      ['[1, 2, 3]', /не является карточкой офиса АРМ Сертификат/],
      [JSON.stringify({ hello: 'world' }), /не является карточкой офиса АРМ Сертификат/],
      [JSON.stringify({ ...good, version: 2 }), /карточка версии 2, а эта версия АРМ читает карточки версии 1/],
      [JSON.stringify({ ...good, code: 'код с пробелами' }), /Код офиса: от 2 до 16.*\(поле code\)/],
      [JSON.stringify({ ...good, role: 'boss' }), /Роль офиса: неизвестное значение/],
      [JSON.stringify({ ...good, publicKeys: { sign: good.publicKeys.sign } }), /Ключ шифрования: нет значения/],
      [JSON.stringify({ ...good, secretKey: 'x' }), /Карточка офиса не принята/],
      [JSON.stringify({ ...good, suite: 'gost-2012' }), /набор алгоритмов «gost-2012» не поддерживается/],
      [JSON.stringify({ ...good, publicKeys: { ...good.publicKeys, box: Buffer.alloc(32, 7).toString('base64url') } }), /отпечаток, записанный в карточке, не совпадает с её ключами/],
      [JSON.stringify({ ...good, name: 'Другое название' }), /подпись карточки неверна: файл изменён после выгрузки/],
      [JSON.stringify({ ...good, role: 'regional_operator' }), /подпись карточки неверна/],
      [`${card.json}${' '.repeat(20_000)}`, /Файл слишком большой для карточки офиса/],
      ['', /Файл карточки пуст/],
    ];
    for (const [cardText, message] of cases) {
      const before = unchanged(desk);
      for (const op of ['offices.readCard', 'offices.trust'] as const) {
        const e = errorOf(desk.api.call(op, { cardText, fingerprint: card.fingerprint }, { token: admin }));
        expect(e.message, `${op}: ${cardText.slice(0, 60)}`).toMatch(message);
        expect(e.code).toBe('invalid_input');
      }
      expect(unchanged(desk)).toEqual(before);
    }
  });

  it('no operation\'s answer, no audit entry and no card carries a private key', () => {
    const desk = makeDesk();
    const other = otherOffice();
    const admin = desk.login('admin');
    const answers: unknown[] = [];
    const call = (op: Parameters<typeof desk.api.call>[0], input: unknown) => {
      const r = desk.api.call(op, input, { token: admin });
      answers.push(r);
      return r;
    };
    const card = unwrap(call('offices.card', {})) as { json: string };
    const otherCard = cardOf(other);
    call('offices.own', {});
    call('offices.readCard', { cardText: otherCard.json });
    call('offices.trust', { cardText: otherCard.json, fingerprint: 'AAAA' });
    call('offices.trust', { cardText: otherCard.json, fingerprint: otherCard.fingerprint });
    call('offices.trust', { cardText: card.json, fingerprint: otherCard.fingerprint });
    call('offices.trusted', {});
    call('offices.setRole', { role: 'regional_operator' });
    call('offices.revoke', { officeCode: '9902-01', reason: 'Проверка' });
    call('audit.list', {});
    const texts = [
      JSON.stringify(answers),
      card.json,
      JSON.stringify(desk.core.db.prepare('SELECT * FROM audit_log').all()),
      JSON.stringify(desk.core.db.prepare('SELECT * FROM office_trust').all()),
      JSON.stringify(desk.core.db.prepare('SELECT * FROM offices').all()),
      JSON.stringify(desk.core.db.prepare('SELECT * FROM meta').all()),
    ].join('\n');
    for (const d of [desk, other]) {
      for (const form of privateForms(d)) expect(texts.includes(form)).toBe(false);
    }
    expect(texts).not.toMatch(/PRIVATE KEY/);
    expect(texts).not.toMatch(/privateKeys/);
  });
});

describe('the crypto suite', () => {
  it('signs and verifies, and wraps a content key that only the receiver unwraps, bound to its context', () => {
    const a = NODE_SUITE.generate();
    const b = NODE_SUITE.generate();
    const data = Buffer.from('манифест пакета');
    const sig = NODE_SUITE.sign(a.privateKeys, data);
    expect(NODE_SUITE.verify(a.publicKeys, data, sig)).toBe(true);
    expect(NODE_SUITE.verify(b.publicKeys, data, sig)).toBe(false);
    expect(NODE_SUITE.verify(a.publicKeys, Buffer.from('манифест пакетА'), sig)).toBe(false);
    const ck = randomBytes(32);
    const context = Buffer.from('package-1|9901-01|9902-01');
    const wrapped = NODE_SUITE.wrap(b.publicKeys, ck, context);
    expect(NODE_SUITE.unwrap(b.privateKeys, wrapped, context).equals(ck)).toBe(true);
    expect(() => NODE_SUITE.unwrap(a.privateKeys, wrapped, context)).toThrow();
    expect(() => NODE_SUITE.unwrap(b.privateKeys, wrapped, Buffer.from('package-1|9901-01|9903-01'))).toThrow();
    expect(NODE_SUITE.publicKeysOf(a.privateKeys)).toEqual(a.publicKeys);
  });
});

describe('the CLI', () => {
  it('creates a registry with keys, writes its card, trusts another office\'s card with the fingerprint, lists and revokes it', async () => {
    const root = tempDir();
    const here = join(root, 'murmansk');
    const there = join(root, 'apatity');
    expect(await runCli(['create', '--data-dir', here, '--admin-login', 'chief', '--admin-password', 'long-enough-1', '--office-code', '9901-01', '--office-name', 'Отдел г. Мурманска'])).toBe(0);
    expect(await runCli(['create', '--data-dir', there, '--admin-login', 'chief', '--admin-password', 'long-enough-1', '--office-code', '9902-01', '--office-name', 'Отдел г. Апатиты'])).toBe(0);
    expect(statSync(`${here}.keys/office-keys`).mode & 0o777).toBe(0o600);
    const cardFile = join(root, 'apatity.json');
    expect(await runCli(['office-card', '--data-dir', there, '--out', cardFile])).toBe(0);
    const fingerprint = /Отпечаток \(продиктуйте его другому офису\): (.+)\n/.exec(stdio.out())![1]!;
    expect(fingerprint).toMatch(GROUPED);
    expect((JSON.parse(readFileSync(cardFile, 'utf8')) as OfficeCard).code).toBe('9902-01');

    expect(await runCli(['trust', '--data-dir', here, '--card', cardFile, '--fingerprint', '0000 0000 0000 0000 0000 0000 0000 0000'])).toBe(2);
    expect(stdio.err()).toMatch(/Отпечаток не совпадает/);
    expect(await runCli(['trust', '--data-dir', here, '--card', cardFile, '--fingerprint', fingerprint])).toBe(0);
    expect(stdio.out()).toContain(`Офис 9902-01 «Отдел г. Апатиты» (Отдел реестра сертификатов) добавлен в доверенные, отпечаток ${fingerprint}`);
    expect(await runCli(['revoke', '--data-dir', here, '--office', '9902-01', '--reason', 'Проверка отзыва'])).toBe(0);
    expect(await runCli(['trusted', '--data-dir', here])).toBe(0);
    expect(stdio.out()).toMatch(/9902-01 {2}«Отдел г\. Апатиты», Отдел реестра сертификатов, отпечаток .* — ОТОЗВАН \d\d\.\d\d\.\d{4} \(Командная строка АРМ \(cli\)\): Проверка отзыва/);
    expect(await runCli(['verify-audit', '--data-dir', here])).toBe(0);
  });

  it('refuses a huge card file before reading it, and a key file others can read', async () => {
    const root = tempDir();
    const here = join(root, 'office');
    expect(await runCli(['demo', '--data-dir', here, '--children', '3'])).toBe(0);
    const huge = join(root, 'huge.json');
    writeFileSync(huge, Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(await runCli(['trust', '--data-dir', here, '--card', huge, '--fingerprint', '0000'])).toBe(2);
    expect(stdio.err()).toMatch(/слишком большой для карточки офиса \(5120 КБ\)/);
    chmodSync(`${here}.keys/office-keys`, 0o644);
    expect(await runCli(['office-card', '--data-dir', here, '--out', join(root, 'card.json')])).toBe(2);
    expect(stdio.err()).toMatch(/доступен не только владельцу \(права 644\)/);
    expect(existsSync(join(root, 'card.json'))).toBe(false);
  });
});
