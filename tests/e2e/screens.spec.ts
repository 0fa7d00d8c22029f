/**
 * Screenshots of every screen for a human look: `SHOTS_DIR=/tmp/shots npx playwright test screens`.
 * Skipped in the normal run.
 */
import path from 'node:path';
import { test, expect, ACCOUNTS } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { SearchPage } from './pages/SearchPage';
import { IssuePage } from './pages/IssuePage';
import { CardPage } from './pages/CardPage';
import { AuditPage } from './pages/AuditPage';
import { VerifyPage } from './pages/VerifyPage';
import { AdminPage } from './pages/AdminPage';
import { OrganizationPage } from './pages/OrganizationPage';
import { ProgramEditorPage } from './pages/ProgramEditorPage';
import { NavigatorPage } from './pages/NavigatorPage';
import { ProgramPage } from './pages/ProgramPage';
import { EventDialog, EventPage, EventsPage } from './pages/EventsPage';
import { ALYONA, ALYONA_MOTHER, issueNewChild, logInAs } from './helpers';

const dir = process.env.SHOTS_DIR;
// Not a test: a tool that photographs every screen for people to look at (SHOTS_DIR=/tmp/shots npx playwright test
// screens). Without a folder to write into it has nothing to do, so it is skipped in npm test on purpose.
test.skip(!dir, 'set SHOTS_DIR to take screenshots');

const shot = (name: string) => ({ path: path.join(dir ?? '.', `${name}.png`), fullPage: true });

test('screens', async ({ page }) => {
  test.setTimeout(120_000);
  const login = new LoginPage(page);
  await login.goto();
  await page.screenshot(shot('01-login'));
  await login.logIn(ACCOUNTS.operator.login, 'wrong');
  await expect(login.error).toBeVisible();
  await page.screenshot(shot('02-login-error'));

  await logInAs(page, 'operator');
  const search = new SearchPage(page);
  await search.search('Иванов');
  await expect(search.rows.first()).toBeVisible();
  await search.input.press('ArrowDown');
  await page.screenshot(shot('03-search-results'));
  await search.search('Несуществующий');
  await expect(search.empty).toBeVisible();
  await page.screenshot(shot('04-search-empty'));

  const issue = new IssuePage(page);
  await page.setViewportSize({ width: 1366, height: 1500 });
  await issue.goto();
  await page.screenshot(shot('05-issue-empty'));
  await issue.fillChild({ ...ALYONA, lastName: 'Elkina', birthDate: '2000-01-01' });
  await issue.submit();
  await expect(issue.error).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('06-issue-errors'));
  await issue.fillChild({ lastName: 'Сидоров', firstName: 'Сидор', middleName: 'Сидорович', birthDate: '15.03.2012', gender: 'male', document: 'III-ЛО 100200' });
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await issue.submit();
  await expect(issue.duplicateWarning).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('07-issue-duplicate'));

  await page.setViewportSize({ width: 1366, height: 860 });
  const card = new CardPage(page);
  await card.gotoNumber('9901101325');
  await expect(card.nominal).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('08-card-light'));
  await page.getByTestId('theme-switch').click();
  await page.waitForTimeout(400);
  await page.screenshot(shot('09-card-dark'));
  await search.goto();
  await search.search('Петров');
  await expect(search.rows.first()).toBeVisible();
  await page.screenshot(shot('10-search-dark'));
  await page.goto('./#/news');
  await page.screenshot(shot('11-unavailable-dark'));
  await page.getByTestId('theme-switch').click();

  await page.getByTestId('logout').click();
  await login.logIn(ACCOUNTS.admin.login, ACCOUNTS.admin.password);
  await page.getByTestId('nav-audit').click();
  const audit = new AuditPage(page);
  await expect(audit.rows.first()).toBeVisible();
  await audit.verify();
  await page.screenshot(shot('12-audit'));
  await issue.goto();
  await issue.fillChild(ALYONA);
  await issue.fillRepresentative(ALYONA_MOTHER);
  await issue.chooseCategory('город');
  await issue.submit();
  await expect(card.heading).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot(shot('13-card-new'));
});

