import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { logInAs } from './helpers';
import { OrganizationPage } from './pages/OrganizationPage';
import { ProgramEditorPage, type ProgramData } from './pages/ProgramEditorPage';
import type { EditableProgram, ProgramCard } from '../../shared/operations';

const BREAK_DANCE: ProgramData = {
  name: 'Брейк-данс для начинающих',
  direction: 'Физкультурно-спортивная',
  activityTypes: ['Танцы', 'Акробатика'],
  interests: ['Музыка', 'Спорт'],
  ageMin: '8',
  ageMax: '14',
  registries: ['certified', 'general'],
  goals: 'Координация, выносливость, чувство ритма.',
  annotation: 'Базовые элементы брейк-данса.',
  addresses: ['г. Мурманск, ул. Спортивная, д. 14'],
};

/** The navigator's search, asked by the logged-in browser session exactly as the screens ask the core. */
async function searchPrograms(page: Page, query: string): Promise<ProgramCard[]> {
  const response = await page.request.post('api/programs.search', { headers: { 'X-Certdesk-Client': '1' }, data: { query } });
  const body = (await response.json()) as { ok: boolean; value: ProgramCard[] };
  expect(body.ok).toBe(true);
  return body.value;
}

/** ДЮСШ staff open «Моя организация» and press «Новая программа». */
async function startNewProgram(page: Page): Promise<{ org: OrganizationPage; editor: ProgramEditorPage }> {
  await logInAs(page, 'org');
  const org = new OrganizationPage(page);
  await org.goto();
  await org.expectCardLoaded();
  await org.newProgram.click();
  return { org, editor: new ProgramEditorPage(page) };
}

test('organization staff change their phone and see it saved; a bad phone is refused in Russian', async ({ page }) => {
  const layout = await logInAs(page, 'org');
  await layout.open('Моя организация');
  const org = new OrganizationPage(page);
  await org.expectCardLoaded();
  await expect(page.getByTestId('organization-select')).toHaveCount(0);
  await expect(org.program('Основы хип-хопа')).toBeVisible();
  const phoneBefore = await org.phone.inputValue();

  await org.fillCard({ phone: '12-34' });
  await org.phone.press('Enter');
  await expect(org.error).toHaveText('Телефон в формате +7 999 123-45-67');
  await expect(page.locator('.n-form-item', { has: org.phone }).locator('.n-form-item-feedback')).toHaveText('Телефон в формате +7 999 123-45-67');
  await page.reload();
  await org.expectCardLoaded();
  await expect(org.phone).toHaveValue(phoneBefore);

  await org.fillCard({ phone: '+7 815 245-14-14' });
  await org.save.click();
  await expect(page.getByText('Карточка организации сохранена')).toBeVisible();
  await page.reload();
  await org.expectCardLoaded();
  await expect(org.phone).toHaveValue('+7 815 245-14-14');
});

