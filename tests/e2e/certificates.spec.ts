import { test, expect } from './fixtures';
import { SearchPage } from './pages/SearchPage';
import { IssuePage } from './pages/IssuePage';
import { CardPage } from './pages/CardPage';
import { ALYONA, ALYONA_MOTHER, expectNoRussianGaps, logInAs } from './helpers';

test('demo certificate 9901101325 shows the seed cabinet exactly', async ({ page }) => {
  await logInAs(page, 'operator');
  const search = new SearchPage(page);
  await search.search('9901101325');
  await expect(search.row('9901101325')).toBeVisible();
  await expect(search.selectedRow()).toHaveAttribute('data-number', '9901101325');
  await search.input.press('Enter');
  const card = new CardPage(page);
  await card.expectOpened();
  await expect(card.heading).toHaveText('КАБИНЕТ СЕРТИФИКАТА 9901101325');
  await expect(card.title).toHaveText('9901101325 (Сидоров Сидор Сидорович)');
  await expect(card.status).toHaveText('Сертификат активирован');
  await expect(page.getByText('Категория:', { exact: true })).toBeVisible();
  await expect(card.category).toHaveText('город');
  await expect(card.nominal).toHaveText('30 001,00 ₽');
  await expect(card.balance).toHaveText('23 000,00 ₽');
  await expect(card.reserve).toHaveText('7 000,00 ₽');
  await expect(page.getByText('Баланс (остаток):')).toBeVisible();
  await expect(page.getByText('Вы дополнительно можете использовать сертификат для записи на программы из следующих реестров:')).toBeVisible();
  await expect(card.budgetCounts).toHaveText('1 3 1');
  // No budget place is used yet this year: the card does not mention any.
  await expect(card.budgetUsed).toHaveCount(0);
  await expect(page.getByText('Оповещения', { exact: true })).toBeVisible();
  await expect(card.child).toContainText('15.03.2012');
  await expectNoRussianGaps(page);
});

test('issue a certificate for a new child, then find it by name with and without ё and by number prefix', async ({ page }) => {
  await logInAs(page, 'operator');
  const search = new SearchPage(page);
  await search.search('Ёлкина Алёна');
  await expect(search.empty).toBeVisible();

  await search.openIssueForm();
  const issue = new IssuePage(page);
  await expect(page.getByTestId('child-lastName')).toBeFocused();
  await issue.fillChild(ALYONA);
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await expect(page.getByTestId('category-город')).toContainText('30 001,00 ₽');
  // Enter in a text field submits the form.
  await issue.input('rep-address').press('Enter');

  const card = new CardPage(page);
  await card.expectOpened();
  await expect(card.status).toHaveText('Сертификат не активирован');
  await expect(card.number).toHaveText(/^9901\d{6}$/);
  const number = (await card.number.textContent())!.trim();
  await expect(card.heading).toHaveText(`КАБИНЕТ СЕРТИФИКАТА ${number}`);
  await expect(card.title).toHaveText(`${number} (Ёлкина Алёна Петровна)`);
  await expect(page.getByText(`Сертификат ${number} выдан`)).toBeVisible();
  await expect(card.child).toContainText('14.05.2016');
  await expect(card.representative).toContainText('Ёлкина Мария Ивановна');
  await expect(card.representative).toContainText('Мать');

  // Search by a fragment with ё and without it, then by the first 6 digits of the number.
  await page.getByTestId('nav-search').click();
  for (const fragment of ['ёлк', 'елк', 'ЕЛКИНА алена']) {
    await search.search(fragment);
    await search.expectFound('Ёлкина Алёна Петровна');
  }
  // First 6 digits: only numbers with that prefix (the demo has thousands of them, so the list is capped);
  // with a name fragment or more digits the new certificate is found.
  const prefix = number.slice(0, 6);
  await search.search(prefix);
  await expect(search.rows.first()).toBeVisible();
  for (const n of await search.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')))) {
    expect(n?.startsWith(prefix)).toBe(true);
  }
  await search.search(`${prefix} ёлк`);
  await expect(search.row(number)).toBeVisible();
  await expect(search.rows).toHaveCount(1);
  await search.search(number.slice(0, 9));
  await expect(search.row(number)).toBeVisible();
  await search.row(number).click();
  await card.expectOpened();
  await expect(card.number).toHaveText(number);
});

