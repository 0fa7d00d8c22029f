import { test, expect } from './fixtures';
import { CardPage } from './pages/CardPage';
import { logInAs, shot } from './helpers';

const SIDOROV = '9901101325';

// Mid-October 2026: Сидоров's trial contract ended on 30 September, so its program may be rated through 29 October.
test.use({ deskNow: '2026-10-15T09:00:00.000Z' });

test('the representative rates the program at the desk within a month of the end, and can change the rating', async ({ page }) => {
  await logInAs(page, 'operator');
  const card = new CardPage(page);
  await card.gotoNumber(SIDOROV);
  const tab = await card.openTab('contracts');
  const trial = tab.locator('[data-testid="contract-row"][data-status="completed"]');
  await expect(trial).toHaveCount(1);
  // The course starting in December has not ended: nothing to rate there.
  await expect(tab.locator('[data-testid="contract-row"][data-status="confirmed"] [data-testid="contract-rate"]')).toHaveCount(0);

  await trial.getByTestId('contract-rate').click();
  const dialog = page.getByTestId('rating-dialog');
  await expect(dialog).toContainText('до 29.10.2026 включительно');
  // A parameter left empty is named, and nothing is saved.
  await page.getByTestId('rating-results').fill('80');
  await page.getByTestId('rating-submit').click();
  await expect(page.getByTestId('rating-error')).toHaveText('Укажите оценку: Педагоги и численность группы, как было заявлено');
  await page.getByTestId('rating-staff').fill('90');
  await page.getByTestId('rating-equipment').fill('70');
  await page.getByTestId('rating-satisfaction').fill('100');
  await shot(page, 'rating-dialog');
  await page.getByTestId('rating-satisfaction').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Средняя оценка программы «Немецкий язык для детей школьного возраста»: 85 %')).toBeVisible();
  await expect(trial.getByTestId('contract-rating')).toHaveText(/результаты 80 %, педагоги 90 %, оснащение 70 %, удовлетворённость 100 %/);

  // Within the window the rating can be changed; the dialog opens with the scores given.
  await trial.getByTestId('contract-rate').click();
  await expect(trial.getByTestId('contract-rate')).toHaveText('Изменить оценку');
  await expect(page.getByTestId('rating-results')).toHaveValue('80');
  await page.getByTestId('rating-results').fill('40');
  await page.getByTestId('rating-submit').click();
  await expect(trial.getByTestId('contract-rating')).toHaveText(/результаты 40 %/);
});
