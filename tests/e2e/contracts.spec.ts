import { test, expect, ACCOUNTS, type Page } from './fixtures';
import { AdminPage } from './pages/AdminPage';
import { CardPage, ConfirmationTab } from './pages/CardPage';
import { ContractsPage } from './pages/ContractsPage';
import { LoginPage } from './pages/LoginPage';
import { Layout } from './pages/Layout';
import { logInAs, shot } from './helpers';

const SIDOROV = '9901101325';
const SIDOROV_NAME = 'Сидоров Сидор Сидорович';
const LOGOS = { login: 'logos', password: 'Логос-2026-пароль', fullName: 'Шмидт Анна Карловна' };
/** Сидоров already has a contract in one of the two German groups (demo); the other one is free for him. */
const GERMAN_GROUPS = ['Немецкий-1', 'Немецкий-2'] as const;

/** On Сидоров's open card: the German group he is not in yet, read from the card's «Договоры» tab. */
async function freeGermanGroup(page: Page, card: CardPage): Promise<string> {
  const tab = await card.openTab('contracts');
  await expect(tab.getByTestId('contract-row').first()).toBeVisible();
  const current = tab.locator('[data-testid="contract-row"]:is([data-status="pending"], [data-status="confirmed"], [data-status="active"])');
  const texts = await current.allTextContents();
  const free = GERMAN_GROUPS.find((g) => !texts.some((t) => t.includes(g)));
  expect(free, 'a German group without Сидоров').toBeDefined();
  return free!;
}

/** «1 234,56 ₽» → kopecks. */
function kopecks(text: string | null): number {
  const s = (text ?? '').replace(/[\s\u00a0\u202f₽]/g, '').replace(',', '.');
  return Math.round(Number(s) * 100);
}

/** The admin creates a staff account for ЧОУ ДО «Логос» and logs out. */
async function createLogosStaff(page: Page): Promise<void> {
  const layout = await logInAs(page, 'admin');
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.create({ login: LOGOS.login, fullName: LOGOS.fullName, role: 'org_staff', organization: 'Логос', password: LOGOS.password });
  await expect(admin.row(LOGOS.login)).toBeVisible();
  await layout.logout();
}

async function logInAsLogos(page: Page): Promise<Layout> {
  const login = new LoginPage(page);
  await login.logIn(LOGOS.login, LOGOS.password);
  const layout = new Layout(page);
  await layout.expectLoggedIn();
  return layout;
}

