import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/table';
import { openCore } from '../../src-main/core';
import { CONSENT_FORM_VERSION } from '../../shared/enums';
import { errorOf, makeDesk, makeIssueInput, registrySnapshot, TEST_NOW, unwrap, type TestDesk } from './helpers';

function issued(desk: TestDesk, token: string, overrides: Parameters<typeof makeIssueInput>[1] = {}) {
  return unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, overrides), { token }));
}

/**
 * A certificate issued on 18 November 2026, the desk back on its fixed day (23 November) afterwards, with a session
 * opened that day (five days' idle ended the first).
 */
function issuedOn18November(desk: TestDesk, overrides: Parameters<typeof makeIssueInput>[1] = {}) {
  desk.clock.set('2026-11-18T10:00:00.000Z');
  const r = issued(desk, desk.login(), overrides);
  desk.clock.set(TEST_NOW);
  return { ...r, token: desk.login() };
}

function sign(desk: TestDesk, token: string, certificateId: string, signedOn = '2026-11-23') {
  return unwrap(desk.api.call('consents.sign', { certificateId, signedOn, signedBy: 'Ёлкина Мария Ивановна', formVersion: CONSENT_FORM_VERSION }, { token }));
}

const FULL_CHECKLIST = { childIdentity: true, representativeIdentity: true, representationProof: false };

describe('activation', () => {
  it('refuses, naming what is missing, until the checklist is complete and a consent is signed', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId } = issued(desk, token);
    const first = errorOf(desk.api.call('certificates.activate', { certificateId }, { token }));
    expect(first.code).toBe('refused');
    expect(first.message).toMatch(/документ, удостоверяющий личность ребёнка/);
    expect(first.message).toMatch(/нет подписанного/);
    unwrap(desk.api.call('certificates.setChecklist', { certificateId, ...FULL_CHECKLIST }, { token }));
    const second = errorOf(desk.api.call('certificates.activate', { certificateId }, { token }));
    expect(second.message).not.toMatch(/личность ребёнка/);
    expect(second.message).toMatch(/согласия/);
    sign(desk, token, certificateId);
    expect(unwrap(desk.api.call('certificates.activate', { certificateId }, { token })).status).toBe('active');
    const card = unwrap(desk.api.call('certificates.get', { id: certificateId }, { token }));
    expect(card.status).toBe('active');
    expect(card.history.map((h) => h.kind)).toEqual(expect.arrayContaining(['issued', 'checklist', 'consent_signed', 'activated']));
  });

  it('a representative who is not a parent must bring proof of representation', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId } = issued(desk, token, { representative: { relation: 'guardian' } });
    unwrap(desk.api.call('certificates.setChecklist', { certificateId, ...FULL_CHECKLIST }, { token }));
    sign(desk, token, certificateId);
    expect(errorOf(desk.api.call('certificates.activate', { certificateId }, { token })).message).toMatch(/полномочия представителя/);
    unwrap(desk.api.call('certificates.setChecklist', { certificateId, ...FULL_CHECKLIST, representationProof: true }, { token }));
    expect(unwrap(desk.api.call('certificates.activate', { certificateId }, { token })).status).toBe('active');
  });

  it('suspend, resume only with a valid consent, annul is final', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId } = issued(desk, token);
    unwrap(desk.api.call('certificates.setChecklist', { certificateId, ...FULL_CHECKLIST }, { token }));
    const consent = sign(desk, token, certificateId);
    unwrap(desk.api.call('certificates.activate', { certificateId }, { token }));
    expect(errorOf(desk.api.call('certificates.suspend', { certificateId, reason: 'x' }, { token })).message).toMatch(/не короче 5/);
    unwrap(desk.api.call('certificates.suspend', { certificateId, reason: 'Заявление представителя' }, { token }));
    unwrap(desk.api.call('certificates.resume', { certificateId }, { token }));
    unwrap(desk.api.call('consents.withdraw', { consentId: consent.id, withdrawnOn: '2026-11-23' }, { token }));
    let card = unwrap(desk.api.call('certificates.get', { id: certificateId }, { token }));
    expect(card.status).toBe('suspended');
    expect(card.statusReason).toMatch(/Отозвано согласие/);
    expect(errorOf(desk.api.call('certificates.resume', { certificateId }, { token })).message).toMatch(/согласия/);
    expect(errorOf(desk.api.call('certificates.annul', { certificateId, reason: 'Выдан ошибочно' }, { token })).message).toMatch(/необратимо/);
    unwrap(desk.api.call('certificates.annul', { certificateId, reason: 'Выдан ошибочно', confirm: true }, { token }));
    card = unwrap(desk.api.call('certificates.get', { id: certificateId }, { token }));
    expect(card.status).toBe('annulled');
    for (const op of ['certificates.resume', 'certificates.activate'] as const) {
      expect(errorOf(desk.api.call(op, { certificateId }, { token })).message).toMatch(/аннулирован/);
    }
  });
});

