import { test, expect } from './fixtures';
import { CardPage } from './pages/CardPage';
import { MonthlyClosePage } from './pages/MonthlyClosePage';
import { logInAs, shot } from './helpers';

const SIDOROV = '9901101325';

// The desk on the last day of December 2026: Сидоров's course (7 000,00 ₽ from 1 December to 31 May, booked in
// the demo) is in force, so December's close charges its first monthly payment.
test.use({ deskNow: '2026-12-31T09:00:00.000Z' });

test('the registry operator previews and closes December: the first payment moves from reserve to spent; a second close changes nothing', async ({ page }) => {
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

  // Nothing was written by the preview.
  await card.gotoNumber(SIDOROV);
  await expect(card.reserve).toHaveText(/7\s000,00/);

  await months.goto();
  await months.chooseMonth('Декабрь 2026');
  await months.previewButton.click();
  await expect(months.closeButton).toBeEnabled();
  await months.closeConfirmed();
  await expect(months.done).toContainText('Декабрь 2026 закрыт');
  await expect(months.line('charged')).toContainText(/1\s166,70/);
  await shot(page, 'months-report');

  await card.gotoNumber(SIDOROV);
  await expect(card.reserve).toHaveText(/5\s833,30/);
  await expect(card.balance).toHaveText(/23\s000,00/);

  // Asked again, the month answers its first report and cannot be closed twice.
  await months.goto();
  await months.chooseMonth('Декабрь 2026');
  await months.previewButton.click();
  await expect(months.already).toBeVisible();
  await expect(months.line('charged')).toContainText(/1\s166,70/);
  await expect(months.closeButton).toBeDisabled();
  await card.gotoNumber(SIDOROV);
  await expect(card.reserve).toHaveText(/5\s833,30/);
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
