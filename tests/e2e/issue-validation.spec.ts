import { test, expect } from './fixtures';
import { IssuePage, type ChildData } from './pages/IssuePage';
import { SearchPage } from './pages/SearchPage';
import { ALYONA_MOTHER, CYRILLIC, logInAs } from './helpers';

const GOOD: ChildData = {
  lastName: 'Проверкина',
  firstName: 'Ульяна',
  middleName: 'Олеговна',
  birthDate: '01.09.2015',
  gender: 'female',
  document: 'IV-ЛО 112233',
};
const nextYear = new Date().getFullYear() + 1;
/** The core's wording is its own; what matters is a Russian message about the birth date or the age. */
const DATE_PROBLEM = /(рожд|будущ|дат)[а-яё]*/i;
const AGE_PROBLEM = /(возраст|лет|рожд)[а-яё]*/i;

const cases: Array<{ name: string; child: ChildData; field: string; expected: RegExp }> = [
  { name: 'empty surname', child: { ...GOOD, lastName: '' }, field: 'child-lastName', expected: /Фамилия: обязательно/ },
  { name: 'Latin letters in the name', child: { ...GOOD, firstName: 'Uliana' }, field: 'child-firstName', expected: /Имя: только русские буквы/ },
  { name: 'birth date in the future', child: { ...GOOD, birthDate: `01.06.${nextYear}` }, field: 'child-birthDate', expected: DATE_PROBLEM },
  { name: 'a child too old (born 2000-01-01)', child: { ...GOOD, birthDate: '2000-01-01' }, field: 'child-birthDate', expected: AGE_PROBLEM },
];

test('bad input in the issue form shows a clear Russian message and creates nothing', async ({ page }) => {
  await logInAs(page, 'operator');
  const issue = new IssuePage(page);
  for (const c of cases) {
    await test.step(c.name, async () => {
      await issue.goto();
      await issue.fillChild(c.child);
      await issue.fillRepresentative(ALYONA_MOTHER);
      await issue.chooseCategory('город');
      await issue.submit();
      // The form stays; the message is shown on the field or above the form.
      await expect(page.getByTestId('issue-page')).toBeVisible();
      // Shown under the field when the core names it, otherwise above the form.
      await expect(issue.messages().filter({ hasText: c.expected }).first()).toBeVisible();
      await expect(issue.messages().filter({ hasText: CYRILLIC }).first()).toBeVisible();
      await expect(issue.fieldError(c.field).or(issue.error).first()).toBeVisible();
      await expect(page.getByTestId('card-page')).toHaveCount(0);
    });
  }
  const search = new SearchPage(page);
  await search.goto();
  await search.search('Проверкина');
  await expect(search.empty).toBeVisible();
  await search.search('Uliana');
  await expect(search.empty).toBeVisible();
});
