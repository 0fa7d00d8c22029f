import { expect, type Locator, type Page } from '@playwright/test';

/** The program page: facts, modules, organization, rating, groups with «Записать». */
export class ProgramPage {
  readonly name: Locator;
  readonly modules: Locator;
  readonly organization: Locator;
  readonly rating: Locator;
  readonly groups: Locator;
  readonly reasons: Locator;
  readonly canEnroll: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('program-name');
    this.modules = page.getByTestId('program-module');
    this.organization = page.getByTestId('program-organization');
    this.rating = page.getByTestId('program-rating');
    this.groups = page.getByTestId('program-group');
    this.reasons = page.getByTestId('program-reason');
    this.canEnroll = page.getByTestId('program-can-enroll');
  }

  async expectOpened(name: string | RegExp): Promise<void> {
    await expect(this.page.getByTestId('program-page')).toBeVisible();
    await expect(this.name).toHaveText(name);
  }

  group(name: string): Locator {
    return this.page.locator(`[data-testid="program-group"][data-name="${name}"]`);
  }

  /** «Записать» on a group: opens the application dialog with that group chosen. */
  async enroll(groupName: string): Promise<void> {
    await this.group(groupName).getByTestId('program-group-enroll').click();
    await expect(this.page.getByTestId('application-dialog')).toBeVisible();
    await expect(this.page.getByTestId('application-group-facts')).toContainText(groupName);
  }
}
