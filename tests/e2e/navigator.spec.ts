/**
 * «Навигатор» and the program page against the demo registry: programs of г. Мурманск, certificate 9901101325
 * (Сидоров Сидор Сидорович, born 15.03.2012, «Подтверждение по ФИО»).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { logInAs } from './helpers';
import { NavigatorPage } from './pages/NavigatorPage';
import { ProgramPage } from './pages/ProgramPage';
import { ContractsPage } from './pages/ContractsPage';

const SIDOROV = '9901101325';
const SIDOROV_NAME = 'Сидоров Сидор Сидорович';
const GERMAN = 'Немецкий язык для детей школьного возраста';
const JAPANESE = 'Японский язык для детей школьного возраста';
const LEGO = 'Легоконструирование и робототехника';
const HIP_HOP = 'Основы хип-хопа';
const NATURE = 'Природа и творчество';
const ALL_PROGRAMS = [LEGO, GERMAN, HIP_HOP, NATURE, JAPANESE];

/** Calls the core as the logged-in operator through the server host (setting up what the screens do not offer). */
async function core<T>(page: Page, operation: string, input: unknown): Promise<T> {
  const response = await page.request.post(`api/${operation}`, { headers: { 'X-Certdesk-Client': '1' }, data: input });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
  return result.value;
}

test('search as you type finds programs by part of a word; ↑ ↓ and Enter open the program page', async ({ page }) => {
  await logInAs(page, 'operator');
  const navigator = new NavigatorPage(page);
  await navigator.goto();
  await expect(navigator.query).toBeFocused();
  // Before anything is typed the navigator lists every program, as the seed's catalogue does.
  await navigator.expectNames(ALL_PROGRAMS);
  await expect(navigator.count).toHaveText('Найдено 5 программ');

  await navigator.search('немец');
  await navigator.expectNames([GERMAN]);
  await expect(navigator.count).toHaveText('Найдена 1 программа');
  const german = navigator.result(GERMAN);
  await expect(german.getByTestId('result-organization')).toHaveText('ЧОУ ДО «Логос»');
  await expect(german.getByTestId('result-facts')).toContainText('10–17 лет');
  await expect(german.getByTestId('result-facts')).toContainText('В программе 2 модуля');
  await expect(german.getByTestId('result-facts')).toContainText(/Ближайшее начало: 01\.09\.\d{4}/);
  await expect(german.getByTestId('result-registry')).toHaveText(['Сертифицированные программы']);
  await expect(german.getByTestId('program-enrollment')).toHaveText('Зачисление открыто');

  // By the organization's name.
  await navigator.search('логос');
  await navigator.expectNames([GERMAN, JAPANESE]);
  await navigator.search('нет такой программы');
  await expect(navigator.empty).toBeVisible();
  await expect(navigator.results).toHaveCount(0);

  await navigator.search('логос');
  await navigator.expectNames([GERMAN, JAPANESE]);
  await expect(navigator.selected()).toHaveAttribute('data-name', GERMAN);
  await navigator.query.press('ArrowDown');
  await expect(navigator.selected()).toHaveAttribute('data-name', JAPANESE);
  await navigator.query.press('ArrowUp');
  await navigator.query.press('ArrowDown');
  await navigator.query.press('Enter');
  const program = new ProgramPage(page);
  await program.expectOpened(JAPANESE);

  // Back: the query and the list are as they were left.
  await page.getByTestId('program-back').click();
  await expect(navigator.query).toHaveValue('логос');
  await navigator.expectNames([GERMAN, JAPANESE]);
  // Arrows move the focus along the cards too; Enter on a card opens it.
  await navigator.results.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(navigator.result(JAPANESE)).toBeFocused();
  await page.keyboard.press('Enter');
  await program.expectOpened(JAPANESE);
});

test('the advanced search narrows the list; a malformed age is said and changes nothing', async ({ page }) => {
  await logInAs(page, 'operator');
  const navigator = new NavigatorPage(page);
  await navigator.goto();
  await navigator.expectNames(ALL_PROGRAMS);
  await expect(page.getByTestId('navigator-advanced')).toBeHidden();
  await navigator.openAdvanced();
  await expect(navigator.advancedToggle).toHaveAttribute('aria-expanded', 'true');

  await navigator.choose('direction', 'Социально-гуманитарная');
  await navigator.expectNames([GERMAN, JAPANESE]);
  await expect(navigator.advancedToggle).toContainText('условий: 1');

  await navigator.age.fill('17');
  await navigator.expectNames([GERMAN]);

  await navigator.age.fill('семнадцать');
  await expect(page.getByText('Возраст — целое число лет, например 10')).toBeVisible();
  await page.waitForTimeout(400);
  await navigator.expectNames([GERMAN]);

  await navigator.age.fill('30');
  await expect(navigator.error).toContainText('Возраст: от 0 до 25 лет');
  await expect(navigator.results).toHaveCount(0);

  await page.getByTestId('navigator-reset').click();
  await navigator.expectNames(ALL_PROGRAMS);
  await navigator.choose('registry', 'Общеразвивающие программы');
  await navigator.expectNames([NATURE, JAPANESE]);
  await navigator.address.fill('школьная');
  await navigator.expectNames([NATURE]);
  // The demo's groups all start on 1 September of the current year.
  await page.getByTestId('navigator-reset').click();
  const year = new Date().getFullYear();
  await navigator.choose('start-month', `Сентябрь ${year}`);
  await navigator.expectNames(ALL_PROGRAMS);
  await page.getByTestId('navigator-reset').click();
  await navigator.choose('start-month', `Октябрь ${year}`);
  await expect(navigator.empty).toBeVisible();
});

