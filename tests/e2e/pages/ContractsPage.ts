import { expect, type Locator, type Page } from '@playwright/test';

export type ContractsTab = 'pending' | 'confirmed' | 'active' | 'archive';

export interface Application {
  /** Text typed into the group search, then the first matching option is chosen. */
  group: string;
  certificateNumber?: string;
  startDate?: string;
  childFullName?: string;
  codePhrase?: string;
  cabinetPassword?: string;
}

/** «Договоры»: tabs, filters, the contract table with its row actions, and the «Новая заявка» dialog. */
export class ContractsPage {
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly dialog: Locator;
  readonly dialogError: Locator;
  readonly created: Locator;
  readonly createdNumber: Locator;
  readonly rowError: Locator;
  /** «Показать ещё»: the next page of the list, offered while the last one came full. */
  readonly more: Locator;
  readonly certificateFilter: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('contract-row');
    this.newButton = page.getByTestId('contracts-new');
    this.dialog = page.getByTestId('application-dialog');
    this.dialogError = page.getByTestId('application-error');
    this.created = page.getByTestId('application-created');
    this.createdNumber = page.getByTestId('application-created-number');
    this.rowError = page.getByTestId('contract-error');
    this.more = page.getByTestId('contracts-more');
    this.certificateFilter = page.getByTestId('contracts-filter-certificate');
  }

  async goto(tab: ContractsTab = 'pending'): Promise<void> {
    await this.page.goto(`./#/contracts?tab=${tab}`);
    await expect(this.page.getByTestId('contracts-page')).toBeVisible();
  }

  async openTab(tab: ContractsTab): Promise<void> {
    await this.page.getByTestId(`contracts-tab-${tab}`).click();
    await expect(this.page.getByTestId(`contracts-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  }

  row(number: string): Locator {
    return this.page.locator(`[data-testid="contract-row"][data-number="${number}"]`);
  }

  /** «Ожидает расторжения с …»: the mark of a contract whose termination waits for its month's close. */
  static awaitingTermination(row: Locator): Locator {
    return row.getByTestId('contract-awaiting-termination');
  }

  /** Terminates the contract of a row (the dialog's date as given, or the desk's today) with a reason. */
  static async terminate(page: Page, row: Locator, reason: string, date?: string): Promise<void> {
    await row.getByTestId('contract-terminate').click();
    await expect(page.getByTestId('contract-terminate-date')).not.toHaveValue('');
    if (date) await page.getByTestId('contract-terminate-date').fill(date);
    await page.getByTestId('contract-terminate-reason').fill(reason);
    await page.getByTestId('contract-terminate-submit').click();
  }

  /** «Отозвать расторжение» of a row, with a reason. */
  static async withdrawTermination(page: Page, row: Locator, reason: string): Promise<void> {
    await row.getByTestId('contract-withdraw-termination').click();
    await page.getByTestId('contract-reason-text').fill(reason);
    await page.getByTestId('contract-reason-submit').click();
  }

  async openNew(): Promise<void> {
    await this.newButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Fills the application dialog (already open) and submits it. */
  async apply(a: Application): Promise<void> {
    await this.page.getByTestId('application-group-input').click();
    await this.page.getByTestId('application-group-input').fill(a.group);
    await this.page.locator('.n-base-select-option:not(.n-base-select-option--disabled)', { hasText: a.group }).first().click();
    await expect(this.page.getByTestId('application-group-facts')).toBeVisible();
    if (a.certificateNumber !== undefined) await this.page.getByTestId('application-certificate').fill(a.certificateNumber);
    if (a.startDate !== undefined) await this.page.getByTestId('application-start-date').fill(a.startDate);
    await this.page.getByTestId('application-child-name').fill(a.childFullName ?? '');
    await this.page.getByTestId('application-code-phrase').fill(a.codePhrase ?? '');
    if (a.cabinetPassword !== undefined) await this.page.getByTestId('application-cabinet-password').fill(a.cabinetPassword);
    await this.page.getByTestId('application-submit').click();
  }

  /** Changes only the child's name and submits again (the group and number stay chosen). */
  async resubmitWithName(childFullName: string): Promise<void> {
    await this.page.getByTestId('application-child-name').fill(childFullName);
    await this.page.getByTestId('application-submit').click();
  }

  async closeDialog(): Promise<void> {
    await this.page.getByTestId('application-close').click();
    await expect(this.dialog).toHaveCount(0);
  }
}
