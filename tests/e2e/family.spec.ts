import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { CardPage } from './pages/CardPage';
import { ALYONA_MOTHER, issueNewChild, logInAs } from './helpers';

/** The cabinet password is printed only on the extract: read it back from the PDF, as the parent would. */
function passwordFromExtract(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'certdesk-extract-'));
  try {
    const file = path.join(dir, 'extract.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const m = /Пароль:\s*(\S+)/.exec(text);
    if (!m?.[1]) throw new Error(`no password on the extract:\n${text}`);
    return m[1];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('family: link another cabinet by its login and the password from its extract, then switch to it', async ({ page }) => {
  await logInAs(page, 'operator');
  const sister = await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('documents');
  await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-extract').click()]);
  const { bytes } = await card.downloadPrinted();
  const password = passwordFromExtract(bytes);

  const brother = await issueNewChild(
    page,
    { lastName: 'Ёлкин', firstName: 'Иван', middleName: 'Петрович', birthDate: '02.02.2014', gender: 'male', document: 'II-ЛО 111222' },
    { ...ALYONA_MOTHER, firstName: 'Пётр', middleName: 'Сергеевич', relation: 'father', document: 'паспорт 4716 999888', email: 'elkin@example.ru' },
  );
  await card.openTab('family');
  await expect(page.getByTestId('family-empty')).toBeVisible();

  await page.getByTestId('family-login').fill(sister);
  await page.getByTestId('family-password').fill(password);
  await page.getByTestId('family-password').press('Enter');
  const member = page.locator(`[data-testid="family-member"][data-number="${sister}"]`);
  await expect(member).toContainText('Ёлкина');
  await member.getByRole('link', { name: sister }).click();
  await expect(card.number).toHaveText(sister);
  expect(brother).not.toBe(sister);
});

test('family: a wrong cabinet password is refused on the form and the operator stays logged in', async ({ page }) => {
  // Core: a wrong cabinet password answers 'unauthenticated'; the server host then clears the operator's
  // session cookie, so the operator is logged out. Expected to pass once the core answers 'refused'.
  await logInAs(page, 'operator');
  const sister = await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('documents');
  await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-extract').click()]);
  await expect(card.printed).toBeVisible();
  await issueNewChild(
    page,
    { lastName: 'Ёлкин', firstName: 'Иван', middleName: 'Петрович', birthDate: '02.02.2014', gender: 'male', document: 'II-ЛО 111222' },
    { ...ALYONA_MOTHER, firstName: 'Пётр', middleName: 'Сергеевич', relation: 'father', document: 'паспорт 4716 999888' },
  );
  await card.openTab('family');
  await page.getByTestId('family-login').fill(sister);
  await page.getByTestId('family-password').fill('неверный-пароль');
  await page.getByTestId('family-link').click();
  await expect(page.getByTestId('family-error')).toBeVisible({ timeout: 3_000 });
  await page.reload();
  await expect(card.heading).toBeVisible({ timeout: 3_000 });
});
