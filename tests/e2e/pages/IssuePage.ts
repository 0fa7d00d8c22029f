import { expect, type Locator, type Page } from '@playwright/test';

export interface ChildData {
  lastName: string;
  firstName: string;
  middleName?: string;
  /** As typed by the operator: «14.05.2016» or «2016-05-14». */
  birthDate: string;
  gender: 'male' | 'female';
  document: string;
  snils?: string;
}

export interface RepresentativeData {
  lastName: string;
  firstName: string;
  middleName?: string;
  relation: 'mother' | 'father' | 'guardian' | 'trustee' | 'other';
  document: string;
  phone?: string;
  email?: string;
  address?: string;
}

export class IssuePage {
  readonly submitButton: Locator;
  readonly error: Locator;
  readonly duplicateWarning: Locator;
  readonly confirmNotDuplicate: Locator;

  constructor(readonly page: Page) {
    this.submitButton = page.getByTestId('issue-submit');
    this.error = page.getByTestId('issue-error');
    this.duplicateWarning = page.getByTestId('duplicate-warning');
    this.confirmNotDuplicate = page.getByTestId('confirm-not-duplicate');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/certificates/new');
    await expect(this.page.getByTestId('issue-page')).toBeVisible();
  }

  input(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async fillChild(c: ChildData): Promise<void> {
    await this.input('child-lastName').fill(c.lastName);
    await this.input('child-firstName').fill(c.firstName);
    await this.input('child-middleName').fill(c.middleName ?? '');
    await this.input('child-birthDate').fill(c.birthDate);
    await this.page.getByTestId(`gender-${c.gender}`).click();
    await this.input('child-document').fill(c.document);
    await this.input('child-snils').fill(c.snils ?? '');
  }

  async fillRepresentative(r: RepresentativeData): Promise<void> {
    await this.input('rep-lastName').fill(r.lastName);
    await this.input('rep-firstName').fill(r.firstName);
    await this.input('rep-middleName').fill(r.middleName ?? '');
    await this.page.getByTestId(`relation-${r.relation}`).click();
    await this.input('rep-document').fill(r.document);
    await this.input('rep-phone').fill(r.phone ?? '');
    await this.input('rep-email').fill(r.email ?? '');
    await this.input('rep-address').fill(r.address ?? '');
  }

  /** The demo office serves one municipality, preselected; pick the category by name. */
  async chooseCategory(name: string): Promise<void> {
    await this.page.getByTestId(`category-${name}`).click();
  }

  async chooseType(type: 'financing' | 'accounting'): Promise<void> {
    await this.page.getByTestId(`type-${type}`).click();
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }

  /** Every error message on the form: the alert above it and the messages under the inputs. */
  messages(): Locator {
    return this.page.locator('[data-testid="issue-error"], [data-testid="duplicate-warning"], .n-form-item-feedback__line');
  }

  /** Message shown under an input (NFormItem feedback) for the field with this test id. */
  fieldError(testId: string): Locator {
    return this.page.locator('.n-form-item', { has: this.page.getByTestId(testId) }).locator('.n-form-item-feedback');
  }
}