/** The registry desk's screens, light and dark: `SHOTS_DIR=/tmp/shots2 npx playwright test screens`. */
test('desk screens', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 1500 });
  await logInAs(page, 'operator');
  const number = await issueNewChild(page);
  const card = new CardPage(page);
  const verify = new VerifyPage(page);

  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await page.getByTestId('theme-switch').click();
      await page.waitForTimeout(300);
    }
    const s = (name: string) => shot(`${theme}-${name}`);
    await card.gotoNumber(number);
    await card.openTab('activation');
    if (theme === 'light') {
      await page.getByTestId('activate').click();
      await expect(page.getByTestId('activation-missing')).toHaveAttribute('role', 'alert');
    }
    await page.screenshot(s('20-activation'));
    await card.openTab('consent');
    if (theme === 'light') {
      await Promise.all([page.waitForEvent('popup').then((p) => p.close()), page.getByTestId('print-consent-form').click()]);
      await page.getByTestId('consent-sign-open').click();
    }
    await page.screenshot(s('21-consent'));
    if (theme === 'light') {
      await page.getByTestId('consent-sign-submit').click();
      await expect(page.getByTestId('consent-row')).toHaveCount(1);
      await page.getByTestId('scan-input').first().setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await expect(page.getByTestId('consent-scan')).toBeVisible();
      await card.openTab('activation');
      await page.getByTestId('check-child-identity').click();
      await page.getByTestId('check-rep-identity').click();
      await page.getByTestId('checklist-save').click();
      await expect(page.getByTestId('checklist-recorded')).toBeVisible();
      await page.getByTestId('activate').click();
      await expect(card.status).toHaveText('Сертификат активирован');
      await card.openTab('consent');
    }
    await page.screenshot(s('22-consent-signed'));
    await card.openTab('activation');
    await page.screenshot(s('23-activation-active'));
    await page.getByTestId('annul').click();
    await page.getByTestId('annul-text').fill('Выдан по ошибке');
    await page.waitForTimeout(300);
    await page.screenshot(s('24-annul-dialog'));
    await page.getByRole('button', { name: 'Отмена' }).click();
    await card.openTab('confirmation');
    await page.getByTestId('policy-by_phrase').click();
    await page.getByTestId('code-phrase').fill('кот');
    await page.getByTestId('code-phrase-repeat').fill('кот');
    await page.getByTestId('confirmation-save').click();
    await expect(page.getByTestId('confirmation-error')).toBeVisible();
    await page.screenshot(s('25-confirmation'));
    await card.openTab('documents');
    if (theme === 'light') {
      await Promise.all([page.waitForEvent('popup').then((p) => p.close()), page.getByTestId('print-extract').click()]);
      await expect(page.getByTestId('document-row').first()).toBeVisible();
      const bar = page.getByTestId('printed-download');
      const [download] = await Promise.all([page.waitForEvent('download'), bar.click()]);
      await download.saveAs(path.join(dir ?? '.', 'extract.pdf'));
    }
    await page.getByTestId('print-extract').click();
    await page.waitForTimeout(300);
    await page.screenshot(s('26-documents-confirm'));
    await page.getByRole('button', { name: 'Отмена' }).click();
    await page.screenshot(s('27-documents'));
    const reg = (await page.getByTestId('document-row').first().getAttribute('data-number')) ?? '';
    await card.openTab('family');
    await page.screenshot(s('28-family'));
    await card.openTab('representative');
    await page.screenshot(s('29-representative'));
    await card.openTab('history');
    await page.screenshot(s('30-history'));

    await verify.goto();
    await verify.scan(reg);
    await verify.expectState('valid');
    await page.screenshot(s('31-verify-valid'));
    await verify.scan(`CERTDESK1:${reg}:AAAAAAAAAAAAAAAA`);
    await verify.expectState('tampered');
    await page.screenshot(s('32-verify-tampered'));
    await verify.scan('ВС-0000-00-2000-999999');
    await verify.expectState('not-found');
    await page.screenshot(s('33-verify-not-found'));
    await page.getByTestId('change-password').click();
    await page.waitForTimeout(300);
    await page.screenshot(s('34-change-password'));
    await page.getByRole('button', { name: 'Отмена' }).click();
  }
  await page.getByTestId('theme-switch').click();

  await page.getByTestId('logout').click();
  await new LoginPage(page).logIn(ACCOUNTS.admin.login, ACCOUNTS.admin.password);
  const admin = new AdminPage(page);
  await admin.goto();
  await page.screenshot(shot('light-35-admin'));
  await admin.createButton.click();
  await page.getByTestId('operator-role-org_staff').click();
  await page.waitForTimeout(300);
  await page.screenshot(shot('light-36-admin-create'));
  await page.getByRole('button', { name: 'Отмена' }).click();
  await page.getByTestId('theme-switch').click();
  await page.waitForTimeout(300);
  await page.screenshot(shot('dark-35-admin'));
  await page.getByTestId('theme-switch').click();
});

