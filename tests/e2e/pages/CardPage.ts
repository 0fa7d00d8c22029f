import { expect, type Locator, type Page } from '@playwright/test';

export class CardPage {
  readonly heading: Locator;
  readonly number: Locator;
  readonly title: Locator;
  readonly status: Locator;
  readonly category: Locator;
  readonly nominal: Locator;
  readonly balance: Locator;
  readonly reserve: Locator;
  readonly budgetCounts: Locator;
  readonly notifications: Locator;
  readonly representative: Locator;
  readonly child: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByTestId('cert-heading');
    this.number = page.getByTestId('cert-number');
    this.title = page.getByTestId('cert-title');
    this.status = page.getByTestId('cert-status');
    this.category = page.getByTestId('cert-category');
    this.nominal = page.getByTestId('cert-nominal');
    this.balance = page.getByTestId('cert-balance');
    this.reserve = page.getByTestId('cert-reserve');
    this.budgetCounts = page.getByTestId('cert-budget-counts');
    this.notifications = page.getByTestId('cert-notifications');
    this.representative = page.getByTestId('cert-representative');
    this.child = page.getByTestId('cert-child');
  }

  /** Opens the card by certificate number (the route accepts an id or a number). */
  async gotoNumber(number: string): Promise<void> {
    await this.page.goto(`./#/certificates/${number}`);
    await expect(this.heading).toBeVisible();
  }

  async expectOpened(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }
}