test('organization staff apply Сидоров to a Логос group: wrong name refused, right name pending, confirmed into «Действующие»; the card\'s reserve grows', async ({ page }) => {
  test.setTimeout(120_000);
  // The registry operator reads the money before.
  let layout = await logInAs(page, 'operator');
  const card = new CardPage(page);
  await card.gotoNumber(SIDOROV);
  const balanceBefore = kopecks(await card.balance.textContent());
  const reserveBefore = kopecks(await card.reserve.textContent());
  const group = await freeGermanGroup(page, card);
  await layout.logout();

  await page.goto('./#/login');
  await new LoginPage(page).logIn(ACCOUNTS.admin.login, ACCOUNTS.admin.password);
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.create({ login: LOGOS.login, fullName: LOGOS.fullName, role: 'org_staff', organization: 'Логос', password: LOGOS.password });
  await expect(admin.row(LOGOS.login)).toBeVisible();
  await new Layout(page).logout();

  layout = await logInAsLogos(page);
  await layout.open('Договоры');
  const contracts = new ContractsPage(page);
  await expect(page.getByTestId('contracts-page')).toBeVisible();
  await expect(page.getByTestId('contracts-tab-pending')).toHaveText('Ожидающие подтверждения');
  await expect(page.getByTestId('contracts-tab-confirmed')).toHaveText('Подтвержденные');
  await expect(page.getByTestId('contracts-tab-active')).toHaveText('Действующие');
  await expect(page.getByTestId('contracts-tab-archive')).toHaveText('Архив');
  // Organization staff filter by their groups only, not by organization.
  await expect(page.getByTestId('contracts-filter-organization')).toHaveCount(0);

  await contracts.openNew();
  // Organization staff: the child's name and the code phrase (masked), no cabinet password.
  await expect(page.getByTestId('application-code-phrase')).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('application-cabinet-password')).toHaveCount(0);
  await expect(page.getByTestId('application-confirmation-hint')).toContainText('решает тип подтверждения');

  await contracts.apply({ group, certificateNumber: SIDOROV, childFullName: 'Петров Пётр Петрович' });
  await expect(contracts.dialogError).toContainText('ФИО ребёнка не совпадает');
  await expect(contracts.dialogError).toContainText('Осталось попыток');
  await shot(page, '03-application-refused');

  await contracts.resubmitWithName(SIDOROV_NAME);
  await expect(contracts.created).toBeVisible();
  await expect(page.getByTestId('application-created-status')).toContainText('Ожидает подтверждения');
  const number = (await contracts.createdNumber.textContent())!.replace('Заявка №', '').trim();
  await shot(page, '04-application-created');
  await contracts.closeDialog();

  // Pending: confirm it.
  const row = contracts.row(number);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('contract-status')).toHaveText('Ожидает подтверждения');
  await expect(row).toContainText(SIDOROV_NAME);
  await expect(row.getByTestId('contract-cancel')).toHaveCount(0);
  await shot(page, '01-contracts-pending');
  await row.getByTestId('contract-confirm').click();
  await expect(contracts.row(number)).toHaveCount(0);

  // Starting today: it is in force.
  await contracts.openTab('active');
  const active = contracts.row(number);
  await expect(active.getByTestId('contract-status')).toHaveText('Действующий');
  await expect(active.getByTestId('contract-funding')).toContainText('сертификат');
  const part = kopecks((await active.getByTestId('contract-certificate-part').textContent())!.replace('сертификат:', ''));
  expect(part).toBeGreaterThan(0);
  await expect(active.getByTestId('contract-terminate')).toBeVisible();
  await shot(page, '02-contracts-active');
  await layout.logout();

  // The registry operator sees the money moved: the reserve grew and the balance shrank by the certificate part.
  await new LoginPage(page).logIn(ACCOUNTS.operator.login, ACCOUNTS.operator.password);
  await card.gotoNumber(SIDOROV);
  await expect(card.reserve).not.toHaveText(/^$/);
  expect(kopecks(await card.reserve.textContent())).toBe(reserveBefore + part);
  expect(kopecks(await card.balance.textContent())).toBe(balanceBefore - part);
  const tab = await card.openTab('contracts');
  const onCard = tab.locator(`[data-testid="contract-row"][data-number="${number}"]`);
  await expect(onCard).toContainText('Действующий');
  await shot(page, '05-card-contracts', tab);

  // Terminated on its first day: it awaits the close of the month («ожидает расторжения» with its date), stays in
  // force with its money booked, and the termination can be withdrawn until then.
  const reserveText = (await card.reserve.textContent())!;
  await onCard.getByTestId('contract-terminate').click();
  await expect(page.getByTestId('contract-terminate-date')).not.toHaveValue('');
  await expect(page.getByTestId('contract-terminate-hint')).toContainText('в конце месяца');
  await page.getByTestId('contract-terminate-reason').fill('Переезд семьи');
  await shot(page, '06-terminate-dialog');
  await page.getByTestId('contract-terminate-submit').click();
  await expect(ContractsPage.awaitingTermination(onCard)).toContainText('Ожидает расторжения');
  await expect(onCard.getByTestId('contract-termination-date')).toHaveText(/^с \d\d\.\d\d\.\d{4}$/);
  await expect(onCard.getByTestId('contract-status')).toHaveText('Действующий');
  await expect(onCard.getByTestId('contract-terminate')).toHaveCount(0);
  await expect(onCard.getByTestId('contract-withdraw-termination')).toBeVisible();
  await expect(card.reserve).toHaveText(reserveText);
  await shot(page, '07-awaiting-termination', onCard);
  await ContractsPage.withdrawTermination(page, onCard, 'Семья осталась в городе');
  await expect(ContractsPage.awaitingTermination(onCard)).toHaveCount(0);
  await expect(onCard.getByTestId('contract-terminate')).toBeVisible();
  await expect(card.reserve).toHaveText(reserveText);
});

test('«Запись запрещена» set at the desk: the organization\'s application is refused with that explanation', async ({ page }) => {
  const layout = await logInAs(page, 'operator');
  const card = new CardPage(page);
  await card.gotoNumber(SIDOROV);
  await card.openTab('confirmation');
  const confirmation = new ConfirmationTab(page);
  await confirmation.choose('forbidden');
  await confirmation.save.click();
  await expect(page.getByTestId('policy-forbidden').getByTestId('policy-current')).toBeVisible();
  await layout.logout();

  await createLogosStaff(page);
  await logInAsLogos(page);
  const contracts = new ContractsPage(page);
  await contracts.goto();
  await contracts.openNew();
  await contracts.apply({ group: GERMAN_GROUPS[0], certificateNumber: SIDOROV, childFullName: SIDOROV_NAME });
  await expect(contracts.dialogError).toContainText('Запись запрещена');
  await expect(contracts.created).toHaveCount(0);
});

test('«по кодовой фразе»: the organization\'s application with a wrong phrase is refused, with the phrase the parent says it is created', async ({ page }) => {
  const phrase = 'Северное сияние над заливом';
  const layout = await logInAs(page, 'operator');
  const card = new CardPage(page);
  await card.gotoNumber(SIDOROV);
  await card.openTab('confirmation');
  const confirmation = new ConfirmationTab(page);
  await confirmation.choose('by_phrase');
  await confirmation.phrase.fill(phrase);
  await confirmation.repeat.fill(phrase);
  await confirmation.save.click();
  await expect(confirmation.phraseState).toContainText('Кодовая фраза задана');
  await layout.logout();

  await createLogosStaff(page);
  await logInAsLogos(page);
  const contracts = new ContractsPage(page);
  await contracts.goto();
  await contracts.openNew();
  // The child's name no longer confirms anything under this policy.
  await contracts.apply({ group: GERMAN_GROUPS[0], certificateNumber: SIDOROV, childFullName: SIDOROV_NAME, codePhrase: 'Южное сияние' });
  await expect(contracts.dialogError).toContainText('кодовая фраза неверна. Осталось попыток до блокировки: 4');
  await expect(contracts.created).toHaveCount(0);
  // Said aloud and typed differently (case, ё, spaces), the phrase still matches.
  await page.getByTestId('application-code-phrase').fill('  северное СИЯНИЕ над   заливом ');
  await page.getByTestId('application-submit').click();
  await expect(contracts.created).toBeVisible();
  const number = (await contracts.createdNumber.textContent())!.replace('Заявка № ', '').trim();
  await contracts.closeDialog();
  await expect(contracts.row(number)).toHaveAttribute('data-status', 'pending');
});