/** «Моя организация» and the program editor, light and dark: `SHOTS_DIR=/tmp/shots3 npx playwright test screens -g organization`. */
test('organization screens', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 1100 });
  await logInAs(page, 'org');
  const org = new OrganizationPage(page);
  const editor = new ProgramEditorPage(page);
  await org.goto();
  await org.expectCardLoaded();
  await page.screenshot(shot('light-40-organization'));
  await org.fillCard({ phone: '12-34', email: 'не почта' });
  await org.save.click();
  await expect(org.error).toBeVisible();
  await page.screenshot(shot('light-41-organization-errors'));

  await org.newProgram.click();
  await editor.fillProgram({
    name: 'Брейк-данс для начинающих', direction: 'Физкультурно-спортивная', activityTypes: ['Танцы', 'Акробатика'], ageMin: '15', ageMax: '8',
    registries: ['certified', 'general'], goals: 'Координация, выносливость, чувство ритма.', annotation: 'Базовые элементы брейк-данса.',
    addresses: ['г. Мурманск, ул. Спортивная, д. 14', 'г. Мурманск, пр. Ленина, д. 82'],
  });
  await editor.save.click();
  await expect(editor.error).toBeVisible();
  await page.screenshot(shot('light-42-program-errors'));
  await page.getByTestId('program-ageMin').fill('8');
  await page.getByTestId('program-ageMax').fill('14');
  await editor.save.click();
  await expect(page.getByTestId('modules-card')).toBeVisible();
  await editor.addModule({ name: 'Первые шаги', hours: '64', price: 'abc' });
  await expect(editor.moduleError).toBeVisible();
  await page.screenshot(shot('light-43-module-error'));
  await page.getByTestId('module-price').fill('4 500,50');
  await page.getByTestId('module-submit').click();
  await expect(editor.moduleRows).toHaveCount(1);
  await editor.addGroup({
    name: 'Брейк-1', startDate: '01.02.2027', endDate: '31.05.2027', capacity: '10', teacher: 'Воронцов Артём Игоревич',
    timetable: [{ weekday: 'Вторник', start: '17:00', end: '18:30' }, { weekday: 'Четверг', start: '19:00', end: '18:00' }],
  });
  await expect(editor.groupError).toBeVisible();
  await page.screenshot(shot('light-44-group-errors'));
  await page.getByTestId('slot-end-1').fill('19:30');
  await page.getByTestId('group-submit').click();
  await expect(editor.week).toBeVisible();
  await editor.week.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot(shot('light-45-program'));
  await page.getByTestId('theme-switch').click();
  await page.waitForTimeout(300);
  await page.screenshot(shot('dark-45-program'));
  await editor.group('Брейк-1').getByTestId('group-edit').click();
  await page.waitForTimeout(300);
  await page.screenshot(shot('dark-46-group-dialog'));
  await page.getByRole('button', { name: 'Отмена' }).click();
  await editor.module('Первые шаги').getByTestId('module-remove').click();
  await page.waitForTimeout(300);
  await page.screenshot(shot('dark-47-remove-question'));
  await page.getByTestId('remove-confirm').click();
  await expect(page.locator('.n-message', { hasText: 'удалить нельзя' })).toBeVisible();
  await page.screenshot(shot('dark-48-remove-refused'));
  await org.goto();
  await org.expectCardLoaded();
  await page.screenshot(shot('dark-40-organization'));
  await page.getByTestId('theme-switch').click();
});

