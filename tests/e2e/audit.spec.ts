import { test, expect } from './fixtures';
import { AuditPage } from './pages/AuditPage';
import { logInAs } from './helpers';

test('admin sees «Журнал» with entries and the integrity check passes', async ({ page }) => {
  const layout = await logInAs(page, 'admin');
  await expect(layout.operatorRole).toHaveText('Администратор');
  await expect(layout.navLink('Администрирование')).toBeVisible();
  await layout.open('Журнал');
  const audit = new AuditPage(page);
  await audit.expectOpened();
  await expect(audit.rows.first()).toBeVisible();
  // The admin's own login is in the log.
  await expect(page.locator('[data-testid="audit-table"] [data-operation="auth.login"]').first()).toHaveText('Вход');
  await audit.verify();
  await expect(audit.verifyResult).toContainText(/[А-Яа-яЁё]{3,}/);
  await expect(audit.verifyResult).toHaveAttribute('data-ok', 'true');
});
