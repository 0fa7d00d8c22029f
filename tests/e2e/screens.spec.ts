/**
 * Screenshots of every screen for a human look: `SHOTS_DIR=/tmp/shots npx playwright test screens`.
 * Skipped in the normal run.
 */
import path from 'node:path';
import { test, expect, ACCOUNTS } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { SearchPage } from './pages/SearchPage';
import { IssuePage } from './pages/IssuePage';
import { CardPage } from './pages/CardPage';
import { AuditPage } from './pages/AuditPage';
import { ALYONA, ALYONA_MOTHER, logInAs } from './helpers';

const dir = process.env.SHOTS_DIR;
test.skip(!dir, 'set SHOTS_DIR to take screenshots');

const shot = (name: string) => ({ path: path.join(dir ?? '.', `${name}.png`), fullPage: true });

test('screens', async ({ page }) => {
  test.setTimeout(120_000);
  const login = new LoginPage(page);
  await login.goto();
  await page.screenshot(shot('01-login'));
  await login.logIn(ACCOUNTS.operator.login, 'wrong');
  await expect(login.error).toBeVisible();
  await page.screenshot(shot('02-login-error'));

  await logInAs(page, 'operator');
  const search = new SearchPage(page);
  await search.search('Иванов');
  await expect(search.rows.first()).toBeVisible();
  await search.input.press('ArrowDown');
  await page.screenshot(shot('03-search-results'));
  await search.search('Несуществующий');
  await expect(search.empty).toBeVisible();
  await page.screenshot(shot('04-search-empty'));

  const issue = new IssuePage(page);
  await page.setViewportSize({ width: 1366, height: 1500 });
  await issue.goto();
  await page.screenshot(shot('05-issue-empty'));
  await issue.fillChild({ ...ALYONA, lastName: 'Elkina', birthDate: '2000-01-01' });
  await issue.submit();
  await expect(issue.error).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('06-issue-errors'));
  await issue.fillChild({ lastName: 'Сидоров', firstName: 'Сидор', middleName: 'Сидорович', birthDate: '15.03.2012', gender: 'male', document: 'III-ЛО 100200' });
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await issue.submit();
  await expect(issue.duplicateWarning).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('07-issue-duplicate'));

  await page.setViewportSize({ width: 1366, height: 860 });
  const card = new CardPage(page);
  await card.gotoNumber('9901101325');
  await expect(card.nominal).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('08-card-light'));
  await page.getByTestId('theme-switch').click();
  await page.waitForTimeout(400);
  await page.screenshot(shot('09-card-dark'));
  await search.goto();
  await search.search('Петров');
  await expect(search.rows.first()).toBeVisible();
  await page.screenshot(shot('10-search-dark'));
  await page.goto('./#/navigator');
  await page.screenshot(shot('11-unavailable-dark'));
  await page.getByTestId('theme-switch').click();

  await page.getByTestId('logout').click();
  await login.logIn(ACCOUNTS.admin.login, ACCOUNTS.admin.password);
  await page.getByTestId('nav-audit').click();
  const audit = new AuditPage(page);
  await expect(audit.rows.first()).toBeVisible();
  await audit.verify();
  await page.screenshot(shot('12-audit'));
  await issue.goto();
  await issue.fillChild(ALYONA);
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await issue.submit();
  await expect(card.heading).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('13-card-new'));
});