test('with a certificate each program says why it cannot enroll; the switch hides those programs', async ({ page }) => {
  await logInAs(page, 'operator');
  const navigator = new NavigatorPage(page);
  await navigator.goto();
  await expect(navigator.onlyAvailable).toHaveCount(0);

  await navigator.useCertificate('99011');
  await expect(page.getByText('Номер сертификата — 10 цифр')).toBeVisible();
  await expect(navigator.onlyAvailable).toHaveCount(0);
  await navigator.useCertificate('9999999999');
  await expect(navigator.error).toContainText('Сертификат № 9999999999 не найден');

  await navigator.useCertificate(SIDOROV);
  await expect(navigator.onlyAvailable).toBeVisible();
  await expect(page.getByTestId('navigator-only-available-label')).toContainText(
    'Исключить программы, на которые не получится записаться по моему сертификату',
  );
  await navigator.expectNames(ALL_PROGRAMS);
  await expect(navigator.result(LEGO).getByTestId('program-reason')).toHaveText(['возраст: программа для 5–8 лет, ребёнку 14']);
  await expect(navigator.result(HIP_HOP).getByTestId('program-reason')).toHaveText(['возраст: программа для 7–12 лет, ребёнку 14']);
  await expect(navigator.result(GERMAN).getByTestId('program-can-enroll')).toHaveText(`По сертификату ${SIDOROV} можно записаться`);

  await navigator.onlyAvailable.click();
  await navigator.expectNames([GERMAN, NATURE, JAPANESE]);
  await expect(navigator.result(LEGO)).toHaveCount(0);
  await navigator.onlyAvailable.click();
  await navigator.expectNames(ALL_PROGRAMS);

  // The program page keeps the certificate the search was checked against.
  await navigator.result(LEGO).click();
  const program = new ProgramPage(page);
  await program.expectOpened(LEGO);
  await expect(page).toHaveURL(new RegExp(`certificate=${SIDOROV}`));
  await expect(program.reasons).toHaveText(['возраст: программа для 5–8 лет, ребёнку 14']);
});

test.describe('on 2 December 2026, November being over', () => {
  test.use({ deskNow: '2026-12-02T09:00:00.000Z' });

  test('the program page shows modules, organization, groups and the rating', async ({ page }) => {
    await logInAs(page, 'admin');
    const navigator = new NavigatorPage(page);
    await navigator.goto();
    await navigator.search('немецкий');
    await navigator.result(GERMAN).click();
    const program = new ProgramPage(page);
    await program.expectOpened(GERMAN);
    await expect(page.getByTestId('program-ages')).toHaveText('Для детей от 10 до 17 лет');
    await expect(page.getByTestId('program-enrollment')).toHaveText('Зачисление открыто');
    await expect(page.getByTestId('program-registries')).toHaveText('Программа входит в реестр: Сертифицированные программы');
    await expect(program.modules).toHaveCount(2);
    await expect(page.getByTestId('program-activity')).toHaveText(['Иностранные языки']);
    await expect(page.getByTestId('program-interest')).toHaveText(['Языки', 'Путешествия']);
    await expect(program.modules.nth(0)).toContainText('Начальный уровень');
    await expect(program.modules.nth(0).getByTestId('program-module-price')).toHaveText('16 000,00 ₽');
    await expect(program.modules.nth(1).getByTestId('program-module-price')).toHaveText('18 000,00 ₽');
    await expect(program.organization).toContainText('Частное образовательное учреждение дополнительного образования «Логос»');
    await expect(page.getByTestId('program-org-address')).toHaveText('г. Мурманск, пр. Ленина, д. 50');
    await expect(page.getByTestId('program-org-phone')).toHaveText('+7 815 245-45-45');
    await expect(page.getByTestId('program-org-email')).toHaveText('logos@example.ru');
    await expect(page.getByTestId('program-goals')).toContainText('коммуникативной компетенции');
    await expect(page.getByTestId('program-annotation')).toContainText('Разговорная практика');
    await expect(program.groups).toHaveCount(2);
    // The demo's two contracts are in «Немецкий-2».
    await expect(program.group('Немецкий-1').getByTestId('program-group-places')).toHaveText('12 из 12');
    await expect(program.group('Немецкий-2').getByTestId('program-group-places')).toHaveText('11 из 12');
    await expect(program.group('Немецкий-2').getByTestId('program-group-timetable')).toHaveText('Ср 16:00–17:30, Пт 16:00–17:30');
    await expect(page.getByTestId('program-rating-none')).toHaveText('Оценок пока нет');

    // A course terminated in November ends with November's close and is rated by the representative at the desk;
    // the page shows the averages.
    const groups = await core<Array<{ id: string; name: string }>>(page, 'groups.list', { query: 'Немецкий-1' });
    const group = groups.find((g) => g.name === 'Немецкий-1')!;
    const contract = await core<{ id: string }>(page, 'applications.create', { certificateNumber: SIDOROV, groupId: group.id, childFullName: SIDOROV_NAME, startDate: '2026-11-02' });
    await core(page, 'contracts.confirm', { contractId: contract.id });
    await core(page, 'contracts.terminate', { contractId: contract.id, terminationDate: '2026-11-20', reason: 'Переезд семьи' });
    const [murmansk] = await core<Array<{ id: string }>>(page, 'municipalities.list', {});
    await core(page, 'months.close', { municipalityId: murmansk!.id, month: '2026-11' });
    await core(page, 'ratings.set', { contractId: contract.id, results: 90, staff: 80, equipment: 70, satisfaction: 95 });
    await page.reload();
    await program.expectOpened(GERMAN);
    await expect(page.getByTestId('program-rating-overall')).toHaveText('83,8 %');
    await expect(page.getByTestId('program-rating-results')).toContainText('90 %');
    await expect(page.getByTestId('program-rating-satisfaction')).toContainText('95 %');
    await expect(program.rating).toContainText('Оценок: 1');
  });
});

