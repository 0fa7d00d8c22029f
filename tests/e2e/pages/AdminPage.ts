import { expect, type Locator, type Page } from '@playwright/test';

export interface NewOperator {
  login: string;
  fullName: string;
  role: 'admin' | 'registry_operator' | 'org_staff';
  /** Visible text of the organization option, for org staff. */
  organization?: string;
  password: string;
}

export class AdminPage {
  readonly rows: Locator;
  readonly createButton: Locator;
  readonly dialog: Locator;
  readonly error: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('operator-row');
    this.createButton = page.getByTestId('operator-create');
    this.dialog = page.getByTestId('operator-dialog');
    this.error = page.getByTestId('operator-error');
    this.submit = page.getByTestId('operator-submit');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/admin');
    await expect(this.page.getByTestId('admin-page')).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  row(login: string): Locator {
    return this.page.locator(`[data-testid="operator-row"][data-login="${login}"]`);
  }

  async create(op: NewOperator): Promise<void> {
    await this.createButton.click();
    await expect(this.dialog).toBeVisible();
    await this.page.getByTestId('operator-login').fill(op.login);
    await this.page.getByTestId('operator-fullName').fill(op.fullName);
    await this.page.getByTestId(`operator-role-${op.role}`).click();
    if (op.organization) {
      await this.page.getByTestId('operator-organization').click();
      await this.page.locator('.n-base-select-option', { hasText: op.organization }).first().click();
    }
    await this.page.getByTestId('operator-password-new').fill(op.password);
    await this.page.getByTestId('operator-password-repeat').fill(op.password);
    await this.submit.click();
  }
}
