import { test, expect } from './fixtures';
import { CardPage } from './pages/CardPage';
import { MonthlyClosePage } from './pages/MonthlyClosePage';
import { logInAs, shot } from './helpers';

const SIDOROV = '9901101325';

// The desk on the last day of December 2026: Сидоров's course (7 000,00 ₽ from 1 December to 31 May, booked in
// the demo) is in force, so December's close will charge its first monthly payment. A month is closed once it is
// over: on 31 December its preview is counted, its close refused; on 2 January it is closed.
test.use({ deskNow: '2026-12-31T09:00:00.000Z' });

test('the registry operator previews December on its last day, closes it once it is over: the first payment is charged; a second close changes nothing', async ({ page, server }) => {
  // A long walk through several screens and a restart of the desk.
  test.slow();
  await logInAs(page, 'operator');
  const card = new CardPage(page);
  await card.gotoNumber(SIDOROV);
  await expect(card.reserve).toHaveText(/7\s000,00/);
  await expect(card.balance).toHaveText(/23\s000,00/);

  const months = new MonthlyClosePage(page);
  await months.goto();
  // The month list follows the desk's clock, not the PC's: December 2026 is the current month.
  await months.chooseMonth('Декабрь 2026');
  await expect(months.closeButton).toBeDisabled();
  await months.previewButton.click();
  await expect(months.report).toContainText('Предварительный расчёт');
  // 7 000,00 ₽ over six months, the remainder first: 1 166,70 ₽ in December.
  await expect(months.line('charged')).toContainText(/Списано по договорам: 1, на сумму 1\s166,70/);
  await expect(months.line('activated')).toContainText('1');
  await shot(page, 'months-preview');

  // December is not over: the preview says from which day it can be closed, and «Закрыть месяц» stays disabled.
  await expect(months.notClosable).toContainText('Месяц 12.2026 ещё не закончился: закрыть его можно с 01.01.2027');
  await expect(months.closeButton).toBeDisabled();
  await card.gotoNumber(SIDOROV);
  await expect(card.reserve).toHaveText(/7\s000,00/);

  // On 2 January the desk starts again and December is closed.
  await server.restart({ now: '2027-01-02T09:00:00.000Z' });
  await page.reload();
  await logInAs(page, 'operator');
  await months.goto();
  await months.chooseMonth('Декабрь 2026');
  await months.previewButton.click();
  await expect(months.closeButton).toBeEnabled();
  await months.closeConfirmed();
  await expect(months.done).toContainText('Декабрь 2026 закрыт');
  await expect(months.line('charged')).toContainText(/1\s166,70/);
  await shot(page, 'months-report');
  const statuses = await page.evaluate(async () => {
    const r = await fetch('./api/contracts.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Certdesk-Client': '1' }, body: JSON.stringify({ certificateNumber: '9901101325' }) });
    return ((await r.json()) as { value: Array<{ number: string; status: string }> }).value.map((k) => k.status).sort();
  });
  // The course is in force now (activated by the close); the trial stays completed.
  expect(statuses).toEqual(['active', 'completed']);

  // Asked again, the month answers its first report and cannot be closed twice.
  await months.goto();
  await months.chooseMonth('Декабрь 2026');
  await months.previewButton.click();
  await expect(months.already).toBeVisible();
  await expect(months.line('charged')).toContainText(/1\s166,70/);
  await expect(months.closeButton).toBeDisabled();
});

test('organization staff are not offered the monthly close, and the core refuses it to them', async ({ page }) => {
  const layout = await logInAs(page, 'org');
  await expect(page.getByTestId('nav-months')).toHaveCount(0);
  await expect(layout.navLink('Договоры')).toBeVisible();
  const r = await page.request.post('./api/months.close', {
    headers: { 'X-Certdesk-Client': '1' },
    data: { municipalityId: '01900000-0000-7000-8000-000000000000', month: '2026-12', preview: true },
  });
  const body = (await r.json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(body.error?.message).toMatch(/Недостаточно прав/);
});