describe('consents', () => {
  it('are recorded with date, signer and form version; withdrawal keeps the record; history shows both', () => {
    const desk = makeDesk({ children: 3 });
    const { certificateId, token } = issuedOn18November(desk);
    const c = sign(desk, token, certificateId, '2026-11-20');
    expect(c).toMatchObject({ signedOn: '2026-11-20', signedBy: 'Ёлкина Мария Ивановна', formVersion: CONSENT_FORM_VERSION, withdrawnOn: null });
    unwrap(desk.api.call('consents.withdraw', { consentId: c.id, withdrawnOn: '2026-11-22' }, { token }));
    const card = unwrap(desk.api.call('certificates.get', { id: certificateId }, { token }));
    expect(card.consents).toHaveLength(1);
    expect(card.consents[0]!.withdrawnOn).toBe('2026-11-22');
    expect(card.hasValidConsent).toBe(false);
    expect(() => desk.core.db.prepare('DELETE FROM consents').run()).toThrow(/never deleted/);
  });

  it('refuses dates in the future, a withdrawal before signing, a second withdrawal', () => {
    const desk = makeDesk({ children: 3 });
    const { certificateId, token } = issuedOn18November(desk);
    expect(errorOf(desk.api.call('consents.sign', { certificateId, signedOn: '2026-12-01', signedBy: 'Ёлкина М. И.', formVersion: '2026-1' }, { token })).message).toMatch(/позже сегодняшнего/);
    const c = sign(desk, token, certificateId, '2026-11-20');
    expect(errorOf(desk.api.call('consents.withdraw', { consentId: c.id, withdrawnOn: '2026-11-19' }, { token })).message).toMatch(/раньше даты подписания/);
    unwrap(desk.api.call('consents.withdraw', { consentId: c.id, withdrawnOn: '2026-11-21' }, { token }));
    expect(errorOf(desk.api.call('consents.withdraw', { consentId: c.id, withdrawnOn: '2026-11-22' }, { token })).message).toMatch(/уже отозвано/);
  });

  it('refuses a consent signed before the child was born, before the representative became one, or on a form the office does not print', () => {
    const desk = makeDesk({ children: 3 });
    // The registry keeps no date from which the representative represents the child: the certificate's issue day
    // (18 November) stands for it.
    const { certificateId, token } = issuedOn18November(desk, { child: { birthDate: '2016-05-14' } });
    const before = registrySnapshot(desk);
    const consents = () => desk.core.db.prepare('SELECT count(*) AS n FROM consents').get();
    const consentsBefore = consents();
    const attempt = (signedOn: string, formVersion = CONSENT_FORM_VERSION) =>
      errorOf(desk.api.call('consents.sign', { certificateId, signedOn, signedBy: 'Ёлкина Мария Ивановна', formVersion }, { token }));
    expect(attempt('2016-05-13')).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/раньше рождения ребёнка \(14\.05\.2016\)/) });
    expect(attempt('2026-11-17').message).toMatch(/раньше дня, когда представитель стал представителем ребёнка.*18\.11\.2026/);
    expect(attempt('2026-11-20', '2019-1').message).toMatch(/версии «2019-1» в офисе не печатается.*2026-1/);
    expect(registrySnapshot(desk)).toEqual(before);
    expect(consents()).toEqual(consentsBefore);
    // The issue day itself and a printed version are accepted.
    expect(sign(desk, token, certificateId, '2026-11-18').signedOn).toBe('2026-11-18');
  });

  it('stores a scan with its checksum; refuses a file that is not a PDF or image, a lying type, a too-large file', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId } = issued(desk, token);
    const c = sign(desk, token, certificateId);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const withScan = unwrap(desk.api.call('consents.attachScan', { consentId: c.id, fileName: 'согласие.pdf', mime: 'application/pdf', dataBase64: pdf.toString('base64') }, { token }));
    expect(withScan.scan).toMatchObject({ fileName: 'согласие.pdf', mime: 'application/pdf', size: pdf.length });
    expect(withScan.scan!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const before = registrySnapshot(desk);
    const blobsBefore = desk.core.db.prepare('SELECT count(*) AS n FROM blobs').get();
    const exe = Buffer.from('MZ\x90\x00 this is a program');
    expect(errorOf(desk.api.call('consents.attachScan', { consentId: c.id, fileName: 'scan.pdf', mime: 'application/pdf', dataBase64: exe.toString('base64') }, { token })).message).toMatch(/ни одним из них/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(errorOf(desk.api.call('consents.attachScan', { consentId: c.id, fileName: 'scan.pdf', mime: 'application/pdf', dataBase64: png.toString('base64') }, { token })).message).toMatch(/не соответствует/);
    expect(errorOf(desk.api.callByName('consents.attachScan', { consentId: c.id, fileName: 'a.docx', mime: 'application/msword', dataBase64: 'AAAA' }, { token })).message).toMatch(/PDF, PNG или JPEG/);
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]);
    expect(errorOf(desk.api.call('consents.attachScan', { consentId: c.id, fileName: 'big.pdf', mime: 'application/pdf', dataBase64: big.toString('base64') }, { token })).message).toMatch(/10 МБ/);
    expect(errorOf(desk.api.call('consents.attachScan', { consentId: c.id, fileName: 'x.pdf', mime: 'application/pdf', dataBase64: '%%%not base64' }, { token })).message).toMatch(/повреждён/);
    expect(registrySnapshot(desk)).toEqual(before);
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual(blobsBefore);
  });
});