test('staff create a program with a module and a group with a two-lesson week; the navigator finds it', async ({ page }) => {
  const { org, editor } = await startNewProgram(page);
  await expect(editor.title).toHaveText('Новая программа');
  await editor.fillProgram(BREAK_DANCE);
  await editor.save.click();
  await expect(editor.title).toHaveText('Программа «Брейк-данс для начинающих»');
  await expect(page).toHaveURL(/#\/organization\/programs\/[0-9a-f-]{36}$/);

  await editor.addModule({ name: 'Первые шаги', hours: '64', price: '4 500,50' });
  await expect(editor.moduleDialog).toHaveCount(0);
  await expect(editor.module('Первые шаги').getByTestId('module-price')).toHaveText('4 500,50 ₽');

  await editor.addGroup({
    name: 'Брейк-1',
    startDate: '01.02.2027',
    endDate: '31.05.2027',
    capacity: '10',
    teacher: 'Воронцов Артём Игоревич',
    timetable: [
      { weekday: 'Вторник', start: '17:00', end: '18:30' },
      { weekday: 'Четверг', start: '17:30', end: '19:00' },
    ],
  });
  await expect(editor.groupDialog).toHaveCount(0);
  const group = editor.group('Брейк-1');
  await expect(group).toContainText('01.02.2027 — 31.05.2027');
  await expect(group).toContainText('0 из 10');
  await expect(group.getByTestId('group-timetable').locator('div')).toHaveText(['Вт 17:00–18:30', 'Чт 17:30–19:00']);
  // The group's week as «Расписание» shows it: the lessons on Tuesday and Thursday, nothing on other days.
  await expect(editor.week).toContainText('Расписание группы «Брейк-1»');
  await expect(editor.week.getByTestId('schedule-lesson')).toHaveCount(2);
  await expect(editor.week.getByTestId('schedule-day-2')).toContainText('17:00–18:30');
  await expect(editor.week.getByTestId('schedule-day-4')).toContainText('17:30–19:00');
  await expect(editor.week.getByTestId('schedule-day-2')).toContainText('г. Мурманск, ул. Спортивная, д. 14');
  // «Часов в неделю» (printed on the attendance reference) offered from the timetable: 2 × 90 min = 4 academic hours.
  await group.getByTestId('group-edit').click();
  await expect(page.getByTestId('group-timetable-load')).toContainText('По расписанию: 2 занятия в неделю, 3 ч 00 мин — 4 академических часа по 45 мин.');
  await page.getByTestId('group-hours-from-timetable').click();
  await expect(page.getByTestId('group-hours')).toHaveValue('4');
  await expect(page.getByTestId('group-hours-from-timetable')).toHaveCount(0);
  await page.getByTestId('group-submit').click();
  await expect(editor.groupDialog).toHaveCount(0);

  // Saved for real: a fresh page shows the same, and the navigator's search finds the program with its places.
  await page.reload();
  await expect(editor.module('Первые шаги').getByTestId('module-price')).toHaveText('4 500,50 ₽');
  await expect(editor.group('Брейк-1').getByTestId('group-timetable').locator('div')).toHaveText(['Вт 17:00–18:30', 'Чт 17:30–19:00']);
  await expect(page.getByTestId('program-activityTypes')).toContainText('Акробатика');
  await expect(page.getByTestId('program-interests')).toContainText('Музыка');
  await expect(page.getByTestId('program-registry-state-certified')).toContainText('Запрошено включение');
  const found = await searchPrograms(page, 'брейк');
  expect(found.map((p) => p.name)).toEqual(['Брейк-данс для начинающих']);
  // The ticked registries are requests: none is granted until the registry staff decide (issue 12, point 11).
  expect(found[0]).toMatchObject({ ageMin: 8, ageMax: 14, placesLeft: 10, nearestStart: '2027-02-01', registries: [] });
  expect(found[0]!.registryStates).toMatchObject([{ registry: 'certified', state: 'requested' }, { registry: 'general', state: 'requested' }]);
  expect(found[0]!.modules).toMatchObject([{ name: 'Первые шаги', hours: 64, priceKopecks: 450_050 }]);
  const editable = await page.request.post('api/programs.getForEditing', { headers: { 'X-Certdesk-Client': '1' }, data: { programId: found[0]!.id } });
  expect(((await editable.json()) as { value: EditableProgram }).value.groups).toMatchObject([{ name: 'Брейк-1', hoursPerWeek: 4 }]);

  await page.getByTestId('program-back').click();
  await expect(org.program('Брейк-данс для начинающих')).toContainText('8–14 лет');
});

test('staff remove a mistaken group, its module and the program; what still has a group is refused and stays', async ({ page }) => {
  const { org, editor } = await startNewProgram(page);
  await editor.fillProgram({ ...BREAK_DANCE, name: 'Брейк-данс (ошибочная)' });
  await editor.save.click();
  await expect(editor.title).toHaveText('Программа «Брейк-данс (ошибочная)»');
  await editor.addModule({ name: 'Первые шаги', hours: '64', price: '4 500,50' });
  await editor.addGroup({ name: 'Брейк-1', startDate: '01.02.2027', endDate: '31.05.2027', capacity: '10' });
  await expect(editor.group('Брейк-1')).toBeVisible();

  await editor.remove(editor.module('Первые шаги').getByTestId('module-remove'), 'Удалить модуль «Первые шаги»?');
  await expect(page.locator('.n-message', { hasText: 'удалить нельзя' })).toHaveText('Модуль «Первые шаги» удалить нельзя: по нему занимаются группы («Брейк-1»). Сначала удалите их.');
  await expect(editor.module('Первые шаги')).toBeVisible();

  await editor.remove(editor.group('Брейк-1').getByTestId('group-remove'), 'Удалить группу «Брейк-1»?');
  await expect(page.getByText('Группа «Брейк-1» удалена')).toBeVisible();
  await expect(editor.groupRows).toHaveCount(0);
  await editor.remove(editor.module('Первые шаги').getByTestId('module-remove'), 'Удалить модуль «Первые шаги»?');
  await expect(editor.moduleRows).toHaveCount(0);

  await editor.remove(page.getByTestId('program-remove'), /Удалить программу «Брейк-данс \(ошибочная\)» вместе с её модулями и группами\?/);
  await org.expectCardLoaded();
  await expect(page.getByText('Программа «Брейк-данс (ошибочная)» удалена')).toBeVisible();
  await expect(org.program('Брейк-данс (ошибочная)')).toHaveCount(0);
  expect(await searchPrograms(page, 'ошибочная')).toEqual([]);
});

test('bad input is refused in Russian next to the field and saves nothing', async ({ page }) => {
  await logInAs(page, 'org');
  const org = new OrganizationPage(page);
  await org.goto();
  await expect(org.programRows).toHaveCount(1);
  await org.newProgram.click();
  const editor = new ProgramEditorPage(page);
  await editor.fillProgram({ ...BREAK_DANCE, ageMin: '15', ageMax: '8' });
  await editor.save.click();
  await expect(editor.fieldFeedback('program-ageMax')).toHaveText('Возраст «от» не может быть больше возраста «до»');
  await expect(editor.error).toHaveText('Возраст «от» не может быть больше возраста «до»');
  await expect(page).toHaveURL(/#\/organization\/programs\/new/);
  await org.goto();
  await expect(org.programRows).toHaveCount(1);

  await org.newProgram.click();
  await editor.fillProgram(BREAK_DANCE);
  await page.getByTestId('program-name').press('Enter');
  await expect(editor.title).toHaveText('Программа «Брейк-данс для начинающих»');

  await editor.addModule({ name: 'Первые шаги', hours: '64', price: 'abc' });
  await expect(editor.fieldFeedback('module-price')).toHaveText('Стоимость: сумма в рублях цифрами, копейки через запятую — например 7 000,00');
  await page.getByRole('button', { name: 'Отмена' }).click();
  await expect(page.getByTestId('modules-empty')).toBeVisible();
  await editor.addModule({ name: 'Первые шаги', hours: '64', price: '7 000,00' });
  await expect(editor.module('Первые шаги').getByTestId('module-price')).toHaveText('7 000,00 ₽');

  // Dates the wrong way round.
  await editor.addGroup({ name: 'Брейк-1', startDate: '31.05.2027', endDate: '01.02.2027', capacity: '10' });
  await expect(editor.fieldFeedback('group-end')).toHaveText('Окончание занятий не может быть раньше начала');
  // A lesson that ends before it starts: the message stands under that lesson.
  await page.getByTestId('group-start').fill('01.02.2027');
  await page.getByTestId('group-end').fill('31.05.2027');
  await page.getByTestId('slot-add').click();
  await page.getByTestId('slot-start-0').fill('18:30');
  await page.getByTestId('slot-end-0').fill('17:00');
  await page.getByTestId('slot-end-0').press('Enter');
  await expect(page.getByTestId('slot-error-0')).toHaveText('Занятие должно заканчиваться позже, чем начинается');
  await expect(editor.groupError).toHaveText('Занятие должно заканчиваться позже, чем начинается');
  await page.getByRole('button', { name: 'Отмена' }).click();
  await page.reload();
  await expect(editor.moduleRows).toHaveCount(1);
  await expect(page.getByTestId('groups-empty')).toBeVisible();
  await expect(editor.module('Первые шаги').getByTestId('module-price')).toHaveText('7 000,00 ₽');
});

test("staff cannot open another organization's program; the administrator chooses any organization", async ({ page }) => {
  const layout = await logInAs(page, 'org');
  const german = (await searchPrograms(page, 'Немецкий'))[0]!;
  expect(german.organizationName).toBe('ЧОУ ДО «Логос»');
  const editor = new ProgramEditorPage(page);
  await editor.goto(german.id);
  await expect(editor.refusal).toContainText('Это программа другой организации');
  await expect(editor.form).toHaveCount(0);
  await expect(editor.save).toHaveCount(0);
  // Nor can the address bar make the card of another organization open.
  const org = new OrganizationPage(page);
  await org.goto(german.organizationId);
  await expect(org.program('Основы хип-хопа')).toBeVisible();
  await expect(org.program(german.name)).toHaveCount(0);

  await layout.logout();
  // The registry operator keeps no organization: the section is not offered and its address leads home.
  await logInAs(page, 'operator');
  await expect(layout.navLink('Моя организация')).toHaveCount(0);
  await page.goto('./#/organization');
  await expect(page.getByTestId('search-page')).toBeVisible();
  await expect(org.root).toHaveCount(0);
  await layout.logout();

  await logInAs(page, 'admin');
  await expect(layout.navLink('Моя организация')).toBeVisible();
  await org.goto();
  await expect(page.getByTestId('organization-choose-hint')).toBeVisible();
  await org.chooseOrganization('Логос');
  await expect(org.program(german.name)).toBeVisible();
  await org.program(german.name).getByTestId('program-open').click();
  await expect(editor.title).toHaveText(`Программа «${german.name}»`);
  await expect(editor.form).toBeVisible();
  await expect(editor.groupRows).not.toHaveCount(0);
});

test('a ticked registry is a request: the registry operator refuses it with a reason in «Заявки на включение в реестр», the editor shows why', async ({ page }) => {
  const layout = await logInAs(page, 'org');
  const [hipHop] = await searchPrograms(page, 'хип-хоп');
  const editing = await page.request.post('api/programs.getForEditing', { headers: { 'X-Certdesk-Client': '1' }, data: { programId: hipHop!.id } });
  const p = ((await editing.json()) as { value: EditableProgram }).value.program;
  const saved = await page.request.post('api/programs.save', {
    headers: { 'X-Certdesk-Client': '1' },
    data: {
      id: p.id, organizationId: p.organizationId, name: p.name, direction: p.direction, ageMin: p.ageMin, ageMax: p.ageMax, registries: [...p.registries, 'general'],
      activityTypes: p.activityTypes, interests: p.interests, goals: p.goals, annotation: p.annotation, addresses: p.addresses, enrollmentOpen: p.enrollmentOpen,
    },
  });
  expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);
  await layout.logout();

  await logInAs(page, 'operator');
  await page.goto('./#/navigator');
  const request = page.getByTestId('registry-request').filter({ hasText: 'Основы хип-хопа' });
  await expect(request).toContainText('Общеразвивающие программы');
  await request.getByTestId('registry-request-refuse').click();
  await page.getByTestId('registry-refusal-text').fill('Программа не входит в муниципальный перечень');
  await page.getByTestId('registry-refusal-submit').click();
  await expect(page.getByTestId('registry-requests')).toHaveCount(0);

  const after = await page.request.post('api/programs.get', { headers: { 'X-Certdesk-Client': '1' }, data: { programId: p.id } });
  const card = ((await after.json()) as { value: ProgramCard }).value;
  expect(card.registries).toEqual(['certified', 'significant', 'paid']);
  expect(card.registryStates.find((s) => s.registry === 'general')).toMatchObject({ state: 'refused', reason: 'Программа не входит в муниципальный перечень' });
});