/** The navigator and the program page, light and dark. */
test('navigator screens', async ({ page }) => {
  test.setTimeout(120_000);
  await logInAs(page, 'operator');
  const navigator = new NavigatorPage(page);
  const program = new ProgramPage(page);
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await page.getByTestId('theme-switch').click();
      await page.waitForTimeout(300);
    }
    const s = (name: string) => shot(`${theme}-${name}`);
    await navigator.goto();
    await expect(navigator.results.first()).toBeVisible();
    await page.screenshot(s('40-navigator'));
    await navigator.useCertificate('9901101325');
    await expect(navigator.results.first().getByTestId('program-reason')).toBeVisible();
    await navigator.openAdvanced();
    await navigator.age.fill('abc');
    await page.waitForTimeout(300);
    await page.screenshot(s('41-navigator-certificate'));
    await navigator.age.fill('');
    await navigator.search('немец');
    await navigator.expectNames(['Немецкий язык для детей школьного возраста']);
    await navigator.query.press('Enter');
    await program.expectOpened('Немецкий язык для детей школьного возраста');
    await expect(program.groups.first()).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 1400 });
    await page.waitForTimeout(300);
    await page.screenshot(s('42-program'));
    await page.setViewportSize({ width: 1366, height: 860 });
    await program.enroll('Немецкий-1');
    await page.waitForTimeout(300);
    await page.screenshot(s('43-program-enroll'));
    await page.getByRole('button', { name: 'Отмена' }).click();
    await navigator.goto();
    await navigator.certificate.fill('');
    await navigator.query.fill('');
  }
  await page.getByTestId('theme-switch').click();
});

/** «Мероприятия», light and dark: the list, the editor, the page with its applications, the navigator's section, the card's tab. */
test('events screens', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const events = new EventsPage(page);
  const event = new EventPage(page);
  const dialog = new EventDialog(page);
  const layout = await logInAs(page, 'org');
  await events.goto();
  await expect(events.items.first()).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot(shot('50-events-org'));
  await events.newEvent.click();
  await dialog.fill({
    name: 'Баттл «Полярная волна»', kind: 'Соревнование, конкурс', startDate: '12.12.2026', startTime: '12:00', endTime: '11:00',
    address: 'г. Мурманск, ул. Спортивная, д. 14, большой зал', ageMin: '8', ageMax: '15', places: '2', description: 'Сольные выступления, три судьи.',
  });
  await dialog.submit.click();
  await expect(dialog.error).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot(shot('51-event-new-error'));
  await dialog.field('end-time').fill('16:00');
  await dialog.submit.click();
  await event.expectOpened('Баттл «Полярная волна»');
  await layout.logout();
  await logInAs(page, 'operator');

  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await page.getByTestId('theme-switch').click();
      await page.waitForTimeout(300);
    }
    const s = (name: string) => shot(`${theme}-${name}`);
    await events.goto();
    await expect(events.items.first()).toBeVisible();
    await page.waitForTimeout(600); // the list's spinner fades
    await page.screenshot(s('52-events'));
    await events.item('Баттл «Полярная волна»').click();
    await event.expectOpened('Баттл «Полярная волна»');
    if (theme === 'light') {
      await event.applyFor('9901101325', 'Сидоров Сидор Сидорович');
      await expect(event.application('9901101325', 'submitted')).toBeVisible();
    }
    await event.apply.click();
    await page.getByTestId('event-apply-certificate').fill('9901101325');
    await page.getByTestId('event-apply-child-name').fill('Сидоров Сидор Сидорович');
    await page.getByTestId('event-apply-submit').click();
    await expect(page.getByTestId('event-apply-error')).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot(s('53-event-apply-refused'));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await page.screenshot(s('54-event-page'));
    const navigator = new NavigatorPage(page);
    await navigator.goto();
    await navigator.search('хип');
    await expect(page.getByTestId('navigator-event').first()).toBeVisible();
    await expect(navigator.results.first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot(s('55-navigator-events'));
    await navigator.query.fill('');
    const card = new CardPage(page);
    await card.gotoNumber('9901101325');
    await page.setViewportSize({ width: 1366, height: 1500 });
    await card.openTab('contracts');
    await expect(page.getByTestId('card-event').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot(s('56-card-events'));
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  await page.getByTestId('theme-switch').click();
});
