import { expect, type Locator, type Page } from '@playwright/test';

export class Layout {
  readonly nav: Locator;
  readonly operatorName: Locator;
  readonly operatorRole: Locator;
  readonly themeSwitch: Locator;
  readonly logoutButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByTestId('nav');
    this.operatorName = page.getByTestId('operator-name');
    this.operatorRole = page.getByTestId('operator-role');
    this.themeSwitch = page.getByTestId('theme-switch');
    this.logoutButton = page.getByTestId('logout');
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  async open(section: string): Promise<void> {
    await this.navLink(section).click();
  }

  async expectLoggedIn(): Promise<void> {
    await expect(this.nav).toBeVisible();
    await expect(this.operatorName).not.toBeEmpty();
  }

  async isDark(): Promise<boolean> {
    return (await this.themeSwitch.getAttribute('aria-checked')) === 'true';
  }

  async toggleTheme(): Promise<void> {
    await this.themeSwitch.click();
  }

  /** Background colour of the page body as the browser computes it, e.g. 'rgb(16, 16, 20)'. */
  async bodyBackground(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }

  /** True when the body background is dark (mean of RGB below 80). */
  async backgroundIsDark(): Promise<boolean> {
    const bg = await this.bodyBackground();
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(bg);
    if (!m) return false;
    const mean = (Number(m[1]) + Number(m[2]) + Number(m[3])) / 3;
    return mean < 80;
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
    await expect(this.page.locator('#login-login')).toBeVisible();
  }
}
