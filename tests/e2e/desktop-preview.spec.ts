/**
 * The desktop window previews printed documents in the app (new windows are denied there). The window is
 * emulated: an init script provides `window.certdesk` (forwarding calls to the server host, as the preload's
 * IPC bridge forwards them to the core), and the page's CSP is the desktop window's policy with the frame
 * sources the preview needs — `frame-src 'self' blob:; object-src 'self' blob:` (see the report: the Electron
 * host's onHeadersReceived policy must gain them).
 */
import { test, expect } from './fixtures';
import { CardPage } from './pages/CardPage';
import { expectPdf, issueNewChild, logInAs } from './helpers';

const DESKTOP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:";

test('desktop window: the printed document opens in the in-app preview with «Печать» and «Сохранить»', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { certdesk: unknown }).certdesk = {
      async call(operation: string, input: unknown) {
        const response = await fetch(`api/${operation}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-Certdesk-Client': '1' },
          body: JSON.stringify(input ?? {}),
        });
        return response.json();
      },
    };
  });
  await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': DESKTOP_CSP } });
  });
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
