import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.login = page.locator('#login-login');
    this.password = page.locator('#login-password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/login');
    await expect(this.login).toBeVisible();
  }

  /** Types the credentials and presses Enter (the way operators log in). */
  async logIn(login: string, password: string): Promise<void> {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.password.press('Enter');
  }
}