describe('confirmation policy', () => {
  it('defaults to «Запись запрещена», which refuses organizations with the seed explanation', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { number } = issued(desk, token);
    const org = desk.login('org');
    const e = errorOf(desk.api.call('certificates.checkConfirmation', { certificateNumber: number, childFullName: 'Ёлкина Алёна Петровна' }, { token: org }));
    expect(e.message).toMatch(/Запись запрещена/);
  });

  it('«по ФИО» accepts the name case-insensitively with ё = е and folded spaces; refuses another name', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId, number } = issued(desk, token);
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_name' }, { token }));
    const org = desk.login('org');
    expect(unwrap(desk.api.call('certificates.checkConfirmation', { certificateNumber: number, childFullName: '  елкина   АЛЕНА петровна ' }, { token: org })).allowed).toBe(true);
    expect(errorOf(desk.api.call('certificates.checkConfirmation', { certificateNumber: number, childFullName: 'Ёлкина Алина Петровна' }, { token: org })).message).toMatch(/не совпадает/);
  });

  it('«по кодовой фразе»: typed twice, stored only as a hash, checked folded; the card shows when it changed, never the phrase', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId, number } = issued(desk, token);
    expect(errorOf(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_phrase' }, { token })).message).toMatch(/задайте фразу/);
    expect(errorOf(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_phrase', codePhrase: 'короткая'.slice(0, 5), codePhraseRepeat: 'корот' }, { token })).message).toMatch(/не короче 8/);
    expect(errorOf(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_phrase', codePhrase: 'Синий кит плывёт', codePhraseRepeat: 'Синий кот плывёт' }, { token })).message).toMatch(/не совпадают/);
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_phrase', codePhrase: 'Синий кит плывёт', codePhraseRepeat: 'Синий кит плывёт' }, { token }));
    const card = unwrap(desk.api.call('certificates.get', { id: certificateId }, { token }));
    expect(card.confirmation).toMatchObject({ policy: 'by_phrase', codePhraseSet: true, codePhraseChangedAt: '2026-11-23T10:00:00.000Z' });
    expect(JSON.stringify(card)).not.toMatch(/кит/);
    const org = desk.login('org');
    expect(unwrap(desk.api.call('certificates.checkConfirmation', { certificateNumber: number, codePhrase: 'синий  КИТ плывет' }, { token: org })).allowed).toBe(true);
    expect(errorOf(desk.api.call('certificates.checkConfirmation', { certificateNumber: number, codePhrase: 'красный кит' }, { token: org })).message).toMatch(/неверна/);
    // No trace of the phrase in the registry file or the audit log, in any spelling.
    desk.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(desk.file);
    for (const variant of ['Синий кит плывёт', 'синий кит плывет', 'синий  КИТ плывет', 'кит']) {
      expect(bytes.includes(Buffer.from(variant, 'utf8')), variant).toBe(false);
    }
  });

  it('5 wrong answers within 15 minutes lock organization applications for 30 minutes; the lock survives a restart', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId, number } = issued(desk, token);
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_name' }, { token }));
    const org = desk.login('org');
    const attempt = (name: string) => desk.api.call('certificates.checkConfirmation', { certificateNumber: number, childFullName: name }, { token: org });
    for (let i = 1; i <= 4; i += 1) {
      expect(errorOf(attempt('Неверное Имя')).message).toMatch(`Осталось попыток до блокировки: ${5 - i}`);
      desk.clock.advance(2 * 60_000);
    }
    expect(errorOf(attempt('Неверное Имя')).message).toMatch(/заблокирована на 30 минут/);
    expect(errorOf(attempt('Ёлкина Алёна Петровна')).code).toBe('locked');
    const attempts = desk.core.db.prepare('SELECT count(*) AS n FROM audit_log WHERE operation = ?').get('certificates.checkConfirmation');
    expect(attempts).toEqual({ n: 6 });
    expect(unwrap(desk.api.call('certificates.get', { id: certificateId }, { token })).confirmation.lockedUntil).toBeTruthy();
    // A restart of the desk does not lift the lock: it lives in the registry.
    desk.core.close();
    const core = openCore(desk.file, { clock: desk.clock });
    const api = createApi(core, () => {});
    const org2 = unwrap(api.call('auth.login', { login: 'org', password: 'org-demo-2026' })).token;
    const again = (name: string) => api.call('certificates.checkConfirmation', { certificateNumber: number, childFullName: name }, { token: org2 });
    expect(errorOf(again('Ёлкина Алёна Петровна')).code).toBe('locked');
    desk.clock.advance(30 * 60_000 + 1000);
    expect(unwrap(again('Ёлкина Алёна Петровна')).allowed).toBe(true);
    core.close();
  });

  it('wrong answers spread beyond 15 minutes do not lock', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const { certificateId, number } = issued(desk, token);
    unwrap(desk.api.call('certificates.setConfirmationPolicy', { certificateId, policy: 'by_name' }, { token }));
    const org = desk.login('org');
    for (let i = 0; i < 6; i += 1) {
      expect(errorOf(desk.api.call('certificates.checkConfirmation', { certificateNumber: number, childFullName: 'Нет' }, { token: org })).code).toBe('refused');
      desk.clock.advance(4 * 60_000);
    }
  });
});
