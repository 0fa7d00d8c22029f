import { expect, type Locator, type Page } from '@playwright/test';

export class AuditPage {
  readonly rows: Locator;
  readonly verifyButton: Locator;
  readonly verifyResult: Locator;
  readonly loadMore: Locator;
  readonly shown: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('audit-row');
    this.verifyButton = page.getByTestId('audit-verify');
    this.verifyResult = page.getByTestId('audit-verify-result');
    this.loadMore = page.getByTestId('audit-more');
    this.shown = page.getByTestId('audit-shown');
  }

  async expectOpened(): Promise<void> {
    await expect(this.page.getByTestId('audit-page')).toBeVisible();
  }

  async verify(): Promise<void> {
    await this.verifyButton.click();
    await expect(this.verifyResult).toBeVisible();
  }
}
