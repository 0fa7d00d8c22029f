import { expect, type Locator, type Page } from '@playwright/test';

/** «Навигатор»: the query, the certificate with its switch, the advanced search and the result cards. */
export class NavigatorPage {
  readonly query: Locator;
  readonly certificate: Locator;
  readonly onlyAvailable: Locator;
  readonly advancedToggle: Locator;
  readonly age: Locator;
  readonly address: Locator;
  readonly results: Locator;
  readonly count: Locator;
  readonly empty: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.query = page.getByTestId('navigator-query');
    this.certificate = page.getByTestId('navigator-certificate');
    this.onlyAvailable = page.getByTestId('navigator-only-available');
    this.advancedToggle = page.getByTestId('navigator-advanced-toggle');
    this.age = page.getByTestId('navigator-age');
    this.address = page.getByTestId('navigator-address');
    this.results = page.getByTestId('navigator-result');
    this.count = page.getByTestId('navigator-count');
    this.empty = page.getByTestId('navigator-empty');
    this.error = page.getByTestId('navigator-error');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/navigator');
    await expect(this.page.getByTestId('navigator-page')).toBeVisible();
  }

  /** Types as an operator would (key by key) so that search-as-you-type runs. */
  async search(text: string): Promise<void> {
    await this.query.fill('');
    await this.query.pressSequentially(text, { delay: 20 });
  }

  result(name: string | RegExp): Locator {
    return this.results.filter({ has: this.page.getByTestId('result-name').filter({ hasText: name }) });
  }

  selected(): Locator {
    return this.page.locator('[data-testid="navigator-result"][data-selected="true"]');
  }

  /** The names of the programs on screen, in order. */
  async names(): Promise<string[]> {
    return this.results.getByTestId('result-name').allInnerTexts();
  }

  async expectNames(names: string[]): Promise<void> {
    await expect(this.results.getByTestId('result-name')).toHaveText(names);
  }

  async openAdvanced(): Promise<void> {
    if ((await this.advancedToggle.getAttribute('aria-expanded')) !== 'true') await this.advancedToggle.click();
    await expect(this.page.getByTestId('navigator-advanced')).toBeVisible();
  }

  /** Picks an option of one of the advanced search's lists (direction, registry, municipality, start-month) by typing it. */
  async choose(filter: 'direction' | 'registry' | 'municipality' | 'start-month', option: string): Promise<void> {
    await this.page.getByTestId(`navigator-${filter}`).click();
    // The filter field may still hold the previous choice's text.
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(option);
    await this.page.locator('.n-base-select-option', { hasText: option }).first().click();
  }

  async useCertificate(number: string): Promise<void> {
    await this.certificate.fill(number);
  }
}
