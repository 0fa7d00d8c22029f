import { expect, type Locator, type Page } from '@playwright/test';

export class SearchPage {
  readonly input: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly issueButton: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('search-input');
    this.rows = page.getByTestId('search-row');
    this.empty = page.getByTestId('search-empty');
    this.issueButton = page.getByTestId('issue-button');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/certificates');
    await expect(this.input).toBeVisible();
  }

  /** Types as an operator would (key by key) so that search-as-you-type runs. */
  async search(text: string): Promise<void> {
    await this.input.fill('');
    await this.input.pressSequentially(text, { delay: 15 });
  }

  row(number: string): Locator {
    return this.page.locator(`[data-testid="search-row"][data-number="${number}"]`);
  }

  rowByName(name: string | RegExp): Locator {
    return this.rows.filter({ hasText: name });
  }

  selectedRow(): Locator {
    return this.page.locator('[data-testid="search-row"][aria-selected="true"]');
  }

  async expectFound(name: string | RegExp): Promise<void> {
    await expect(this.rowByName(name).first()).toBeVisible();
  }

  async openIssueForm(): Promise<void> {
    await this.issueButton.click();
    await expect(this.page.getByTestId('issue-page')).toBeVisible();
  }
}
