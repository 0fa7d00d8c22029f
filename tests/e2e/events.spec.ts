import { test, expect } from './fixtures';
import { logInAs } from './helpers';
import { CardPage } from './pages/CardPage';
import { EventDialog, EventPage, EventsPage, type EventData } from './pages/EventsPage';
import { NavigatorPage } from './pages/NavigatorPage';

// The desk stands on 24 November 2026: the battle below is ahead, as are the demo's December events.
test.use({ deskNow: '2026-11-24T09:00:00.000Z' });

const BATTLE: EventData = {
  name: 'Баттл «Полярная волна»',
  kind: 'Соревнование, конкурс',
  startDate: '12.12.2026',
  startTime: '12:00',
  endTime: '16:00',
  address: 'г. Мурманск, ул. Спортивная, д. 14, большой зал',
  ageMin: '8',
  ageMax: '15',
  places: '20',
  description: 'Сольные выступления, три судьи.',
};

test('organization staff publish an event; the operator applies the demo child, a second application is refused, cancelling works; the navigator finds it', async ({ page }) => {
  const layout = await logInAs(page, 'org');
  await layout.open('Мероприятия');
  const events = new EventsPage(page);
  await expect(events.root).toBeVisible();
  // Staff see their own organization's events only.
  await expect(events.item('Открытое первенство по хип-хопу')).toBeVisible();
  await expect(events.item('Рождественский вечер немецкой песни')).toHaveCount(0);

  await events.newEvent.click();
  const dialog = new EventDialog(page);
  // An end before the start is refused next to the field, and nothing is published.
  await dialog.fill({ ...BATTLE, endTime: '11:00' });
  await dialog.field('end-time').press('Enter');
  await expect(dialog.feedback('end-date')).toHaveText('Окончание не может быть раньше начала');
  await expect(dialog.root).toBeVisible();
  await dialog.field('end-time').fill(BATTLE.endTime);
  await dialog.field('end-time').press('Enter');

  const event = new EventPage(page);
  await event.expectOpened(BATTLE.name);
  await expect(event.when).toHaveText('12.12.2026 12:00–16:00');
  await expect(event.places).toHaveText('Свободно мест: 20 из 20');
  await expect(page.getByTestId('event-applications-empty')).toBeVisible();
  const eventUrl = page.url();

  await layout.logout();
  await logInAs(page, 'operator');
  await events.goto();
  await events.item(BATTLE.name).click();
  await event.expectOpened(BATTLE.name);
  await event.applyFor('9901101325', 'Сидоров Сидор Сидорович');
  await expect(page.getByTestId('event-apply-dialog')).toHaveCount(0);
  await expect(event.application('9901101325', 'submitted')).toContainText('Сидоров Сидор Сидорович');
  await expect(event.application('9901101325', 'submitted').getByTestId('event-application-status')).toHaveText('Подана');
  await expect(event.places).toHaveText('Свободно мест: 19 из 20');

  // The same child again: the core's Russian refusal stands in the dialog, nothing is added.
  await event.applyFor('9901101325', 'Сидоров Сидор Сидорович');
  await expect(page.getByTestId('event-apply-error')).toHaveText('По сертификату 9901101325 уже подана заявка на мероприятие «Баттл «Полярная волна»».');
  await page.keyboard.press('Escape');
  await expect(event.applications).toHaveCount(1);

  await event.cancel('9901101325', 'Ребёнок заболел');
  await expect(event.application('9901101325', 'cancelled')).toContainText('Ребёнок заболел');
  await expect(event.places).toHaveText('Свободно мест: 20 из 20');

  // The child's card lists the application, cancelled, under its contracts.
  const card = new CardPage(page);
  await card.gotoNumber('9901101325');
  const tab = await card.openTab('contracts');
  await expect(tab.locator('[data-testid="card-event"][data-status="cancelled"]')).toContainText(BATTLE.name);

  // Typing part of the name in the navigator finds the event above the programs.
  const navigator = new NavigatorPage(page);
  await navigator.goto();
  await navigator.search('полярн');
  const found = page.locator(`[data-testid="navigator-event"][data-name="${BATTLE.name}"]`);
  await expect(found).toBeVisible();
  await found.click();
  await event.expectOpened(BATTLE.name);
  expect(page.url()).toBe(eventUrl);
});

test('the operator sees every organization and filters by one; past events are a tab of their own', async ({ page }) => {
  await logInAs(page, 'operator');
  const events = new EventsPage(page);
  await events.goto();
  await expect.poll(() => events.names()).toEqual(['Открытое первенство по хип-хопу', 'Рождественский вечер немецкой песни', 'Зимняя экскурсия «Птицы Кольского края»']);
  await page.getByTestId('events-organization').click();
  await page.locator('.n-base-select-option', { hasText: 'ЧОУ ДО «Логос»' }).click();
  await expect.poll(() => events.names()).toEqual(['Рождественский вечер немецкой песни']);
  await page.getByTestId('events-tab-past').click();
  await expect(events.empty).toHaveText('Прошедших мероприятий нет.');
  // Organization staff's buttons are not offered to the registry operator.
  await expect(events.newEvent).toHaveCount(0);

  // Come from a child's card (?certificate=), the application dialog has the number and waits for the child's name.
  await events.goto('?certificate=9901101325');
  await events.item('Открытое первенство по хип-хопу').click();
  await page.getByTestId('event-apply').click();
  await expect(page.getByTestId('event-apply-certificate')).toHaveValue('9901101325');
  await expect(page.getByTestId('event-apply-child-name')).toBeFocused();
});