test('ДЮСШ staff applying Сидоров (14) to «Основы хип-хопа» (7–12) get the age refusal', async ({ page }) => {
  await logInAs(page, 'org');
  const contracts = new ContractsPage(page);
  await contracts.goto();
  await contracts.openNew();
  await contracts.apply({ group: 'Основы хип-хопа', certificateNumber: SIDOROV, childFullName: SIDOROV_NAME });
  await expect(contracts.dialogError).toContainText('для детей от 7 до 12 лет');
  await expect(contracts.created).toHaveCount(0);
});

test('the registry operator enrolls from the certificate card with the number prefilled, then cancels at the desk', async ({ page }) => {
  await logInAs(page, 'operator');
  const card = new CardPage(page);
  await card.gotoNumber(SIDOROV);
  const group = await freeGermanGroup(page, card);
  await page.getByTestId('card-enroll').click();
  const contracts = new ContractsPage(page);
  await expect(contracts.dialog).toBeVisible();
  await expect(page.getByTestId('application-certificate')).toHaveValue(SIDOROV);
  await expect(page.getByTestId('application-cabinet-password')).toBeVisible();
  await contracts.apply({ group, childFullName: SIDOROV_NAME });
  await expect(contracts.created).toBeVisible();
  const number = (await contracts.createdNumber.textContent())!.replace('Заявка №', '').trim();
  await contracts.closeDialog();
  const row = page.locator(`[data-testid="contract-row"][data-number="${number}"]`);
  await expect(row.getByTestId('contract-status')).toHaveText('Ожидает подтверждения');
  // Registry staff cannot confirm; they cancel at the representative's word.
  await expect(row.getByTestId('contract-confirm')).toHaveCount(0);
  await row.getByTestId('contract-cancel').click();
  await page.getByTestId('contract-reason-text').fill('Представитель передумал');
  await page.getByTestId('contract-reason-submit').click();
  await expect(row.getByTestId('contract-status')).toHaveText('Отменена');
  await expect(row.getByTestId('contract-reason')).toContainText('Представитель передумал');
});

test('the lists are tabs the keyboard moves through: ← → Home End, one tab stop', async ({ page }) => {
  await logInAs(page, 'operator');
  const contracts = new ContractsPage(page);
  await contracts.goto('pending');
  await page.getByTestId('contracts-tab-pending').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('contracts-tab-confirmed')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('contracts-tab-confirmed')).toBeFocused();
  await expect(page).toHaveURL(/tab=confirmed/);
  await page.keyboard.press('End');
  await expect(page.getByTestId('contracts-tab-archive')).toHaveAttribute('aria-selected', 'true');
  await expect(contracts.rows.first()).toHaveAttribute('data-status', 'completed');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('contracts-tab-pending')).toBeFocused();
  await expect(page.getByTestId('contracts-tab-archive')).toHaveAttribute('tabindex', '-1');
});

test.describe('a registry with 1,500 contracts', () => {
  test.use({ registry: { children: 3000, programs: 150, contracts: 1500 } });

  test('«Договоры» shows the newest 200, «Показать ещё» the next ones; a whole certificate number finds an old contract', async ({ page }) => {
    test.slow();
    await logInAs(page, 'operator');
    const contracts = new ContractsPage(page);
    await contracts.goto('active');
    await expect(contracts.rows).toHaveCount(200);
    await expect(page.getByText('Показаны последние 200')).toBeVisible();
    await contracts.more.click();
    await expect(contracts.rows).toHaveCount(400);
    await expect(page.getByText('Показаны последние 400')).toBeVisible();
    await shot(page, 'contracts-more', contracts.more);

    // The core's own list, read by the same session: the page holds its newest 400, newest first, none twice.
    const response = await page.request.post('api/contracts.list', { headers: { 'X-Certdesk-Client': '1' }, data: { tab: 'active', limit: 500 } });
    const all = ((await response.json()) as { value: Array<{ number: string; certificateNumber: string }> }).value;
    const shown = await contracts.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    expect(shown).toEqual(all.slice(0, 400).map((k) => k.number));

    // A contract past what is loaded: its certificate's whole number asks the core, not the page.
    const old = all[450]!;
    await contracts.certificateFilter.fill(old.certificateNumber);
    await expect(contracts.row(old.number)).toBeVisible();
    await expect(contracts.more).toHaveCount(0);
  });
});

