import { test, expect, ACCOUNTS } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { logInAs } from './helpers';

test('dark theme: the switch darkens the page and is remembered for the operator', async ({ page }) => {
  const layout = await logInAs(page, 'operator');
  expect(await layout.backgroundIsDark()).toBe(false);
  await layout.toggleTheme();
  await expect.poll(() => layout.backgroundIsDark()).toBe(true);
  await expect(layout.themeSwitch).toHaveAttribute('aria-checked', 'true');

  await page.reload();
  await layout.expectLoggedIn();
  await expect.poll(() => layout.backgroundIsDark()).toBe(true);

  await layout.logout();
  const login = new LoginPage(page);
  await login.logIn(ACCOUNTS.operator.login, ACCOUNTS.operator.password);
  await layout.expectLoggedIn();
  await expect.poll(() => layout.backgroundIsDark()).toBe(true);

  // Another operator keeps their own (light) theme.
  await layout.logout();
  await login.logIn(ACCOUNTS.admin.login, ACCOUNTS.admin.password);
  await layout.expectLoggedIn();
  await expect.poll(() => layout.backgroundIsDark()).toBe(false);
});
