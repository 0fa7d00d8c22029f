import { expect, type Locator, type Page } from '@playwright/test';

export interface OrganizationCardData {
  name?: string;
  shortName?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** «Моя организация»: the organization card form and the list of its programs. */
export class OrganizationPage {
  readonly root: Locator;
  readonly card: Locator;
  readonly phone: Locator;
  readonly email: Locator;
  readonly save: Locator;
  readonly error: Locator;
  readonly programRows: Locator;
  readonly newProgram: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('organization-page');
    this.card = page.getByTestId('organization-card');
    this.phone = page.getByTestId('org-phone');
    this.email = page.getByTestId('org-email');
    this.save = page.getByTestId('org-card-save');
    this.error = page.getByTestId('org-card-error');
    this.programRows = page.getByTestId('program-row');
    this.newProgram = page.getByTestId('program-new');
  }

  async goto(organizationId?: string): Promise<void> {
    await this.page.goto(organizationId ? `./#/organization?org=${organizationId}` : './#/organization');
    await expect(this.root).toBeVisible();
  }

  async expectCardLoaded(): Promise<void> {
    await expect(this.card).toBeVisible();
    await expect(this.page.getByTestId('org-shortName')).not.toHaveValue('');
  }

  /** Administrators: picks the organization by the visible text of its option. */
  async chooseOrganization(text: string): Promise<void> {
    await this.page.getByTestId('organization-select').click();
    await this.page.locator('.n-base-select-option', { hasText: text }).first().click();
    await this.expectCardLoaded();
  }

  async fillCard(data: OrganizationCardData): Promise<void> {
    for (const [field, value] of Object.entries(data)) {
      if (value !== undefined) await this.page.getByTestId(`org-${field}`).fill(value);
    }
  }

  program(name: string): Locator {
    return this.page.locator(`[data-testid="program-row"][data-name="${name}"]`);
  }
}