test('the same child again: duplicate warning, issued only after explicit confirmation', async ({ page }) => {
  await logInAs(page, 'operator');
  const issue = new IssuePage(page);
  await issue.goto();
  await issue.fillChild(ALYONA);
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await issue.submit();
  const card = new CardPage(page);
  await card.expectOpened();
  const first = (await card.number.textContent())!.trim();

  await issue.goto();
  await issue.fillChild({ ...ALYONA, birthDate: '2016-05-14', document: 'II-ЛО 777777' });
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await issue.submit();
  await expect(issue.duplicateWarning).toBeVisible();
  await expect(issue.duplicateWarning).toContainText('Ёлкина Алёна Петровна');
  await expect(issue.duplicateWarning).toContainText('14.05.2016');
  await expect(issue.duplicateWarning).toContainText(first);
  await expect(issue.confirmNotDuplicate).toHaveText('Это другой ребёнок — выдать сертификат');
  // Nothing was issued yet.
  await expect(page.getByTestId('issue-page')).toBeVisible();

  await issue.confirmNotDuplicate.click();
  await card.expectOpened();
  await expect(card.number).not.toHaveText(first);
  await expect(card.status).toHaveText('Сертификат не активирован');

  const search = new SearchPage(page);
  await search.goto();
  await search.search('ёлкина алёна');
  await expect(search.rowByName('Ёлкина Алёна Петровна')).toHaveCount(2);
});

test('the duplicate warning links to the existing certificate', async ({ page }) => {
  await logInAs(page, 'operator');
  const issue = new IssuePage(page);
  await issue.goto();
  await issue.fillChild({ lastName: 'Сидоров', firstName: 'Сидор', middleName: 'Сидорович', birthDate: '15.03.2012', gender: 'male', document: 'III-ЛО 100200' });
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await issue.submit();
  await expect(issue.duplicateWarning).toBeVisible();
  await page.getByTestId('duplicate-open').filter({ hasText: '9901101325' }).click();
  const card = new CardPage(page);
  await expect(card.heading).toHaveText('КАБИНЕТ СЕРТИФИКАТА 9901101325');
});

test('keyboard: arrows move the selection, Enter opens the card', async ({ page }) => {
  await logInAs(page, 'operator');
  const search = new SearchPage(page);
  await search.search('ива');
  await expect(search.rows.nth(2)).toBeVisible();
  await expect(page.getByTestId('search-loading')).toHaveCount(0);
  const firstNumber = await search.rows.nth(0).getAttribute('data-number');
  const secondNumber = await search.rows.nth(1).getAttribute('data-number');
  await expect(search.selectedRow()).toHaveAttribute('data-number', firstNumber!);
  await search.input.press('ArrowDown');
  await expect(search.selectedRow()).toHaveAttribute('data-number', secondNumber!);
  await search.input.press('ArrowDown');
  await search.input.press('ArrowUp');
  await expect(search.selectedRow()).toHaveAttribute('data-number', secondNumber!);
  await search.input.press('Enter');
  const card = new CardPage(page);
  await expect(card.number).toHaveText(secondNumber!);
});

test('a budget place taken by a contract is shown on the card as «использовано в этом году»', async ({ page }) => {
  await logInAs(page, 'admin');
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const r = await page.request.post(`api/${operation}`, { headers: { 'X-Certdesk-Client': '1' }, data: input });
    const body = (await r.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!body.ok) throw new Error(`${operation}: ${body.error.message}`);
    return body.value;
  };
  // «Природа и творчество» is a general-development (budget) program: confirmed, it takes one of Сидоров's places.
  const [group] = await call<Array<{ id: string }>>('groups.list', { query: 'Природа' });
  const application = await call<{ id: string }>('applications.create', { certificateNumber: '9901101325', groupId: group!.id, childFullName: 'Сидоров Сидор Сидорович' });
  await call('contracts.confirm', { contractId: application.id });
  const card = new CardPage(page);
  await card.gotoNumber('9901101325');
  await expect(card.budgetCounts).toHaveText('1 2 1');
  await expect(card.budgetUsed).toHaveText('Использовано в этом году: общеразвивающие программы — 1');
});
