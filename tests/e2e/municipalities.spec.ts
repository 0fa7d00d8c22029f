import { test, expect } from './fixtures';
import { CardPage } from './pages/CardPage';
import { MunicipalitiesPage } from './pages/MunicipalitiesPage';
import { logInAs, shot } from './helpers';

// 23 November 2026: the demo's year 2026 is published and under way; 2027 is the next year to prepare.
test.use({ deskNow: '2026-11-23T10:00:00.000Z' });

test('the administrator prepares 2027 (limit, a nominal), publishes it; a limit below what is booked is refused with the reason', async ({ page }) => {
  test.slow();
  const layout = await logInAs(page, 'admin');
  await layout.open('Муниципалитеты');
  const m = new MunicipalitiesPage(page);
  await expect(page.getByTestId('mun-year-card')).toContainText('Параметры 2026 года');
  await expect(m.status).toHaveText('Опубликован');
  await expect(page.getByTestId('mun-effective')).toContainText('с декабря 2026 г.');
  await shot(page, 'light-municipalities-2026');

  await m.chooseYear(2027);
  await expect(m.newYear).toBeVisible();
  await m.fill(m.limit, '160 000 000,00');
  await m.fill(m.nominalOf('город'), '32 000,00');
  await m.saveButton.click();
  await expect(m.status).toHaveText('Черновик');
  await expect(m.nominalOf('город')).toHaveValue('32 000,00');
  await expect(m.limit).toHaveValue('160 000 000,00');
  await shot(page, 'light-municipalities-2027-draft');

  await m.publishConfirmed();
  await expect(m.status).toHaveText('Опубликован');
  await expect(m.publishButton).toHaveCount(0);

  // 2026: certificates have booked and spent money this year, so a limit of 1 ₽ is refused and nothing changes.
  await m.chooseYear(2026);
  await m.fill(m.limit, '1,00');
  await m.saveButton.click();
  await expect(m.formError).toContainText('Лимит 2026 года не может быть меньше средств сертификатов, уже забронированных и израсходованных в этом году');
  await expect(page.getByTestId('mun-year-card')).toContainText('Не меньше');
  await shot(page, 'light-municipalities-refused');
  await page.reload();
  await expect(m.limit).toHaveValue('150 000 000,00');

  await shot(page, 'light-municipalities-facts', page.getByTestId('mun-save-facts'));
  await layout.themeSwitch.click();
  await shot(page, 'dark-municipalities-2026');
  await m.chooseYear(2027);
  await shot(page, 'dark-municipalities-2027');
  await layout.themeSwitch.click();
});

test('the registry operator sees the parameters read-only, and the card\'s «?» shows the municipality\'s «Положение»', async ({ page }) => {
  const layout = await logInAs(page, 'operator');
  await layout.open('Муниципалитеты');
  const m = new MunicipalitiesPage(page);
  await expect(m.locked).toContainText('меняет администратор');
  await expect(m.saveButton).toHaveCount(0);
  await expect(m.limit).toBeDisabled();

  const card = new CardPage(page);
  await card.gotoNumber('9901101325');
  await page.getByTestId('cert-regulations-help').click();
  await expect(page.getByTestId('cert-regulations')).toContainText('Выдержка из Положения о персонифицированном дополнительном образовании детей в г. Мурманске');
  await shot(page, 'light-card-regulations');
});
