import { expect, type Locator, type Page } from '@playwright/test';

/** «Закрытие месяца»: municipality and month, preview, the confirmed close and its report. */
export class MonthlyClosePage {
  readonly previewButton: Locator;
  readonly closeButton: Locator;
  readonly report: Locator;
  readonly done: Locator;
  readonly already: Locator;
  readonly error: Locator;
  /** A preview's answer why the month cannot be closed yet (the core's decision). */
  readonly notClosable: Locator;

  constructor(readonly page: Page) {
    this.previewButton = page.getByTestId('months-preview');
    this.closeButton = page.getByTestId('months-close');
    this.report = page.getByTestId('months-report');
    this.done = page.getByTestId('months-done');
    this.already = page.getByTestId('months-already');
    this.error = page.getByTestId('months-error');
    this.notClosable = page.getByTestId('months-not-closable');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/months');
    await expect(this.page.getByTestId('months-page')).toBeVisible();
  }

  /** Picks the month by its label, e.g. «Декабрь 2026». */
  async chooseMonth(label: string): Promise<void> {
    await this.page.getByTestId('months-month').click();
    await this.page.locator('.n-base-select-option', { hasText: label }).click();
    await expect(this.page.getByTestId('months-month')).toContainText(label);
  }

  line(key: 'activated' | 'charged' | 'terminated' | 'completed' | 'rejected' | 'shrunk'): Locator {
    return this.page.getByTestId(`months-${key}`);
  }

  async closeConfirmed(): Promise<void> {
    await this.closeButton.click();
    await this.page.getByRole('button', { name: 'Закрыть месяц' }).last().click();
  }
}