test('the registry operator enrolls the demo child from the program page; the application waits for confirmation', async ({ page }) => {
  const layout = await logInAs(page, 'operator');
  const navigator = new NavigatorPage(page);
  await navigator.goto();
  await navigator.useCertificate(SIDOROV);
  await navigator.search('немец');
  await navigator.expectNames([GERMAN]);
  await navigator.query.press('Enter');
  const program = new ProgramPage(page);
  await program.expectOpened(GERMAN);
  await expect(program.canEnroll).toBeVisible();
  await expect(program.group('Немецкий-1').getByTestId('program-group-places')).toHaveText('12 из 12');

  await program.enroll('Немецкий-1');
  await expect(page.getByTestId('application-certificate')).toHaveValue(SIDOROV);
  await page.getByTestId('application-child-name').fill(SIDOROV_NAME);
  await page.getByTestId('application-submit').click();
  const contracts = new ContractsPage(page);
  await expect(contracts.created).toBeVisible();
  await expect(page.getByTestId('application-created-status')).toContainText('Ожидает подтверждения');
  const number = (await contracts.createdNumber.textContent())!.replace('Заявка №', '').trim();
  await contracts.closeDialog();
  // The place is taken at once on the page.
  await expect(program.group('Немецкий-1').getByTestId('program-group-places')).toHaveText('11 из 12');

  await layout.open('Договоры');
  await contracts.openTab('pending');
  const row = contracts.row(number);
  await expect(row).toBeVisible();
  await expect(row).toContainText(SIDOROV_NAME);
  await expect(row).toContainText('Немецкий-1');
});

test('organization staff enroll only into their own groups; the core refuses a child outside the ages', async ({ page }) => {
  await logInAs(page, 'org');
  // Organization staff land on the navigator.
  const navigator = new NavigatorPage(page);
  await expect(page.getByTestId('navigator-page')).toBeVisible();
  await navigator.search('логос');
  await navigator.result(GERMAN).click();
  const program = new ProgramPage(page);
  await program.expectOpened(GERMAN);
  // Another organization's groups are shown, as to everyone, but not offered for enrollment.
  await expect(page.getByTestId('program-groups-other')).toBeVisible();
  await expect(page.getByTestId('program-groups')).toContainText('Немецкий-1');
  await expect(page.getByTestId('program-group-enroll')).toHaveCount(0);
  await expect(page.getByTestId('program-enroll-top')).toHaveCount(0);

  await page.getByTestId('program-back').click();
  await navigator.search('хип');
  await navigator.query.press('Enter');
  await program.expectOpened(HIP_HOP);
  await program.enroll('Основы-1');
  await page.getByTestId('application-certificate').fill(SIDOROV);
  await page.getByTestId('application-child-name').fill(SIDOROV_NAME);
  await page.getByTestId('application-submit').click();
  await expect(page.getByTestId('application-error')).toContainText('для детей от 7 до 12 лет, ребёнку на дату начала 14');
  await page.getByRole('button', { name: 'Отмена' }).click();
  await expect(program.group('Основы-1').getByTestId('program-group-places')).toHaveText('12 из 12');
});
