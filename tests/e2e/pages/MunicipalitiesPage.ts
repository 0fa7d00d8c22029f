import { expect, type Locator, type Page } from '@playwright/test';

/** «Муниципалитеты»: a municipality's year (limit, categories, publishing) and its own facts. */
export class MunicipalitiesPage {
  readonly limit: Locator;
  readonly status: Locator;
  readonly saveButton: Locator;
  readonly publishButton: Locator;
  readonly formError: Locator;
  readonly locked: Locator;
  readonly newYear: Locator;
  readonly regulations: Locator;

  constructor(readonly page: Page) {
    this.limit = page.getByTestId('mun-limit').locator('input');
    this.status = page.getByTestId('mun-status');
    this.saveButton = page.getByTestId('mun-save');
    this.publishButton = page.getByTestId('mun-publish');
    this.formError = page.getByTestId('mun-year-card').getByTestId('form-error-message');
    this.locked = page.getByTestId('mun-locked');
    this.newYear = page.getByTestId('mun-new-year');
    this.regulations = page.getByTestId('mun-regulations').locator('textarea');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/municipalities');
    await expect(this.page.getByTestId('municipalities-page')).toBeVisible();
    await expect(this.page.getByTestId('mun-year-card')).toBeVisible();
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.getByTestId('mun-year').click();
    await this.page.locator('.n-base-select-option', { hasText: String(year) }).click();
    await expect(this.page.getByTestId('mun-year-card')).toContainText(`Параметры ${year} года`);
  }

  category(name: string): Locator {
    return this.page.getByTestId(`mun-category-${name}`);
  }

  nominalOf(name: string): Locator {
    return this.category(name).getByTestId('mun-cat-nominal').locator('input');
  }

  async fill(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    await expect(field).toHaveValue(value);
  }

  async publishConfirmed(): Promise<void> {
    await this.publishButton.click();
    await this.page.getByRole('button', { name: 'Опубликовать' }).last().click();
  }
}
