import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { CardPage, DocumentsTab } from './pages/CardPage';
import { VerifyPage } from './pages/VerifyPage';
import { emulateDesktopWindow, expectPdf, issueNewChild, logInAs } from './helpers';

test('extract printed and verified; a new extract makes the first one no longer valid', async ({ page }) => {
  await logInAs(page, 'operator');
  const number = await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('documents');
  const docs = new DocumentsTab(page);
  await expect(page.getByTestId('documents-empty')).toBeVisible();
  await expect(docs.printExtract).toHaveText('Выписка сертификата');

  const [popup] = await Promise.all([page.waitForEvent('popup'), docs.printExtract.click()]);
  expect(popup.url()).toMatch(/^blob:/);
  await popup.close();
  const first = await card.downloadPrinted();
  expectPdf(first.bytes);
  expect(first.registrationNumber).toMatch(/^ВС-/);
  await expect(docs.row(first.registrationNumber)).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('cabinet-login')).toContainText(`Логин кабинета: ${number}`);

  const verify = new VerifyPage(page);
  await page.getByTestId('nav-verify').click();
  await expect(verify.input).toBeFocused();
  await verify.scan(first.registrationNumber);
  await verify.expectState('valid');
  await expect(verify.result).toContainText('Документ действителен');
  await expect(verify.result).toContainText(number);
  await expect(verify.result).toContainText('Ёлкина А. П.');

  // A new extract: asked for confirmation (a new password, the old extract stops being valid).
  await card.gotoNumber(number);
  await card.openTab('documents');
  await expect(docs.printExtract).toHaveText('Сформировать новую выписку');
  await docs.printExtract.click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Сформировать новую выписку?' });
  await expect(confirm).toContainText('перестанут действовать');
  await Promise.all([page.waitForEvent('popup'), confirm.getByRole('button', { name: 'Сформировать новую выписку' }).click()]);
  const second = await card.downloadPrinted(first.registrationNumber);
  expectPdf(second.bytes);
  expect(second.registrationNumber).not.toBe(first.registrationNumber);
  await expect(docs.row(first.registrationNumber)).toHaveAttribute('data-valid', 'false');
  await expect(docs.row(second.registrationNumber)).toHaveAttribute('data-valid', 'true');

  await verify.goto();
  await verify.scan(first.registrationNumber);
  await verify.expectState('invalid');
  await expect(verify.result).toContainText('больше не действителен');
  await verify.scan(second.registrationNumber);
  await verify.expectState('valid');
});

test('the attendance reference is a PDF with its own registration number', async ({ page }) => {
  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('documents');
  const docs = new DocumentsTab(page);
  await Promise.all([page.waitForEvent('popup'), docs.printAttendance.click()]);
  const printed = await card.downloadPrinted();
  expectPdf(printed.bytes);
  expect(printed.registrationNumber).toMatch(/^СП-/);
  await expect(docs.row(printed.registrationNumber)).toContainText('Справка о посещении кружков');
});

test('«Заявление (PDF)» on a contract row of the card opens the registered application in the preview; the registry verifies it', async ({ page }) => {
  await emulateDesktopWindow(page);
  await logInAs(page, 'operator');
  const card = new CardPage(page);
  await card.gotoNumber('9901101325');
  await card.openTab('contracts');
  // The demo's confirmed Немецкий-2 contract (7 000,00 ₽ from the certificate).
  const row = page.locator('[data-testid="contract-row"][data-number$="-000002"]');
  const print = row.getByTestId('contract-print-application');
  await expect(print).toHaveText('Заявление (PDF)');
  await print.focus();
  await page.keyboard.press('Enter');

  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('pdf-preview-frame')).toHaveAttribute('src', /^blob:/);
  const registrationNumber = /ЗЗ-9901-01-\d{4}-\d{6}/.exec((await preview.textContent()) ?? '')?.[0];
  expect(registrationNumber).toBeDefined();
  const contractNumber = (await row.getAttribute('data-number'))!;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pdf-save').click()]);
  expect(download.suggestedFilename()).toBe(`Заявление ${contractNumber}.pdf`);
  const file = await download.path();
  expectPdf(await readFile(file));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('ЗАЯВЛЕНИЕ');
  expect(text).toContain('Сидоров Сидор Сидорович');
  expect(text).toContain('Немецкий язык для детей школьного возраста');
  expect(text).toContain(contractNumber);
  expect(text).toContain(`Итого 7 000,00 ₽ 0,00 ₽ 7 000,00 ₽`);
  expect(text).toContain(registrationNumber!);
  await preview.getByRole('button', { name: 'Закрыть' }).click();

  // Registered: the card's documents list it, «Проверка документа» confirms it.
  const docs = await card.openTab('documents');
  await expect(docs.locator(`[data-testid="document-row"][data-number="${registrationNumber}"]`)).toContainText('Заявление на зачисление');
  const verify = new VerifyPage(page);
  await verify.goto();
  await verify.scan(registrationNumber!);
  await verify.expectState('valid');
  await expect(verify.result).toContainText(contractNumber);
});
