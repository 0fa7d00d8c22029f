import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorOf, makeDesk, makeIssueInput, pdfText, unwrap, type TestDesk } from './helpers';

/** The one-time password printed on the extract, read back from the PDF's text. */
function passwordFrom(text: string): string {
  const m = /Пароль[^:\n]*:\s*([A-Za-z0-9]{10})/.exec(text);
  if (!m) throw new Error(`no password in:\n${text}`);
  return m[1]!;
}

function seedCertificate(desk: TestDesk, token: string) {
  return unwrap(desk.api.call('certificates.get', { number: '9901101325' }, { token }));
}

describe('the certificate extract and the cabinet password', () => {
  it('prints a Russian PDF with the login and a fresh one-time password; only the hash is stored', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const card = seedCertificate(desk, token);
    const printed = unwrap(desk.api.call('documents.printExtract', { certificateId: card.id }, { token }));
    expect(printed.document.registrationNumber).toMatch(/^ВС-9901-01-2026-\d{6}$/);
    const text = pdfText(printed.pdfBase64);
    expect(text).toContain('9901101325');
    expect(text).toContain('Сидоров Сидор Сидорович');
    expect(text).toContain(printed.document.registrationNumber);
    const password = passwordFrom(text);
    desk.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(desk.file).toString('latin1');
    expect(bytes.includes(password)).toBe(false);
    const audit = desk.core.db.prepare('SELECT group_concat(summary) AS s FROM audit_log').get() as { s: string };
    expect(audit.s.includes(password)).toBe(false);
    expect(unwrap(desk.api.call('cabinet.verify', { login: '9901101325', password }, { token })).childName).toBe('Сидоров Сидор Сидорович');
  });

  it('a new extract invalidates the old password and the old extract', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const card = seedCertificate(desk, token);
    const first = unwrap(desk.api.call('documents.printExtract', { certificateId: card.id }, { token }));
    const oldPassword = passwordFrom(pdfText(first.pdfBase64));
    const second = unwrap(desk.api.call('documents.printExtract', { certificateId: card.id }, { token }));
    const newPassword = passwordFrom(pdfText(second.pdfBase64));
    expect(newPassword).not.toBe(oldPassword);
    expect(errorOf(desk.api.call('cabinet.verify', { login: '9901101325', password: oldPassword }, { token })).message).toMatch(/Неверный логин или пароль/);
    unwrap(desk.api.call('cabinet.verify', { login: '9901101325', password: newPassword }, { token }));
    const docs = unwrap(desk.api.call('certificates.get', { id: card.id }, { token })).documents;
    expect(docs.find((d) => d.id === first.document.id)).toMatchObject({ valid: false });
    expect(docs.find((d) => d.id === second.document.id)).toMatchObject({ valid: true });
  });

  it('«Проверка документа»: a valid extract, a superseded one, a tampered QR, an unknown code', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const card = seedCertificate(desk, token);
    const first = unwrap(desk.api.call('documents.printExtract', { certificateId: card.id }, { token }));
    const qrOf = (regNumber: string) =>
      (desk.core.db.prepare('SELECT verification_code AS c FROM issued_documents WHERE registration_number = ?').get(regNumber) as { c: string }).c;
    const qr1 = `CERTDESK1:${first.document.registrationNumber}:${qrOf(first.document.registrationNumber)}`;
    const ok1 = unwrap(desk.api.call('documents.verify', { code: qr1 }, { token }));
    expect(ok1).toMatchObject({ found: true, valid: true, certificateNumber: '9901101325', childName: 'Сидоров С. С.' });
    expect(ok1.message).toMatch(/действителен/);
    unwrap(desk.api.call('documents.printExtract', { certificateId: card.id }, { token }));
    const stale = unwrap(desk.api.call('documents.verify', { code: qr1 }, { token }));
    expect(stale).toMatchObject({ found: true, valid: false });
    expect(stale.message).toMatch(/новый пароль/);
    const tampered = qr1.slice(0, -3) + (qr1.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(unwrap(desk.api.call('documents.verify', { code: tampered }, { token }))).toMatchObject({ found: false, valid: false });
    expect(unwrap(desk.api.call('documents.verify', { code: 'CERTDESK1:ВС-9901-01-2026-999999:AAAAAAAAAAAAAAAA' }, { token })).message).toMatch(/не найден/);
    expect(unwrap(desk.api.call('documents.verify', { code: 'привет' }, { token })).message).toMatch(/не распознан/);
    expect(errorOf(desk.api.call('documents.verify', { code: '' }, { token })).message).toMatch(/Введите номер/);
    // The QR payload itself carries no personal data.
    expect(qr1).not.toMatch(/Сидор|9901101325/);
  });

  it('an annulled certificate gets no extract, and its documents stop being valid', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const r = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const printed = unwrap(desk.api.call('documents.printExtract', { certificateId: r.certificateId }, { token }));
    unwrap(desk.api.call('certificates.annul', { certificateId: r.certificateId, reason: 'Выдан ошибочно', confirm: true }, { token }));
    expect(errorOf(desk.api.call('documents.printExtract', { certificateId: r.certificateId }, { token })).message).toMatch(/аннулирован/);
    expect(unwrap(desk.api.call('documents.verify', { code: printed.document.registrationNumber }, { token })).valid).toBe(false);
  });
});

