import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { Layout } from './pages/Layout';
import { IssuePage, type ChildData, type RepresentativeData } from './pages/IssuePage';
import { CardPage } from './pages/CardPage';

export async function logInAs(page: Page, who: keyof typeof ACCOUNTS): Promise<Layout> {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(ACCOUNTS[who].login, ACCOUNTS[who].password);
  const layout = new Layout(page);
  await layout.expectLoggedIn();
  return layout;
}

export const CYRILLIC = /[А-Яа-яЁё]{3,}/;

export const ALYONA: ChildData = {
  lastName: 'Ёлкина',
  firstName: 'Алёна',
  middleName: 'Петровна',
  birthDate: '14.05.2016',
  gender: 'female',
  document: 'II-ЛО 654321',
};

export const ALYONA_MOTHER: RepresentativeData = {
  lastName: 'Ёлкина',
  firstName: 'Мария',
  middleName: 'Ивановна',
  relation: 'mother',
  document: 'паспорт 4716 123456',
  phone: '+7 921 123-45-67',
  email: 'elkina@example.ru',
  address: 'г. Мурманск, ул. Полярные Зори, д. 5, кв. 12',
};

export async function expectNoRussianGaps(page: Page): Promise<void> {
  // Raw i18n keys (e.g. "issue.title") must never reach the screen.
  await expect(page.locator('body')).not.toContainText(/\b(issue|card|search|audit|nav|login)\.[a-z]+/);
}

/** Issues a certificate for a new child (Алёна, her mother at the desk) and returns its number on the open card. */
export async function issueNewChild(page: Page, child: ChildData = ALYONA, representative: RepresentativeData = ALYONA_MOTHER): Promise<string> {
  const issue = new IssuePage(page);
  await issue.goto();
  await issue.fillChild(child);
  await issue.fillRepresentative(representative);
  await issue.chooseCategory('город');
  await issue.submit();
  const card = new CardPage(page);
  await card.expectOpened();
  await expect(card.status).toHaveText('Сертификат не активирован');
  return card.currentNumber();
}

/** A PDF file's first bytes. */
export function expectPdf(bytes: Buffer): void {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1000);
}

/** Screenshots for a human look when SHOTS_DIR is set (e.g. /tmp/shots3). */
export async function shot(page: Page, name: string, scrollTo?: Locator): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await scrollTo?.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * The desktop window's policy with the frame sources the in-app preview needs — `frame-src 'self' blob:;
 * object-src 'self' blob:` (the Electron host's onHeadersReceived policy must carry them).
 */
const DESKTOP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:";

/**
 * Makes the page behave as the desktop window: an init script provides `window.certdesk` (forwarding calls to
 * the server host, as the preload's IPC bridge forwards them to the core), and the page gets the desktop CSP.
 * Printed documents then open in the in-app preview instead of a new tab.
 */
export async function emulateDesktopWindow(page: Page): Promise<void> {
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
}
