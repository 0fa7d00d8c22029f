import { test, expect, type Page } from './fixtures';
import { ContractsPage } from './pages/ContractsPage';
import { LoginPage } from './pages/LoginPage';
import { Layout } from './pages/Layout';
import { ACCOUNTS } from './fixtures';
import { logInAs, shot } from './helpers';

const SIDOROV = '9901101325';
const PROLONGED_AT = '2026-12-10T09:00:00.000Z';
/** The 7th day after the prolongation is the last day to refuse; on the 8th it takes effect. */
const EIGHTH_DAY = '2026-12-18T09:00:00.000Z';

// The demo course of Сидоров (Немецкий-2, 1 December – 31 May) is in force on 10 December.
test.use({ deskNow: PROLONGED_AT });

/** Calls the core as the logged-in operator of this page (the same cookie and header the screens send). */
async function call<T>(page: Page, operation: string, input: unknown): Promise<T> {
  const r = await page.request.post(`./api/${operation}`, { headers: { 'X-Certdesk-Client': '1' }, data: input });
  const body = (await r.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${operation}: ${body.error.message}`);
  return body.value;
}

/** A group of the same program for the next school year: what the organization sets up before prolonging. */
async function nextYearGroup(page: Page): Promise<string> {
  const [program] = await call<Array<{ id: string; modules: Array<{ id: string; name: string }> }>>(page, 'programs.search', { query: 'Немецкий' });
  const group = await call<{ id: string }>(page, 'groups.save', {
    programId: program!.id,
    moduleId: program!.modules[program!.modules.length - 1]!.id,
    name: 'Немецкий-2 (2027/28)',
    startDate: '2027-09-01',
    endDate: '2028-05-31',
    capacity: 12,
    address: 'г. Мурманск, пр. Ленина, д. 50',
    timetable: [{ weekday: 3, start: '16:00', end: '17:30' }],
  });
  return group.id;
}

test('a prolongation not refused within 7 days takes effect by itself; the desk shows the days left', async ({ page, server }) => {
  // A long walk through several screens and a restart of the desk.
  test.slow();
  await logInAs(page, 'admin');
  await nextYearGroup(page);

  const contracts = new ContractsPage(page);
  await contracts.goto('active');
  const course = contracts.rows.filter({ hasText: SIDOROV }).filter({ hasText: 'Немецкий-2' });
  await expect(course).toHaveCount(1);
  const courseNumber = (await course.getAttribute('data-number'))!;
  await course.getByTestId('contract-select').click();
  await page.getByTestId('contracts-prolong').click();
  const dialog = page.getByTestId('prolong-dialog');
  await expect(dialog).toBeVisible();
  // The only group that can take it is preselected: same program, starting after the course ends.
  await expect(page.getByTestId('prolong-group')).toContainText('Немецкий-2 (2027/28)');
  await shot(page, 'prolong-dialog');
  await expect(page.getByTestId('prolong-submit')).toBeEnabled();
  await page.getByTestId('prolong-submit').click();
  await expect(page.getByTestId('prolong-done')).toContainText('отказаться можно до 17.12.2026 включительно');
  await shot(page, 'prolong-done');
  await dialog.getByRole('button', { name: 'Закрыть' }).last().click();

  // The registry operator sees the new contract waiting, with the days left to refuse.
  await new Layout(page).logout();
  await new LoginPage(page).logIn(ACCOUNTS.operator.login, ACCOUNTS.operator.password);
  await contracts.goto('pending');
  const waiting = contracts.rows.filter({ hasText: `Пролонгация договора ${courseNumber}` });
  await expect(waiting).toHaveCount(1);
  await expect(waiting.getByTestId('contract-prolongation-days')).toHaveText('Отказаться можно до 17.12.2026 включительно: осталось 7 дн.');
  await expect(waiting.getByTestId('contract-cancel')).toHaveText('Отказ от пролонгации');
  await shot(page, 'prolong-pending');
  const prolongedNumber = (await waiting.getAttribute('data-number'))!;

  // Eight days later the desk starts again: nobody refused, so the prolongation is accepted by the desk itself.
  await server.restart({ now: EIGHTH_DAY });
  // The desk's sessions ended with it: the page finds itself logged out.
  await page.reload();
  await logInAs(page, 'operator');
  await contracts.goto('pending');
  await expect(contracts.row(prolongedNumber)).toHaveCount(0);
  await contracts.goto('confirmed');
  const accepted = contracts.row(prolongedNumber);
  await expect(accepted).toHaveAttribute('data-status', 'confirmed');
  await expect(accepted.getByTestId('contract-reason')).toContainText('отказа в течение 7 дней не поступило');
  await expect(accepted.getByTestId('contract-funding')).toContainText('сертификат');
  // Accepted, the prolongation is final: the desk offers no «Отменить заявку» (the way out is termination).
  await expect(accepted.getByTestId('contract-cancel')).toHaveCount(0);
  expect(server.output()).toMatch(/Пролонгации: принято 1/);
});

test('refused at the desk within the 7 days, the prolongation is cancelled and never takes effect', async ({ page, server }) => {
  // A long walk through several screens and a restart of the desk.
  test.slow();
  await logInAs(page, 'admin');
  await nextYearGroup(page);
  const contracts = new ContractsPage(page);
  await contracts.goto('active');
  const course = contracts.rows.filter({ hasText: SIDOROV }).filter({ hasText: 'Немецкий-2' });
  await course.getByTestId('contract-select').click();
  await page.getByTestId('contracts-prolong').click();
  // As the operator does: the dialog has found the next year's group before «Пролонгировать» is pressed.
  await expect(page.getByTestId('prolong-group')).toContainText('Немецкий-2 (2027/28)');
  await expect(page.getByTestId('prolong-submit')).toBeEnabled();
  await page.getByTestId('prolong-submit').click();
  await expect(page.getByTestId('prolong-done')).toBeVisible();
  await page.getByTestId('prolong-dialog').getByRole('button', { name: 'Закрыть' }).last().click();

  await contracts.goto('pending');
  const waiting = contracts.rows.filter({ hasText: 'Пролонгация договора' });
  const number = (await waiting.getAttribute('data-number'))!;
  await waiting.getByTestId('contract-cancel').click();
  await expect(page.getByTestId('contract-reason-dialog')).toContainText(`Отказ от пролонгации: договор ${number}`);
  await page.getByTestId('contract-reason-text').fill('Представитель отказался от продолжения обучения');
  await page.getByTestId('contract-reason-submit').click();
  await contracts.goto('archive');
  await expect(contracts.row(number)).toHaveAttribute('data-status', 'cancelled');

  await server.restart({ now: EIGHTH_DAY });
  // The desk's sessions ended with it: the page finds itself logged out.
  await page.reload();
  await logInAs(page, 'operator');
  await contracts.goto('archive');
  await expect(contracts.row(number)).toHaveAttribute('data-status', 'cancelled');
  expect(server.output()).not.toMatch(/Пролонгации: принято/);
});
