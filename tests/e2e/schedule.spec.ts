import { test, expect } from './fixtures';
import { logInAs, shot } from './helpers';

test('the registry operator sees a child’s week by certificate number, and a group’s week', async ({ page }) => {
  const layout = await logInAs(page, 'operator');
  await layout.open('Расписание');
  await expect(page.getByTestId('schedule-page')).toBeVisible();
  await page.getByTestId('schedule-certificate').fill('99011');
  await page.getByTestId('schedule-certificate').press('Enter');
  await expect(page.getByTestId('schedule-error')).toHaveText('Номер сертификата — 10 цифр');
  await page.getByTestId('schedule-certificate').fill('9901109999');
  await page.getByTestId('schedule-certificate').press('Enter');
  await expect(page.getByTestId('schedule-error')).toHaveText('Сертификат № 9901109999 не найден в реестре.');

  // The demo course in «Немецкий-2»: Wednesday and Friday, 16:00–17:30.
  await page.getByTestId('schedule-certificate').fill('9901101325');
  await page.getByTestId('schedule-certificate').press('Enter');
  await expect(page.getByTestId('schedule-lesson')).toHaveCount(2);
  await expect(page.getByTestId('schedule-day-3').getByTestId('schedule-lesson')).toContainText('16:00–17:30');
  await expect(page.getByTestId('schedule-day-3')).toContainText('Немецкий язык для детей школьного возраста');
  await expect(page.getByTestId('schedule-day-5').getByTestId('schedule-lesson')).toContainText('Немецкий-2');
  await expect(page.getByTestId('schedule-day-1')).toContainText('нет занятий');
  await shot(page, 'schedule-child');

  await page.getByTestId('schedule-mode-group').click();
  await page.getByTestId('schedule-group').click();
  await page.keyboard.type('Лего');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('schedule-lesson').first()).toBeVisible();
  await expect(page.getByTestId('schedule-lesson').first()).toContainText('Казюлькина');
});

test('organization staff see their groups’ weeks only', async ({ page }) => {
  const layout = await logInAs(page, 'org');
  await layout.open('Расписание');
  await expect(page.getByTestId('schedule-mode-child')).toHaveCount(0);
  await page.getByTestId('schedule-group').click();
  const options = page.locator('.n-base-select-option');
  await expect(options.first()).toBeVisible();
  expect(await options.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('хип-хоп')]));
  for (const text of await options.allTextContents()) expect(text).toContain('ДЮСШ');
  await options.first().click();
  await expect(page.getByTestId('schedule-lesson').first()).toBeVisible();
});
