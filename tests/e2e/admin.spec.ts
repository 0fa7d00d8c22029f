import { test, expect, ACCOUNTS } from './fixtures';
import { AdminPage } from './pages/AdminPage';
import { LoginPage } from './pages/LoginPage';
import { Layout } from './pages/Layout';
import { logInAs } from './helpers';

test('admin creates an operator who can then log in; a disabled account cannot', async ({ page }) => {
  const layout = await logInAs(page, 'admin');
  await layout.open('Администрирование');
  const admin = new AdminPage(page);
  await expect(admin.row('operator')).toBeVisible();
  await expect(admin.row('admin')).toContainText('Администратор');

  // Mismatching passwords: refused on the form.
  await admin.createButton.click();
  await page.getByTestId('operator-login').fill('petrova');
  await page.getByTestId('operator-fullName').fill('Петрова Анна Сергеевна');
  await page.getByTestId('operator-password-new').fill('Пароль2026новый');
  await page.getByTestId('operator-password-repeat').fill('Пароль2026другой');
  await admin.submit.click();
  await expect(admin.error).toHaveText('Новый пароль и его повтор не совпадают');
  await page.getByRole('button', { name: 'Отмена' }).click();

  await admin.create({ login: 'petrova', fullName: 'Петрова Анна Сергеевна', role: 'registry_operator', password: 'Пароль2026новый' });
  await expect(admin.row('petrova')).toContainText('Петрова Анна Сергеевна');
  await expect(admin.row('petrova')).toContainText('Оператор реестра сертификатов');

  await layout.logout();
  const login = new LoginPage(page);
  await login.logIn('petrova', 'Пароль2026новый');
  await expect(layout.operatorName).toHaveText('Петрова Анна Сергеевна');
  await expect(layout.navLink('Кабинет / Сертификаты')).toBeVisible();
  await expect(layout.navLink('Администрирование')).toHaveCount(0);
  await layout.logout();

  // The admin disables the account: it cannot log in any more.
  await login.logIn(ACCOUNTS.admin.login, ACCOUNTS.admin.password);
  await layout.open('Администрирование');
  await admin.row('petrova').getByTestId('operator-edit').click();
  await page.getByTestId('operator-active-toggle').click();
  await admin.submit.click();
  await expect(admin.row('petrova').getByTestId('operator-active')).toHaveText('Нет');
  await layout.logout();
  await login.logIn('petrova', 'Пароль2026новый');
  await expect(login.error).toBeVisible();
});

test('admin sets an operator password; every operator changes their own', async ({ page }) => {
  const layout = await logInAs(page, 'admin');
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.row('operator').getByTestId('operator-password').click();
  await page.getByTestId('operator-password-new').fill('короткий');
  await page.getByTestId('operator-password-repeat').fill('короткий');
  await admin.submit.click();
  await expect(admin.error).toContainText('Пароль не короче 10 символов');
  await page.getByTestId('operator-password-new').fill('Новый2026пароль');
  await page.getByTestId('operator-password-repeat').fill('Новый2026пароль');
  await admin.submit.click();
  await expect(page.getByText('Пароль для operator задан')).toBeVisible();
  await layout.logout();

  const login = new LoginPage(page);
  await login.logIn('operator', 'Новый2026пароль');
  await layout.expectLoggedIn();
  await page.getByTestId('change-password').click();
  await page.getByTestId('password-current').fill('Новый2026пароль');
  await page.getByTestId('password-new').fill('Третий2026пароль');
  await page.getByTestId('password-repeat').fill('Третий2026пароль2');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('change-password-error')).toHaveText('Новый пароль и его повтор не совпадают');
  await page.getByTestId('password-repeat').fill('Третий2026пароль');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByText('Пароль изменён')).toBeVisible();
  await layout.logout();
  await login.logIn('operator', 'Третий2026пароль');
  await layout.expectLoggedIn();
});

test('a wrong current password is a form error and the session stays', async ({ page }) => {
  // Core: auth.changePassword answers 'unauthenticated' for a wrong current password, and the server host
  // clears the session cookie on every 'unauthenticated' answer — the operator is logged out. Expected to
  // pass once the core answers 'invalid_input' (or 'refused') instead.
  const layout = await logInAs(page, 'operator');
  await page.getByTestId('change-password').click();
  await page.getByTestId('password-current').fill('неверный');
  await page.getByTestId('password-new').fill('Третий2026пароль');
  await page.getByTestId('password-repeat').fill('Третий2026пароль');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('change-password-error')).toHaveText('Текущий пароль указан неверно.');
  await page.getByRole('button', { name: 'Отмена' }).click();
  await layout.open('Кабинет / Сертификаты');
  await expect(page.getByTestId('search-input')).toBeVisible({ timeout: 3_000 });
  await page.reload();
  await expect(page.getByTestId('search-input')).toBeVisible({ timeout: 3_000 });
});

test('organization staff sees no Сертификаты, Журнал nor Администрирование, but may verify documents', async ({ page }) => {
  const layout = await logInAs(page, 'org');
  await expect(layout.navLink('Кабинет / Сертификаты')).toHaveCount(0);
  await expect(layout.navLink('Журнал')).toHaveCount(0);
  await expect(layout.navLink('Администрирование')).toHaveCount(0);
  await expect(layout.navLink('Проверка документа')).toBeVisible();
  // Typed addresses lead back home.
  for (const path of ['certificates', 'admin', 'audit', 'certificates/9901101325']) {
    await page.goto(`./#/${path}`);
    await expect(page.getByTestId('navigator-page')).toBeVisible();
  }
  await layout.open('Проверка документа');
  await expect(page.getByTestId('verify-page')).toBeVisible();
  await new Layout(page).expectLoggedIn();
});
