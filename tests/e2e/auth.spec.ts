import { test, expect, ACCOUNTS } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { Layout } from './pages/Layout';
import { SearchPage } from './pages/SearchPage';
import { CYRILLIC, logInAs } from './helpers';

test('operator logs in with Enter and sees the desk', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.login).toBeFocused();
  await login.logIn(ACCOUNTS.operator.login, ACCOUNTS.operator.password);
  const layout = new Layout(page);
  await layout.expectLoggedIn();
  await expect(layout.operatorRole).toHaveText('Оператор реестра сертификатов');
  await expect(layout.logoutButton).toHaveText('Выйти');
  const search = new SearchPage(page);
  await expect(search.input).toBeFocused();
  for (const section of ['Кабинет / Сертификаты', 'Навигатор', 'Расписание', 'Договоры', 'Новости', 'Мероприятия', 'Портфолио', 'Настройки']) {
    await expect(layout.navLink(section)).toBeVisible();
  }
  await expect(layout.navLink('Журнал')).toHaveCount(0);
  await layout.open('Навигатор');
  await expect(page.getByTestId('navigator-page')).toBeVisible();
  await layout.open('Договоры');
  await expect(page.getByTestId('contracts-page')).toBeVisible();
});

test('wrong password is refused with a Russian message', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(ACCOUNTS.operator.login, 'not-the-password');
  await expect(login.error).toBeVisible();
  await expect(login.error).toContainText(CYRILLIC);
  await expect(login.error).not.toContainText(/error|invalid|unauthorized/i);
  await expect(page.getByTestId('nav')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/login/);
});

test('without a session every screen leads to the login', async ({ page }) => {
  await page.goto('./#/certificates/9901101325');
  await expect(page).toHaveURL(/#\/login/);
  await expect(new LoginPage(page).login).toBeVisible();
});

test('organization staff does not see «Журнал» nor «Администрирование»', async ({ page }) => {
  const layout = await logInAs(page, 'org');
  await expect(layout.operatorRole).toHaveText('Сотрудник организации');
  await expect(page.getByTestId('operator-office')).toContainText('МБУ ДО Г. МУРМАНСКА ДЮСШ №14');
  await expect(layout.navLink('Навигатор')).toBeVisible();
  await expect(layout.navLink('Журнал')).toHaveCount(0);
  await expect(layout.navLink('Администрирование')).toHaveCount(0);
  // The registry of children is for registry staff: organization staff land on the navigator.
  await expect(layout.navLink('Кабинет / Сертификаты')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/navigator/);
  for (const path of ['audit', 'admin', 'certificates/9901101325']) {
    await page.goto(`./#/${path}`);
    await expect(page).toHaveURL(/#\/navigator/);
  }
  await expect(page.getByTestId('audit-page')).toHaveCount(0);
});

test('logout returns to the login screen and the session is gone', async ({ page }) => {
  const layout = await logInAs(page, 'operator');
  await layout.logout();
  await page.goto('./#/certificates');
  await expect(page).toHaveURL(/#\/login/);
});

test('an expired session sends the operator to the login screen', async ({ page, context }) => {
  await logInAs(page, 'operator');
  await context.clearCookies();
  const search = new SearchPage(page);
  await search.input.pressSequentially('Сид', { delay: 20 });
  await expect(page).toHaveURL(/#\/login/);
  await expect(page.getByText('Сеанс завершён. Войдите снова.')).toBeVisible();
  // After logging in again the operator returns where they were.
  await new LoginPage(page).logIn(ACCOUNTS.operator.login, ACCOUNTS.operator.password);
  await expect(search.input).toBeVisible();
});