describe('attendance reference and consent form', () => {
  it('the reference says honestly that there are no current enrollments', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const card = seedCertificate(desk, token);
    const printed = unwrap(desk.api.call('documents.printAttendance', { certificateId: card.id }, { token }));
    const text = pdfText(printed.pdfBase64);
    expect(text).toMatch(/Справка/);
    expect(text).toMatch(/зачислений[\s\S]*нет/);
    expect(printed.document.registrationNumber).toMatch(/^СП-/);
  });

  it('the consent form is pre-filled for this child and representative with the form version', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const card = seedCertificate(desk, token);
    const printed = unwrap(desk.api.call('documents.printConsentForm', { certificateId: card.id }, { token }));
    const text = pdfText(printed.pdfBase64);
    expect(text).toContain('Сидоров Сидор Сидорович');
    expect(text).toContain('Сидорова Анна Петровна');
    expect(text).toMatch(/2026-1/);
    expect(text).toMatch(/персональных данных/);
  });
});

describe('family («Объединение кабинетов»)', () => {
  it('links another certificate to the representative after checking its cabinet password', () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const mine = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const seed = seedCertificate(desk, token);
    const printed = unwrap(desk.api.call('documents.printExtract', { certificateId: seed.id }, { token }));
    const password = passwordFrom(pdfText(printed.pdfBase64));
    expect(errorOf(desk.api.call('family.link', { certificateId: mine.certificateId, login: '9901101325', password: 'wrong-pass' }, { token })).code).toBe('refused');
    unwrap(desk.api.call('family.link', { certificateId: mine.certificateId, login: '9901101325', password }, { token }));
    const card = unwrap(desk.api.call('certificates.get', { id: mine.certificateId }, { token }));
    expect(card.family.map((f) => f.number)).toEqual(['9901101325']);
    expect(errorOf(desk.api.call('family.link', { certificateId: mine.certificateId, login: '9901101325', password }, { token })).message).toMatch(/уже объединён/);
  });

  it("updates the representative's contacts and the address convenient for classes", () => {
    const desk = makeDesk({ children: 3 });
    const token = desk.login();
    const card = seedCertificate(desk, token);
    unwrap(desk.api.call('representatives.update', {
      representativeId: card.representative!.id, phone: '+7 921 000-00-01', email: 'new@example.ru', address: 'г. Мурманск, ул. Новая, д. 2', classAddress: 'г. Мурманск, пр. Кольский, д. 10',
    }, { token }));
    const after = seedCertificate(desk, token);
    expect(after.representative).toMatchObject({ phone: '+7 921 000-00-01', classAddress: 'г. Мурманск, пр. Кольский, д. 10' });
    expect(errorOf(desk.api.call('representatives.update', { representativeId: card.representative!.id, email: 'bad@' }, { token })).message).toMatch(/почта/);
  });
});
