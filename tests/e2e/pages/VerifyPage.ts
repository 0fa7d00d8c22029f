import { expect, type Locator, type Page } from '@playwright/test';

export class VerifyPage {
  readonly input: Locator;
  readonly submit: Locator;
  readonly result: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('verify-input');
    this.submit = page.getByTestId('verify-submit');
    this.result = page.getByTestId('verify-result');
    this.error = page.getByTestId('verify-error');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/verify');
    await expect(this.input).toBeVisible();
  }

  /** Types the code the way a QR scanner does: key by key, then Enter. */
  async scan(code: string): Promise<void> {
    await this.input.fill('');
    await this.input.pressSequentially(code, { delay: 5 });
    await this.input.press('Enter');
  }

  async expectState(state: 'valid' | 'invalid' | 'tampered' | 'not-found'): Promise<void> {
    await expect(this.result).toHaveAttribute('data-state', state);
  }
}
