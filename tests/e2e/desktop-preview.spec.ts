/**
 * The desktop window previews printed documents in the app (new windows are denied there). The window is
 * emulated (helpers.ts emulateDesktopWindow): `window.certdesk` forwards calls to the server host, and the page
 * runs under the desktop window's CSP with the frame sources the preview needs.
 */
import { test, expect } from './fixtures';
import { CardPage } from './pages/CardPage';
import { emulateDesktopWindow, expectPdf, issueNewChild, logInAs } from './helpers';

test('desktop window: the printed document opens in the in-app preview with «Печать» and «Сохранить»', async ({ page }) => {
  await emulateDesktopWindow(page);
  let popups = 0;
  page.on('popup', () => popups++);

  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('documents');
  await page.getByTestId('print-attendance').click();

  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('pdf-preview-frame')).toHaveAttribute('src', /^blob:/);
  await expect(page.getByTestId('pdf-print')).toBeVisible();
  if (process.env.SHOTS_DIR) {
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/light-37-desktop-preview.png` });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pdf-save').click()]);
  const { readFile } = await import('node:fs/promises');
  expectPdf(await readFile(await download.path()));
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(popups).toBe(0);

  await preview.getByRole('button', { name: 'Закрыть' }).click();
  await expect(preview).toHaveCount(0);
  await page.getByTestId('printed-open').click();
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
});
