import { test, expect } from './fixtures';
import { CardPage, ConfirmationTab } from './pages/CardPage';
import { issueNewChild, logInAs } from './helpers';

const PHRASE = 'Северное сияние над заливом';

test('confirmation policy «по кодовой фразе»: mismatch and short phrase refused, then saved; the phrase never shown', async ({ page }) => {
  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('confirmation');
  const tab = new ConfirmationTab(page);

  // The seed's three choices with their explanations; the code phrase is recommended.
  await expect(page.getByTestId('policy-forbidden')).toContainText('Запись запрещена');
  await expect(page.getByTestId('policy-by_name')).toContainText('Подтверждение по ФИО');
  await expect(page.getByTestId('policy-by_name')).toContainText('не рекомендуется');
  await expect(page.getByTestId('policy-by_phrase')).toContainText('рекомендуется');

  await tab.choose('by_phrase');
  await expect(tab.phrase).toHaveAttribute('type', 'password');
  await expect(tab.repeat).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('code-phrase-block')).toContainText('Не короче 8 символов');

  // The repeat does not match: refused with the message.
  await tab.phrase.fill(PHRASE);
  await tab.repeat.fill(`${PHRASE}!`);
  await tab.save.click();
  await expect(tab.error).toHaveText('Кодовая фраза и её повтор не совпадают');

  // Too short: the core refuses with its message.
  await tab.phrase.fill('кот');
  await tab.repeat.fill('кот');
  await tab.save.click();
  await expect(tab.error).toContainText('Кодовая фраза не короче 8 символов');

  // The show/hide toggle unmasks both inputs.
  await page.getByTestId('code-phrase-show').click();
  await expect(tab.phrase).toHaveAttribute('type', 'text');
  await page.getByTestId('code-phrase-show').click();
  await expect(tab.phrase).toHaveAttribute('type', 'password');

  await tab.phrase.fill(PHRASE);
  await tab.repeat.fill(PHRASE);
  await tab.repeat.press('Enter');
  await expect(tab.phraseState).toContainText('Кодовая фраза задана');
  await expect(tab.phraseState).toContainText(/Дата изменения: \d{2}\.\d{2}\.\d{4}/);
  await expect(page.getByTestId('policy-current')).toHaveCount(1);
  await expect(page.getByTestId('policy-by_phrase').getByTestId('policy-current')).toBeVisible();
  await expect(tab.phrase).toHaveCount(0);

  // Nowhere on the page, nor after a reload.
  expect(await page.content()).not.toContain(PHRASE);
  await page.reload();
  await card.expectOpened();
  await expect(page.getByTestId('code-phrase-state')).toContainText('Кодовая фраза задана');
  expect(await page.content()).not.toContain(PHRASE);
  expect(await page.content()).not.toContain('Северное');
});
