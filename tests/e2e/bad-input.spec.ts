import { writeFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { ActivationTab, CardPage, ConsentTab } from './pages/CardPage';
import { VerifyPage } from './pages/VerifyPage';
import { issueNewChild, logInAs } from './helpers';

test('a scan that is not a PDF or an image is refused; a real PDF is attached with its checksum', async ({ page }, testInfo) => {
  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('consent');
  const consent = new ConsentTab(page);
  await consent.markSigned();

  // Named .pdf, but text inside: the core checks the file's first bytes.
  await consent.scanInput().setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('это не скан, а текст\n'.repeat(20)) });
  await expect(consent.error).toBeVisible();
  await expect(consent.error).toContainText(/PDF|PNG|JPEG/);
  await expect(page.getByTestId('consent-scan')).toHaveCount(0);

  // Neither PDF nor image by its type: refused before sending.
  await consent.scanInput().setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('text') });
  await expect(consent.error).toContainText('приложите PDF, PNG или JPEG');

  // Over 10 MB: refused before sending.
  // (From a file on disk: a buffer this large is slow to hand to the browser.)
  const big = testInfo.outputPath('big.pdf');
  await writeFile(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x25));
  await consent.scanInput().setInputFiles(big);
  await expect(consent.error).toContainText('слишком большой');

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await consent.scanInput().setInputFiles({ name: 'согласие.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByTestId('consent-scan')).toContainText('согласие.pdf');
  await expect(page.getByTestId('consent-scan')).toContainText('SHA-256');
  await expect(consent.error).toHaveCount(0);
});

test('the checklist alone does not activate; unknown and tampered document codes are told apart', async ({ page }) => {
  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('activation');
  const activation = new ActivationTab(page);
  await activation.tickAll();
  await activation.activate.click();
  await expect(activation.missingItems).toHaveCount(1);
  await expect(card.status).toHaveText('Сертификат не активирован');

  // A real registration number, from the consent form.
  await card.openTab('consent');
  await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-consent-form').click()]);
  await expect(card.printed).toBeVisible();
  const reg = (await card.printed.getAttribute('data-registration-number'))!;

  const verify = new VerifyPage(page);
  await verify.goto();
  await verify.scan('ВС-0000-00-2000-999999');
  await verify.expectState('not-found');
  await expect(verify.result).toContainText('не найден');
  await verify.scan('абракадабра');
  await verify.expectState('not-found');
  await expect(verify.result).toContainText('Код не распознан');
  await verify.scan('x');
  await expect(verify.error).toContainText('Введите номер документа или содержимое QR-кода');

  await verify.scan(`CERTDESK1:${reg}:AAAAAAAAAAAAAAAA`);
  await verify.expectState('tampered');
  await expect(verify.result).toContainText('не совпадает');
  await verify.scan(reg);
  await verify.expectState('valid');
});
